package org.jfits.render;

/** The inverse hyperbolic sine to within about one unit in the last place, which {@link Math} lacks. */
final class Hyperbolic {
  private static final double LN2 = Math.log(2);
  private static final double HUGE = 0x1p28;

  private Hyperbolic() {}

  /**
   * {@code asinh(x)}, fdlibm's formulas: {@code log1p} near 0, where {@code log(x + sqrt(x² + 1))}
   * loses digits, and {@code log(2x)} where {@code x²} would overflow. NaN and ±∞ give NaN and ±∞.
   */
  static double asinh(double x) {
    double a = Math.abs(x);
    double y;
    if (a > HUGE) {
      y = Math.log(a) + LN2;
    } else if (a > 2) {
      y = Math.log(2 * a + 1 / (Math.sqrt(a * a + 1) + a));
    } else {
      y = Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
    }
    return Math.copySign(y, x);
  }
}
