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
}
