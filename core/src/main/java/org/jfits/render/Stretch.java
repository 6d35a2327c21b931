package org.jfits.render;

import java.util.function.DoubleUnaryOperator;

/**
 * Maps normalised values in [0, 1] to display levels in [0, 1], with the formulas of
 * {@code astropy.visualization}'s stretches. Inputs outside [0, 1] are clipped first, as astropy's
 * stretches do by default; NaN stays NaN. Immutable.
 */
public final class Stretch {
  private final String name;
  private final DoubleUnaryOperator forward;
  private final DoubleUnaryOperator inverse;

  private Stretch(String name, DoubleUnaryOperator forward, DoubleUnaryOperator inverse) {
    this.name = name;
    this.forward = forward;
    this.inverse = inverse;
  }

  /** {@code y = x}, astropy's {@code LinearStretch()}. */
  public static Stretch linear() {
    return new Stretch("linear", x -> x, y -> y);
  }

  /** {@code y = sqrt(x)}, astropy's {@code SqrtStretch()}. */
  public static Stretch sqrt() {
    return new Stretch("sqrt", Math::sqrt, y -> y * y);
  }

  /** astropy's {@code LogStretch()}: {@code a = 1000}. */
  public static Stretch log() {
    return log(1000);
  }

  /** {@code y = log(a x + 1) / log(a + 1)}, astropy's {@code LogStretch(a)}; {@code a > 0}. */
  public static Stretch log(double a) {
    requirePositive("log", a);
    double norm = Math.log(a + 1);
    return new Stretch("log", x -> Math.log(a * x + 1) / norm, y -> (Math.exp(y * norm) - 1) / a);
  }

  /** astropy's {@code AsinhStretch()}: {@code a = 0.1}. */
  public static Stretch asinh() {
    return asinh(0.1);
  }

  /** {@code y = asinh(x / a) / asinh(1 / a)}, astropy's {@code AsinhStretch(a)}; {@code a > 0}. */
  public static Stretch asinh(double a) {
    requirePositive("asinh", a);
    double norm = Hyperbolic.asinh(1 / a);
    return new Stretch("asinh", x -> Hyperbolic.asinh(x / a) / norm, y -> a * Math.sinh(y * norm));
  }

  /**
   * The stretch called {@code name}: {@code linear}, {@code sqrt}, {@code log} or {@code asinh},
   * with astropy's default parameters.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static Stretch named(String name) {
    switch (name) {
      case "linear":
        return linear();
      case "sqrt":
        return sqrt();
      case "log":
        return log();
      case "asinh":
        return asinh();
      default:
        throw new IllegalArgumentException("unknown stretch '" + name + "'; expected linear, sqrt, log or asinh");
    }
  }

  /** The display level of normalised value {@code x}, clipped to [0, 1] first. */
  public double apply(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    return forward.applyAsDouble(x < 0 ? 0 : (x > 1 ? 1 : x));
  }

  /** The normalised value whose display level is {@code y}, for labelling colour bars. */
  public double invert(double y) {
    return inverse.applyAsDouble(y);
  }

  /** The name: linear, sqrt, log or asinh. */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }

  private static void requirePositive(String stretch, double a) {
    if (!(a > 0)) {
      throw new IllegalArgumentException(stretch + " stretch needs a > 0, got " + a);
    }
  }
}
