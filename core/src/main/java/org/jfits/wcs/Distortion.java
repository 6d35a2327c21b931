package org.jfits.wcs;

/**
 * A smooth distortion of the plane, {@code (u, v) -> (u'(u, v), v'(u, v))}: SIP and DSS plate
 * solutions before the linear transform (pixel offsets), TPV after it (intermediate world
 * coordinates, degrees). Applied in
 * place on one index of two arrays; inverted by a quasi-Newton iteration with a central-difference
 * Jacobian, which allocates nothing.
 */
abstract class Distortion {
  private static final int MAX_ITERATIONS = 50;

  /** The distorted first coordinate of (u, v). */
  abstract double u(double u, double v);

  /** The distorted second coordinate of (u, v). */
  abstract double v(double u, double v);

  /** The step of the numerical derivatives, in the units of u and v. */
  abstract double derivativeStep();

  /** The size of an iteration step below which the inverse has converged, in the units of u and v. */
  abstract double tolerance();

  /**
   * Replaces the distorted target (a[i], b[i]) by a first guess of its undistorted point; the
   * default guess is the target itself. SIP overrides it with its AP/BP polynomials where present.
   */
  void startInverse(double[] a, double[] b, int i) {
    // the target itself
  }

  /** Replaces (a[i], b[i]) by its distorted point. */
  final void apply(double[] a, double[] b, int i) {
    double u = a[i];
    double v = b[i];
    a[i] = u(u, v);
    b[i] = v(u, v);
  }

  /**
   * Replaces the distorted point (a[i], b[i]) by the undistorted one that maps to it, or NaN if the
   * iteration does not converge within 50 steps. Quasi-Newton: the Jacobian (central differences)
   * is computed at the first guess and again whenever a step is not a tenth of the previous one, so
   * that near the identity (where distortions live) it costs two evaluations per step, and far from
   * it the iteration is Newton's method.
   */
  final void invert(double[] a, double[] b, int i) {
    double tu = a[i];
    double tv = b[i];
    startInverse(a, b, i);
    double u = a[i];
    double v = b[i];
    double h = derivativeStep();
    double iuU = 0.0;
    double iuV = 0.0;
    double ivU = 0.0;
    double ivV = 0.0;
    double previous = Double.POSITIVE_INFINITY;
    boolean refresh = true;
    for (int k = 0; k < MAX_ITERATIONS; k++) {
      if (refresh) {
        double duU = (u(u + h, v) - u(u - h, v)) / (2.0 * h);
        double duV = (u(u, v + h) - u(u, v - h)) / (2.0 * h);
        double dvU = (v(u + h, v) - v(u - h, v)) / (2.0 * h);
        double dvV = (v(u, v + h) - v(u, v - h)) / (2.0 * h);
        double det = duU * dvV - duV * dvU;
        iuU = dvV / det;
        iuV = -duV / det;
        ivU = -dvU / det;
        ivV = duU / det;
      }
      double fu = u(u, v) - tu;
      double fv = v(u, v) - tv;
      double stepU = iuU * fu + iuV * fv;
      double stepV = ivU * fu + ivV * fv;
      u -= stepU;
      v -= stepV;
      double size = Math.abs(stepU) + Math.abs(stepV);
      if (size <= tolerance()) {
        a[i] = u;
        b[i] = v;
        return;
      }
      refresh = size > previous / 10.0;
      previous = size;
    }
    a[i] = Double.NaN;
    b[i] = Double.NaN;
  }
}
