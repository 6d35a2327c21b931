package org.jfits.wcs;

/**
 * AIT, Hammer-Aitoff, Paper II section 5.3.4: an equal-area projection of the whole sphere into an
 * ellipse, {@code x = 2 g cos(theta) sin(phi / 2)}, {@code y = g sin(theta)} with
 * {@code g = R0 sqrt(2 / (1 + cos(theta) cos(phi / 2)))}. Plane points outside the ellipse are
 * outside the domain.
 */
final class HammerAitoff extends Projection {
  @Override
  double theta0() {
    return 0.0;
  }

  @Override
  void toNative(double[] a, double[] b, int i) {
    double x = a[i] / (4.0 * R0);
    double y = b[i] / (2.0 * R0);
    double s = 1.0 - x * x - y * y;
    if (s < 0.5) {
      if (s < 0.5 - TOLERANCE) {
        invalid(a, b, i);
        return;
      }
      s = 0.5;
    }
    double z = Math.sqrt(s);
    double xz = 2.0 * z * x;
    double w = 2.0 * s - 1.0;
    a[i] = xz == 0.0 && w == 0.0 ? 0.0 : 2.0 * atan2Deg(xz, w);
    b[i] = asinDeg(2.0 * y * z);
  }

  @Override
  void toPlane(double[] a, double[] b, int i) {
    double halfPhi = Math.toRadians(a[i]) / 2.0;
    double theta = Math.toRadians(b[i]);
    double cosTheta = Math.cos(theta);
    double g = R0 * Math.sqrt(2.0 / (1.0 + cosTheta * Math.cos(halfPhi)));
    a[i] = 2.0 * g * cosTheta * Math.sin(halfPhi);
    b[i] = g * Math.sin(theta);
  }
}
