package org.jfits.render;

import java.util.Arrays;

/** The central part of the sorted finite values, as astropy's {@code PercentileInterval}. */
final class PercentileInterval implements Interval {
  private final double lower;
  private final double upper;

  PercentileInterval(double percent) {
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], got " + percent);
    }
    this.lower = (100 - percent) / 2;
    this.upper = 100 - lower;
  }

  @Override
  public Limits limits(double[] values) {
    double[] sorted = FiniteValues.of(values);
    if (sorted.length == 0) {
      return new Limits(0, 0);
    }
    Arrays.sort(sorted);
    return new Limits(FiniteValues.percentile(sorted, lower), FiniteValues.percentile(sorted, upper));
  }
}
