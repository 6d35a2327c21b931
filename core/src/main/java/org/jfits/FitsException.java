package org.jfits;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The root of every error jfits reports about a FITS file.
 *
 * <p>Unchecked, so that notebook cells, streams and lambdas stay readable; catch it (or one of its
 * subclasses) where a program can recover. Every instance carries an {@link ErrorContext}: the file,
 * and where known the HDU, the keyword and the byte offset, so that the message alone tells the user
 * where to look. The subclasses say what kind of problem it is:
 * <ul>
 *   <li>{@link FitsFormatException}: the bytes do not follow the FITS standard (truncated, malformed);
 *   <li>{@link FitsKeywordException}: a header keyword is missing or has a value of the wrong type;
 *   <li>{@link FitsUnsupportedException}: valid FITS that this version of jfits cannot read;
 *   <li>{@link FitsIOException}: the operating system failed to read or write.
 * </ul>
 */
public class FitsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ErrorContext context;
  private final String problem;

  /**
   * @param context where the problem is
   * @param problem what is wrong, and what was expected, in words
   * @param cause the underlying exception, or {@code null}
   */
  public FitsException(ErrorContext context, String problem, Throwable cause) {
    super(context.describe(problem), cause);
    this.context = context;
    this.problem = problem;
  }

  /** The location of the problem: file, HDU, keyword, byte offset. */
  public ErrorContext context() {
    return context;
  }

  /** The problem alone, without the location prefix of {@link #getMessage()}. */
  public String problem() {
    return problem;
  }

  /** The file (or URL) the problem was found in. */
  public String file() {
    return context.file();
  }

  /** The index of the HDU, when the problem belongs to one. */
  public OptionalInt hdu() {
    return context.hdu();
  }

  /** The header keyword involved, when there is one. */
  public Optional<String> keyword() {
    return context.keyword();
  }

  /** The byte offset in the file where the problem was found, when known. */
  public OptionalLong offset() {
    return context.offset();
  }
}
