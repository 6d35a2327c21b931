package org.jfits.wcs;

import org.jfits.ErrorContext;
import org.jfits.FitsKeywordException;
import org.jfits.FitsUnsupportedException;
import org.jfits.header.Card;
import org.jfits.header.Header;

/**
 * The WCS keywords of one coordinate description (primary, or alternate letter A-Z) of a header:
 * look-ups with the letter appended, FITS defaults, and errors that name the keyword.
 */
final class WcsKeywords {
  private final Header header;
  private final String suffix;

  WcsKeywords(Header header, char alt) {
    this.header = header;
    this.suffix = alt == ' ' ? "" : String.valueOf(alt);
  }

  /** The keyword with the alternate letter appended. */
  String name(String base) {
    return base + suffix;
  }

  boolean has(String base) {
    return header.containsKey(name(base));
  }

  /** The value of {@code base + alt}, or {@code fallback} when it is missing. */
  double number(String base, double fallback) {
    return header.getDouble(name(base), fallback);
  }

  /**
   * The name of matrix element (i, j) of PC or CD as the header writes it: {@code PCi_ja}, or the
   * deprecated {@code PC00i00j} form of the primary WCS that WCSLIB also reads.
   */
  String matrixName(String base, int i, int j) {
    String current = base + i + "_" + j;
    String old = String.format("%s%03d%03d", base, i, j);
    return suffix.isEmpty() && !header.containsKey(current) && header.containsKey(old) ? old : current + suffix;
  }

  boolean hasMatrix(String base, int i, int j) {
    return header.containsKey(matrixName(base, i, j));
  }

  double matrix(String base, int i, int j, double fallback) {
    return header.getDouble(matrixName(base, i, j), fallback);
  }

  /** The value of a keyword that has no alternate form (SIP's A_p_q, A_ORDER...). */
  double plainNumber(String keyword, double fallback) {
    return header.getDouble(keyword, fallback);
  }

  int plainInt(String keyword) {
    return header.getInt(keyword);
  }

  boolean hasPlain(String keyword) {
    return header.containsKey(keyword);
  }

  /** The trimmed string value of {@code base + alt}, or null when it is missing. */
  String text(String base) {
    String value = header.getString(name(base), null);
    return value == null ? null : value.strip();
  }

  /** The trimmed string value of a keyword that has no alternate form. */
  String plainText(String keyword) {
    return header.getString(keyword).strip();
  }

  FitsKeywordException keywordErrorPlain(String keyword, String problem) {
    return new FitsKeywordException(where(keyword), problem);
  }

  FitsKeywordException keywordError(String base, String problem) {
    return new FitsKeywordException(where(name(base)), problem);
  }

  FitsUnsupportedException unsupported(String base, String problem) {
    return new FitsUnsupportedException(where(name(base)), problem);
  }

  FitsUnsupportedException unsupportedPlain(String keyword, String problem) {
    return new FitsUnsupportedException(where(keyword), problem);
  }

  private ErrorContext where(String keyword) {
    ErrorContext at = header.context().withKeyword(keyword);
    return header.card(keyword).map(Card::offset).map(at::withOffset).orElse(at);
  }
}
