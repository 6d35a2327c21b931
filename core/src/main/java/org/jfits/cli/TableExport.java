package org.jfits.cli;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.jfits.image.NativeWindow;
import org.jfits.table.ColumnInfo;
import org.jfits.table.FitsTable;
import org.jfits.table.RaggedColumn;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * Turns a {@link FitsTable} into the members of a {@code .npz} file, one {@code .npy} per column, in
 * the dtypes astropy gives ({@code fits.getdata}):
 * <ul>
 *   <li>numbers in their natural dtype: {@code B} uint8 (int8 with TZERO = -128), {@code I} int16
 *       (uint16 with TZERO = 32768), {@code J} int32 (uint32 with TZERO = 2^31), {@code K} int64
 *       (uint64 with TZERO = 2^63), {@code E} float32, {@code D} float64, scaled columns float64,
 *       complex {@code C}/{@code M} complex64/complex128; ASCII {@code Iw} int16/int32/int64 by width
 *       and {@code F}/{@code E}/{@code D} float64; fixed-size arrays with shape {@code (rows, ...)};
 *   <li>logicals and bits as bool ({@code |b1});
 *   <li>strings as fixed-width bytes {@code S<n>} ({@code n} the field width, trailing blanks removed
 *       and NUL-padded as NumPy stores them), arrays of strings (TDIM) likewise with their shape;
 *   <li>{@code <col>.mask}, a bool array, for a scalar column with missing cells (TNULL, NaN, empty
 *       strings, logical nulls, blank ASCII fields): the cells astropy's {@code Table.read} masks.
 *       Under a mask an integer column holds TNULL (or 0 when there is none), a logical False;
 *   <li>variable-length columns as {@code <col>.values} (all rows, flat) and {@code <col>.offsets}
 *       (int64, rows + 1): row {@code i} is {@code values[offsets[i]:offsets[i+1]]}.
 * </ul>
 */
final class TableExport {
  private TableExport() {}

  static void add(FitsTable table, NpzWriter npz) {
    int rows = (int) table.rowCount();
    for (ColumnInfo info : table.columns()) {
      String name = info.name();
      RaggedColumn ragged = table.ragged(name);
      INDArray array = table.array(name);
      if (ragged != null) {
        boolean complex = isComplex(info.format().elementType());
        INDArray values = ragged.values();
        long[] shape = complex ? new long[] {values.size(0)} : new long[] {values.length()};
        npz.add(name + ".values", npy(NpyWriter.descr(values.dataType(), complex), shape, bytes(values)));
        long[] offsets = ragged.offsets();
        ByteBuffer b = ByteBuffer.allocate(offsets.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long o : offsets) {
          b.putLong(o);
        }
        npz.add(name + ".offsets", npy("<i8", new long[] {offsets.length}, b.array()));
      } else if (array != null) {
        if (array.dataType() == DataType.UTF8) {
          int width = (int) info.dims()[info.dims().length - 1];
          String[] strings = new String[(int) array.length()];
          for (int i = 0; i < strings.length; i++) {
            strings[i] = array.getString(i);
          }
          npz.add(name, npy("|S" + Math.max(1, width), array.shape(), fixedWidth(strings, width)));
        } else {
          boolean complex = isComplex(info.format().type());
          long[] shape = array.shape();
          if (complex) {
            shape = java.util.Arrays.copyOf(shape, shape.length - 1);
          }
          npz.add(name, npy(NpyWriter.descr(array.dataType(), complex), shape, bytes(array)));
        }
      } else if (table.table().columnNames().contains(name)) {
        scalar(info, table.table().column(name), rows, npz);
      } else {
        throw new IllegalStateException("column '" + name + "' was read but is in no part of the table");
      }
    }
  }

  private static boolean isComplex(char type) {
    return type == 'C' || type == 'M';
  }

  private static void scalar(ColumnInfo info, Column<?> column, int rows, NpzWriter npz) {
    String name = info.name();
    boolean[] missing = new boolean[rows];
    boolean anyMissing = false;
    for (int i = 0; i < rows; i++) {
      missing[i] = column.isMissing(i);
      anyMissing |= missing[i];
    }
    long fill = info.nullValue() instanceof Long l ? l : 0;
    char type = info.format().type();
    boolean ascii = info.format().ascii();
    ByteBuffer b;
    String descr;
    if (column instanceof StringColumn s) {
      int width = (int) (ascii ? info.format().width() : info.format().repeat());
      String[] strings = new String[rows];
      for (int i = 0; i < rows; i++) {
        strings[i] = missing[i] ? "" : s.get(i);
        width = Math.max(width, strings[i].length());
      }
      npz.add(name, npy("|S" + Math.max(1, width), new long[] {rows}, fixedWidth(strings, width)));
    } else {
      if (column instanceof BooleanColumn c) {
        descr = "|b1";
        b = buffer(rows);
        for (int i = 0; i < rows; i++) {
          b.put((byte) (!missing[i] && c.get(i) ? 1 : 0));
        }
      } else if (column instanceof ShortColumn c) {
        boolean byteColumn = type == 'B' && !ascii;
        boolean signedByte = byteColumn && info.zero() == -128 && info.scale() == 1;
        descr = byteColumn ? (signedByte ? "|i1" : "|u1") : "<i2";
        b = buffer(rows * (byteColumn ? 1 : 2));
        for (int i = 0; i < rows; i++) {
          long v = missing[i] ? fill : c.getShort(i);
          if (byteColumn) {
            b.put((byte) v);
          } else {
            b.putShort((short) v);
          }
        }
      } else if (column instanceof IntColumn c) {
        boolean unsigned = type == 'I' && !ascii;
        descr = unsigned ? "<u2" : "<i4";
        b = buffer(rows * (unsigned ? 2 : 4));
        for (int i = 0; i < rows; i++) {
          long v = missing[i] ? fill : c.getInt(i);
          if (unsigned) {
            b.putShort((short) v);
          } else {
            b.putInt((int) v);
          }
        }
      } else if (column instanceof LongColumn c) {
        boolean unsigned = type == 'J' && !ascii;
        descr = unsigned ? "<u4" : "<i8";
        b = buffer(rows * (unsigned ? 4 : 8));
        for (int i = 0; i < rows; i++) {
          long v = missing[i] ? fill : c.getLong(i);
          if (unsigned) {
            b.putInt((int) v);
          } else {
            b.putLong(v);
          }
        }
      } else if (column instanceof FloatColumn c) {
        descr = "<f4";
        b = buffer(rows * 4);
        for (int i = 0; i < rows; i++) {
          b.putFloat(c.getFloat(i));
        }
      } else if (column instanceof DoubleColumn c) {
        descr = "<f8";
        b = buffer(rows * 8);
        for (int i = 0; i < rows; i++) {
          b.putDouble(c.getDouble(i));
        }
      } else {
        throw new IllegalStateException("column '" + name + "': no .npy dtype for a " + column.type() + " column");
      }
      npz.add(name, npy(descr, new long[] {rows}, b.array()));
    }
    if (anyMissing) {
      ByteBuffer mask = buffer(rows);
      for (boolean m : missing) {
        mask.put((byte) (m ? 1 : 0));
      }
      npz.add(name + ".mask", npy("|b1", new long[] {rows}, mask.array()));
    }
  }

  private static ByteBuffer buffer(int bytes) {
    return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Strings as NumPy {@code S<width>}: ISO-8859-1 bytes, NUL-padded. */
  private static byte[] fixedWidth(String[] strings, int width) {
    int w = Math.max(1, width);
    byte[] out = new byte[strings.length * w];
    for (int i = 0; i < strings.length; i++) {
      byte[] s = strings[i].getBytes(StandardCharsets.ISO_8859_1);
      System.arraycopy(s, 0, out, i * w, Math.min(w, s.length));
    }
    return out;
  }

  /** The elements of an array in C order, little-endian. */
  private static byte[] bytes(INDArray array) {
    INDArray data = array.isView() || array.ordering() != 'c' ? array.dup('c') : array;
    long length = data.length() * data.dataType().width();
    if (length == 0) {
      return new byte[0];
    }
    if (length > Integer.MAX_VALUE - 64) {
      throw new IllegalStateException("a column of " + length + " bytes is too large for a .npz member; export fewer rows");
    }
    ByteBuffer window = new NativeWindow(data).bytes(0, (int) length);
    if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
      throw new IllegalStateException("exporting tables needs a little-endian machine");
    }
    byte[] out = new byte[(int) length];
    window.get(out);
    return out;
  }

  private static byte[] npy(String descr, long[] shape, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 128);
    out.writeBytes(NpyWriter.header(descr, shape));
    out.writeBytes(data);
    return out.toByteArray();
  }
}
