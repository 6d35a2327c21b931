package org.jfits.dataset;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jfits.FitsFile;

/**
 * The FITS files a dataset has open, shared by its loading threads: at most {@code capacity} stay
 * open when idle, least recently used closed first. A file in use by a thread is never closed under
 * it; while every open file is in use, more may be open than the capacity.
 */
final class OpenFiles implements AutoCloseable {
  private final int capacity;
  private final Function<String, FitsFile> opener;
  private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private boolean closed;

  /** One open file and the number of threads using it. */
  static final class Entry {
    private final FitsFile file;
    private int users;

    private Entry(FitsFile file) {
      this.file = file;
    }

    FitsFile file() {
      return file;
    }
  }

  OpenFiles(int capacity, Function<String, FitsFile> opener) {
    if (capacity < 1) {
      throw new IllegalArgumentException("at least one file must stay open: " + capacity);
    }
    this.capacity = capacity;
    this.opener = opener;
  }

  /** The open file, opened now if needed; give it back with {@link #release}. */
  synchronized Entry acquire(String name) {
    if (closed) {
      throw new IllegalStateException("the dataset's files are closed");
    }
    Entry entry = entries.get(name);
    if (entry == null) {
      entry = new Entry(opener.apply(name));
      entries.put(name, entry);
    }
    entry.users++;
    closeIdleBeyondCapacity();
    return entry;
  }

  synchronized void release(Entry entry) {
    entry.users--;
    closeIdleBeyondCapacity();
  }

  /** The number of files open now. */
  synchronized int openCount() {
    return entries.size();
  }

  private void closeIdleBeyondCapacity() {
    Iterator<Entry> eldestFirst = entries.values().iterator();
    while (entries.size() > capacity && eldestFirst.hasNext()) {
      Entry e = eldestFirst.next();
      if (e.users == 0) {
        eldestFirst.remove();
        e.file.close();
      }
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    for (Entry e : entries.values()) {
      e.file.close();
    }
    entries.clear();
  }

  @Override
  public synchronized String toString() {
    return "OpenFiles" + entries.keySet();
  }
}
