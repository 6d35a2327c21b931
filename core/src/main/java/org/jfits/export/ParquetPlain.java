package org.jfits.export;

import java.nio.ByteBuffer;
import org.apache.parquet.format.Type;

/**
 * Parquet's PLAIN encoding of the non-null leaf values of a column chunk: little-endian INT32, INT64,
 * FLOAT and DOUBLE (numbers without nulls copied in bulk), BOOLEAN bit-packed from the least
 * significant bit, BYTE_ARRAY as a 4-byte length and the bytes.
 */
final class ParquetPlain {
  private ParquetPlain() {}

  /** The number of bytes {@link #write} takes. */
  static long size(ColumnValues values) {
    long present = values.count() - values.nullCount();
    Leaf leaf = values.column().leaf();
    if (leaf == Leaf.BOOL) {
      return (present + 7) / 8;
    }
    if (leaf == Leaf.STRING) {
      long size = 0;
      byte[][] strings = (byte[][]) values.values();
      for (int i = 0; i < values.count(); i++) {
        size += values.isNull(i) ? 0 : 4 + strings[i].length;
      }
      return size;
    }
    return present * (ParquetSchema.physical(leaf) == Type.INT32 ? 4 : leaf.bits / 8);
  }

  /** Writes the non-null values at the position of {@code out} (little-endian) and advances it. */
  static void write(ColumnValues values, ByteBuffer out) {
    int n = values.count();
    boolean dense = values.nulls() == null;
    Object data = values.values();
    switch (values.column().leaf()) {
      case BOOL:
        bits((byte[]) data, values, out);
        return;
      case STRING: {
        byte[][] strings = (byte[][]) data;
        for (int i = 0; i < n; i++) {
          if (!values.isNull(i)) {
            out.putInt(strings[i].length).put(strings[i]);
          }
        }
        return;
      }
      case INT64:
      case UINT64: {
        long[] longs = (long[]) data;
        if (dense) {
          out.asLongBuffer().put(longs, 0, n);
          out.position(out.position() + 8 * n);
        } else {
          for (int i = 0; i < n; i++) {
            if (!values.isNull(i)) {
              out.putLong(longs[i]);
            }
          }
        }
        return;
      }
      case FLOAT32: {
        float[] floats = (float[]) data;
        out.asFloatBuffer().put(floats, 0, n);
        out.position(out.position() + 4 * n);
        return;
      }
      case FLOAT64: {
        double[] doubles = (double[]) data;
        if (dense) {
          out.asDoubleBuffer().put(doubles, 0, n);
          out.position(out.position() + 8 * n);
        } else {
          for (int i = 0; i < n; i++) {
            if (!values.isNull(i)) {
              out.putDouble(doubles[i]);
            }
          }
        }
        return;
      }
      default: {
        int[] ints = (int[]) data;
        if (dense) {
          out.asIntBuffer().put(ints, 0, n);
          out.position(out.position() + 4 * n);
        } else {
          for (int i = 0; i < n; i++) {
            if (!values.isNull(i)) {
              out.putInt(ints[i]);
            }
          }
        }
      }
    }
  }

  private static void bits(byte[] bools, ColumnValues values, ByteBuffer out) {
    int current = 0;
    int used = 0;
    for (int i = 0; i < values.count(); i++) {
      if (values.isNull(i)) {
        continue;
      }
      current |= (bools[i] & 1) << used;
      if (++used == 8) {
        out.put((byte) current);
        current = 0;
        used = 0;
      }
    }
    if (used > 0) {
      out.put((byte) current);
    }
  }
}
