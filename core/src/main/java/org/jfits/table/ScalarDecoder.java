package org.jfits.table;

import java.nio.ByteBuffer;
import org.jfits.table.filter.Values;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;

/**
 * Decodes a scalar numeric or logical binary column into the primitive array behind a Tablesaw
 * column, with one tight loop per type: {@code B} and {@code I} into short (uint8 and int8 fit), the
 * unsigned conventions one size up ({@code I}+32768 into int, {@code J}+2^31 into long), {@code J}
 * into int, {@code K} into long, {@code E} into float, {@code D} into double, linear scaling into
 * double, {@code L} into boolean. TNULL cells take Tablesaw's missing value: the type's minimum for
 * integers (so a stored minimum also reads as missing), NaN for scaled columns. The arrays become
 * the columns without a copy.
 */
final class ScalarDecoder implements FilterValues {
  private final ColumnInfo info;
  private final char type;
  private final Scaling scaling;
  private final int offset;
  private final int rowWidth;
  private short[] shorts;
  private int[] ints;
  private long[] longs;
  private float[] floats;
  private double[] doubles;
  private byte[] logicals;

  ScalarDecoder(ColumnInfo info, int offset, int rowWidth, int rows) {
    this.info = info;
    this.type = info.format().type();
    this.scaling = Scaling.of(info, type);
    this.offset = offset;
    this.rowWidth = rowWidth;
    boolean unsigned = scaling.kind() == Scaling.Kind.UNSIGNED;
    if (scaling.kind() == Scaling.Kind.LINEAR) {
      doubles = new double[rows];
      return;
    }
    switch (type) {
      case 'L':
        logicals = new byte[rows];
        break;
      case 'B':
        shorts = new short[rows];
        break;
      case 'I':
        if (unsigned) {
          ints = new int[rows];
        } else {
          shorts = new short[rows];
        }
        break;
      case 'J':
        if (unsigned) {
          longs = new long[rows];
        } else {
          ints = new int[rows];
        }
        break;
      case 'K':
        longs = new long[rows];
        break;
      case 'E':
        floats = new float[rows];
        break;
      default:
        doubles = new double[rows];
    }
  }

  /** True if this decoder handles the column: a scalar of a type Tablesaw holds without loss. */
  static boolean handles(ColumnInfo info) {
    ColumnFormat f = info.format();
    if (f.isVariableLength() || f.repeat() != 1 || info.dims().length != 0 || "LBIJKED".indexOf(f.type()) < 0) {
      return false;
    }
    return !(f.type() == 'K' && Scaling.of(info, 'K').kind() == Scaling.Kind.UNSIGNED);
  }

  @Override
  public void decode(ByteBuffer chunk, int row, int count) {
    if (scaling.kind() == Scaling.Kind.LINEAR) {
      linear(chunk, row, count);
      return;
    }
    boolean unsigned = scaling.kind() == Scaling.Kind.UNSIGNED;
    Long tnull = scaling.nullValue();
    if (!unsigned && tnull == null && rowWidth == ColumnFormat.binaryWidth(type, 1) && bulk(chunk, row, count)) {
      return;
    }
    int at = offset;
    switch (type) {
      case 'L':
        for (int i = 0; i < count; i++, at += rowWidth) {
          byte b = chunk.get(at);
          logicals[row + i] = b == 'T' ? (byte) 1 : b == 'F' ? (byte) 0 : (byte) -1;
        }
        break;
      case 'B':
        if (unsigned) {
          for (int i = 0; i < count; i++, at += rowWidth) {
            shorts[row + i] = (byte) (chunk.get(at) ^ 0x80);
          }
        } else {
          for (int i = 0; i < count; i++, at += rowWidth) {
            shorts[row + i] = (short) (chunk.get(at) & 0xff);
          }
        }
        if (tnull != null) {
          nullBytes(chunk, row, count, tnull);
        }
        break;
      case 'I':
        if (unsigned) {
          for (int i = 0; i < count; i++, at += rowWidth) {
            ints[row + i] = (chunk.getShort(at) ^ 0x8000) & 0xffff;
          }
        } else {
          for (int i = 0; i < count; i++, at += rowWidth) {
            shorts[row + i] = chunk.getShort(at);
          }
        }
        if (tnull != null) {
          at = offset;
          for (int i = 0; i < count; i++, at += rowWidth) {
            if (chunk.getShort(at) == tnull) {
              if (unsigned) {
                ints[row + i] = Integer.MIN_VALUE;
              } else {
                shorts[row + i] = Short.MIN_VALUE;
              }
            }
          }
        }
        break;
      case 'J':
        if (unsigned) {
          for (int i = 0; i < count; i++, at += rowWidth) {
            longs[row + i] = (chunk.getInt(at) ^ Integer.MIN_VALUE) & 0xffffffffL;
          }
        } else {
          for (int i = 0; i < count; i++, at += rowWidth) {
            ints[row + i] = chunk.getInt(at);
          }
        }
        if (tnull != null) {
          at = offset;
          for (int i = 0; i < count; i++, at += rowWidth) {
            if (chunk.getInt(at) == tnull) {
              if (unsigned) {
                longs[row + i] = Long.MIN_VALUE;
              } else {
                ints[row + i] = Integer.MIN_VALUE;
              }
            }
          }
        }
        break;
      case 'K':
        for (int i = 0; i < count; i++, at += rowWidth) {
          longs[row + i] = chunk.getLong(at);
        }
        if (tnull != null) {
          long none = tnull;
          for (int i = 0; i < count; i++) {
            if (longs[row + i] == none) {
              longs[row + i] = Long.MIN_VALUE;
            }
          }
        }
        break;
      case 'E':
        for (int i = 0; i < count; i++, at += rowWidth) {
          floats[row + i] = chunk.getFloat(at);
        }
        break;
      default:
        for (int i = 0; i < count; i++, at += rowWidth) {
          doubles[row + i] = chunk.getDouble(at);
        }
    }
  }

  /** The column is the whole row: one bulk byte-swapping get of the chunk; false if not a bulk type. */
  private boolean bulk(ByteBuffer chunk, int row, int count) {
    ByteBuffer run = chunk.slice(0, count * rowWidth).order(java.nio.ByteOrder.BIG_ENDIAN);
    switch (type) {
      case 'I':
        run.asShortBuffer().get(shorts, row, count);
        return true;
      case 'J':
        run.asIntBuffer().get(ints, row, count);
        return true;
      case 'K':
        run.asLongBuffer().get(longs, row, count);
        return true;
      case 'E':
        run.asFloatBuffer().get(floats, row, count);
        return true;
      case 'D':
        run.asDoubleBuffer().get(doubles, row, count);
        return true;
      default:
        return false;
    }
  }

  private void nullBytes(ByteBuffer chunk, int row, int count, long tnull) {
    int at = offset;
    for (int i = 0; i < count; i++, at += rowWidth) {
      if ((chunk.get(at) & 0xff) == tnull) {
        shorts[row + i] = Short.MIN_VALUE;
      }
    }
  }

  private void linear(ByteBuffer chunk, int row, int count) {
    double scale = scaling.scale();
    double zero = scaling.zero();
    Long tnull = scaling.nullValue();
    int at = offset;
    switch (type) {
      case 'B':
        for (int i = 0; i < count; i++, at += rowWidth) {
          doubles[row + i] = (chunk.get(at) & 0xff) * scale + zero;
        }
        break;
      case 'I':
        for (int i = 0; i < count; i++, at += rowWidth) {
          doubles[row + i] = chunk.getShort(at) * scale + zero;
        }
        break;
      case 'J':
        for (int i = 0; i < count; i++, at += rowWidth) {
          doubles[row + i] = chunk.getInt(at) * scale + zero;
        }
        break;
      case 'K':
        for (int i = 0; i < count; i++, at += rowWidth) {
          doubles[row + i] = chunk.getLong(at) * scale + zero;
        }
        break;
      case 'E':
        for (int i = 0; i < count; i++, at += rowWidth) {
          doubles[row + i] = chunk.getFloat(at) * scale + zero;
        }
        return;
      default:
        for (int i = 0; i < count; i++, at += rowWidth) {
          doubles[row + i] = chunk.getDouble(at) * scale + zero;
        }
        return;
    }
    if (tnull != null) {
      long none = tnull;
      at = offset;
      for (int i = 0; i < count; i++, at += rowWidth) {
        long raw;
        switch (type) {
          case 'B':
            raw = chunk.get(at) & 0xff;
            break;
          case 'I':
            raw = chunk.getShort(at);
            break;
          case 'J':
            raw = chunk.getInt(at);
            break;
          default:
            raw = chunk.getLong(at);
        }
        if (raw == none) {
          doubles[row + i] = Double.NaN;
        }
      }
    }
  }

  /**
   * The decoded cells as filter values: integers (unsigned conventions included) as longs, floats and
   * scaled values as doubles, logicals as booleans. Nulls are the cells the read makes missing for a
   * null reason: TNULL (integers: the type's minimum, which a TNULL cell becomes; scaled integers:
   * NaN) and undefined logicals; NaN of a float column is a value.
   */
  @Override
  public Values values(int count) {
    if (logicals != null) {
      boolean[] values = new boolean[count];
      boolean[] nulls = null;
      for (int i = 0; i < count; i++) {
        values[i] = logicals[i] == 1;
        if (logicals[i] < 0) {
          nulls = nulls == null ? new boolean[count] : nulls;
          nulls[i] = true;
        }
      }
      return Values.ofBooleans(values, nulls);
    }
    boolean tnull = scaling.nullValue() != null;
    if (doubles != null || floats != null) {
      double[] values = new double[count];
      for (int i = 0; i < count; i++) {
        values[i] = doubles != null ? doubles[i] : floats[i];
      }
      boolean[] nulls = null;
      if (tnull && scaling.kind() == Scaling.Kind.LINEAR && "BIJK".indexOf(type) >= 0) {
        nulls = new boolean[count];
        for (int i = 0; i < count; i++) {
          nulls[i] = Double.isNaN(values[i]);
        }
      }
      return Values.ofDoubles(values, nulls);
    }
    long[] values = new long[count];
    long missing;
    if (shorts != null) {
      for (int i = 0; i < count; i++) {
        values[i] = shorts[i];
      }
      missing = Short.MIN_VALUE;
    } else if (ints != null) {
      for (int i = 0; i < count; i++) {
        values[i] = ints[i];
      }
      missing = Integer.MIN_VALUE;
    } else {
      System.arraycopy(longs, 0, values, 0, count);
      missing = Long.MIN_VALUE;
    }
    boolean[] nulls = null;
    if (tnull) {
      nulls = new boolean[count];
      for (int i = 0; i < count; i++) {
        nulls[i] = values[i] == missing;
      }
    }
    return Values.ofLongs(values, nulls);
  }

  @Override
  public void finish(TableParts parts) {
    String name = info.name();
    if (logicals != null) {
      boolean[] values = new boolean[logicals.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = logicals[i] == 1;
      }
      BooleanColumn column = BooleanColumn.create(name, values);
      for (int i = 0; i < values.length; i++) {
        if (logicals[i] < 0) {
          column.setMissing(i);
        }
      }
      parts.scalar(info, column);
    } else if (shorts != null) {
      parts.scalar(info, ShortColumn.create(name, shorts));
    } else if (ints != null) {
      parts.scalar(info, IntColumn.create(name, ints));
    } else if (longs != null) {
      parts.scalar(info, LongColumn.create(name, longs));
    } else if (floats != null) {
      parts.scalar(info, FloatColumn.create(name, floats));
    } else {
      parts.scalar(info, DoubleColumn.create(name, doubles));
    }
  }
}
