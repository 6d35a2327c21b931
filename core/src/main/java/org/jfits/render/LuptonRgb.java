package org.jfits.render;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Colour composites of three bands with the asinh stretch of Lupton et al. (2004, PASP 116, 133),
 * byte for byte as astropy 5.2's
 * {@code make_lupton_rgb(image_r, image_g, image_b, minimum, stretch, Q)}.
 *
 * <p>Each band has its {@code minimum} subtracted; the mean {@code I} of the three is mapped to
 * {@code asinh(Q I / stretch) / Q}, scaled so that 0.1 × {@code stretch} becomes 25.5 counts, and each
 * band is multiplied by that mapping divided by {@code I}, which keeps colours independent of
 * brightness. Negative bands become 0; a pixel whose brightest band passes 255 is scaled down, all
 * three bands together, until that band is 255; the results are truncated to whole counts.
 *
 * <p><b>Arithmetic.</b> As numpy does for astropy: in float32 when all three bands are float32
 * arrays, else in double (integer bands included: astropy needs a real {@code minimum} for those,
 * and subtracting it gives doubles). The minimum is a real number here, so integer bands give what
 * astropy gives with {@code minimum=float(m)} (with an integer minimum astropy fails on them).
 * astropy's float32 {@code arcsinh} is numpy's vectorised one, which is not always correctly
 * rounded; where it is off by a unit in the last place a count can differ by 1 (rarely: see the
 * tests).
 *
 * <p><b>Bad values.</b> A pixel that is NaN or infinite in any band is black (0, 0, 0), as astropy
 * returns it with numpy 1.24 on x86-64 (its NaN intermediates convert to 0, with numpy's "invalid
 * value" warnings).
 *
 * <p>Immutable; the {@code minimum}, {@code stretch} and {@code q} methods return modified copies.
 */
public final class LuptonRgb {
  private static final double UINT8_MAX = 255;
  /** astropy's float32 machine epsilon, below which Q counts as 0 and becomes 0.1. */
  private static final double Q_EPSILON = 1.0 / (1 << 23);
  private static final double Q_MAX = 1e10;
  /** The fraction of {@code stretch} whose mapping fixes the slope, as in astropy. */
  private static final double SLOPE_FRACTION = 0.1;

  private final double[] minimum;
  private final double stretch;
  private final double q;

  private LuptonRgb(double[] minimum, double stretch, double q) {
    this.minimum = minimum;
    this.stretch = stretch;
    this.q = q;
  }

  /** astropy's defaults: {@code minimum = 0}, {@code stretch = 5}, {@code Q = 8}. */
  public static LuptonRgb create() {
    return new LuptonRgb(new double[] {0, 0, 0}, 5, 8);
  }

  /**
   * The mapping that option texts give, as {@code jfits preview --rgb} and {@code %fits show --rgb}
   * take them; a null text keeps astropy's default.
   *
   * @param minimum one number, or three separated by commas (red, green, blue)
   * @param stretch one number
   * @param q one number
   * @throws IllegalArgumentException naming the setting whose text is not such numbers or is out of range
   */
  public static LuptonRgb parse(String minimum, String stretch, String q) {
    LuptonRgb mapping = create();
    if (minimum != null) {
      mapping = mapping.minimum(numbers("minimum", minimum));
    }
    if (stretch != null) {
      mapping = mapping.stretch(number("stretch", stretch));
    }
    if (q != null) {
      mapping = mapping.q(number("Q", q));
    }
    return mapping;
  }

  /**
   * This mapping with the values mapped to black: one for all bands or three, red, green and blue.
   *
   * @throws IllegalArgumentException for another count or a value that is not finite
   */
  public LuptonRgb minimum(double... values) {
    if (values.length != 1 && values.length != 3) {
      throw new IllegalArgumentException("minimum needs 1 or 3 values (red, green, blue), got " + values.length);
    }
    for (double v : values) {
      requireFinite("minimum", v);
    }
    double[] three = values.length == 1 ? new double[] {values[0], values[0], values[0]} : values.clone();
    return new LuptonRgb(three, stretch, q);
  }

  /**
   * This mapping with another linear stretch: the range of intensities shown almost linearly.
   *
   * @throws IllegalArgumentException unless {@code stretch} is positive and finite
   */
  public LuptonRgb stretch(double stretch) {
    requireFinite("stretch", stretch);
    if (!(stretch > 0)) {
      throw new IllegalArgumentException("stretch must be positive, got " + stretch);
    }
    return new LuptonRgb(minimum, stretch, q);
  }

  /**
   * This mapping with another asinh softening {@code Q}; as in astropy, a Q within 2<sup>-23</sup> of
   * 0 is taken as 0.1 and one above 10<sup>10</sup> as 10<sup>10</sup>.
   *
   * @throws IllegalArgumentException unless {@code q} is finite
   */
  public LuptonRgb q(double q) {
    requireFinite("Q", q);
    return new LuptonRgb(minimum, stretch, q);
  }

  /**
   * The composite of three bands.
   *
   * @param red the band drawn in red: a 2-D numeric array {@code [rows, columns]} (numpy order)
   * @param green the band drawn in green, of the same shape
   * @param blue the band drawn in blue, of the same shape
   * @throws IllegalArgumentException if they are not 2-D, differ in shape, are empty or hold strings
   */
  public RgbImage combine(INDArray red, INDArray green, INDArray blue) {
    for (INDArray band : new INDArray[] {red, green, blue}) {
      if (band.rank() != 2) {
        throw new IllegalArgumentException("the bands must be 2-D images; got shape " + Arrays.toString(band.shape()));
      }
    }
    if (!Arrays.equals(red.shape(), green.shape()) || !Arrays.equals(green.shape(), blue.shape())) {
      throw new IllegalArgumentException("the bands differ in shape: red " + Arrays.toString(red.shape()) + ", green "
          + Arrays.toString(green.shape()) + ", blue " + Arrays.toString(blue.shape()));
    }
    boolean float32 = red.dataType() == DataType.FLOAT && green.dataType() == DataType.FLOAT
        && blue.dataType() == DataType.FLOAT;
    return combine(new double[][] {PixelValues.of(red), PixelValues.of(green), PixelValues.of(blue)},
        (int) red.size(0), (int) red.size(1), float32);
  }

  /**
   * The composite of a cube's three planes, red, green and blue in that order.
   *
   * @param cube a numeric array of shape {@code [3, rows, columns]} (numpy order)
   * @throws IllegalArgumentException if it has another shape, is empty or holds strings
   */
  public RgbImage combine(INDArray cube) {
    if (cube.rank() != 3 || cube.size(0) != 3) {
      throw new IllegalArgumentException("a colour cube has shape [3, rows, columns]; got " + Arrays.toString(cube.shape()));
    }
    double[] values = PixelValues.of(cube);
    int plane = values.length / 3;
    double[][] bands = {Arrays.copyOfRange(values, 0, plane), Arrays.copyOfRange(values, plane, 2 * plane),
        Arrays.copyOfRange(values, 2 * plane, 3 * plane)};
    return combine(bands, (int) cube.size(1), (int) cube.size(2), cube.dataType() == DataType.FLOAT);
  }

  private RgbImage combine(double[][] bands, int rows, int columns, boolean float32) {
    int pixels = bands[0].length;
    if (pixels == 0) {
      throw new IllegalArgumentException("cannot combine empty bands of " + rows + " x " + columns + " pixels");
    }
    if (pixels > Integer.MAX_VALUE / 3) {
      throw new IllegalArgumentException("bands of " + pixels + " pixels are too large for one RGB array");
    }
    Precision p = float32 ? Precision.FLOAT : Precision.DOUBLE;
    double adjustedQ = Math.abs(q) < Q_EPSILON ? 0.1 : Math.min(q, Q_MAX);
    double soften = p.round(adjustedQ / stretch);
    double slope = p.round(SLOPE_FRACTION * UINT8_MAX / Hyperbolic.asinh(SLOPE_FRACTION * adjustedQ));
    double[] black = {p.round(minimum[0]), p.round(minimum[1]), p.round(minimum[2])};
    byte[] rgb = new byte[3 * pixels];
    double[] c = new double[3];
    for (int i = 0; i < pixels; i++) {
      for (int band = 0; band < 3; band++) {
        c[band] = p.round(bands[band][i] - black[band]);
      }
      double intensity = p.round(p.round(p.round(c[0] + c[1]) + c[2]) / 3);
      double factor = intensity <= 0 ? 0
          : p.round(p.round(p.round(Hyperbolic.asinh(p.round(intensity * soften))) * slope) / intensity);
      for (int band = 0; band < 3; band++) {
        double v = p.round(c[band] * factor);
        c[band] = v < 0 ? 0 : v;
      }
      // astropy's nested np.where: the brightest band, ties going to the later band; NaN compares false
      double brightest = c[0] > c[1] ? (c[0] > c[2] ? c[0] : c[2]) : (c[1] > c[2] ? c[1] : c[2]);
      for (int band = 0; band < 3; band++) {
        double v = brightest >= UINT8_MAX ? p.round(p.round(c[band] * UINT8_MAX) / brightest) : c[band];
        rgb[3 * i + band] = (byte) (int) v; // truncation, NaN to 0, as numpy's astype(uint8) here
      }
    }
    return new RgbImage(rows, columns, rgb);
  }

  private static double number(String name, String text) {
    double[] values = numbers(name, text);
    if (values.length != 1) {
      throw new IllegalArgumentException(name + " takes one number, not '" + text + "'");
    }
    return values[0];
  }

  private static double[] numbers(String name, String text) {
    String[] parts = text.split(",", -1);
    double[] values = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        values[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " '" + text + "' is not a number"
            + (parts.length > 1 ? " list" : ""), e);
      }
    }
    return values;
  }

  private static void requireFinite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number, got " + value);
    }
  }

  /** The arithmetic of the bands: each result rounded to float32, or kept as a double. */
  private enum Precision {
    FLOAT {
      @Override
      double round(double x) {
        return (float) x;
      }
    },
    DOUBLE {
      @Override
      double round(double x) {
        return x;
      }
    };

    /**
     * {@code x}, the exact result of an operation on values of this precision, rounded to it; for
     * + − × ÷ of floats this is IEEE float arithmetic, since doubles hold such results closely enough.
     */
    abstract double round(double x);
  }
}
