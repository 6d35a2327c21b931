package org.jfits.notebook;

/**
 * A {@code %fits} magic that cannot do what was asked: a bad path or HDU, an unknown option, a
 * FITS error. The message is one line that says what went wrong, so that the failing cell shows it
 * plainly; the underlying exception, if any, is the cause.
 */
public final class FitsMagicException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong, on one line (line breaks are replaced by blanks) */
  public FitsMagicException(String message) {
    this(message, null);
  }

  /**
   * @param message what went wrong, on one line (line breaks are replaced by blanks)
   * @param cause the exception that stopped the magic, or {@code null}
   */
  public FitsMagicException(String message, Throwable cause) {
    super(message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip(), cause);
  }
}
