package org.jfits.wcs;

/**
 * ZPN, the zenithal polynomial projection, Paper II section 5.1.7: {@code R = R0 sum_m P_m zeta^m}
 * with {@code zeta = (90 - theta)} in radians and {@code P_m = PVi_m} (m = 0..20) of the latitude
 * axis. The polynomial must rise from the pole: its domain ends at the first turning point of R (or
 * at zeta = pi), where the inverse, found by bracketed iteration to 1e-15 in R / R0, stops.
 */
final class Polynomial extends Zenithal {
  private static final double PI = Math.PI;

  private final double[] p;
  private final double zetaMax;
  private final double rMax;

  /**
   * @param p the coefficients P_0..P_n, the last one non-zero
   * @throws IllegalArgumentException if the polynomial is constant or falls from the pole
   */
  Polynomial(double[] p) {
    this.p = p.clone();
    int n = p.length - 1;
    if (n < 1) {
      throw new IllegalArgumentException("ZPN needs a non-zero coefficient of degree 1 or more");
    }
    if (n >= 2 && p[1] <= 0.0) {
      throw new IllegalArgumentException("ZPN coefficient PV_1 must be positive");
    }
    this.zetaMax = n < 2 ? PI : turningPoint();
    this.rMax = value(zetaMax);
  }

  private double value(double zeta) {
    double r = 0.0;
    for (int m = p.length - 1; m >= 0; m--) {
      r = r * zeta + p[m];
    }
    return r;
  }

  private double slope(double zeta) {
    double d = 0.0;
    for (int m = p.length - 1; m > 0; m--) {
      d = d * zeta + m * p[m];
    }
    return d;
  }

  /** The first zeta in (0, pi] where the slope vanishes, or pi. */
  private double turningPoint() {
    double z1 = 0.0;
    double d1 = p[1];
    double z2 = 0.0;
    double d2 = 0.0;
    int j;
    for (j = 0; j < 180; j++) {
      z2 = Math.toRadians(j);
      d2 = slope(z2);
      if (d2 <= 0.0) {
        break;
      }
      z1 = z2;
      d1 = d2;
    }
    if (j == 180) {
      return PI;
    }
    double z = z1;
    for (int k = 0; k < 100 && z2 - z1 > 1.0e-15; k++) {
      z = z1 - d1 * (z2 - z1) / (d2 - d1);
      double d = slope(z);
      if (Math.abs(d) < 1.0e-13) {
        break;
      }
      if (d < 0.0) {
        z2 = z;
        d2 = d;
      } else {
        z1 = z;
        d1 = d;
      }
    }
    return z;
  }

  @Override
  double radius(double theta) {
    double zeta = Math.toRadians(90.0 - theta);
    return zeta > zetaMax ? Double.NaN : R0 * value(zeta);
  }

  @Override
  double theta(double radius) {
    double r = radius / R0;
    double zeta;
    if (p.length == 2) {
      zeta = (r - p[0]) / p[1];
    } else if (r < p[0]) {
      if (r < p[0] - TOLERANCE) {
        return Double.NaN;
      }
      zeta = 0.0;
    } else if (r > rMax) {
      if (r > rMax + TOLERANCE) {
        return Double.NaN;
      }
      zeta = zetaMax;
    } else {
      zeta = solve(r);
    }
    return 90.0 - Math.toDegrees(zeta);
  }

  /** The zeta in [0, zetaMax] where the polynomial equals r: a safeguarded regula falsi. */
  private double solve(double r) {
    double z1 = 0.0;
    double r1 = p[0];
    double z2 = zetaMax;
    double r2 = rMax;
    double z = z1;
    for (int j = 0; j < 200; j++) {
      double lambda = Math.min(0.9, Math.max(0.1, (r2 - r) / (r2 - r1)));
      z = z2 - lambda * (z2 - z1);
      double rt = value(z);
      if (Math.abs(rt - r) < 1.0e-15) {
        break;
      }
      if (rt < r) {
        r1 = rt;
        z1 = z;
      } else {
        r2 = rt;
        z2 = z;
      }
      if (Math.abs(z2 - z1) < 1.0e-15) {
        break;
      }
    }
    return z;
  }
}
