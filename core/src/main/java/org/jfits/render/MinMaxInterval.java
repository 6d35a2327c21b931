package org.jfits.render;

/** The range of the finite values. */
final class MinMaxInterval implements Interval {
  static final MinMaxInterval INSTANCE = new MinMaxInterval();

  private MinMaxInterval() {}

  @Override
  public Limits limits(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return min > max ? new Limits(0, 0) : new Limits(min, max);
  }
}
