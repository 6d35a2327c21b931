package org.jfits.wcs;

/**
 * One spherical projection of FITS WCS Paper II: between intermediate world coordinates (x, y) in
 * degrees on the projection plane and native spherical coordinates (phi, theta) in degrees.
 *
 * <p>Both directions work in place on one index of two arrays, so that the batched loops of
 * {@link Wcs} allocate nothing per point. A point outside the projection's domain (a plane point no
 * sphere point maps to, or a sphere point the projection cannot show, such as the far hemisphere
 * of TAN) becomes NaN in both coordinates, as WCSLIB reports an invalid status there.
 */
abstract class Projection {
  static final double R0 = 180.0 / Math.PI;
  /** How far past a domain edge rounding may carry a point that is still accepted. */
  static final double TOLERANCE = 1.0e-12;

  /** The native longitude of the fiducial point, phi_0, in degrees. */
  double phi0() {
    return 0.0;
  }

  /** The native latitude of the fiducial point, theta_0, in degrees. */
  abstract double theta0();

  /** Replaces the plane point (a[i], b[i]) = (x, y) by its native (phi, theta), or NaN. */
  abstract void toNative(double[] a, double[] b, int i);

  /** Replaces the native point (a[i], b[i]) = (phi, theta) by its plane (x, y), or NaN. */
  abstract void toPlane(double[] a, double[] b, int i);

  /** Marks point {@code i} as outside the domain. */
  static void invalid(double[] a, double[] b, int i) {
    a[i] = Double.NaN;
    b[i] = Double.NaN;
  }

  /** asin that accepts arguments up to {@link #TOLERANCE} beyond ±1, NaN further out; degrees. */
  static double asinDeg(double s) {
    if (Math.abs(s) > 1.0) {
      if (Math.abs(s) - 1.0 > TOLERANCE) {
        return Double.NaN;
      }
      s = Math.copySign(1.0, s);
    }
    return Math.toDegrees(Math.asin(s));
  }

  static double sinDeg(double deg) {
    return Math.sin(Math.toRadians(deg));
  }

  static double cosDeg(double deg) {
    return Math.cos(Math.toRadians(deg));
  }

  static double atan2Deg(double y, double x) {
    return Math.toDegrees(Math.atan2(y, x));
  }
}
