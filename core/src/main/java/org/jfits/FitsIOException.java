package org.jfits;

import java.io.IOException;

/** The operating system failed to open, read or write a file. */
public class FitsIOException extends FitsException {
  private static final long serialVersionUID = 1L;

  /**
   * @param context the file and, where known, the HDU and offset of the failed operation
   * @param problem what was being done
   * @param cause the I/O error
   */
  public FitsIOException(ErrorContext context, String problem, IOException cause) {
    super(context, problem + ": " + cause, cause);
  }

  private FitsIOException(IOException cause, ErrorContext context, String problem) {
    super(context, problem, cause);
  }

  /**
   * A failure whose {@code problem} already says what went wrong (the failures of remote reads list
   * each attempt's): the cause is kept, but its text is not repeated in the message.
   */
  public static FitsIOException described(ErrorContext context, String problem, IOException cause) {
    return new FitsIOException(cause, context, problem);
  }
}
