package org.jfits.wcs;

/**
 * SIN, the (slant) orthographic projection, Paper II section 5.1.5, with the obliquity parameters
 * {@code xi = PVi_1} and {@code eta = PVi_2} of the latitude axis (both 0 by default: the plain
 * orthographic projection; {@code xi = 0, eta = cot(delta_0)} is the old NCP convention).
 * Only the hemisphere facing the observer projects: theta ≥ 0 for the plain projection, theta ≥
 * {@code -atan(xi sin(phi) - eta cos(phi))} for slant ones, as WCSLIB bounds it.
 */
final class SlantOrthographic extends Projection {
  private final double xi;
  private final double eta;

  SlantOrthographic(double xi, double eta) {
    this.xi = xi;
    this.eta = eta;
  }

  @Override
  double theta0() {
    return 90.0;
  }

  @Override
  void toNative(double[] a, double[] b, int i) {
    double x = a[i] / R0;
    double y = b[i] / R0;
    double r2 = x * x + y * y;
    double theta;
    double z;
    if (xi == 0.0 && eta == 0.0) {
      if (r2 > 1.0 + TOLERANCE) {
        invalid(a, b, i);
        return;
      }
      theta = atan2Deg(Math.sqrt(Math.max(0.0, 1.0 - r2)), Math.sqrt(r2));
      a[i] = r2 == 0.0 ? 0.0 : atan2Deg(x, -y);
      b[i] = theta;
      return;
    }
    double xy = x * xi + y * eta;
    double w1 = xi * xi + eta * eta;
    if (r2 < 1.0e-10) {
      z = r2 / 2.0;
      theta = 90.0 - Math.toDegrees(Math.sqrt(r2 / (1.0 + xy)));
    } else {
      double qa = 1.0 + w1;
      double qb = xy - w1;
      double qc = r2 - xy - xy + w1 - 1.0;
      double d = qb * qb - qa * qc;
      if (d < 0.0) {
        invalid(a, b, i);
        return;
      }
      d = Math.sqrt(d);
      double s1 = (-qb + d) / qa;
      double s2 = (-qb - d) / qa;
      double s = Math.max(s1, s2);
      if (s > 1.0) {
        s = s - 1.0 < TOLERANCE ? 1.0 : Math.min(s1, s2);
      }
      if (s < -1.0 && s + 1.0 > -TOLERANCE) {
        s = -1.0;
      }
      if (s > 1.0 || s < -1.0) {
        invalid(a, b, i);
        return;
      }
      theta = Math.toDegrees(Math.asin(s));
      z = 1.0 - s;
    }
    double x1 = -y + eta * z;
    double y1 = x - xi * z;
    a[i] = x1 == 0.0 && y1 == 0.0 ? 0.0 : atan2Deg(y1, x1);
    b[i] = theta;
  }

  @Override
  void toPlane(double[] a, double[] b, int i) {
    double phi = Math.toRadians(a[i]);
    double theta = b[i];
    double sinPhi = Math.sin(phi);
    double cosPhi = Math.cos(phi);
    double limit = (xi == 0.0 && eta == 0.0) ? 0.0
        : -Math.toDegrees(Math.atan(xi * sinPhi - eta * cosPhi));
    if (theta < limit) {
      invalid(a, b, i);
      return;
    }
    double t = Math.toRadians(theta);
    double z = 1.0 - Math.sin(t);
    double c = Math.cos(t);
    a[i] = R0 * (c * sinPhi + xi * z);
    b[i] = -R0 * (c * cosPhi - eta * z);
  }
}
