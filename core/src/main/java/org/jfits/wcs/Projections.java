package org.jfits.wcs;

import java.util.Arrays;

/**
 * Which {@link Projection} a three-letter code names, with its PVi_m parameters of the latitude
 * axis. Supported: the zenithal AZP, SIN (and NCP, as SIN with xi = 0, eta = cot(CRVAL lat)), TAN,
 * STG, ARC, ZEA, ZPN; the cylindrical CAR, MER, CEA, CYP; SFL (and its alias GLS), PAR, MOL, AIT;
 * the conic COP, COE, COD, COO; HPX. Any other code gives null, and the caller reports it as unsupported.
 */
final class Projections {
  /** The highest parameter index m of PVi_m any projection reads (ZPN's P_20). */
  static final int MAX_PARAMETER = 20;

  private Projections() {}

  /**
   * @param code the projection code from CTYPE
   * @param pv the parameters PVi_0..PVi_20 of the latitude axis, NaN where missing
   * @param lat0 the celestial latitude of the reference point (for NCP)
   * @return the projection, or null for a code not supported
   * @throws IllegalArgumentException for parameters outside the projection's range
   */
  static Projection create(String code, double[] pv, double lat0) {
    switch (code) {
      case "TAN":
        return new Zenithal.Gnomonic();
      case "STG":
        return new Zenithal.Stereographic();
      case "ARC":
        return new Zenithal.Equidistant();
      case "ZEA":
        return new Zenithal.EqualArea();
      case "SIN":
        return new SlantOrthographic(or(pv[1], 0.0), or(pv[2], 0.0));
      case "NCP":
        if (lat0 == 0.0) {
          throw new IllegalArgumentException("NCP is undefined at a reference latitude of 0");
        }
        return new SlantOrthographic(0.0, Projection.cosDeg(lat0) / Projection.sinDeg(lat0));
      case "AZP":
        return new Perspective(or(pv[1], 0.0), or(pv[2], 0.0));
      case "ZPN":
        return new Polynomial(zpnCoefficients(pv));
      case "CAR":
        return new Cylindrical.PlateCarree();
      case "MER":
        return new Cylindrical.Mercator();
      case "CEA":
        return new Cylindrical.EqualArea(or(pv[1], 1.0));
      case "CYP":
        return new Cylindrical.Perspective(or(pv[1], 1.0), or(pv[2], 1.0));
      case "SFL":
      case "GLS":
        return new PseudoCylindrical.SansonFlamsteed();
      case "PAR":
        return new PseudoCylindrical.Parabolic();
      case "MOL":
        return new PseudoCylindrical.Mollweide();
      case "AIT":
        return new HammerAitoff();
      case "COP":
        return new Conic.Perspective(required(pv[1]), or(pv[2], 0.0));
      case "COE":
        return new Conic.EqualArea(required(pv[1]), or(pv[2], 0.0));
      case "COD":
        return new Conic.Equidistant(required(pv[1]), or(pv[2], 0.0));
      case "COO":
        return new Conic.Orthomorphic(required(pv[1]), or(pv[2], 0.0));
      case "HPX":
        return new HealPix(or(pv[1], 4.0), or(pv[2], 3.0));
      default:
        return null;
    }
  }

  private static double or(double value, double fallback) {
    return Double.isNaN(value) ? fallback : value;
  }

  private static double required(double thetaA) {
    if (Double.isNaN(thetaA)) {
      throw new IllegalArgumentException("conic projections need theta_a (PV_1)");
    }
    return thetaA;
  }

  private static double[] zpnCoefficients(double[] pv) {
    int n = -1;
    double[] p = new double[MAX_PARAMETER + 1];
    for (int m = 0; m <= MAX_PARAMETER; m++) {
      p[m] = or(pv[m], 0.0);
      if (p[m] != 0.0) {
        n = m;
      }
    }
    return Arrays.copyOf(p, n + 1);
  }
}
