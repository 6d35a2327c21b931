package org.jfits.table;

import org.jfits.FitsUnsupportedException;

/** Chooses the decoder of a column by table kind, type code, repeat and TDIM. */
final class Decoders {
  private Decoders() {}

  /**
   * The decoder of {@code info} for {@code rows} rows from row {@code start}; {@code threads} is the
   * reader's thread knob (0: automatic), used by decoders that have work of their own to split.
   */
  static ColumnDecoder of(TableLayout layout, ColumnInfo info, long start, int rows, int threads) {
    if (layout.rowWidth > Integer.MAX_VALUE) {
      throw new FitsUnsupportedException(TableLayout.at(layout.hdu, "NAXIS1"), "rows over 2 GiB are not supported");
    }
    int offset = (int) layout.offsets[info.number() - 1];
    int rowWidth = (int) layout.rowWidth;
    if (layout.ascii) {
      return new AsciiDecoder(layout, info, offset, start, rows);
    }
    if (info.format().isVariableLength()) {
      return new VarLengthDecoder(layout, info, offset, start, rows, threads);
    }
    if (StringDecoder.handles(info)) {
      return new StringDecoder(info, offset, rowWidth, rows);
    }
    if (ScalarDecoder.handles(info)) {
      return new ScalarDecoder(info, offset, rowWidth, rows);
    }
    return new ArrayDecoder(info, offset, rowWidth, rows);
  }
}
