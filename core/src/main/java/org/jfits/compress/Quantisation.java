package org.jfits.compress;

/**
 * Undoes the quantisation of floating-point tiles (ZQUANTIZ), bit for bit as cfitsio's
 * {@code unquantize_i4r4}/{@code unquantize_i4r8}:
 * <ul>
 *   <li>{@code NO_DITHER}: {@code value * ZSCALE + ZZERO};
 *   <li>{@code SUBTRACTIVE_DITHER_1}: {@code (value - r + 0.5) * ZSCALE + ZZERO}, where {@code r} runs
 *       through cfitsio's table of 10000 uniform random numbers (Park-Miller, seed 1), starting for
 *       each tile at an offset fixed by the tile's seed {@code (tile + ZDITHER0 - 1) mod 10000};
 *   <li>{@code SUBTRACTIVE_DITHER_2}: the same, except that the reserved value -2147483646 is an exact
 *       zero.
 * </ul>
 * Values equal to ZBLANK (when the table has one) are NaN. Arithmetic is in double precision, rounded
 * once to float for ZBITPIX -32. Stateless apart from the shared random table.
 */
final class Quantisation {
  /** The number of random values cfitsio draws. */
  static final int RANDOM_COUNT = 10000;
  /** SUBTRACTIVE_DITHER_2's code for an exact zero. */
  static final int ZERO_VALUE = -2147483646;
  private static final float[] RANDOM = randoms();

  /** How a tile's integers became floats. */
  enum Method {
    NO_DITHER,
    SUBTRACTIVE_DITHER_1,
    SUBTRACTIVE_DITHER_2
  }

  private Quantisation() {}

  /**
   * The method a ZQUANTIZ value names; absent means NO_DITHER (files older than dithering).
   *
   * @throws IllegalArgumentException for any other value
   */
  static Method method(String zquantiz) {
    if (zquantiz == null || zquantiz.equals("NO_DITHER")) {
      return Method.NO_DITHER;
    }
    if (zquantiz.equals("SUBTRACTIVE_DITHER_1")) {
      return Method.SUBTRACTIVE_DITHER_1;
    }
    if (zquantiz.equals("SUBTRACTIVE_DITHER_2")) {
      return Method.SUBTRACTIVE_DITHER_2;
    }
    throw new IllegalArgumentException("ZQUANTIZ = '" + zquantiz + "'; jfits reads NO_DITHER, SUBTRACTIVE_DITHER_1"
        + " and SUBTRACTIVE_DITHER_2 (and lossless NONE)");
  }

  /** cfitsio's random table: Park-Miller minimal standard generator from seed 1, each value divided by 2^31 - 1. */
  private static float[] randoms() {
    float[] values = new float[RANDOM_COUNT];
    double a = 16807.0;
    double m = 2147483647.0;
    double seed = 1;
    for (int i = 0; i < RANDOM_COUNT; i++) {
      double product = a * seed;
      seed = product - m * (int) (product / m);
      values[i] = (float) (seed / m);
    }
    if ((int) seed != 1043618065) {
      throw new IllegalStateException("the random sequence does not end at cfitsio's check value: " + seed);
    }
    return values;
  }

  /**
   * Reconstructs the {@code count} pixels of one tile.
   *
   * @param tile the 0-based tile index (table row)
   * @param dither0 ZDITHER0
   * @param output receives the values in double precision; the caller rounds them to float for ZBITPIX -32
   */
  static void unquantise(int[] values, int count, Method method, int tile, long dither0, double scale, double zero,
      boolean hasBlank, long blank, double[] output) {
    if (method == Method.NO_DITHER) {
      for (int i = 0; i < count; i++) {
        output[i] = hasBlank && values[i] == blank ? Double.NaN : values[i] * scale + zero;
      }
      return;
    }
    int seed = (int) Math.floorMod(tile + dither0 - 1, (long) RANDOM_COUNT);
    int next = (int) (RANDOM[seed] * 500);
    boolean zeros = method == Method.SUBTRACTIVE_DITHER_2;
    for (int i = 0; i < count; i++) {
      int v = values[i];
      if (hasBlank && v == blank) {
        output[i] = Double.NaN;
      } else if (zeros && v == ZERO_VALUE) {
        output[i] = 0.0;
      } else {
        output[i] = (v - (double) RANDOM[next] + 0.5) * scale + zero;
      }
      if (++next == RANDOM_COUNT) {
        if (++seed == RANDOM_COUNT) {
          seed = 0;
        }
        next = (int) (RANDOM[seed] * 500);
      }
    }
  }
}
