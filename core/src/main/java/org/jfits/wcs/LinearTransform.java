package org.jfits.wcs;

/**
 * The linear step of Paper I: pixel offsets from CRPIX along the two celestial pixel axes to
 * intermediate world coordinates of the longitude and latitude axes, {@code (x, y) = M (u, v)},
 * where M is the CD matrix or CDELT times PC (or the CROTA form), restricted to the celestial axes.
 */
final class LinearTransform {
  private final double m00;
  private final double m01;
  private final double m10;
  private final double m11;
  private final double i00;
  private final double i01;
  private final double i10;
  private final double i11;

  /** M = [[m00, m01], [m10, m11]]; rows longitude, latitude; columns the pixel axes in order. */
  LinearTransform(double m00, double m01, double m10, double m11) {
    double det = m00 * m11 - m01 * m10;
    if (det == 0.0 || !Double.isFinite(det)) {
      throw new IllegalArgumentException("the linear transform is singular");
    }
    this.m00 = m00;
    this.m01 = m01;
    this.m10 = m10;
    this.m11 = m11;
    this.i00 = m11 / det;
    this.i01 = -m01 / det;
    this.i10 = -m10 / det;
    this.i11 = m00 / det;
  }

  /**
   * The length of each column of M: the change of intermediate world coordinates for one pixel
   * step along each pixel axis, {@code [sqrt(m00² + m10²), sqrt(m01² + m11²)]}.
   */
  double[] columnNorms() {
    return new double[] {Math.sqrt(m00 * m00 + m10 * m10), Math.sqrt(m01 * m01 + m11 * m11)};
  }

  /** Replaces the pixel offsets (a[i], b[i]) by intermediate world coordinates. */
  void apply(double[] a, double[] b, int i) {
    double u = a[i];
    double v = b[i];
    a[i] = m00 * u + m01 * v;
    b[i] = m10 * u + m11 * v;
  }

  /** Replaces intermediate world coordinates (a[i], b[i]) by pixel offsets. */
  void invert(double[] a, double[] b, int i) {
    double x = a[i];
    double y = b[i];
    a[i] = i00 * x + i01 * y;
    b[i] = i10 * x + i11 * y;
  }
}
