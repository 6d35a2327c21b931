package org.jfits.table;

import java.nio.ByteBuffer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Converts stored big-endian elements of one binary type ({@code L B I J K E D C M}) into the native
 * memory of an ND4J array: a typed copy (the JDK swaps bytes on the fly), a sign-bit flip for the
 * unsigned conventions, or linear scaling to double. Complex types are handled as pairs of
 * {@code E}/{@code D} components. Stateless, safe for several threads.
 */
final class Elements {
  final char type;
  /** Stored bytes per component. */
  final int inWidth;
  /** Components per element: 2 for complex, else 1. */
  final int components;
  final DataType dataType;
  final int outWidth;
  private final Scaling scaling;

  Elements(ColumnInfo info, char type) {
    this.type = type;
    this.scaling = Scaling.of(info, type);
    this.components = type == 'C' || type == 'M' ? 2 : 1;
    this.inWidth = (int) (ColumnFormat.binaryWidth(type, 1) / components);
    this.dataType = dataType(type, scaling.kind());
    this.outWidth = dataType.width();
  }

  private static DataType dataType(char type, Scaling.Kind kind) {
    if (kind == Scaling.Kind.LINEAR) {
      return DataType.DOUBLE;
    }
    boolean unsigned = kind == Scaling.Kind.UNSIGNED;
    switch (type) {
      case 'L':
        return DataType.BOOL;
      case 'B':
        return unsigned ? DataType.INT8 : DataType.UINT8;
      case 'I':
        return unsigned ? DataType.UINT16 : DataType.INT16;
      case 'J':
        return unsigned ? DataType.UINT32 : DataType.INT32;
      case 'K':
        return unsigned ? DataType.UINT64 : DataType.INT64;
      case 'E':
      case 'C':
        return DataType.FLOAT;
      default:
        return DataType.DOUBLE;
    }
  }

  /**
   * Converts {@code count} elements stored from byte {@code from} of {@code source} into
   * {@code target} (native order) from byte {@code to}.
   */
  void copy(ByteBuffer source, int from, ByteBuffer target, int to, int count) {
    int n = count * components;
    if (type == 'L') {
      for (int i = 0; i < n; i++) {
        target.put(to + i, source.get(from + i) == 'T' ? (byte) 1 : (byte) 0);
      }
    } else if (scaling.kind() == Scaling.Kind.LINEAR) {
      linear(source, from, target, to, n);
    } else {
      bits(source, from, target, to, n, scaling.kind() == Scaling.Kind.UNSIGNED);
    }
  }

  /** Runs at least this long are copied with one bulk byte-swapping put. */
  private static final int BULK = 32;

  private void bits(ByteBuffer source, int from, ByteBuffer target, int to, int n, boolean flip) {
    if (!flip && n >= BULK && inWidth > 1) {
      bulk(source, from, target, to, n);
      return;
    }
    switch (inWidth) {
      case 1: {
        byte x = flip ? (byte) 0x80 : 0;
        for (int i = 0; i < n; i++) {
          target.put(to + i, (byte) (source.get(from + i) ^ x));
        }
        break;
      }
      case 2: {
        short x = flip ? Short.MIN_VALUE : 0;
        for (int i = 0; i < n; i++) {
          target.putShort(to + 2 * i, (short) (source.getShort(from + 2 * i) ^ x));
        }
        break;
      }
      case 4: {
        int x = flip ? Integer.MIN_VALUE : 0;
        for (int i = 0; i < n; i++) {
          target.putInt(to + 4 * i, source.getInt(from + 4 * i) ^ x);
        }
        break;
      }
      default: {
        long x = flip ? Long.MIN_VALUE : 0;
        for (int i = 0; i < n; i++) {
          target.putLong(to + 8 * i, source.getLong(from + 8 * i) ^ x);
        }
      }
    }
  }

  private void bulk(ByteBuffer source, int from, ByteBuffer target, int to, int n) {
    ByteBuffer in = source.slice(from, n * inWidth).order(java.nio.ByteOrder.BIG_ENDIAN);
    ByteBuffer out = target.slice(to, n * inWidth).order(java.nio.ByteOrder.nativeOrder());
    switch (inWidth) {
      case 2:
        out.asShortBuffer().put(in.asShortBuffer());
        break;
      case 4:
        out.asIntBuffer().put(in.asIntBuffer());
        break;
      default:
        out.asLongBuffer().put(in.asLongBuffer());
    }
  }

  private void linear(ByteBuffer source, int from, ByteBuffer target, int to, int n) {
    double scale = scaling.scale();
    double zero = scaling.zero();
    Long tnull = scaling.nullValue();
    boolean nulls = tnull != null && type != 'E' && type != 'D';
    long none = nulls ? tnull : 0;
    for (int i = 0; i < n; i++) {
      double value;
      long raw;
      switch (type) {
        case 'B':
          raw = source.get(from + i) & 0xff;
          value = raw;
          break;
        case 'I':
          raw = source.getShort(from + 2 * i);
          value = raw;
          break;
        case 'J':
          raw = source.getInt(from + 4 * i);
          value = raw;
          break;
        case 'K':
          raw = source.getLong(from + 8 * i);
          value = raw;
          break;
        case 'E':
          raw = 0;
          value = source.getFloat(from + 4 * i);
          break;
        default:
          raw = 0;
          value = source.getDouble(from + 8 * i);
      }
      target.putDouble(to + 8 * i, nulls && raw == none ? Double.NaN : value * scale + zero);
    }
  }
}
