package org.jfits.wcs;

/**
 * The SIP distortion (Shupe et al. 2005): polynomials {@code A_p_q}, {@code B_p_q} of the pixel
 * offsets {@code (u, v)} from CRPIX, added to them before the linear transform. The inverse uses the
 * {@code AP_p_q}, {@code BP_p_q} polynomials as a first guess where the header has them (they are
 * fitted approximations, often good to 0.01 pixel or worse), then refines by quasi-Newton iteration to
 * 1e-10 pixel, so the round trip is exact to that level either way.
 */
final class Sip extends Distortion {
  private final double[][] a;
  private final double[][] b;
  private final double[][] ap;
  private final double[][] bp;

  /** Coefficient matrices indexed [p][q]; {@code ap} and {@code bp} may be null. */
  Sip(double[][] a, double[][] b, double[][] ap, double[][] bp) {
    this.a = a;
    this.b = b;
    this.ap = ap;
    this.bp = bp;
  }

  private static double polynomial(double[][] c, double u, double v) {
    double sum = 0.0;
    for (int p = c.length - 1; p >= 0; p--) {
      double[] row = c[p];
      double inner = 0.0;
      for (int q = row.length - 1; q >= 0; q--) {
        inner = inner * v + row[q];
      }
      sum = sum * u + inner;
    }
    return sum;
  }

  @Override
  double u(double u, double v) {
    return u + polynomial(a, u, v);
  }

  @Override
  double v(double u, double v) {
    return v + polynomial(b, u, v);
  }

  @Override
  double derivativeStep() {
    return 1.0e-3;
  }

  @Override
  double tolerance() {
    return 1.0e-10;
  }

  @Override
  void startInverse(double[] x, double[] y, int i) {
    if (ap == null || bp == null) {
      return;
    }
    double u = x[i];
    double v = y[i];
    x[i] = u + polynomial(ap, u, v);
    y[i] = v + polynomial(bp, u, v);
  }
}
