package org.jfits.dataset;

/**
 * The usual sample transforms for astronomical images. Per-sample statistics skip NaN pixels;
 * {@link #nanTo(float)} replaces them (models cannot take NaN), and should come first when the data
 * have blanks. Transforms that change the pixels do so in place.
 *
 * <pre>{@code
 * SampleTransform t = Transforms.nanTo(0).then(Transforms.randomCrop(32, 32))
 *     .then(Transforms.randomFlip()).then(Transforms.asinh(0.1)).then(Transforms.standardize());
 * }</pre>
 */
public final class Transforms {
  private Transforms() {}

  /** Replaces NaN pixels with {@code value}. */
  public static SampleTransform nanTo(float value) {
    return (s, random) -> {
      float[] p = s.pixels();
      for (int i = 0; i < p.length; i++) {
        if (Float.isNaN(p[i])) {
          p[i] = value;
        }
      }
      return s;
    };
  }

  /** {@code (x - mean) / std} with fixed values (e.g. the training set's). */
  public static SampleTransform normalize(double mean, double std) {
    if (!(std > 0)) {
      throw new IllegalArgumentException("std must be positive: " + std);
    }
    return (s, random) -> affine(s, -mean / std, 1.0 / std);
  }

  /**
   * Each sample to zero mean and unit standard deviation over its finite pixels (a constant sample
   * becomes all zeros).
   */
  public static SampleTransform standardize() {
    return (s, random) -> {
      double sum = 0;
      double sumSquares = 0;
      long n = 0;
      for (float v : s.pixels()) {
        if (Float.isFinite(v)) {
          sum += v;
          sumSquares += (double) v * v;
          n++;
        }
      }
      double mean = n == 0 ? 0 : sum / n;
      double variance = n == 0 ? 0 : Math.max(0, sumSquares / n - mean * mean);
      double std = Math.sqrt(variance);
      return std > 0 ? affine(s, -mean / std, 1.0 / std) : affine(s, 0, 0);
    };
  }

  /** Each sample linearly to [0, 1] between its finite minimum and maximum. */
  public static SampleTransform minMax() {
    return (s, random) -> {
      float min = Float.POSITIVE_INFINITY;
      float max = Float.NEGATIVE_INFINITY;
      for (float v : s.pixels()) {
        if (Float.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
      return max > min ? affine(s, -min / (double) (max - min), 1.0 / (max - min)) : affine(s, 0, 0);
    };
  }

  /** Clips values to [{@code low}, {@code high}]. */
  public static SampleTransform clip(float low, float high) {
    return (s, random) -> {
      float[] p = s.pixels();
      for (int i = 0; i < p.length; i++) {
        p[i] = Math.max(low, Math.min(high, p[i]));
      }
      return s;
    };
  }

  /**
   * The inverse hyperbolic sine stretch {@code asinh(x / softening)}: linear near 0, logarithmic for
   * bright pixels (Lupton et al. 1999); {@code softening} is about the noise level.
   */
  public static SampleTransform asinh(double softening) {
    if (!(softening > 0)) {
      throw new IllegalArgumentException("softening must be positive: " + softening);
    }
    return (s, random) -> {
      float[] p = s.pixels();
      for (int i = 0; i < p.length; i++) {
        double x = p[i] / softening;
        p[i] = (float) Math.log(x + Math.sqrt(x * x + 1));
      }
      return s;
    };
  }

  /** {@code log10(x + offset)}, with values at or below {@code -offset} mapped to {@code log10(tiny)}. */
  public static SampleTransform log10(double offset) {
    return (s, random) -> {
      float[] p = s.pixels();
      for (int i = 0; i < p.length; i++) {
        p[i] = (float) Math.log10(Math.max(p[i] + offset, Float.MIN_NORMAL));
      }
      return s;
    };
  }

  /** A {@code height x width} window at a random place (the same for every channel). */
  public static SampleTransform randomCrop(int height, int width) {
    return (s, random) -> crop(s, height, width, random.nextInt(fits(s.height(), height, "height") + 1),
        random.nextInt(fits(s.width(), width, "width") + 1));
  }

  /** The central {@code height x width} window. */
  public static SampleTransform centerCrop(int height, int width) {
    return (s, random) -> crop(s, height, width, (fits(s.height(), height, "height")) / 2,
        fits(s.width(), width, "width") / 2);
  }

  /** Mirrors left-right and, independently, up-down, each with probability 1/2. */
  public static SampleTransform randomFlip() {
    return (s, random) -> {
      boolean leftRight = random.nextBoolean();
      boolean upDown = random.nextBoolean();
      return leftRight || upDown ? remap(s, s.height(), s.width(),
          (y, x) -> (upDown ? s.height() - 1 - y : y) * s.width() + (leftRight ? s.width() - 1 - x : x)) : s;
    };
  }

  /** Rotates by 0, 90, 180 or 270 degrees, each with probability 1/4 (square samples only). */
  public static SampleTransform randomRotate90() {
    return (s, random) -> {
      if (s.height() != s.width()) {
        throw new IllegalArgumentException("randomRotate90 needs square samples, not " + s.height() + " x "
            + s.width());
      }
      int n = s.width();
      return switch (random.nextInt(4)) {
        case 1 -> remap(s, n, n, (y, x) -> x * n + (n - 1 - y));
        case 2 -> remap(s, n, n, (y, x) -> (n - 1 - y) * n + (n - 1 - x));
        case 3 -> remap(s, n, n, (y, x) -> (n - 1 - x) * n + y);
        default -> s;
      };
    };
  }

  private static Sample affine(Sample s, double offset, double scale) {
    float[] p = s.pixels();
    for (int i = 0; i < p.length; i++) {
      p[i] = (float) (p[i] * scale + offset);
    }
    return s;
  }

  private static int fits(int size, int window, String axis) {
    if (window <= 0 || window > size) {
      throw new IllegalArgumentException("crop " + axis + " " + window + " does not fit a sample " + axis + " of "
          + size);
    }
    return size - window;
  }

  private static Sample crop(Sample s, int height, int width, int top, int left) {
    return remap(s, height, width, (y, x) -> (top + y) * s.width() + left + x);
  }

  /** Where output pixel (y, x) of a plane comes from in the input plane. */
  private interface PlaneMap {
    int source(int y, int x);
  }

  private static Sample remap(Sample s, int height, int width, PlaneMap map) {
    float[] in = s.pixels();
    float[] out = new float[s.channels() * height * width];
    int inPlane = s.height() * s.width();
    for (int c = 0; c < s.channels(); c++) {
      int o = c * height * width;
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          out[o++] = in[c * inPlane + map.source(y, x)];
        }
      }
    }
    return s.withPixels(out, s.channels(), height, width);
  }
}
