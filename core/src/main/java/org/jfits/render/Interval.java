package org.jfits.render;

/**
 * Chooses the data values that map to the darkest and brightest display levels, as the interval
 * classes of {@code astropy.visualization} do.
 *
 * <p>Every interval ignores NaN and infinite values. When no finite value is left, the limits are
 * {@code (0, 0)}, where astropy raises an error; a renderer then draws every finite pixel at the
 * bottom of the colour map. Implementations are stateless and safe to share between threads.
 */
public interface Interval {

  /**
   * The display limits of {@code values}.
   *
   * @param values pixel values in any order (the z-scale interval samples them in the given order,
   *     so pass images in row-major, numpy order to get astropy's answer); not modified
   */
  Limits limits(double[] values);

  /**
   * The interval a name gives: {@code zscale}, {@code minmax} or {@code percentile=P} (e.g.
   * {@code percentile=99.5}).
   *
   * @throws IllegalArgumentException for any other name, the message listing these
   */
  static Interval named(String name) {
    if (name.equals("zscale")) {
      return zscale();
    }
    if (name.equals("minmax")) {
      return minMax();
    }
    if (name.startsWith("percentile=")) {
      try {
        return percentile(Double.parseDouble(name.substring("percentile=".length())));
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException("unknown interval '" + name
        + "'; expected zscale, minmax or percentile=P (e.g. percentile=99.5)");
  }

  /** The smallest and largest finite values, as astropy's {@code MinMaxInterval}. */
  static Interval minMax() {
    return MinMaxInterval.INSTANCE;
  }

  /**
   * The central {@code percent} of the finite values, as astropy's {@code PercentileInterval}:
   * the {@code (100 - percent) / 2} and {@code 100 - (100 - percent) / 2} percentiles, with numpy's
   * default linear interpolation between sorted values.
   *
   * @param percent in (0, 100]
   */
  static Interval percentile(double percent) {
    return new PercentileInterval(percent);
  }

  /**
   * IRAF's z-scale, as astropy's {@code ZScaleInterval()} with its defaults: 1000 samples taken at a
   * fixed stride, contrast 0.25, at most half the samples rejected, at least 5 pixels, 2.5-sigma
   * rejection, at most 5 iterations.
   */
  static Interval zscale() {
    return ZScaleInterval.DEFAULT;
  }

  /** The display limits: {@code min} maps to 0, {@code max} to 1, before the stretch. */
  record Limits(double min, double max) {

    /**
     * {@code value} scaled so that the limits map to 0 and 1, clipped to [0, 1]; NaN stays NaN.
     * Equal limits map every finite value to 0.
     */
    public double normalise(double value) {
      if (Double.isNaN(value)) {
        return value;
      }
      double span = max - min;
      if (!(span > 0)) {
        return 0;
      }
      double t = (value - min) / span;
      return t < 0 ? 0 : (t > 1 ? 1 : t);
    }
  }
}
