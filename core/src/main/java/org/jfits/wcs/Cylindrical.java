package org.jfits.wcs;

/**
 * Cylindrical projections, Paper II section 5.2: the fiducial point is on the native equator
 * (theta_0 = 0), {@code x} is proportional to native longitude and {@code y} a function of native
 * latitude alone. Each subclass states the law {@code y(theta)} and its inverse. Plane points whose
 * longitude falls outside [-180, 180] are outside the domain, as WCSLIB bounds them.
 */
abstract class Cylindrical extends Projection {
  private final double xScale;

  Cylindrical(double xScale) {
    this.xScale = xScale;
  }

  @Override
  final double theta0() {
    return 0.0;
  }

  /** The plane ordinate of native latitude {@code theta}, or NaN outside the domain. */
  abstract double y(double theta);

  /** The native latitude of plane ordinate {@code y}, or NaN outside the domain. */
  abstract double theta(double y);

  @Override
  final void toNative(double[] a, double[] b, int i) {
    double phi = a[i] / xScale;
    double theta = theta(b[i]);
    if (Double.isNaN(theta) || Math.abs(phi) > 180.0 + TOLERANCE || Math.abs(theta) > 90.0 + TOLERANCE) {
      invalid(a, b, i);
      return;
    }
    a[i] = Math.max(-180.0, Math.min(180.0, phi));
    b[i] = Math.max(-90.0, Math.min(90.0, theta));
  }

  @Override
  final void toPlane(double[] a, double[] b, int i) {
    double y = y(b[i]);
    if (Double.isNaN(y)) {
      invalid(a, b, i);
      return;
    }
    a[i] = a[i] * xScale;
    b[i] = y;
  }

  /** CAR, plate carrée: {@code y = theta}. */
  static final class PlateCarree extends Cylindrical {
    PlateCarree() {
      super(1.0);
    }

    @Override
    double y(double theta) {
      return theta;
    }

    @Override
    double theta(double y) {
      return y;
    }
  }

  /** MER, Mercator: {@code y = R0 ln tan((90 + theta) / 2)}; the poles are at infinity. */
  static final class Mercator extends Cylindrical {
    Mercator() {
      super(1.0);
    }

    @Override
    double y(double theta) {
      if (theta <= -90.0 || theta >= 90.0) {
        return Double.NaN;
      }
      return R0 * Math.log(Math.tan(Math.toRadians((90.0 + theta) / 2.0)));
    }

    @Override
    double theta(double y) {
      return 2.0 * Math.toDegrees(Math.atan(Math.exp(y / R0))) - 90.0;
    }
  }

  /** CEA, cylindrical equal area: {@code y = R0 sin(theta) / lambda}, {@code lambda = PVi_1} in (0, 1]. */
  static final class EqualArea extends Cylindrical {
    private final double lambda;

    EqualArea(double lambda) {
      super(1.0);
      if (!(lambda > 0.0 && lambda <= 1.0)) {
        throw new IllegalArgumentException("CEA needs 0 < lambda (PV_1) <= 1, not " + lambda);
      }
      this.lambda = lambda;
    }

    @Override
    double y(double theta) {
      return R0 * sinDeg(theta) / lambda;
    }

    @Override
    double theta(double y) {
      return asinDeg(lambda * y / R0);
    }
  }

  /**
   * CYP, cylindrical perspective: {@code x = lambda phi}, {@code y = R0 (mu + lambda) sin(theta) /
   * (mu + cos(theta))}, with {@code mu = PVi_1} and {@code lambda = PVi_2} (both 1 by default).
   */
  static final class Perspective extends Cylindrical {
    private final double mu;
    private final double yScale;

    Perspective(double mu, double lambda) {
      super(lambda);
      if (lambda == 0.0 || mu + lambda == 0.0) {
        throw new IllegalArgumentException("CYP needs lambda (PV_2) != 0 and mu + lambda != 0");
      }
      this.mu = mu;
      this.yScale = R0 * (mu + lambda);
    }

    @Override
    double y(double theta) {
      double t = mu + cosDeg(theta);
      return t == 0.0 ? Double.NaN : yScale * sinDeg(theta) / t;
    }

    @Override
    double theta(double y) {
      double eta = y / yScale;
      double s = eta * mu / Math.sqrt(eta * eta + 1.0);
      return atan2Deg(eta, 1.0) + asinDeg(s);
    }
  }
}
