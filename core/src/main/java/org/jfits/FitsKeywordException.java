package org.jfits;

/** A header keyword that was asked for is missing, or its value is not of the requested type. */
public class FitsKeywordException extends FitsException {
  private static final long serialVersionUID = 1L;

  /**
   * @param context where the problem is; names the keyword
   * @param problem what is wrong and what was expected
   */
  public FitsKeywordException(ErrorContext context, String problem) {
    super(context, problem, null);
  }
}
