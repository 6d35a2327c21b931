package org.jfits.wcs;

/**
 * Conic projections, Paper II section 5.5: the sphere projected onto a cone touching or cutting it
 * at the standard parallels {@code theta_a -+ eta}, with {@code theta_a = PVi_1} (required) and
 * {@code eta = PVi_2} (default 0) of the latitude axis. The fiducial point is (0, theta_a); on the
 * plane, {@code x = R sin(C phi)} and {@code y = -R cos(C phi) + Y0} with {@code Y0 = R(theta_a)},
 * where each subclass states the cone constant C and the radial law {@code R(theta)} with its
 * inverse. Plane points whose native longitude falls outside [-180, 180] are outside the domain.
 */
abstract class Conic extends Projection {
  final double thetaA;
  final double eta;
  private double c;
  private double y0;
  private double sign;

  Conic(double thetaA, double eta) {
    if (thetaA == 0.0 || Math.abs(thetaA) > 90.0 || Math.abs(eta) > 90.0) {
      throw new IllegalArgumentException("conic projections need 0 < |theta_a (PV_1)| <= 90 and"
          + " |eta (PV_2)| <= 90");
    }
    this.thetaA = thetaA;
    this.eta = eta;
  }

  /** Sets the cone constant; subclasses call it once their own fields are set. */
  final void setUp(double coneConstant) {
    this.c = coneConstant;
    this.sign = thetaA < 0.0 ? -1.0 : 1.0;
    this.y0 = radius(thetaA);
    if (c == 0.0 || Double.isNaN(y0)) {
      throw new IllegalArgumentException("degenerate cone for theta_a " + thetaA + ", eta " + eta);
    }
  }

  @Override
  final double theta0() {
    return thetaA;
  }

  /** The plane radius of native latitude {@code theta}, or NaN outside the domain. */
  abstract double radius(double theta);

  /** The native latitude at plane radius {@code r} (signed like theta_a), or NaN. */
  abstract double theta(double r);

  @Override
  final void toNative(double[] a, double[] b, int i) {
    double x = a[i];
    double dy = y0 - b[i];
    double r = sign * Math.hypot(x, dy);
    double phi = r == 0.0 ? 0.0 : atan2Deg(x / r, dy / r) / c;
    double theta = theta(r);
    if (Double.isNaN(theta) || Math.abs(phi) > 180.0 + TOLERANCE || Math.abs(theta) > 90.0 + TOLERANCE) {
      invalid(a, b, i);
      return;
    }
    a[i] = Math.max(-180.0, Math.min(180.0, phi));
    b[i] = Math.max(-90.0, Math.min(90.0, theta));
  }

  @Override
  final void toPlane(double[] a, double[] b, int i) {
    double r = radius(b[i]);
    if (Double.isNaN(r)) {
      invalid(a, b, i);
      return;
    }
    double alpha = Math.toRadians(c * a[i]);
    a[i] = r * Math.sin(alpha);
    b[i] = -r * Math.cos(alpha) + y0;
  }

  /** COP, conic perspective: {@code C = sin(theta_a)}, {@code R = R0 cos(eta) (cot(theta_a) - tan(theta - theta_a))}. */
  static final class Perspective extends Conic {
    private final double scale;
    private final double cotA;

    Perspective(double thetaA, double eta) {
      super(thetaA, eta);
      this.scale = R0 * cosDeg(eta);
      this.cotA = cosDeg(thetaA) / sinDeg(thetaA);
      setUp(sinDeg(thetaA));
    }

    @Override
    double radius(double theta) {
      double t = cosDeg(theta - thetaA);
      if (t == 0.0) {
        return Double.NaN;
      }
      double r = scale * (cotA - sinDeg(theta - thetaA) / t);
      return r * Math.signum(thetaA) < 0.0 ? Double.NaN : r;
    }

    @Override
    double theta(double r) {
      return thetaA + Math.toDegrees(Math.atan(cotA - r / scale));
    }
  }

  /** COE, conic equal area: {@code C = gamma / 2}, {@code R = (2 R0 / gamma) sqrt(1 + sin(theta_1) sin(theta_2) - gamma sin(theta))}. */
  static final class EqualArea extends Conic {
    private final double gamma;
    private final double product;

    EqualArea(double thetaA, double eta) {
      super(thetaA, eta);
      double s1 = sinDeg(thetaA - eta);
      double s2 = sinDeg(thetaA + eta);
      this.gamma = s1 + s2;
      this.product = s1 * s2;
      setUp(gamma / 2.0);
    }

    @Override
    double radius(double theta) {
      return 2.0 * R0 / gamma * Math.sqrt(1.0 + product - gamma * sinDeg(theta));
    }

    @Override
    double theta(double r) {
      double w = r * gamma / (2.0 * R0);
      return asinDeg((1.0 + product - w * w) / gamma);
    }
  }

  /** COD, conic equidistant: {@code C = R0 sin(theta_a) sin(eta) / eta}, {@code R = theta_a - theta + eta cot(eta) cot(theta_a)}. */
  static final class Equidistant extends Conic {
    private final double offset;

    Equidistant(double thetaA, double eta) {
      super(thetaA, eta);
      double cotA = cosDeg(thetaA) / sinDeg(thetaA);
      this.offset = eta == 0.0 ? R0 * cotA : eta * cosDeg(eta) / sinDeg(eta) * cotA;
      setUp(eta == 0.0 ? sinDeg(thetaA) : R0 * sinDeg(thetaA) * sinDeg(eta) / eta);
    }

    @Override
    double radius(double theta) {
      return thetaA - theta + offset;
    }

    @Override
    double theta(double r) {
      return thetaA + offset - r;
    }
  }

  /**
   * COO, conic orthomorphic: {@code C = ln(cos(theta_2) / cos(theta_1)) / ln(tan((90 - theta_2) / 2)
   * / tan((90 - theta_1) / 2))}, {@code R = psi tan^C((90 - theta) / 2)}.
   */
  static final class Orthomorphic extends Conic {
    private final double psi;
    private final double cone;

    Orthomorphic(double thetaA, double eta) {
      super(thetaA, eta);
      double theta1 = thetaA - eta;
      double theta2 = thetaA + eta;
      double t1 = tanHalfColatitude(theta1);
      this.cone = theta1 == theta2 ? sinDeg(theta1)
          : Math.log(cosDeg(theta2) / cosDeg(theta1)) / Math.log(tanHalfColatitude(theta2) / t1);
      this.psi = R0 * cosDeg(theta1) / (cone * Math.pow(t1, cone));
      setUp(cone);
    }

    private static double tanHalfColatitude(double theta) {
      return Math.tan(Math.toRadians((90.0 - theta) / 2.0));
    }

    @Override
    double radius(double theta) {
      if (theta == -90.0 && cone > 0.0 || theta == 90.0 && cone < 0.0) {
        return Double.NaN;
      }
      return psi * Math.pow(tanHalfColatitude(theta), cone);
    }

    @Override
    double theta(double r) {
      if (r == 0.0) {
        return cone < 0.0 ? Double.NaN : 90.0;
      }
      return 90.0 - 2.0 * Math.toDegrees(Math.atan(Math.pow(r / psi, 1.0 / cone)));
    }
  }
}
