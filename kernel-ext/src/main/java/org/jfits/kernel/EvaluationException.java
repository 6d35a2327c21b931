package org.jfits.kernel;

import java.util.List;

/**
 * Cell code that compiled but threw. The message is the thrown exception's class and message
 * ({@code java.lang.IllegalStateException: no data}); {@link #report()} adds its causes and the stack
 * frames from the cell and the code it called, without the kernel's own frames.
 */
public final class EvaluationException extends CellException {
  private static final long serialVersionUID = 1L;

  private final String exceptionClass;

  EvaluationException(String exceptionClass, String message, List<String> report) {
    super(message, report);
    this.exceptionClass = exceptionClass;
  }

  /** The fully qualified class name of the exception the cell threw. */
  public String exceptionClass() {
    return exceptionClass;
  }
}
