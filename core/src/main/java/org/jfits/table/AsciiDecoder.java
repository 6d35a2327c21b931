package org.jfits.table;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jfits.FitsFormatException;
import org.jfits.table.filter.Values;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;

/**
 * Decodes one column of an ASCII table (XTENSION = 'TABLE'). Types follow astropy: {@code Aw} a
 * string (trailing blanks removed), {@code Iw} a short column for {@code w <= 4}, an int column for
 * {@code w <= 9}, a long column beyond; {@code Fw.d}, {@code Ew.d} and {@code Dw.d} a double column.
 * A blank field, or one equal to TNULL (both trimmed), is missing (astropy reads blank numbers as 0).
 * TSCAL/TZERO scale the numbers to double as in binary tables.
 */
final class AsciiDecoder implements FilterValues {
  private final TableLayout layout;
  private final ColumnInfo info;
  private final int offset;
  private final long start;
  private final int width;
  private final String tnull;
  private final String[] strings;
  private final long[] longs;
  private final double[] doubles;
  private final boolean scaled;

  AsciiDecoder(TableLayout layout, ColumnInfo info, int offset, long start, int rows) {
    this.layout = layout;
    this.info = info;
    this.offset = offset;
    this.start = start;
    this.width = (int) info.format().width();
    this.tnull = info.nullValue() == null ? null : info.nullValue().toString().strip();
    char type = info.format().type();
    this.scaled = type != 'A' && (info.scale() != 1 || info.zero() != 0);
    this.strings = type == 'A' ? new String[rows] : null;
    this.longs = type == 'I' && !scaled ? new long[rows] : null;
    this.doubles = strings == null && longs == null ? new double[rows] : null;
  }

  @Override
  public void decode(ByteBuffer chunk, int row, int count) {
    byte[] field = new byte[width];
    char[] scratch = new char[width];
    int rowWidth = (int) layout.rowWidth;
    char type = info.format().type();
    for (int i = 0; i < count; i++) {
      chunk.get(i * rowWidth + offset, field, 0, width);
      if (strings != null) {
        strings[row + i] = StringDecoder.text(field, 0, width);
        continue;
      }
      String text = AsciiFields.compact(field, 0, width, scratch);
      boolean missing = text.isEmpty()
          || (tnull != null && new String(field, StandardCharsets.ISO_8859_1).strip().equals(tnull));
      try {
        if (longs != null) {
          longs[row + i] = missing ? Long.MIN_VALUE : AsciiFields.parseLong(text);
        } else if (missing) {
          doubles[row + i] = Double.NaN;
        } else {
          double v = type == 'I' ? AsciiFields.parseLong(text)
              : AsciiFields.parseDouble(text, info.format().decimals());
          doubles[row + i] = scaled ? v * info.scale() + info.zero() : v;
        }
      } catch (NumberFormatException e) {
        long at = layout.hdu.dataOffset() + (start + row + i) * layout.rowWidth + offset;
        throw new FitsFormatException(layout.hdu.context().withKeyword("TFORM" + info.number()).withOffset(at),
            "row " + (start + row + i) + " of column '" + info.name() + "' (TFORM" + info.number() + " = '"
                + info.format().text() + "'): " + e.getMessage());
      }
    }
  }

  /** The first {@code count} fields as filter values; blank and TNULL fields are null. */
  @Override
  public Values values(int count) {
    if (strings != null) {
      return FilterValues.strings(strings, count);
    }
    boolean[] nulls = null;
    for (int i = 0; i < count; i++) {
      if (longs != null ? longs[i] == Long.MIN_VALUE : Double.isNaN(doubles[i])) {
        nulls = nulls == null ? new boolean[count] : nulls;
        nulls[i] = true;
      }
    }
    return longs != null ? Values.ofLongs(longs, nulls) : Values.ofDoubles(doubles, nulls);
  }

  @Override
  public void finish(TableParts parts) {
    String name = info.name();
    if (strings != null) {
      parts.scalar(info, StringColumns.of(name, strings));
    } else if (doubles != null) {
      parts.scalar(info, DoubleColumn.create(name, doubles));
    } else if (width <= 4) {
      short[] values = new short[longs.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = longs[i] == Long.MIN_VALUE ? Short.MIN_VALUE : (short) longs[i];
      }
      parts.scalar(info, ShortColumn.create(name, values));
    } else if (width <= 9) {
      int[] values = new int[longs.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = longs[i] == Long.MIN_VALUE ? Integer.MIN_VALUE : (int) longs[i];
      }
      parts.scalar(info, IntColumn.create(name, values));
    } else {
      parts.scalar(info, LongColumn.create(name, longs));
    }
  }
}
