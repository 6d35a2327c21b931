package org.jfits.render;

import java.util.Arrays;

/**
 * IRAF's z-scale as astropy 5's {@code ZScaleInterval.get_limits}: sample the finite values at a
 * fixed stride, sort the samples, fit a line to them with iterative k-sigma rejection (rejected
 * samples grown by 1% of the sample count), and set the limits from the median and the fitted slope
 * divided by the contrast, within the sample range.
 */
final class ZScaleInterval implements Interval {
  static final ZScaleInterval DEFAULT = new ZScaleInterval(1000, 0.25, 0.5, 5, 2.5, 5);

  private final int samples;
  private final double contrast;
  private final double maxReject;
  private final int minPixels;
  private final double krej;
  private final int maxIterations;

  ZScaleInterval(int samples, double contrast, double maxReject, int minPixels, double krej, int maxIterations) {
    this.samples = samples;
    this.contrast = contrast;
    this.maxReject = maxReject;
    this.minPixels = minPixels;
    this.krej = krej;
    this.maxIterations = maxIterations;
  }

  @Override
  public Limits limits(double[] values) {
    double[] sample = sample(values);
    int npix = sample.length;
    if (npix == 0) {
      return new Limits(0, 0);
    }
    Arrays.sort(sample);
    double vmin = sample[0];
    double vmax = sample[npix - 1];

    int minpix = Math.max(minPixels, (int) (npix * maxReject));
    int ngrow = Math.max(1, (int) (npix * 0.01));
    boolean[] bad = new boolean[npix];
    int good = npix;
    int lastGood = npix + 1;
    double slope = Double.NaN;
    for (int iteration = 0; iteration < maxIterations; iteration++) {
      if (good >= lastGood || good < minpix) {
        break;
      }
      double[] line = fit(sample, bad);
      slope = line[0];
      double[] flat = new double[npix];
      for (int i = 0; i < npix; i++) {
        flat[i] = sample[i] - (line[0] * i + line[1]);
      }
      double threshold = krej * std(flat, bad);
      for (int i = 0; i < npix; i++) {
        if (flat[i] < -threshold || flat[i] > threshold) {
          bad[i] = true;
        }
      }
      bad = grow(bad, ngrow);
      lastGood = good;
      good = 0;
      for (boolean b : bad) {
        good += b ? 0 : 1;
      }
    }
    if (good >= minpix && !Double.isNaN(slope)) {
      if (contrast > 0) {
        slope /= contrast;
      }
      int center = (npix - 1) / 2;
      double median = npix % 2 == 1 ? sample[npix / 2] : (sample[npix / 2 - 1] + sample[npix / 2]) / 2;
      vmin = Math.max(vmin, median - (center - 1) * slope);
      vmax = Math.min(vmax, median + (npix - center) * slope);
    }
    return new Limits(vmin, vmax);
  }

  /** numpy's {@code values[isfinite(values)][::stride][:samples]}, stride = max(1, finite / samples). */
  private double[] sample(double[] values) {
    double[] finite = FiniteValues.of(values);
    int stride = (int) Math.max(1.0, (double) finite.length / samples);
    int n = Math.min(samples, (finite.length + stride - 1) / stride);
    double[] sample = new double[n];
    for (int i = 0; i < n; i++) {
      sample[i] = finite[i * stride];
    }
    return sample;
  }

  /** Least-squares line {@code [slope, intercept]} through {@code (i, y[i])} for the good points. */
  private static double[] fit(double[] y, boolean[] bad) {
    double n = 0;
    double sx = 0;
    double sy = 0;
    for (int i = 0; i < y.length; i++) {
      if (!bad[i]) {
        n++;
        sx += i;
        sy += y[i];
      }
    }
    double mx = sx / n;
    double my = sy / n;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < y.length; i++) {
      if (!bad[i]) {
        double dx = i - mx;
        sxx += dx * dx;
        sxy += dx * (y[i] - my);
      }
    }
    double slope = sxx > 0 ? sxy / sxx : 0;
    return new double[] {slope, my - slope * mx};
  }

  /** The population standard deviation of the good values. */
  private static double std(double[] values, boolean[] bad) {
    double n = 0;
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      if (!bad[i]) {
        n++;
        sum += values[i];
      }
    }
    double mean = sum / n;
    double squares = 0;
    for (int i = 0; i < values.length; i++) {
      if (!bad[i]) {
        double d = values[i] - mean;
        squares += d * d;
      }
    }
    return Math.sqrt(squares / n);
  }

  /**
   * numpy's {@code convolve(bad, ones(ngrow, bool), mode='same')}: a sample is bad when any sample
   * from {@code i - ngrow / 2} to {@code i - ngrow / 2 + ngrow - 1} is.
   */
  private static boolean[] grow(boolean[] bad, int ngrow) {
    int n = bad.length;
    int[] prefix = new int[n + 1];
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] + (bad[i] ? 1 : 0);
    }
    boolean[] grown = new boolean[n];
    for (int i = 0; i < n; i++) {
      int from = Math.max(0, i - ngrow / 2);
      int to = Math.min(n - 1, i - ngrow / 2 + ngrow - 1);
      grown[i] = from <= to && prefix[to + 1] - prefix[from] > 0;
    }
    return grown;
  }
}
