package org.jfits.notebook;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands values from a magic to the notebook's own code. A magic cannot return a value into a
 * variable (the kernel turns {@code %fits ...} into a statement), so it parks the value here under
 * a fresh key and evaluates {@code Type name = (Type) NotebookValues.take("key");} in the notebook.
 * Each value can be taken once; public only because notebook code must reach it.
 */
public final class NotebookValues {
  private static final Map<String, Object> VALUES = new ConcurrentHashMap<>();
  private static final AtomicLong NEXT = new AtomicLong();

  private NotebookValues() {}

  /** Parks {@code value} and returns its key. */
  static String put(Object value) {
    String key = "v" + NEXT.incrementAndGet();
    VALUES.put(key, value);
    return key;
  }

  /**
   * Removes and returns the value parked under {@code key}.
   *
   * @throws IllegalStateException if there is none (already taken, or never parked)
   */
  public static Object take(String key) {
    Object value = VALUES.remove(key);
    if (value == null) {
      throw new IllegalStateException("no value waiting under key " + key);
    }
    return value;
  }

  /** Forgets the value under {@code key}, if it is still there. */
  static void discard(String key) {
    VALUES.remove(key);
  }
}
