package org.jfits.render;

/**
 * Shrinks an image by an integer factor: each output pixel is the mean of the finite values of its
 * {@code factor x factor} block (blocks at the right and top edges may be smaller); a block without
 * finite values is NaN.
 */
final class Downsampler {
  private Downsampler() {}

  /** The factor that brings the longer side of {@code rows x columns} to at most {@code maxSize}. */
  static int factor(int rows, int columns, int maxSize) {
    int longer = Math.max(rows, columns);
    return Math.max(1, (longer + maxSize - 1) / maxSize);
  }

  /** {@code values} (rows x columns, row-major) averaged in blocks of {@code factor}. */
  static double[] average(double[] values, int rows, int columns, int factor) {
    int outRows = (rows + factor - 1) / factor;
    int outColumns = (columns + factor - 1) / factor;
    double[] sums = new double[outRows * outColumns];
    int[] counts = new int[sums.length];
    for (int r = 0; r < rows; r++) {
      int outRow = r / factor * outColumns;
      int base = r * columns;
      for (int c = 0; c < columns; c++) {
        double v = values[base + c];
        if (Double.isFinite(v)) {
          sums[outRow + c / factor] += v;
          counts[outRow + c / factor]++;
        }
      }
    }
    for (int i = 0; i < sums.length; i++) {
      sums[i] = counts[i] == 0 ? Double.NaN : sums[i] / counts[i];
    }
    return sums;
  }
}
