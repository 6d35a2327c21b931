package org.jfits.render;

import java.util.Arrays;

/** The finite values of an array, in their order; the intervals work on these. */
final class FiniteValues {
  private FiniteValues() {}

  static double[] of(double[] values) {
    double[] finite = new double[values.length];
    int n = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        finite[n++] = v;
      }
    }
    return n == finite.length ? finite : Arrays.copyOf(finite, n);
  }

  /** numpy's default percentile (linear interpolation) of ascending {@code sorted}, q in [0, 100]. */
  static double percentile(double[] sorted, double q) {
    double index = q / 100 * (sorted.length - 1);
    int below = (int) Math.floor(index);
    if (below >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    double t = index - below;
    double a = sorted[below];
    double b = sorted[below + 1];
    // numpy's _lerp: the form that is exact at the nearer end
    return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
  }
}
