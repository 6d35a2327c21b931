package org.jfits;

/** The file is valid FITS but uses a feature this version of jfits does not read. */
public class FitsUnsupportedException extends FitsException {
  private static final long serialVersionUID = 1L;

  /**
   * @param context where the feature is used
   * @param problem which feature, and what is supported instead
   */
  public FitsUnsupportedException(ErrorContext context, String problem) {
    super(context, problem, null);
  }
}
