package org.jfits.table;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jfits.table.filter.Values;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.StringColumn;

/**
 * Decodes a character column ({@code rA}) as astropy does: everything from the first NUL on is
 * dropped, then trailing blanks; leading blanks stay. Bytes are read as ISO-8859-1 so that no byte
 * is lost. A plain {@code rA} column is one string per row, a Tablesaw {@link StringColumn} (where an
 * empty string is Tablesaw's missing value). With a TDIM of two or more axes, such as {@code 30A}
 * with {@code TDIM = '(10,3)'}, the first TDIM axis is the string length and the others the shape of
 * an array of strings per row: astropy gives shape {@code (rows, 3)} of 10-character strings, jfits
 * an ND4J UTF8 array of shape {@code [rows, 3]} ({@code array.getString(i)} reads element {@code i}
 * in 'c' order).
 */
final class StringDecoder implements FilterValues {
  private final ColumnInfo info;
  private final int offset;
  private final int rowWidth;
  private final int length;
  private final int perRow;
  private final String[] values;

  StringDecoder(ColumnInfo info, int offset, int rowWidth, int rows) {
    this.info = info;
    this.offset = offset;
    this.rowWidth = rowWidth;
    long[] dims = info.dims();
    if (dims.length >= 2) {
      this.length = (int) dims[dims.length - 1];
      long count = 1;
      for (int i = 0; i < dims.length - 1; i++) {
        count *= dims[i];
      }
      this.perRow = (int) count;
    } else {
      this.length = (int) info.format().repeat();
      this.perRow = 1;
    }
    this.values = new String[Math.multiplyExact(rows, perRow)];
  }

  static boolean handles(ColumnInfo info) {
    return !info.format().isVariableLength() && info.format().type() == 'A';
  }

  @Override
  public void decode(ByteBuffer chunk, int row, int count) {
    byte[] bytes = new byte[length];
    Recent recent = new Recent();
    int at = offset;
    for (int i = 0; i < count; i++, at += rowWidth) {
      for (int k = 0; k < perRow; k++) {
        chunk.get(at + k * length, bytes, 0, length);
        values[(row + i) * perRow + k] = recent.text(bytes, end(bytes, 0, length));
      }
    }
  }

  /** The string astropy reads from {@code length} bytes: cut at the first NUL, trailing blanks removed. */
  static String text(byte[] bytes, int from, int length) {
    return string(bytes, from, end(bytes, from, length));
  }

  private static String string(byte[] bytes, int from, int end) {
    return end == from ? "" : new String(bytes, from, end - from, StandardCharsets.ISO_8859_1);
  }

  /** The index after the last byte astropy keeps of {@code bytes[from, from + length)}. */
  private static int end(byte[] bytes, int from, int length) {
    int end = from;
    int stop = from + length;
    while (end < stop && bytes[end] != 0) {
      end++;
    }
    while (end > from && bytes[end - 1] == ' ') {
      end--;
    }
    return end;
  }

  /**
   * The strings already made in one chunk, by their bytes, so that a column of few distinct values (a
   * band, a flag name) holds one {@code String} per value: no copy per row, and Tablesaw's dictionary
   * finds each by identity with its hash already computed. A chunk whose first {@link #TRIAL} rows
   * mostly differ (names, identifiers) stops looking for the rest of the chunk. One thread only.
   */
  private static final class Recent {
    private static final int SLOTS = 64;
    private static final int TRIAL = 256;
    private final byte[][] keys = new byte[SLOTS][];
    private final String[] strings = new String[SLOTS];
    private int asked;
    private int hits;

    /** The string of {@code bytes[0, end)}. */
    String text(byte[] bytes, int end) {
      if (asked >= TRIAL && 2 * hits < asked) {
        return string(bytes, 0, end);
      }
      asked++;
      int hash = 1;
      for (int i = 0; i < end; i++) {
        hash = 31 * hash + bytes[i];
      }
      int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
      byte[] key = keys[slot];
      if (key != null && Arrays.equals(key, 0, key.length, bytes, 0, end)) {
        hits++;
        return strings[slot];
      }
      keys[slot] = Arrays.copyOf(bytes, end);
      strings[slot] = string(bytes, 0, end);
      return strings[slot];
    }
  }

  /** The strings of the first {@code count} rows (one string per row); empty strings are null, as in the read. */
  @Override
  public Values values(int count) {
    return FilterValues.strings(values, count);
  }

  @Override
  public void finish(TableParts parts) {
    long[] dims = info.dims();
    if (dims.length >= 2) {
      long[] shape = new long[dims.length];
      shape[0] = values.length / Math.max(1, perRow);
      System.arraycopy(dims, 0, shape, 1, dims.length - 1);
      parts.array(info, Nd4j.create(Arrays.asList(values), shape));
    } else {
      parts.scalar(info, StringColumns.of(info.name(), values));
    }
  }
}
