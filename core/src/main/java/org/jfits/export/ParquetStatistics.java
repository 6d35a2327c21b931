package org.jfits.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.format.Statistics;

/**
 * The statistics of a column chunk: the number of nulls (level entries below the maximum
 * definition: null cells and empty lists), of NaN values for floats, and the minimum and maximum
 * value in PLAIN encoding, in the sort order of the logical type: unsigned integers compare
 * unsigned, strings byte by byte unsigned, floats without NaN (no minimum or maximum when every value
 * is NaN) and with a zero minimum written as -0.0 and a zero maximum as +0.0, as the Parquet
 * specification asks.
 */
final class ParquetStatistics {
  private ParquetStatistics() {}

  static Statistics of(ColumnValues values, long nullEntries) {
    Statistics statistics = new Statistics().setNull_count(nullEntries);
    Leaf leaf = values.column().leaf();
    if (leaf == Leaf.FLOAT32 || leaf == Leaf.FLOAT64) {
      statistics.setNan_count(nanCount(values));
    }
    byte[][] range = range(values);
    if (range != null) {
      statistics.setMin_value(range[0]).setMax_value(range[1]);
    }
    return statistics;
  }

  /** The minimum and maximum, PLAIN-encoded, or null when there is no value to compare. */
  private static byte[][] range(ColumnValues values) {
    int n = values.count();
    Leaf leaf = values.column().leaf();
    Object data = values.values();
    int first = 0;
    while (first < n && values.isNull(first)) {
      first++;
    }
    if (first == n) {
      return null;
    }
    switch (leaf) {
      case BOOL: {
        byte[] bools = (byte[]) data;
        byte min = 1;
        byte max = 0;
        for (int i = first; i < n; i++) {
          if (!values.isNull(i)) {
            min = (byte) Math.min(min, bools[i]);
            max = (byte) Math.max(max, bools[i]);
          }
        }
        return new byte[][] {{min}, {max}};
      }
      case STRING: {
        byte[][] strings = (byte[][]) data;
        byte[] min = strings[first];
        byte[] max = strings[first];
        for (int i = first + 1; i < n; i++) {
          if (!values.isNull(i)) {
            min = Arrays.compareUnsigned(strings[i], min) < 0 ? strings[i] : min;
            max = Arrays.compareUnsigned(strings[i], max) > 0 ? strings[i] : max;
          }
        }
        return new byte[][] {min.clone(), max.clone()};
      }
      case INT64:
      case UINT64: {
        long[] longs = (long[]) data;
        long min = longs[first];
        long max = longs[first];
        boolean unsigned = leaf == Leaf.UINT64;
        for (int i = first + 1; i < n; i++) {
          if (!values.isNull(i)) {
            long v = longs[i];
            min = (unsigned ? Long.compareUnsigned(v, min) : Long.compare(v, min)) < 0 ? v : min;
            max = (unsigned ? Long.compareUnsigned(v, max) : Long.compare(v, max)) > 0 ? v : max;
          }
        }
        return new byte[][] {bytes(8).putLong(min).array(), bytes(8).putLong(max).array()};
      }
      case FLOAT32: {
        float[] floats = (float[]) data;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        boolean any = false;
        for (int i = first; i < n; i++) {
          float v = floats[i];
          if (!Float.isNaN(v)) {
            any = true;
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
        return !any ? null : new byte[][] {bytes(4).putFloat(min == 0 ? -0f : min).array(),
            bytes(4).putFloat(max == 0 ? 0f : max).array()};
      }
      case FLOAT64: {
        double[] doubles = (double[]) data;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean any = false;
        for (int i = first; i < n; i++) {
          double v = doubles[i];
          if (!values.isNull(i) && !Double.isNaN(v)) {
            any = true;
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
        return !any ? null : new byte[][] {bytes(8).putDouble(min == 0 ? -0d : min).array(),
            bytes(8).putDouble(max == 0 ? 0d : max).array()};
      }
      default: {
        int[] ints = (int[]) data;
        int min = ints[first];
        int max = ints[first];
        boolean unsigned = leaf == Leaf.UINT32;
        for (int i = first + 1; i < n; i++) {
          if (!values.isNull(i)) {
            int v = ints[i];
            min = (unsigned ? Integer.compareUnsigned(v, min) : Integer.compare(v, min)) < 0 ? v : min;
            max = (unsigned ? Integer.compareUnsigned(v, max) : Integer.compare(v, max)) > 0 ? v : max;
          }
        }
        return new byte[][] {bytes(4).putInt(min).array(), bytes(4).putInt(max).array()};
      }
    }
  }

  private static long nanCount(ColumnValues values) {
    long n = 0;
    if (values.values() instanceof float[] floats) {
      for (int i = 0; i < values.count(); i++) {
        n += Float.isNaN(floats[i]) ? 1 : 0;
      }
    } else {
      double[] doubles = (double[]) values.values();
      for (int i = 0; i < values.count(); i++) {
        n += !values.isNull(i) && Double.isNaN(doubles[i]) ? 1 : 0;
      }
    }
    return n;
  }

  private static ByteBuffer bytes(int n) {
    return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
  }
}
