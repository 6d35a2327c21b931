package org.jfits.wcs;

/**
 * The plate solution of Digitized Sky Survey images: pixel position to millimetres on the plate
 * (CNPIXn, XPIXELSZ/YPIXELSZ in microns, PPO3/PPO6), then the polynomials AMDX1..13 and AMDY1..13 to
 * standard coordinates (xi, eta) in arcseconds, which a gnomonic projection about the plate centre
 * (PLTRAH/PLTRAM/PLTRAS, PLTDECSN/PLTDECD/PLTDECM/PLTDECS) takes to the sky. As a {@link Distortion}
 * it maps 1-based pixel positions to (xi, eta) in degrees; its inverse converges to 1e-10 pixel.
 * WCSLIB reads these headers the same way (it translates them into its TPD polynomial), in
 * preference to the CD matrix they also carry, which only approximates the solution.
 */
final class DssPlate extends Distortion {
  private static final int TERMS = 13;

  private final double[] amdx;
  private final double[] amdy;
  private final double cornerX;
  private final double cornerY;
  private final double pixelSizeX;
  private final double pixelSizeY;
  private final double ppo3;
  private final double ppo6;

  private DssPlate(WcsKeywords keys) {
    this.amdx = coefficients(keys, "AMDX");
    this.amdy = coefficients(keys, "AMDY");
    this.cornerX = keys.plainNumber("CNPIX1", 0.0);
    this.cornerY = keys.plainNumber("CNPIX2", 0.0);
    this.pixelSizeX = required(keys, "XPIXELSZ");
    this.pixelSizeY = required(keys, "YPIXELSZ");
    this.ppo3 = required(keys, "PPO3");
    this.ppo6 = required(keys, "PPO6");
  }

  /** True when the header carries a DSS plate solution. */
  static boolean present(WcsKeywords keys) {
    return keys.hasPlain("AMDX1");
  }

  static DssPlate read(WcsKeywords keys) {
    return new DssPlate(keys);
  }

  /** The plate centre, {@code [ra, dec]} in degrees. */
  static double[] centre(WcsKeywords keys) {
    double ra = 15.0 * (required(keys, "PLTRAH") + required(keys, "PLTRAM") / 60.0
        + required(keys, "PLTRAS") / 3600.0);
    double dec = required(keys, "PLTDECD") + required(keys, "PLTDECM") / 60.0
        + required(keys, "PLTDECS") / 3600.0;
    String sign = keys.hasPlain("PLTDECSN") ? keys.plainText("PLTDECSN") : "+";
    return new double[] {ra, sign.startsWith("-") ? -dec : dec};
  }

  private static double required(WcsKeywords keys, String keyword) {
    if (!keys.hasPlain(keyword)) {
      throw keys.keywordErrorPlain(keyword, "a DSS plate solution (AMDX1...) needs " + keyword);
    }
    return keys.plainNumber(keyword, 0.0);
  }

  /** Terms 1..13; terms 14..20 (magnitude and colour terms) must be absent or 0. */
  private static double[] coefficients(WcsKeywords keys, String base) {
    double[] c = new double[TERMS];
    for (int k = 0; k < TERMS; k++) {
      c[k] = keys.plainNumber(base + (k + 1), 0.0);
    }
    for (int k = TERMS + 1; k <= 20; k++) {
      if (keys.plainNumber(base + k, 0.0) != 0.0) {
        throw keys.unsupportedPlain(base + k, "DSS magnitude and colour terms are not supported");
      }
    }
    return c;
  }

  /**
   * The first-order terms of the solution, degrees per pixel, as the linear transform that WCSLIB
   * (and so astropy.wcs) puts in CDELT and PC when it reads a DSS header: AMDX1, AMDX2, AMDY2, AMDY1
   * times the pixel sizes (x runs against the pixel columns on the plate).
   */
  LinearTransform linearTerms() {
    double du = -pixelSizeX / 1000.0 / 3600.0;
    double dv = pixelSizeY / 1000.0 / 3600.0;
    return new LinearTransform(amdx[0] * du, amdx[1] * dv, amdy[1] * du, amdy[0] * dv);
  }

  /** Plate x in millimetres of 1-based pixel column u. */
  private double plateX(double u) {
    return (ppo3 - (u + cornerX - 0.5) * pixelSizeX) / 1000.0;
  }

  /** Plate y in millimetres of 1-based pixel row v. */
  private double plateY(double v) {
    return ((v + cornerY - 0.5) * pixelSizeY - ppo6) / 1000.0;
  }

  /** One of the two plate polynomials, with {@code a} the plate coordinate of its own axis. */
  private static double series(double[] c, double a, double b) {
    double r2 = a * a + b * b;
    double arcsec = c[0] * a + c[1] * b + c[2] + c[3] * a * a + c[4] * a * b + c[5] * b * b
        + c[6] * r2 + c[7] * a * a * a + c[8] * a * a * b + c[9] * a * b * b + c[10] * b * b * b
        + c[11] * a * r2 + c[12] * a * r2 * r2;
    return arcsec / 3600.0;
  }

  @Override
  double u(double u, double v) {
    return series(amdx, plateX(u), plateY(v));
  }

  @Override
  double v(double u, double v) {
    return series(amdy, plateY(v), plateX(u));
  }

  @Override
  double derivativeStep() {
    return 1.0e-3;
  }

  @Override
  double tolerance() {
    return 1.0e-10;
  }
}
