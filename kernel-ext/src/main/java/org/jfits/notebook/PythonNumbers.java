package org.jfits.notebook;

import java.math.BigDecimal;

/**
 * Floating-point numbers written as Python's {@code repr} writes them, so that values read the same
 * here as in astropy: the shortest digits that identify the value, fixed notation from 1e-4 up to
 * 1e16 ({@code 3.0}, {@code 0.0001}), scientific beyond ({@code 1e-05}, {@code 1.5e+16}),
 * {@code nan}, {@code inf}.
 */
final class PythonNumbers {
  private PythonNumbers() {}

  /** A double as Python's {@code repr(float)}. */
  static String repr(double value) {
    return Double.isFinite(value) && value != 0 ? digits(Double.toString(value), value < 0) : special(value);
  }

  /** A float as numpy's {@code repr(float32)} digits. */
  static String repr(float value) {
    return Float.isFinite(value) && value != 0 ? digits(Float.toString(value), value < 0) : special(value);
  }

  private static String special(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    return 1 / value < 0 ? "-0.0" : "0.0";
  }

  private static String digits(String javaText, boolean negative) {
    BigDecimal decimal = new BigDecimal(javaText).stripTrailingZeros();
    int exponent = decimal.precision() - decimal.scale() - 1;
    if (exponent < -4 || exponent >= 16) {
      String digits = decimal.unscaledValue().abs().toString();
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return (negative ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
          + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }
    String plain = decimal.toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }
}
