package org.jfits.header;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one card image (80 characters, or several for CONTINUE'd strings) the way astropy reads
 * it: string values lose trailing blanks and have {@code ''} unescaped, {@code D} exponents are read
 * as {@code E}, comments are trimmed. Unparseable value fields are kept verbatim and marked invalid
 * rather than failing the whole header.
 */
final class CardParser {
  static final int CARD = 80;
  private static final int KEYWORD_LENGTH = 8;
  private static final String HIERARCH = "HIERARCH";
  /** Integers of at most this many digits always fit in a {@code long}. */
  private static final int MAX_LONG_DIGITS = 18;
  private static final Pattern REAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([EeDd][+-]?\\d+)?");
  private static final Pattern COMPLEX = Pattern.compile("\\(\\s*([^,\\s]+)\\s*,\\s*([^)\\s]+)\\s*\\)");

  private CardParser() {}

  /** True if the image names a commentary keyword whose value is free text. */
  static boolean isCommentaryKeyword(String keyword) {
    return keyword.isEmpty() || keyword.equals("COMMENT") || keyword.equals("HISTORY");
  }

  /** The keyword field (columns 1-8) without trailing blanks. */
  static String keywordField(String image) {
    return image.substring(0, KEYWORD_LENGTH).stripTrailing();
  }

  /** Parses a single 80-character card image. */
  static Card parse(String image, long offset) {
    String keyword = keywordField(image);
    if (keyword.equals(HIERARCH)) {
      int eq = image.indexOf('=', KEYWORD_LENGTH);
      if (eq > 0) {
        String name = image.substring(KEYWORD_LENGTH, eq).strip();
        return valueCard(name, image.substring(eq + 1), image, offset);
      }
    }
    if (!isCommentaryKeyword(keyword) && image.startsWith("= ", KEYWORD_LENGTH)) {
      return valueCard(keyword, image.substring(KEYWORD_LENGTH + 2), image, offset);
    }
    String text = image.substring(KEYWORD_LENGTH).stripTrailing();
    return new Card(keyword, text, "", true, true, image, offset);
  }

  /**
   * Joins a string card with the CONTINUE cards that follow it into one logical card, as astropy does:
   * each piece loses trailing blanks and a final {@code &}; the comments are joined with a blank.
   */
  static Card joinContinued(Card first, String[] continuations) {
    StringBuilder value = new StringBuilder(piece((String) first.value()));
    StringBuilder comment = new StringBuilder(first.comment());
    StringBuilder image = new StringBuilder(first.image());
    for (String next : continuations) {
      image.append(next);
      String field = next.substring(KEYWORD_LENGTH).strip();
      if (!field.startsWith("'")) {
        return new Card(first.keyword(), image.toString(), "", false, false, image.toString(), first.offset());
      }
      StringValue s = readString(field, 0);
      if (s == null) {
        return new Card(first.keyword(), image.toString(), "", false, false, image.toString(), first.offset());
      }
      value.append(piece(s.text));
      String c = commentAfter(field, s.end);
      if (c != null && !c.isEmpty()) {
        if (comment.length() > 0) {
          comment.append(' ');
        }
        comment.append(c);
      }
    }
    return new Card(first.keyword(), value.toString(), comment.toString(), false, true, image.toString(),
        first.offset());
  }

  private static String piece(String text) {
    String s = text.stripTrailing();
    return s.endsWith("&") ? s.substring(0, s.length() - 1) : s;
  }

  private static Card valueCard(String keyword, String field, String image, long offset) {
    String f = field.stripLeading();
    if (f.isEmpty() || f.charAt(0) == '/') {
      return new Card(keyword, null, f.isEmpty() ? "" : f.substring(1).strip(), false, true, image, offset);
    }
    if (f.charAt(0) == '\'') {
      StringValue s = readString(f, 0);
      String comment = s == null ? null : commentAfter(f, s.end);
      if (comment == null) {
        return invalid(keyword, field, image, offset);
      }
      return new Card(keyword, s.text.stripTrailing(), comment, false, true, image, offset);
    }
    int slash = f.indexOf('/');
    String token = (slash < 0 ? f : f.substring(0, slash)).strip();
    String comment = slash < 0 ? "" : f.substring(slash + 1).strip();
    Object value = parseScalar(token);
    if (value == null) {
      return invalid(keyword, field, image, offset);
    }
    return new Card(keyword, value, comment, false, true, image, offset);
  }

  private static Card invalid(String keyword, String field, String image, long offset) {
    return new Card(keyword, field.strip(), "", false, false, image, offset);
  }

  private static Object parseScalar(String token) {
    if (token.equals("T")) {
      return Boolean.TRUE;
    }
    if (token.equals("F")) {
      return Boolean.FALSE;
    }
    if (isInteger(token)) {
      return parseInteger(token);
    }
    if (REAL.matcher(token).matches()) {
      return Double.parseDouble(token.replace('D', 'E').replace('d', 'e'));
    }
    Matcher m = COMPLEX.matcher(token);
    if (m.matches()) {
      Object re = parseScalar(m.group(1));
      Object im = parseScalar(m.group(2));
      if (re instanceof Number r && im instanceof Number i) {
        return new Card.Complex(r.doubleValue(), i.doubleValue());
      }
    }
    return null;
  }

  /** Whether the token is an optional sign and one or more decimal digits. */
  private static boolean isInteger(String token) {
    int start = token.startsWith("+") || token.startsWith("-") ? 1 : 0;
    if (start == token.length()) {
      return false;
    }
    for (int i = start; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** A {@code Long} when the integer fits in one (as every 18-digit integer does), else a BigInteger. */
  private static Object parseInteger(String token) {
    int digits = token.length() - (Character.isDigit(token.charAt(0)) ? 0 : 1);
    if (digits <= MAX_LONG_DIGITS) {
      return Long.parseLong(token);
    }
    BigInteger big = new BigInteger(token.startsWith("+") ? token.substring(1) : token);
    return big.bitLength() < Long.SIZE ? (Object) big.longValue() : big;
  }

  private record StringValue(String text, int end) {}

  /** Reads a quoted FITS string starting at {@code start} (a quote); null if it is not closed. */
  private static StringValue readString(String field, int start) {
    StringBuilder text = new StringBuilder();
    int i = start + 1;
    while (i < field.length()) {
      char c = field.charAt(i);
      if (c == '\'') {
        if (i + 1 < field.length() && field.charAt(i + 1) == '\'') {
          text.append('\'');
          i += 2;
          continue;
        }
        return new StringValue(text.toString(), i + 1);
      }
      text.append(c);
      i++;
    }
    return null;
  }

  /** The comment after a value ending at {@code end}: "" if none, null if there is stray text. */
  private static String commentAfter(String field, int end) {
    String rest = field.substring(end).strip();
    if (rest.isEmpty()) {
      return "";
    }
    return rest.charAt(0) == '/' ? rest.substring(1).strip() : null;
  }
}
