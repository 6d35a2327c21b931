package org.jfits.table;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed TFORM value.
 *
 * <p>Binary tables: {@code rTa} — a repeat count {@code r} (default 1), a type code {@code T}
 * ({@code L X B I J K A E D C M}, or {@code P}/{@code Q} for variable-length arrays, followed by the
 * element type and an optional maximum length in parentheses, e.g. {@code 1PE(12)}). ASCII tables:
 * {@code Aw}, {@code Iw}, {@code Fw.d}, {@code Ew.d}, {@code Dw.d}.
 *
 * @param text the TFORM as written, trimmed
 * @param repeat the repeat count (for ASCII tables: 1)
 * @param type the type code, upper case; for {@code P}/{@code Q} the descriptor type
 * @param elementType for {@code P}/{@code Q}: the element type code; otherwise the same as {@code type}
 * @param maxLength for {@code P}/{@code Q}: the maximum length in parentheses, or -1
 * @param width for ASCII tables: the field width {@code w}; for binary tables: the bytes the column
 *     takes in a row
 * @param decimals for ASCII {@code F}, {@code E}, {@code D}: the {@code d}; otherwise 0
 * @param ascii true for an ASCII-table TFORM
 */
public record ColumnFormat(String text, long repeat, char type, char elementType, long maxLength, long width,
    int decimals, boolean ascii) {

  private static final Pattern BINARY =
      Pattern.compile("(\\d*)([LXBIJKAEDCM])(.*)|(\\d*)([PQ])([LXBIJKAEDCM])(?:\\((\\d+)\\))?(.*)");
  private static final Pattern ASCII = Pattern.compile("([AIFED])(\\d+)(?:\\.(\\d+))?");

  /**
   * Parses a binary-table TFORM.
   *
   * @throws IllegalArgumentException if the text is not a valid TFORM; the caller reports it with
   *     its file, HDU and keyword
   */
  public static ColumnFormat binary(String tform) {
    String text = tform.strip().toUpperCase(java.util.Locale.ROOT);
    Matcher m = BINARY.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + tform + "' is not a binary-table TFORM (rT with T one of"
          + " L X B I J K A E D C M P Q)");
    }
    if (m.group(2) != null) {
      long repeat = m.group(1).isEmpty() ? 1 : Long.parseLong(m.group(1));
      char type = m.group(2).charAt(0);
      return new ColumnFormat(text, repeat, type, type, -1, binaryWidth(type, repeat), 0, false);
    }
    long repeat = m.group(4).isEmpty() ? 1 : Long.parseLong(m.group(4));
    if (repeat > 1) {
      throw new IllegalArgumentException("'" + tform + "': a variable-length array column has a repeat of 0 or 1");
    }
    char type = m.group(5).charAt(0);
    long max = m.group(7) == null ? -1 : Long.parseLong(m.group(7));
    long width = repeat * (type == 'P' ? 8 : 16);
    return new ColumnFormat(text, repeat, type, m.group(6).charAt(0), max, width, 0, false);
  }

  /**
   * Parses an ASCII-table TFORM.
   *
   * @throws IllegalArgumentException if the text is not a valid ASCII-table TFORM
   */
  public static ColumnFormat ascii(String tform) {
    String text = tform.strip().toUpperCase(java.util.Locale.ROOT);
    Matcher m = ASCII.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + tform + "' is not an ASCII-table TFORM (Aw, Iw, Fw.d, Ew.d, Dw.d)");
    }
    char type = m.group(1).charAt(0);
    int decimals = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    return new ColumnFormat(text, 1, type, type, -1, Long.parseLong(m.group(2)), decimals, true);
  }

  /** True for variable-length array descriptors ({@code P} and {@code Q}). */
  public boolean isVariableLength() {
    return type == 'P' || type == 'Q';
  }

  /** The size in bytes of one element of a binary type code; bits ({@code X}) count as 1/8. */
  public static long binaryWidth(char type, long repeat) {
    switch (type) {
      case 'X':
        return (repeat + 7) / 8;
      case 'L':
      case 'B':
      case 'A':
        return repeat;
      case 'I':
        return 2 * repeat;
      case 'J':
      case 'E':
        return 4 * repeat;
      case 'K':
      case 'D':
      case 'C':
        return 8 * repeat;
      default: // 'M'
        return 16 * repeat;
    }
  }
}
