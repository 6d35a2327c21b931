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
 * once to float for ZBITPIX -32. The random numbers come from {@link DitherSequence}, which the writer
 * uses too.
 */
final class Quantisation {
  /** SUBTRACTIVE_DITHER_2's code for an exact zero. */
  static final int ZERO_VALUE = -2147483646;

  private Quantisation() {}

  /**
   * The method a ZQUANTIZ value names; absent means NO_DITHER (files older than dithering).
   *
   * @throws IllegalArgumentException for any other value
   */
  static Dither method(String zquantiz) {
    if (zquantiz == null || zquantiz.equals("NO_DITHER")) {
      return Dither.NO_DITHER;
    }
    if (zquantiz.equals("SUBTRACTIVE_DITHER_1")) {
      return Dither.SUBTRACTIVE_DITHER_1;
    }
    if (zquantiz.equals("SUBTRACTIVE_DITHER_2")) {
      return Dither.SUBTRACTIVE_DITHER_2;
    }
    throw new IllegalArgumentException("ZQUANTIZ = '" + zquantiz + "'; jfits reads NO_DITHER, SUBTRACTIVE_DITHER_1"
        + " and SUBTRACTIVE_DITHER_2 (and lossless NONE)");
  }

  /**
   * Reconstructs the {@code count} pixels of one tile.
   *
   * @param tile the 0-based tile index (table row)
   * @param dither0 ZDITHER0
   * @param output receives the values in double precision; the caller rounds them to float for ZBITPIX -32
   */
  static void unquantise(int[] values, int count, Dither method, int tile, long dither0, double scale, double zero,
      boolean hasBlank, long blank, double[] output) {
    if (method == Dither.NO_DITHER) {
      for (int i = 0; i < count; i++) {
        output[i] = hasBlank && values[i] == blank ? Double.NaN : values[i] * scale + zero;
      }
      return;
    }
    DitherSequence offsets = new DitherSequence(tile, dither0);
    boolean zeros = method == Dither.SUBTRACTIVE_DITHER_2;
    for (int i = 0; i < count; i++) {
      int v = values[i];
      float offset = offsets.next();
      if (hasBlank && v == blank) {
        output[i] = Double.NaN;
      } else if (zeros && v == ZERO_VALUE) {
        output[i] = 0.0;
      } else {
        output[i] = (v - (double) offset + 0.5) * scale + zero;
      }
    }
  }
}
