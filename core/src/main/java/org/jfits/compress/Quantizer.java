package org.jfits.compress;

import java.util.Arrays;

/**
 * Floating-point tiles to integers, as cfitsio's {@code fits_quantize_float/double}: each tile gets
 * its own step (ZSCALE) and zero point (ZZERO), chosen so a reader restores
 * {@code (i - dither + 0.5) * step + zero} (or {@code i * step + zero} without dither).
 *
 * <p>The step is the tile's noise divided by the quantisation level, the noise being 0.6052697 times
 * the median over rows of the median absolute third-order difference {@code |2 v[i] - v[i-2] - v[i+2]|}
 * of the non-null pixels (cfitsio's noise3 estimate), or an absolute step given as a negative level
 * (as {@code fpack -q}). NaN pixels become {@link #NULL_VALUE}. A tile whose noise is zero (for
 * instance a constant tile), or whose range would overflow the integers, is not quantised.
 */
final class Quantizer {
  /** The integer that stands for a NaN pixel (ZBLANK). */
  static final int NULL_VALUE = -2147483647;
  /** The integer that stands for an exact zero under {@link Dither#SUBTRACTIVE_DITHER_2}. */
  static final int ZERO_VALUE = -2147483646;
  private static final int RESERVED = 10;
  private static final double NOISE_FACTOR = 0.6052697;
  private static final int NOISE_WINDOW = 5;

  private final double level;
  private final Dither dither;
  private final int seed;

  /**
   * @param level the quantisation level: the step is noise / level when positive, -level when negative
   * @param dither the dither method
   * @param seed the dither seed (ZDITHER0), 1 to 10000
   */
  Quantizer(double level, Dither dither, int seed) {
    this.level = level;
    this.dither = dither;
    this.seed = seed;
  }

  /** The integers of a quantised tile, its step and zero point, and the largest error it makes. */
  record Quantized(int[] values, double scale, double zero, boolean hasNulls, double maxError) {}

  /**
   * Quantises the first {@code count} values of a tile whose rows are {@code rowLength} pixels long,
   * or returns null when the tile cannot be quantised and must be stored losslessly.
   *
   * @param tile the 0-based index of the tile (it selects the dither offsets)
   * @param float32 whether the values are float32 (a reader rounds the restored values to float)
   */
  Quantized quantize(double[] values, int count, int rowLength, long tile, boolean float32) {
    if (count <= 1) {
      return null;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int good = 0;
    for (int i = 0; i < count; i++) {
      double v = values[i];
      if (!Double.isNaN(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
        good++;
      }
    }
    if (good == 0) {
      min = 0;
      max = 1;
    }
    double step = level < 0 ? -level : (good == 0 ? 1 : noise(values, count, rowLength)) / level;
    if (step == 0 || !Double.isFinite(step) || (max - min) / step > 2.0 * Integer.MAX_VALUE - RESERVED) {
      return null;
    }
    double zero;
    if (good < count || dither == Dither.SUBTRACTIVE_DITHER_2) {
      zero = min - step * ((double) NULL_VALUE + RESERVED);
    } else if ((max - min) / step < (double) Integer.MAX_VALUE - RESERVED) {
      zero = (long) (min / step + 0.5) * step; // a whole number of steps: repeated round trips agree
    } else {
      zero = (min + max) / 2;
    }
    int[] quantized = new int[count];
    DitherSequence offsets = dither == Dither.NO_DITHER ? null : new DitherSequence(tile, seed);
    double maxError = 0;
    for (int i = 0; i < count; i++) {
      double v = values[i];
      float offset = offsets == null ? 0.5f : offsets.next();
      if (Double.isNaN(v)) {
        quantized[i] = NULL_VALUE;
        continue;
      }
      double restored;
      if (dither == Dither.SUBTRACTIVE_DITHER_2 && v == 0) {
        quantized[i] = ZERO_VALUE;
        restored = 0;
      } else {
        quantized[i] = nearest((v - zero) / step + offset - 0.5);
        restored = ((double) quantized[i] - offset + 0.5) * step + zero;
      }
      if (float32) {
        restored = (float) restored;
      }
      maxError = Math.max(maxError, Math.abs(restored - v));
    }
    return new Quantized(quantized, step, zero, good < count, maxError);
  }

  /** C's {@code NINT}: halves rounded away from zero. */
  private static int nearest(double x) {
    return (int) (x >= 0 ? x + 0.5 : x - 0.5);
  }

  /** cfitsio's noise3: the median over rows of the median |2 v3 - v1 - v5| of non-null pixels. */
  static double noise(double[] values, int count, int rowLength) {
    int width = rowLength < NOISE_WINDOW ? count : rowLength;
    int rows = count / width;
    if (width < NOISE_WINDOW) {
      return 0;
    }
    double[] rowMedians = new double[rows];
    double[] differences = new double[width];
    int medians = 0;
    for (int r = 0; r < rows; r++) {
      // a window of five consecutive non-null pixels v1..v5
      double v1 = 0;
      double v2 = 0;
      double v3 = 0;
      double v4 = 0;
      int seen = 0;
      int n = 0;
      for (int i = r * width, end = i + width; i < end; i++) {
        double v5 = values[i];
        if (Double.isNaN(v5)) {
          continue;
        }
        if (++seen >= NOISE_WINDOW && !(v1 == v2 && v2 == v3 && v3 == v4 && v4 == v5)) {
          differences[n++] = Math.abs(2 * v3 - v1 - v5);
        }
        v1 = v2;
        v2 = v3;
        v3 = v4;
        v4 = v5;
      }
      if (n > 0) {
        rowMedians[medians++] = select(differences, n, (n - 1) / 2);
      }
    }
    if (medians == 0) {
      return 0;
    }
    Arrays.sort(rowMedians, 0, medians);
    return NOISE_FACTOR * (rowMedians[(medians - 1) / 2] + rowMedians[medians / 2]) / 2;
  }

  /** The {@code k}-th smallest of the first {@code n} values (Hoare's selection; reorders them). */
  static double select(double[] values, int n, int k) {
    int low = 0;
    int high = n - 1;
    while (low < high) {
      double pivot = values[(low + high) >>> 1];
      int i = low;
      int j = high;
      while (i <= j) {
        while (values[i] < pivot) {
          i++;
        }
        while (values[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double t = values[i];
          values[i++] = values[j];
          values[j--] = t;
        }
      }
      if (k <= j) {
        high = j;
      } else if (k >= i) {
        low = i;
      } else {
        return values[k];
      }
    }
    return values[k];
  }
}
