package org.jfits;

/** The file breaks the FITS standard: truncated, missing END, malformed cards, impossible sizes. */
public class FitsFormatException extends FitsException {
  private static final long serialVersionUID = 1L;

  /**
   * @param context where the problem is
   * @param problem what is wrong and what was expected
   */
  public FitsFormatException(ErrorContext context, String problem) {
    super(context, problem, null);
  }
}
