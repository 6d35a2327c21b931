package org.jfits.table;

/**
 * Parses the numeric fields of ASCII tables as FITS (Fortran) formats define them: blanks anywhere
 * in the field are ignored (so a blank field is a null), {@code D} is an exponent letter like
 * {@code E}, and a real without a decimal point has {@code d} implied decimals ({@code F8.2} reads
 * {@code 150} as 1.50). Stateless.
 */
final class AsciiFields {
  private AsciiFields() {}

  /**
   * The field without blanks, or "" when blank. {@code scratch} must hold at least {@code length}
   * characters.
   */
  static String compact(byte[] bytes, int from, int length, char[] scratch) {
    int n = 0;
    for (int i = from; i < from + length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != 0) {
        scratch[n++] = (char) (b & 0xff);
      }
    }
    return n == 0 ? "" : new String(scratch, 0, n);
  }

  /** An integer field (already compacted, not empty). */
  static long parseLong(String text) {
    String t = text.startsWith("+") ? text.substring(1) : text;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!(c >= '0' && c <= '9') && !(i == 0 && c == '-' && t.length() > 1)) {
        throw new NumberFormatException("'" + text + "' is not an integer");
      }
    }
    return Long.parseLong(t);
  }

  /** A real field (already compacted, not empty) with {@code decimals} implied decimals. */
  static double parseDouble(String text, int decimals) {
    StringBuilder mantissa = new StringBuilder(text.length());
    String exponent = null;
    boolean point = false;
    boolean digits = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
        mantissa.append(c);
      } else if (c == '.' && !point) {
        point = true;
        mantissa.append(c);
      } else if ((c == '+' || c == '-') && i == 0) {
        mantissa.append(c);
      } else if ((c == 'E' || c == 'e' || c == 'D' || c == 'd') && digits) {
        exponent = text.substring(i + 1);
        break;
      } else if ((c == '+' || c == '-') && digits) {
        exponent = text.substring(i); // Fortran allows 1.5-3 for 1.5E-3
        break;
      } else {
        throw new NumberFormatException("'" + text + "' is not a number");
      }
    }
    if (!digits) {
      throw new NumberFormatException("'" + text + "' is not a number");
    }
    long exp = 0;
    if (exponent != null) {
      exp = parseLong(exponent.isEmpty() ? "x" : exponent);
    }
    if (!point && decimals > 0) {
      exp -= decimals;
    }
    return Double.parseDouble(exp == 0 ? mantissa.toString() : mantissa + "E" + exp);
  }
}
