package org.jfits;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Where in a FITS file a problem was found: the file, and optionally the HDU (index and name), the
 * keyword and the byte offset. Immutable; the {@code with…} methods return narrowed copies, so a
 * reader passes a context down and each layer adds what it knows.
 */
public final class ErrorContext {
  private static final int NONE = -1;

  private final String file;
  private final int hdu;
  private final String hduName;
  private final String keyword;
  private final long offset;

  private ErrorContext(String file, int hdu, String hduName, String keyword, long offset) {
    this.file = file;
    this.hdu = hdu;
    this.hduName = hduName;
    this.keyword = keyword;
    this.offset = offset;
  }

  /** A context naming only the file. */
  public static ErrorContext file(String file) {
    return new ErrorContext(file, NONE, null, null, NONE);
  }

  /** This context, narrowed to HDU {@code index}. */
  public ErrorContext withHdu(int index) {
    return new ErrorContext(file, index, null, null, NONE);
  }

  /** This context, narrowed to HDU {@code index} called {@code name} (EXTNAME), if it has one. */
  public ErrorContext withHdu(int index, String name) {
    return new ErrorContext(file, index, name, null, NONE);
  }

  /** This context, narrowed to a keyword. */
  public ErrorContext withKeyword(String keyword) {
    return new ErrorContext(file, hdu, hduName, keyword, offset);
  }

  /** This context, narrowed to a byte offset in the file. */
  public ErrorContext withOffset(long offset) {
    return new ErrorContext(file, hdu, hduName, keyword, offset);
  }

  /** The file or URL. */
  public String file() {
    return file;
  }

  /** The HDU index, when known. */
  public OptionalInt hdu() {
    return hdu == NONE ? OptionalInt.empty() : OptionalInt.of(hdu);
  }

  /** The keyword, when one is involved. */
  public Optional<String> keyword() {
    return Optional.ofNullable(keyword);
  }

  /** The byte offset in the file, when known. */
  public OptionalLong offset() {
    return offset == NONE ? OptionalLong.empty() : OptionalLong.of(offset);
  }

  /** A one-line message: {@code file, HDU 1 (SCI), keyword NAXIS2, byte 2880: problem}. */
  public String describe(String problem) {
    StringBuilder text = new StringBuilder(file);
    if (hdu != NONE) {
      text.append(", HDU ").append(hdu);
      if (hduName != null && !hduName.isEmpty()) {
        text.append(" (").append(hduName).append(')');
      }
    }
    if (keyword != null) {
      text.append(", keyword ").append(keyword);
    }
    if (offset != NONE) {
      text.append(", byte ").append(offset);
    }
    return text.append(": ").append(problem).toString();
  }

  @Override
  public String toString() {
    return describe("");
  }
}
