package org.jfits.wcs;

/**
 * The TPV distortion (the TAN projection with PV polynomials, as registered for SCAMP and the NOAO
 * pipelines): {@code xi' = sum_k PV1_k T_k(xi, eta, r)} and {@code eta' = sum_k PV2_k T_k(eta, xi,
 * r)}, k = 0..39, in intermediate world coordinates (degrees), applied after the linear transform.
 * {@code T_k} runs through 1, then for each degree d = 1..7 the monomials {@code x^d, x^(d-1) y,
 * ..., y^d}, followed by {@code r^d} for odd d. Coefficients missing from the header are 0, as in
 * WCSLIB. The inverse is iterative, converged to 1e-13 degree.
 */
final class Tpv extends Distortion {
  static final int TERMS = 40;
  private static final int[][] EXPONENTS = exponents();

  private final double[] own;
  private final double[] other;

  /**
   * @param first the 40 coefficients of the first coordinate (its own variable first)
   * @param second the 40 coefficients of the second coordinate (its own variable first)
   */
  Tpv(double[] first, double[] second) {
    this.own = first.clone();
    this.other = second.clone();
  }

  /** The exponents of x, y and r of each term k. */
  private static int[][] exponents() {
    int[][] e = new int[TERMS][];
    int k = 0;
    e[k++] = new int[] {0, 0, 0};
    for (int d = 1; d <= 7; d++) {
      for (int py = 0; py <= d; py++) {
        e[k++] = new int[] {d - py, py, 0};
      }
      if (d % 2 == 1) {
        e[k++] = new int[] {0, 0, d};
      }
    }
    return e;
  }

  private static double series(double[] c, double x, double y) {
    double r = Math.hypot(x, y);
    double sum = 0.0;
    for (int k = 0; k < TERMS; k++) {
      if (c[k] != 0.0) {
        int[] e = EXPONENTS[k];
        sum += c[k] * power(x, e[0]) * power(y, e[1]) * power(r, e[2]);
      }
    }
    return sum;
  }

  private static double power(double x, int n) {
    double p = 1.0;
    for (int j = 0; j < n; j++) {
      p *= x;
    }
    return p;
  }

  @Override
  double u(double u, double v) {
    return series(own, u, v);
  }

  @Override
  double v(double u, double v) {
    return series(other, v, u);
  }

  @Override
  double derivativeStep() {
    return 1.0e-6;
  }

  @Override
  double tolerance() {
    return 1.0e-13;
  }
}
