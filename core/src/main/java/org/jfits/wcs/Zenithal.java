package org.jfits.wcs;

/**
 * Zenithal (azimuthal) projections, Paper II section 5.1: the fiducial point is the native pole
 * (theta_0 = 90), native longitude is the position angle on the plane, {@code phi = arg(-y, x)},
 * and native latitude is a function of the radius alone, {@code R(theta)}. Each subclass states
 * only that radial law and its inverse. AZP ({@link Perspective}) and SIN ({@link SlantOrthographic}),
 * zenithal too but not radial when their obliquity parameters are set, are classes of their own.
 */
abstract class Zenithal extends Projection {
  @Override
  final double theta0() {
    return 90.0;
  }

  /** The plane radius of native latitude {@code theta}, or NaN outside the domain. */
  abstract double radius(double theta);

  /** The native latitude at plane radius {@code r} (r ≥ 0), or NaN outside the domain. */
  abstract double theta(double r);

  @Override
  void toNative(double[] a, double[] b, int i) {
    double x = a[i];
    double y = b[i];
    double r = Math.hypot(x, y);
    double theta = theta(r);
    if (Double.isNaN(theta)) {
      invalid(a, b, i);
      return;
    }
    a[i] = r == 0.0 ? 0.0 : atan2Deg(x, -y);
    b[i] = theta;
  }

  @Override
  void toPlane(double[] a, double[] b, int i) {
    double phi = Math.toRadians(a[i]);
    double r = radius(b[i]);
    if (Double.isNaN(r)) {
      invalid(a, b, i);
      return;
    }
    a[i] = r * Math.sin(phi);
    b[i] = -r * Math.cos(phi);
  }

  /** TAN, gnomonic: {@code R = R0 cot(theta)}; only the near hemisphere (theta > 0) projects. */
  static final class Gnomonic extends Zenithal {
    @Override
    double radius(double theta) {
      double s = sinDeg(theta);
      return s <= 0.0 ? Double.NaN : R0 * cosDeg(theta) / s;
    }

    @Override
    double theta(double r) {
      return atan2Deg(R0, r);
    }
  }

  /** STG, stereographic: {@code R = 2 R0 tan((90 - theta) / 2)}; all but the antipode. */
  static final class Stereographic extends Zenithal {
    @Override
    double radius(double theta) {
      double s = 1.0 + sinDeg(theta);
      return s == 0.0 ? Double.NaN : 2.0 * R0 * cosDeg(theta) / s;
    }

    @Override
    double theta(double r) {
      return 90.0 - 2.0 * Math.toDegrees(Math.atan(r / (2.0 * R0)));
    }
  }

  /** ARC, zenithal equidistant: {@code R = 90 - theta} (degrees); the whole sphere. */
  static final class Equidistant extends Zenithal {
    @Override
    double radius(double theta) {
      return 90.0 - theta;
    }

    @Override
    double theta(double r) {
      return 90.0 - r;
    }
  }

  /** ZEA, zenithal equal-area: {@code R = 2 R0 sin((90 - theta) / 2)}; radius at most 2 R0. */
  static final class EqualArea extends Zenithal {
    @Override
    double radius(double theta) {
      return 2.0 * R0 * sinDeg((90.0 - theta) / 2.0);
    }

    @Override
    double theta(double r) {
      return 90.0 - 2.0 * asinDeg(r / (2.0 * R0));
    }
  }
}
