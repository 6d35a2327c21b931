package org.jfits.write;

import java.nio.ByteBuffer;
import java.util.BitSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.ShortColumn;

/**
 * An integer column ({@code B}, {@code I}, {@code J}, {@code K}) from a Tablesaw short, int or long
 * column, stored as {@code value - TZERO} (TZERO for the unsigned conventions of a column read back:
 * -128 on {@code B}, 32768 on {@code I}, 2^31 on {@code J}), or from a double column with a linear
 * TSCAL/TZERO, stored as {@code round((value - TZERO) / TSCAL)}.
 *
 * <p>Missing values (Tablesaw's minimum-value sentinels, NaN for scaled columns) are written as
 * TNULL: the one asked for, if no value of the column is stored as it; otherwise, as astropy and
 * STIL do, the minimum of the stored type when unused (always so for a Tablesaw column written
 * without TZERO, since that minimum is Tablesaw's missing marker), else the maximum, else a value
 * next to the range of the data, else the first unused value ({@code B} and {@code I}). A TNULL
 * asked for is written even without missing values, if unused, so that it survives a round trip.
 */
final class IntegerColumn extends TableColumn {
  private enum Kind { SHORT, INT, LONG, SCALED }

  private final NumberColumn<?, ?> source;
  private final Kind kind;
  private final char code;
  private final double scale;
  private final double zero;
  private final long min;
  private final long max;
  private final long missing;
  private final long lowest;
  private final long highest;
  private final BitSet used;
  private Long requested;
  private boolean chosen;
  private Long tnull;

  /**
   * @param source a Short, Int or Long column (with {@code scale} 1 and an integer {@code zero}), or a
   *     Double column (any {@code scale} and {@code zero})
   * @param code {@code B}, {@code I}, {@code J} or {@code K}
   * @throws IllegalArgumentException naming column and row for a value the stored type cannot hold
   */
  IntegerColumn(String name, NumberColumn<?, ?> source, char code, double scale, double zero) {
    super(name);
    this.source = source;
    this.kind = source instanceof ShortColumn ? Kind.SHORT : source instanceof IntColumn ? Kind.INT
        : source instanceof LongColumn ? Kind.LONG : Kind.SCALED;
    if (kind == Kind.SCALED && !(source instanceof DoubleColumn)) {
      throw new IllegalArgumentException("column " + name + ": an integer column needs short, int, long"
          + " or (scaled) double values");
    }
    this.code = code;
    this.scale = scale;
    this.zero = zero;
    int bits = code == 'B' ? 8 : code == 'I' ? 16 : code == 'J' ? 32 : 64;
    this.min = code == 'B' ? 0 : -1L << (bits - 1);
    this.max = code == 'B' ? 255 : bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
    this.used = bits <= 16 ? new BitSet(1 << bits) : null;
    long none = 0;
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (int row = 0; row < source.size(); row++) {
      if (isMissing(row)) {
        none++;
        continue;
      }
      long v = stored(row);
      if (v < min || v > max || (kind == Kind.SCALED && !exact(row))) {
        throw new IllegalArgumentException("column " + name() + ", row " + row + ": " + source.getString(row)
            + " does not fit TFORM " + tform() + (scale != 1 || zero != 0 ? " with TSCAL " + scale + ", TZERO " + zero
            : "") + " (stored values " + min + " to " + max + ")");
      }
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
      if (used != null) {
        used.set((int) (v - min));
      }
    }
    this.missing = none;
    this.lowest = lo;
    this.highest = hi;
  }

  private boolean isMissing(int row) {
    switch (kind) {
      case SHORT:
        return ((ShortColumn) source).getShort(row) == Short.MIN_VALUE;
      case INT:
        return ((IntColumn) source).getInt(row) == Integer.MIN_VALUE;
      case LONG:
        return ((LongColumn) source).getLong(row) == Long.MIN_VALUE;
      default:
        return Double.isNaN(((DoubleColumn) source).getDouble(row));
    }
  }

  /** The stored value of a row that is not missing. */
  private long stored(int row) {
    switch (kind) {
      case SHORT:
        return ((ShortColumn) source).getShort(row) - (long) zero;
      case INT:
        return ((IntColumn) source).getInt(row) - (long) zero;
      case LONG:
        return ((LongColumn) source).getLong(row) - (long) zero;
      default:
        return Math.round((((DoubleColumn) source).getDouble(row) - zero) / scale);
    }
  }

  /** Whether a scaled value is finite and within the long range, so that rounding means something. */
  private boolean exact(int row) {
    double v = (((DoubleColumn) source).getDouble(row) - zero) / scale;
    return Double.isFinite(v) && Math.abs(v) < 0x1p63;
  }

  @Override
  long rows() {
    return source.size();
  }

  @Override
  String tform() {
    return "1" + code;
  }

  @Override
  long width() {
    return code == 'B' ? 1 : code == 'I' ? 2 : code == 'J' ? 4 : 8;
  }

  @Override
  void nullValue(long value) {
    if (value < min || value > max) {
      throw new IllegalArgumentException("column " + name() + ": TNULL " + value + " is outside the stored values of"
          + " TFORM " + tform() + " (" + min + " to " + max + ")");
    }
    requested = value;
    chosen = false;
  }

  /** The TNULL to write, or null when none is needed. */
  Long tnull() {
    if (!chosen) {
      tnull = choose();
      chosen = true;
    }
    return tnull;
  }

  private Long choose() {
    if (requested != null && !isUsed(requested)) {
      return requested;
    }
    if (missing == 0) {
      return null;
    }
    long[] candidates = {min, max, lowest - 1, highest + 1};
    for (long c : candidates) {
      if (c >= min && c <= max && !isUsed(c)) {
        return c;
      }
    }
    if (used != null) {
      int free = used.nextClearBit(0);
      if (free <= max - min) {
        return min + free;
      }
    }
    throw new IllegalArgumentException("column " + name() + ": has missing values, but every value of TFORM "
        + tform() + " is used, so none can mark them (TNULL)");
  }

  private boolean isUsed(long value) {
    if (value < lowest || value > highest) {
      return false;
    }
    if (used != null) {
      return used.get((int) (value - min));
    }
    for (int row = 0; row < source.size(); row++) {
      if (!isMissing(row) && stored(row) == value) {
        return true;
      }
    }
    return false;
  }

  @Override
  void layoutCards(HeaderBuilder header, int n) {
    Long none = tnull();
    if (none != null) {
      header.add("TNULL" + n, none, "");
    }
    if (scale != 1) {
      header.add("TSCAL" + n, scale, "");
    }
    if (zero != 0) {
      if (zero == Math.rint(zero) && Math.abs(zero) < 0x1p53) {
        header.add("TZERO" + n, (long) zero, "");
      } else {
        header.add("TZERO" + n, zero, "");
      }
    }
  }

  @Override
  void encode(ByteBuffer chunk, long first, int count, int rowWidth, int offset, ByteBuffer scratch) {
    Long none = tnull();
    long fill = none == null ? 0 : none;
    int row = (int) first;
    for (int i = 0, at = offset; i < count; i++, at += rowWidth) {
      long v = isMissing(row + i) ? fill : stored(row + i);
      switch (code) {
        case 'B':
          chunk.put(at, (byte) v);
          break;
        case 'I':
          chunk.putShort(at, (short) v);
          break;
        case 'J':
          chunk.putInt(at, (int) v);
          break;
        default:
          chunk.putLong(at, v);
          break;
      }
    }
  }
}
