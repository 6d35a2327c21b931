package org.jfits.kernel;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs cell code directly on the calling thread, so that a magic running inside a cell can evaluate
 * more code (nested evaluation) and sees the kernel's statics.
 *
 * <p>jshell only passes values around as strings; this control keeps each snippet's value as an
 * object under a key, and hands that key to jshell as the value string: {@link #take(String)} turns
 * it back into the object, so that a cell's result can be rendered. {@link #stop()} interrupts the
 * thread running a cell: code that waits, sleeps or does I/O stops; a busy loop that never checks
 * its interrupt flag does not.
 */
final class SnippetExecutionControl extends DirectExecutionControl {
  private static final Object NULL = new Object();

  private final Map<String, Object> values = new ConcurrentHashMap<>();
  private final AtomicLong keys = new AtomicLong();
  private volatile Thread running;
  private int depth;

  SnippetExecutionControl(SnippetLoader loader) {
    super(loader);
  }

  /** A provider handing this control to {@code JShell.builder().executionEngine(...)}. */
  ExecutionControlProvider provider() {
    ExecutionControl control = this;
    return new ExecutionControlProvider() {
      @Override
      public String name() {
        return "jfits-local";
      }

      @Override
      public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return control;
      }
    };
  }

  @Override
  protected String invoke(Method doit) throws Exception {
    Object value = doit.invoke(null);
    String key = "value#" + keys.incrementAndGet();
    values.put(key, value == null ? NULL : value);
    return key;
  }

  /** The object a snippet returned, by the key jshell reported as its value; null if none. */
  Object take(String key) {
    Object value = key == null ? null : values.remove(key);
    return value == NULL ? null : value;
  }

  /** Forgets the values nobody took (declarations' values, for instance). */
  void forgetValues() {
    values.clear();
  }

  @Override
  protected void clientCodeEnter() {
    if (depth++ == 0) {
      running = Thread.currentThread();
    }
  }

  @Override
  protected void clientCodeLeave() {
    if (--depth == 0) {
      running = null;
    }
  }

  @Override
  public void stop() {
    Thread thread = running;
    if (thread != null) {
      thread.interrupt();
    }
  }
}
