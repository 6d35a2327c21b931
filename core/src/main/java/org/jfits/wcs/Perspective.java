package org.jfits.wcs;

/**
 * AZP, the zenithal perspective projection, Paper II section 5.1.1: seen from {@code mu = PVi_1}
 * sphere radii away, through a plane tilted by {@code gamma = PVi_2} degrees (both 0 by default, the
 * gnomonic case at mu = 0). Points behind the limb ({@code theta < asin(-1/mu)} for |mu| > 1) or,
 * for a viewpoint inside the sphere, beyond the latitude where the projection diverges are outside
 * the domain; the inverse picks the solution nearest the native pole, as WCSLIB does.
 */
final class Perspective extends Projection {
  private final double mu;
  private final double scale;
  private final double cosGamma;
  private final double sinGamma;
  private final double tanGamma;
  private final double limbTheta;
  private final boolean diverges;

  Perspective(double mu, double gamma) {
    this.mu = mu;
    this.scale = R0 * (mu + 1.0);
    this.cosGamma = cosDeg(gamma);
    this.sinGamma = sinDeg(gamma);
    this.tanGamma = sinGamma / cosGamma;
    this.limbTheta = Math.abs(mu) > 1.0 ? asinDeg(-1.0 / mu) : -90.0;
    this.diverges = Math.abs(mu * cosGamma) < 1.0;
  }

  @Override
  double theta0() {
    return 90.0;
  }

  @Override
  void toNative(double[] a, double[] b, int i) {
    double x = a[i];
    double y = b[i];
    double yc = y * cosGamma;
    double r = Math.hypot(x, yc);
    if (r == 0.0) {
      a[i] = 0.0;
      b[i] = 90.0;
      return;
    }
    double rho = r / (scale + y * sinGamma);
    double t = rho * mu / Math.sqrt(rho * rho + 1.0);
    double s = atan2Deg(1.0, rho);
    if (Math.abs(t) > 1.0) {
      if (Math.abs(t) > 1.0 + TOLERANCE) {
        invalid(a, b, i);
        return;
      }
      t = Math.copySign(90.0, t);
    } else {
      t = Math.toDegrees(Math.asin(t));
    }
    a[i] = atan2Deg(x, -yc);
    b[i] = nearPole(s, t);
  }

  /** Of the two latitudes {@code s - t} and {@code s + t + 180}, the one nearer the native pole. */
  private static double nearPole(double s, double t) {
    double first = s - t;
    double second = s + t + 180.0;
    if (first > 90.0) {
      first -= 360.0;
    }
    if (second > 90.0) {
      second -= 360.0;
    }
    return Math.max(first, second);
  }

  @Override
  void toPlane(double[] a, double[] b, int i) {
    double phi = Math.toRadians(a[i]);
    double theta = b[i];
    double sinPhi = Math.sin(phi);
    double cosPhi = Math.cos(phi);
    double sinTheta = sinDeg(theta);
    double cosTheta = cosDeg(theta);
    double s = tanGamma * cosPhi;
    double t = mu + sinTheta + cosTheta * s;
    if (t == 0.0 || theta < limbTheta || (diverges && beyondDivergence(theta, s))) {
      invalid(a, b, i);
      return;
    }
    double r = scale * cosTheta / t;
    a[i] = r * sinPhi;
    b[i] = -r * cosPhi / cosGamma;
  }

  /**
   * For a viewpoint inside the sphere (|mu cos(gamma)| < 1), whether theta lies beyond the latitude
   * where the projection diverges at this azimuth.
   */
  private boolean beyondDivergence(double theta, double s) {
    double t = mu / Math.sqrt(1.0 + s * s);
    if (Math.abs(t) > 1.0) {
      return false;
    }
    return theta < nearPole(Math.toDegrees(Math.atan(-s)), Math.toDegrees(Math.asin(t)));
  }
}
