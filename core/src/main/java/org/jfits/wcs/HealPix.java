package org.jfits.wcs;

/**
 * HPX, the HEALPix projection (Calabretta and Roukema 2007), with {@code H = PVi_1} facets in
 * longitude (default 4) and {@code K = PVi_2} in latitude (default 3). Equatorial zone, |theta| up
 * to {@code asin((K - 1) / K)}: cylindrical equal-area, {@code x = phi}, {@code y = (90 K / H)
 * sin(theta)}. Polar zones: each of the H polar facets is an interrupted Collignon triangle around
 * its central meridian. Plane points in the gaps between polar triangles, or whose longitude falls
 * beyond ±180, are outside the domain.
 */
final class HealPix extends Projection {
  private final double h;
  private final double k;
  private final boolean kOdd;
  private final double sinThetaX;
  private final double yBoundary;
  private final double facetHalfWidth;

  HealPix(double h, double k) {
    if (h <= 0.0 || k <= 0.0 || h != Math.rint(h) || k != Math.rint(k)) {
      throw new IllegalArgumentException("HPX needs positive integer H (PV_1) and K (PV_2)");
    }
    this.h = h;
    this.k = k;
    this.kOdd = ((long) k) % 2 == 1;
    this.sinThetaX = (k - 1.0) / k;
    this.yBoundary = 90.0 * (k - 1.0) / h;
    this.facetHalfWidth = 180.0 / h;
  }

  @Override
  double theta0() {
    return 0.0;
  }

  /**
   * The central meridian of the polar facet holding longitude {@code lon}; {@code lastFacet} keeps
   * longitude 180 in the last facet rather than in one past it.
   */
  private double facetCentre(double lon, boolean north, boolean lastFacet) {
    double omega = (kOdd || north) ? 1.0 : 0.0;
    double facet = Math.floor((lon + 180.0) * h / 360.0 + (1.0 - omega) / 2.0);
    if (lastFacet && omega == 1.0) {
      facet = Math.min(facet, h - 1.0);
    }
    return -180.0 + (2.0 * facet + omega) * facetHalfWidth;
  }

  @Override
  void toPlane(double[] a, double[] b, int i) {
    double phi = a[i];
    double theta = b[i];
    double s = sinDeg(theta);
    if (Math.abs(s) <= sinThetaX) {
      b[i] = 90.0 * k / h * s;
      return;
    }
    double sigma = Math.sqrt(k * (1.0 - Math.abs(s)));
    double centre = facetCentre(phi, theta > 0.0, true);
    a[i] = centre + (phi - centre) * sigma;
    b[i] = Math.copySign(facetHalfWidth * ((k + 1.0) / 2.0 - sigma), theta);
  }

  @Override
  void toNative(double[] a, double[] b, int i) {
    double x = a[i];
    double y = b[i];
    double ay = Math.abs(y);
    if (ay <= yBoundary) {
      if (Math.abs(x) > 180.0 + TOLERANCE) {
        invalid(a, b, i);
        return;
      }
      b[i] = asinDeg(y * h / (90.0 * k));
      return;
    }
    double sigma = (k + 1.0) / 2.0 - ay / facetHalfWidth;
    if (sigma < -TOLERANCE) {
      invalid(a, b, i);
      return;
    }
    double centre = facetCentre(x, y > 0.0, false);
    double offset = x - centre;
    double phi = sigma <= 0.0 ? centre : centre + offset / sigma;
    if (Math.abs(offset) > sigma * facetHalfWidth + TOLERANCE || Math.abs(phi) > 180.0 + TOLERANCE) {
      invalid(a, b, i);
      return;
    }
    a[i] = Math.max(-180.0, Math.min(180.0, phi));
    b[i] = Math.copySign(asinDeg(1.0 - sigma * sigma / k), y);
  }
}
