package org.jfits.wcs;

/**
 * Pseudocylindrical projections, Paper II section 5.3: {@code y} depends on native latitude alone
 * and {@code x = phi * f(theta)}, so parallels are straight and meridians curve toward the poles.
 * Each subclass states {@code f} and {@code y(theta)} and their inverses in terms of {@code y}.
 * Plane points outside the outline (|phi| > 180 or |theta| > 90) are outside the domain.
 */
abstract class PseudoCylindrical extends Projection {
  @Override
  final double theta0() {
    return 0.0;
  }

  /** The factor {@code f(theta)} with {@code x = phi f(theta)}. */
  abstract double xFactor(double theta);

  /** The plane ordinate of native latitude {@code theta}. */
  abstract double y(double theta);

  /** The native latitude of plane ordinate {@code y}, or NaN outside the domain. */
  abstract double theta(double y);

  /** The factor {@code f} on the parallel at plane ordinate {@code y}. */
  abstract double xFactorAt(double y);

  @Override
  final void toNative(double[] a, double[] b, int i) {
    double x = a[i];
    double y = b[i];
    double theta = theta(y);
    if (Double.isNaN(theta) || Math.abs(theta) > 90.0 + TOLERANCE) {
      invalid(a, b, i);
      return;
    }
    double f = xFactorAt(y);
    double phi;
    if (f == 0.0) {
      if (Math.abs(x) > TOLERANCE) {
        invalid(a, b, i);
        return;
      }
      phi = 0.0;
    } else {
      phi = x / f;
    }
    if (Math.abs(phi) > 180.0 + TOLERANCE) {
      invalid(a, b, i);
      return;
    }
    a[i] = Math.max(-180.0, Math.min(180.0, phi));
    b[i] = Math.max(-90.0, Math.min(90.0, theta));
  }

  @Override
  final void toPlane(double[] a, double[] b, int i) {
    double theta = b[i];
    a[i] = a[i] * xFactor(theta);
    b[i] = y(theta);
  }

  /** SFL (GLS), Sanson-Flamsteed: {@code x = phi cos(theta)}, {@code y = theta}. */
  static final class SansonFlamsteed extends PseudoCylindrical {
    @Override
    double xFactor(double theta) {
      return cosDeg(theta);
    }

    @Override
    double y(double theta) {
      return theta;
    }

    @Override
    double theta(double y) {
      return Math.abs(y) > 90.0 + TOLERANCE ? Double.NaN : Math.max(-90.0, Math.min(90.0, y));
    }

    @Override
    double xFactorAt(double y) {
      return cosDeg(y);
    }
  }

  /** PAR, parabolic: {@code x = phi (2 cos(2 theta / 3) - 1)}, {@code y = 180 sin(theta / 3)}. */
  static final class Parabolic extends PseudoCylindrical {
    @Override
    double xFactor(double theta) {
      return 2.0 * cosDeg(2.0 * theta / 3.0) - 1.0;
    }

    @Override
    double y(double theta) {
      return 180.0 * sinDeg(theta / 3.0);
    }

    @Override
    double theta(double y) {
      return 3.0 * asinDeg(y / 180.0);
    }

    @Override
    double xFactorAt(double y) {
      double s = y / 180.0;
      return 1.0 - 4.0 * s * s;
    }
  }

  /**
   * MOL, Mollweide: {@code x = (2 sqrt 2 / pi) phi cos(gamma)}, {@code y = sqrt 2 R0 sin(gamma)},
   * where {@code pi sin(theta) = 2 gamma + sin(2 gamma)} (solved by Newton's method, safeguarded by
   * bisection, to 1e-15 radian).
   */
  static final class Mollweide extends PseudoCylindrical {
    private static final double X_SCALE = 2.0 * Math.sqrt(2.0) / Math.PI;
    private static final double Y_SCALE = Math.sqrt(2.0) * R0;

    private static double gamma(double theta) {
      if (Math.abs(theta) >= 90.0) {
        return Math.copySign(Math.PI / 2.0, theta);
      }
      double target = Math.PI * sinDeg(theta);
      double lo = -Math.PI / 2.0;
      double hi = Math.PI / 2.0;
      double g = Math.toRadians(theta) / 2.0;
      for (int k = 0; k < 100; k++) {
        double f = 2.0 * g + Math.sin(2.0 * g) - target;
        if (f > 0.0) {
          hi = g;
        } else {
          lo = g;
        }
        double slope = 2.0 + 2.0 * Math.cos(2.0 * g);
        double next = g - f / slope;
        if (!(next > lo && next < hi)) {
          next = (lo + hi) / 2.0;
        }
        if (Math.abs(next - g) < 1.0e-15) {
          return next;
        }
        g = next;
      }
      return g;
    }

    @Override
    double xFactor(double theta) {
      return X_SCALE * Math.cos(gamma(theta));
    }

    @Override
    double y(double theta) {
      return Y_SCALE * Math.sin(gamma(theta));
    }

    @Override
    double theta(double y) {
      double s = y / Y_SCALE;
      if (Math.abs(s) > 1.0 + TOLERANCE) {
        return Double.NaN;
      }
      s = Math.max(-1.0, Math.min(1.0, s));
      double z = (2.0 * Math.asin(s) + 2.0 * s * Math.sqrt(1.0 - s * s)) / Math.PI;
      return asinDeg(z);
    }

    @Override
    double xFactorAt(double y) {
      double s = Math.min(1.0, Math.abs(y / Y_SCALE));
      return X_SCALE * Math.sqrt(1.0 - s * s);
    }
  }
}
