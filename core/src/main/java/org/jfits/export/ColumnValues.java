package org.jfits.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.jfits.table.FitsTable;
import org.jfits.table.RaggedColumn;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.columns.Column;

/**
 * The values of one exported column in one chunk of rows, as the Parquet and Arrow writers take them:
 * every leaf value flat in row-major order in the Java array {@link Leaf} names (numbers copied in bulk
 * from the Tablesaw or ND4J storage, without boxing), the nulls of a scalar column or of the elements
 * of an array column, and the row offsets of a variable-length column.
 *
 * @param column the column
 * @param rows the number of rows
 * @param count the number of leaf values; for a scalar column {@code rows}, null cells included
 * @param values the leaf values, in the array type of {@code column.leaf()}
 * @param nulls for a nullable column, true where the leaf value (a cell, or an element of an array
 *     cell) is null; otherwise null
 * @param offsets for a variable-length column, {@code rows + 1} offsets in list elements (each of
 *     {@link ExportColumn#valuesPerRow()} leaf values); otherwise null
 */
record ColumnValues(ExportColumn column, int rows, int count, Object values, boolean[] nulls, long[] offsets) {

  /** The values of {@code column} in {@code chunk}. */
  static ColumnValues of(ExportColumn column, FitsTable chunk) {
    int rows = Math.toIntExact(chunk.rowCount());
    String name = column.name();
    if (chunk.table().containsColumn(name)) {
      Column<?> scalar = chunk.table().column(name);
      boolean[] nulls = column.nullable() ? nulls(scalar, rows) : null;
      return new ColumnValues(column, rows, rows, scalars(scalar, column.leaf(), rows), nulls, null);
    }
    RaggedColumn ragged = chunk.ragged(name);
    INDArray array = ragged != null ? ragged.values() : chunk.array(name);
    Object values = flat(array, column.leaf());
    boolean[] nulls = column.elementNull().isPresent() ? elementNulls(values, column.elementNull().getAsLong()) : null;
    return new ColumnValues(column, rows, count(array), values, nulls, ragged != null ? ragged.offsets() : null);
  }

  /** True where a leaf value ({@code int[]} or {@code long[]}) equals {@code nullValue}. */
  private static boolean[] elementNulls(Object values, long nullValue) {
    if (values instanceof int[] ints) {
      boolean[] nulls = new boolean[ints.length];
      for (int i = 0; i < ints.length; i++) {
        nulls[i] = ints[i] == nullValue;
      }
      return nulls;
    }
    long[] longs = (long[]) values;
    boolean[] nulls = new boolean[longs.length];
    for (int i = 0; i < longs.length; i++) {
      nulls[i] = longs[i] == nullValue;
    }
    return nulls;
  }

  /** True if leaf value {@code i} is null. */
  boolean isNull(int i) {
    return nulls != null && nulls[i];
  }

  /** The number of null cells. */
  int nullCount() {
    int n = 0;
    if (nulls != null) {
      for (boolean isNull : nulls) {
        n += isNull ? 1 : 0;
      }
    }
    return n;
  }

  private static int count(INDArray array) {
    if (array.length() > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("column chunk of " + array.length() + " values is too large to export"
          + " at once; use fewer rows per chunk");
    }
    return (int) array.length();
  }

  private static boolean[] nulls(Column<?> column, int rows) {
    boolean[] nulls = new boolean[rows];
    for (int i = 0; i < rows; i++) {
      nulls[i] = column.isMissing(i);
    }
    return nulls;
  }

  private static Object scalars(Column<?> column, Leaf leaf, int rows) {
    switch (leaf) {
      case BOOL: {
        BooleanColumn booleans = (BooleanColumn) column;
        byte[] values = new byte[rows];
        for (int i = 0; i < rows; i++) {
          values[i] = booleans.getByte(i) == 1 ? (byte) 1 : 0;
        }
        return values;
      }
      case INT8:
      case UINT8:
      case INT16: {
        short[] shorts = ((ShortColumn) column).asShortArray();
        int[] values = new int[rows];
        for (int i = 0; i < rows; i++) {
          values[i] = shorts[i];
        }
        return values;
      }
      case UINT16:
      case INT32:
        return ((IntColumn) column).asIntArray();
      case UINT32: {
        long[] longs = ((LongColumn) column).asLongArray();
        int[] values = new int[rows];
        for (int i = 0; i < rows; i++) {
          values[i] = (int) longs[i];
        }
        return values;
      }
      case INT64:
      case UINT64:
        return ((LongColumn) column).asLongArray();
      case FLOAT32:
        return ((FloatColumn) column).asFloatArray();
      case FLOAT64:
        return ((DoubleColumn) column).asDoubleArray();
      default: {
        byte[][] values = new byte[rows][];
        for (int i = 0; i < rows; i++) {
          values[i] = String.valueOf(column.get(i)).getBytes(StandardCharsets.UTF_8);
        }
        return values;
      }
    }
  }

  /** Every value of an ND4J array, flat in C order. */
  private static Object flat(INDArray array, Leaf leaf) {
    int n = count(array);
    if (leaf == Leaf.STRING) {
      INDArray strings = array.reshape(array.length());
      byte[][] values = new byte[n][];
      for (int i = 0; i < n; i++) {
        values[i] = strings.getString(i).getBytes(StandardCharsets.UTF_8);
      }
      return values;
    }
    ByteBuffer bytes = n == 0 ? ByteBuffer.allocate(0) : nativeBytes(array);
    switch (leaf) {
      case BOOL: {
        byte[] values = new byte[n];
        bytes.get(values);
        return values;
      }
      case INT8:
      case UINT8: {
        int mask = leaf == Leaf.UINT8 ? 0xFF : -1;
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
          values[i] = bytes.get(i) & mask;
        }
        return values;
      }
      case INT16:
      case UINT16: {
        int mask = leaf == Leaf.UINT16 ? 0xFFFF : -1;
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
          values[i] = bytes.getShort(2 * i) & mask;
        }
        return values;
      }
      case INT32:
      case UINT32: {
        int[] values = new int[n];
        bytes.asIntBuffer().get(values);
        return values;
      }
      case INT64:
      case UINT64: {
        long[] values = new long[n];
        bytes.asLongBuffer().get(values);
        return values;
      }
      case FLOAT32: {
        float[] values = new float[n];
        bytes.asFloatBuffer().get(values);
        return values;
      }
      default: {
        double[] values = new double[n];
        bytes.asDoubleBuffer().get(values);
        return values;
      }
    }
  }

  /** The native memory of a C-ordered copy of {@code array} (the array itself when it is one already). */
  private static ByteBuffer nativeBytes(INDArray array) {
    INDArray c = array.isView() || array.ordering() != 'c' || array.offset() != 0 ? array.dup('c') : array;
    int width = c.dataType().width();
    ByteBuffer bytes = c.data().asNio().duplicate().order(ByteOrder.nativeOrder());
    bytes.limit(Math.toIntExact(c.length() * width));
    return bytes.slice().order(ByteOrder.nativeOrder());
  }
}
