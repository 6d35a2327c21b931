package org.jfits.table.filter;

import java.util.Arrays;

/**
 * The values of one column, or of one sub-expression, over the rows of a chunk: one primitive array
 * of the expression type and an optional null mask. Operators read and write whole arrays, one tight
 * loop per operator, never one boxed value per row. Element {@code i} describes row {@code i} of the
 * chunk; arrays may be longer than the chunk.
 *
 * <p>Boolean values are false wherever they are null, so that the logical operators combine values
 * and masks with plain bitwise loops.
 */
public final class Values {
  final FilterType type;
  final long[] longs;
  final double[] doubles;
  final boolean[] booleans;
  final String[] strings;
  /** True where the value is null; {@code null} when no value is. */
  final boolean[] nulls;

  private Values(FilterType type, long[] longs, double[] doubles, boolean[] booleans, String[] strings,
      boolean[] nulls) {
    this.type = type;
    this.longs = longs;
    this.doubles = doubles;
    this.booleans = booleans;
    this.strings = strings;
    this.nulls = nulls;
  }

  /** Integer values; {@code nulls} (or {@code null} for none) marks the null ones. */
  public static Values ofLongs(long[] values, boolean[] nulls) {
    return new Values(FilterType.INTEGER, values, null, null, null, nulls);
  }

  /** Real values; NaN is a value, not a null: {@code nulls} (or {@code null}) marks the null ones. */
  public static Values ofDoubles(double[] values, boolean[] nulls) {
    return new Values(FilterType.REAL, null, values, null, null, nulls);
  }

  /** Strings; {@code nulls} (or {@code null}) marks the null ones. */
  public static Values ofStrings(String[] values, boolean[] nulls) {
    return new Values(FilterType.STRING, null, null, null, values, nulls);
  }

  /**
   * Truth values; {@code nulls} (or {@code null}) marks the null ones, whose value is set to false
   * in {@code values}.
   */
  public static Values ofBooleans(boolean[] values, boolean[] nulls) {
    if (nulls != null) {
      for (int i = 0; i < Math.min(values.length, nulls.length); i++) {
        values[i] &= !nulls[i];
      }
    }
    return new Values(FilterType.BOOLEAN, null, null, values, null, nulls);
  }

  /** The length of the value array (at least the number of rows of the chunk). */
  int length() {
    switch (type) {
      case INTEGER:
        return longs.length;
      case REAL:
        return doubles.length;
      case BOOLEAN:
        return booleans.length;
      default:
        return strings.length;
    }
  }

  /** The first {@code count} values as doubles: the array itself for reals, a converted copy for integers. */
  double[] asDoubles(int count) {
    if (doubles != null) {
      return doubles;
    }
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = longs[i];
    }
    return out;
  }

  /** True where either mask is; {@code null} when neither has nulls. A new array when both have some. */
  static boolean[] either(boolean[] a, boolean[] b, int count) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    boolean[] out = new boolean[count];
    for (int i = 0; i < count; i++) {
      out[i] = a[i] | b[i];
    }
    return out;
  }

  /** A copy of the first {@code count} entries of a mask, or a new empty mask. */
  static boolean[] copyOf(boolean[] mask, int count) {
    return mask == null ? new boolean[count] : Arrays.copyOf(mask, count);
  }
}
