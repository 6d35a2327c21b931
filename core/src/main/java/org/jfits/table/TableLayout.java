package org.jfits.table;

import java.util.ArrayList;
import java.util.List;
import org.jfits.ErrorContext;
import org.jfits.FitsFormatException;
import org.jfits.Hdu;
import org.jfits.HduType;
import org.jfits.header.Header;

/**
 * The geometry of a table HDU from its header: the row width and count, every column's metadata and
 * the byte offset of its field in a row, and where the heap lies. Built once per read; checks that
 * the column formats, widths and positions agree with NAXIS1 and report the keyword that does not.
 */
final class TableLayout {
  final Hdu hdu;
  final boolean ascii;
  final long rowWidth;
  final long rows;
  final List<ColumnInfo> columns;
  /** Byte offset of each column's field inside a row, in FITS column order. */
  final long[] offsets;
  /** Offset of the heap from the first data byte (THEAP). */
  final long heapStart;
  /** Bytes from the heap start to the end of the data: where descriptors may point. */
  final long heapSize;

  private TableLayout(Hdu hdu, boolean ascii, long rowWidth, long rows, List<ColumnInfo> columns, long[] offsets,
      long heapStart, long heapSize) {
    this.hdu = hdu;
    this.ascii = ascii;
    this.rowWidth = rowWidth;
    this.rows = rows;
    this.columns = columns;
    this.offsets = offsets;
    this.heapStart = heapStart;
    this.heapSize = heapSize;
  }

  static TableLayout of(Hdu hdu) {
    Header header = hdu.header();
    boolean ascii = hdu.type() == HduType.TABLE;
    long[] axes = hdu.axes();
    if (axes.length != 2) {
      throw new FitsFormatException(at(hdu, "NAXIS"), "a table has NAXIS = 2, not " + axes.length);
    }
    long rowWidth = axes[0];
    long rows = axes[1];
    int count = header.getInt("TFIELDS", 0);
    if (count < 0 || count > 999) {
      throw new FitsFormatException(at(hdu, "TFIELDS"), "TFIELDS = " + count + "; FITS allows 0 to 999");
    }
    List<ColumnInfo> columns = new ArrayList<>(count);
    long[] offsets = new long[count];
    long position = 0;
    for (int n = 1; n <= count; n++) {
      ColumnFormat format = format(hdu, n, ascii);
      ColumnInfo info = info(hdu, n, format);
      columns.add(info);
      if (ascii) {
        String key = "TBCOL" + n;
        long tbcol = header.getLong(key);
        if (tbcol < 1 || tbcol - 1 + format.width() > rowWidth) {
          throw new FitsFormatException(at(hdu, key), key + " = " + tbcol + " with TFORM" + n + " = '"
              + format.text() + "' puts the field outside the row of NAXIS1 = " + rowWidth + " bytes");
        }
        offsets[n - 1] = tbcol - 1;
      } else {
        offsets[n - 1] = position;
        position += format.width();
      }
    }
    if (!ascii && position != rowWidth) {
      throw new FitsFormatException(at(hdu, "NAXIS1"), "NAXIS1 = " + rowWidth
          + " but the TFORMn widths add up to " + position + " bytes per row");
    }
    long table = rowWidth * rows;
    long heapStart = ascii ? table : header.getLong("THEAP", table);
    long end = table + hdu.pcount();
    if (!ascii && (heapStart < table || heapStart > end)) {
      throw new FitsFormatException(at(hdu, "THEAP"), "THEAP = " + heapStart + " lies outside the heap area of bytes "
          + table + " to " + end + " after the data start");
    }
    return new TableLayout(hdu, ascii, rowWidth, rows, List.copyOf(columns), offsets, heapStart, end - heapStart);
  }

  private static ColumnFormat format(Hdu hdu, int n, boolean ascii) {
    String key = "TFORM" + n;
    String text = hdu.header().getString(key);
    try {
      return ascii ? ColumnFormat.ascii(text) : ColumnFormat.binary(text);
    } catch (IllegalArgumentException e) {
      throw new FitsFormatException(at(hdu, key), e.getMessage());
    }
  }

  private static ColumnInfo info(Hdu hdu, int n, ColumnFormat format) {
    Header header = hdu.header();
    Object ttype = header.get("TTYPE" + n);
    String name = ttype == null ? "col" + n : ttype.toString().strip();
    Object nullValue = null;
    Object tnull = header.get("TNULL" + n);
    if (tnull != null) {
      // binary tables: an integer; anything else (a string on a float column) is kept as written and ignored
      nullValue = format.ascii() || !(tnull instanceof Long) ? tnull.toString() : tnull;
    }
    double scale = header.getDouble("TSCAL" + n, 1);
    double zero = header.getDouble("TZERO" + n, 0);
    long[] dims = dims(hdu, n, format);
    return new ColumnInfo(n, name, format, header.getString("TUNIT" + n, "").strip(),
        header.getString("TDISP" + n, "").strip(), header.getString("TUCD" + n, "").strip(), nullValue, scale, zero,
        dims);
  }

  /** TDIM reversed to numpy order, or the repeat as one axis, or nothing for a scalar column. */
  private static long[] dims(Hdu hdu, int n, ColumnFormat format) {
    String key = "TDIM" + n;
    Object tdim = hdu.header().get(key);
    if (tdim == null || format.ascii() || format.isVariableLength()) {
      boolean scalar = format.ascii() || format.isVariableLength() || format.type() == 'A' || format.repeat() == 1;
      return scalar ? new long[0] : new long[] {format.repeat()};
    }
    String text = tdim.toString().strip();
    if (!text.startsWith("(") || !text.endsWith(")")) {
      throw new FitsFormatException(at(hdu, key), key + " = '" + text + "' is not of the form (n1,n2,...)");
    }
    String[] parts = text.substring(1, text.length() - 1).split(",");
    long[] dims = new long[parts.length];
    long product = 1;
    try {
      for (int i = 0; i < parts.length; i++) {
        dims[parts.length - 1 - i] = Long.parseLong(parts[i].strip());
        if (dims[parts.length - 1 - i] < 0) {
          throw new NumberFormatException("negative");
        }
        product *= dims[parts.length - 1 - i];
      }
    } catch (NumberFormatException e) {
      throw new FitsFormatException(at(hdu, key), key + " = '" + text + "' is not a list of non-negative integers");
    }
    long repeat = format.repeat();
    if (format.type() == 'A' ? product > repeat : product != repeat) {
      throw new FitsFormatException(at(hdu, key), key + " = '" + text + "' holds " + product
          + " elements but TFORM" + n + " = '" + format.text() + "' has " + repeat);
    }
    return dims;
  }

  /** The number of the column (1-based) named {@code name} ignoring case, or -1. */
  int find(String name) {
    String wanted = name.strip();
    for (ColumnInfo c : columns) {
      if (c.name().equalsIgnoreCase(wanted)) {
        return c.number();
      }
    }
    return -1;
  }

  static ErrorContext at(Hdu hdu, String keyword) {
    ErrorContext at = hdu.context().withKeyword(keyword);
    return hdu.header().card(keyword).map(c -> at.withOffset(c.offset())).orElse(at);
  }
}
