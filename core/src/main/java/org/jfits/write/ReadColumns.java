package org.jfits.write;

import org.jfits.table.ColumnFormat;
import org.jfits.table.ColumnInfo;
import org.jfits.table.FitsTable;
import org.jfits.table.RaggedColumn;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * The columns of a table read by jfits, as they were in the file: each column's TFORM, scaling and
 * TNULL from its {@link ColumnInfo}, its values from the part of {@link FitsTable} that holds them.
 */
final class ReadColumns {
  private ReadColumns() {}

  /**
   * The column to write for {@code info}, published under {@code name} in {@code table}.
   *
   * @throws IllegalArgumentException for the columns that cannot be written back ({@code PX}, string
   *     arrays with TDIM)
   */
  static TableColumn column(ColumnInfo info, String name, FitsTable table) {
    ColumnFormat format = info.format();
    Long tnull = info.nullValue() instanceof Long l ? l : null;
    if (table.table().containsColumn(name)) {
      Column<?> values = table.table().column(name);
      if (format.ascii()) {
        return TableHdu.scalar(values);
      }
      TableColumn column = scalar(info, values);
      if (tnull != null && column instanceof IntegerColumn) {
        column.nullValue(tnull);
      }
      return column;
    }
    INDArray array = table.array(name);
    if (array != null) {
      if (format.type() == 'A') {
        throw new IllegalArgumentException("column " + name + ": string arrays with TDIM cannot be written yet");
      }
      ArrayColumn.Shape shape = format.type() == 'X' ? ArrayColumn.Shape.BITS
          : format.type() == 'C' || format.type() == 'M' ? ArrayColumn.Shape.COMPLEX : ArrayColumn.Shape.PLAIN;
      ArrayColumn column = new ArrayColumn(info.name(), array, shape);
      if (tnull != null && unscaled(info)) {
        column.nullValue(tnull);
      }
      return column;
    }
    RaggedColumn ragged = table.ragged(name);
    if (ragged == null) {
      throw new IllegalStateException("column " + name + " is in neither part of the table read");
    }
    char element = format.elementType();
    if (element == 'X') {
      throw new IllegalArgumentException("column " + name + ": variable-length bit arrays (PX) cannot be written yet");
    }
    VarLengthColumn column = keepWidth(new VarLengthColumn(info.name(), ragged), format);
    if (tnull != null && unscaled(info)) {
      column.nullValue(tnull);
    }
    return column;
  }

  /** The column, with 64-bit descriptors if it had them. */
  private static <T extends HeapColumn> T keepWidth(T column, ColumnFormat format) {
    if (format.type() == 'Q') {
      column.alwaysWide();
    }
    return column;
  }

  private static boolean unscaled(ColumnInfo info) {
    return info.scale() == 1 && (info.zero() == 0 || info.zero() == -128 || info.zero() == 32768
        || info.zero() == 2147483648.0 || info.zero() == 9223372036854775808.0);
  }

  /** A scalar column of a binary table, with the TFORM and scaling it was read with. */
  private static TableColumn scalar(ColumnInfo info, Column<?> values) {
    ColumnFormat format = info.format();
    char type = format.type();
    if (format.isVariableLength()) {
      return keepWidth(new VarStringColumn(info.name(), (StringColumn) values), format);
    }
    String name = info.name();
    switch (type) {
      case 'L':
        return new LogicalColumn(name, (BooleanColumn) values);
      case 'A':
        return new AsciiColumn(name, (StringColumn) values, (int) format.repeat());
      case 'E':
      case 'D':
        return new RealColumn(name, (NumberColumn<?, ?>) values, type, info.scale(), info.zero());
      default:
        return new IntegerColumn(name, (NumberColumn<?, ?>) values, type, info.scale(), info.zero());
    }
  }
}
