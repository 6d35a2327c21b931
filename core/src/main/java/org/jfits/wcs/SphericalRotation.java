package org.jfits.wcs;

/**
 * The rotation between native spherical coordinates (phi, theta) and celestial ones (lon, lat),
 * Paper II section 2: fixed by the celestial coordinates of the native pole (alpha_p, delta_p) and
 * the native longitude of the celestial pole, phi_p. {@link #of} derives them from CRVAL, LONPOLE
 * and LATPOLE and the projection's fiducial point, as Paper II section 2.4 prescribes (of two
 * possible native pole latitudes, the one nearer LATPOLE). Works in place on one index of two
 * arrays; celestial longitudes come out in [0, 360), native ones in [-180, 180].
 */
final class SphericalRotation {
  private static final double TOLERANCE = 1.0e-10;

  private final double alphaP;
  private final double phiP;
  private final double sinDeltaP;
  private final double cosDeltaP;
  private final double deltaP;

  private SphericalRotation(double alphaP, double deltaP, double phiP) {
    this.alphaP = alphaP;
    this.deltaP = deltaP;
    this.phiP = phiP;
    this.sinDeltaP = Projection.sinDeg(deltaP);
    this.cosDeltaP = Projection.cosDeg(deltaP);
  }

  /**
   * The rotation that puts the fiducial point (phi0, theta0) at (lon0, lat0).
   *
   * @param lonPole LONPOLE (phi_p), or NaN for the default (0 if lat0 ≥ theta0, else 180, plus phi0)
   * @param latPole LATPOLE, the preferred native pole latitude where two are possible (default 90)
   * @throws IllegalArgumentException if no native pole puts the fiducial point at lat0
   */
  static SphericalRotation of(double lon0, double lat0, double phi0, double theta0, double lonPole,
      double latPole) {
    double phiP = Double.isNaN(lonPole) ? (lat0 < theta0 ? 180.0 : 0.0) + phi0 : lonPole;
    if (theta0 == 90.0) {
      return new SphericalRotation(lon0, lat0, phiP);
    }
    double sinLat0 = Projection.sinDeg(lat0);
    double cosLat0 = Projection.cosDeg(lat0);
    double sinTheta0 = Projection.sinDeg(theta0);
    double cosTheta0 = Projection.cosDeg(theta0);
    double dPhi = phiP - phi0;
    double sinDPhi = dPhi == 0.0 ? 0.0 : Projection.sinDeg(dPhi);
    double cosDPhi = dPhi == 0.0 ? 1.0 : Projection.cosDeg(dPhi);

    double x = cosTheta0 * cosDPhi;
    double y = sinTheta0;
    double z = Math.hypot(x, y);
    double latP;
    if (z == 0.0) {
      if (sinLat0 != 0.0) {
        throw new IllegalArgumentException("no native pole puts the fiducial point at CRVAL");
      }
      latP = latPole;
    } else {
      double ratio = sinLat0 / z;
      if (Math.abs(ratio) > 1.0 + TOLERANCE) {
        throw new IllegalArgumentException("no native pole puts the fiducial point at CRVAL latitude "
            + lat0 + " with LONPOLE " + phiP);
      }
      double u = Projection.atan2Deg(y, x);
      double v = Math.toDegrees(Math.acos(Math.max(-1.0, Math.min(1.0, ratio))));
      double first = normalise180(u + v);
      double second = normalise180(u - v);
      boolean firstValid = Math.abs(first) <= 90.0 + TOLERANCE;
      boolean secondValid = Math.abs(second) <= 90.0 + TOLERANCE;
      if (firstValid && secondValid) {
        latP = Math.abs(first - latPole) <= Math.abs(second - latPole) ? first : second;
      } else if (firstValid) {
        latP = first;
      } else if (secondValid) {
        latP = second;
      } else {
        throw new IllegalArgumentException("no native pole latitude within [-90, 90] for CRVAL latitude "
            + lat0);
      }
      if (Math.abs(latP) > 90.0) {
        latP = Math.copySign(90.0, latP);
      }
    }
    double cosLatP = Projection.cosDeg(latP);
    double lonP;
    double w = cosLatP * cosLat0;
    if (Math.abs(w) < TOLERANCE) {
      if (Math.abs(cosLat0) < TOLERANCE) {
        lonP = lon0;
      } else if (latP > 0.0) {
        lonP = lon0 + phiP - phi0 - 180.0;
      } else {
        lonP = lon0 - phiP + phi0;
      }
    } else {
      double px = (sinTheta0 - Projection.sinDeg(latP) * sinLat0) / w;
      double py = sinDPhi * cosTheta0 / cosLat0;
      if (px == 0.0 && py == 0.0) {
        throw new IllegalArgumentException("the celestial longitude of the native pole is undefined");
      }
      lonP = lon0 - Projection.atan2Deg(py, px);
    }
    return new SphericalRotation(lonP, latP, phiP);
  }

  private static double normalise180(double angle) {
    if (angle > 180.0) {
      return angle - 360.0;
    }
    if (angle < -180.0) {
      return angle + 360.0;
    }
    return angle;
  }

  /** Replaces native (a[i], b[i]) = (phi, theta) by celestial (lon, lat). */
  void toCelestial(double[] a, double[] b, int i) {
    double theta = Math.toRadians(b[i]);
    double dPhi = Math.toRadians(a[i] - phiP);
    double sinTheta = Math.sin(theta);
    double cosTheta = Math.cos(theta);
    double cosDPhi = Math.cos(dPhi);
    double x = sinTheta * cosDeltaP - cosTheta * sinDeltaP * cosDPhi;
    double y = -cosTheta * Math.sin(dPhi);
    double z = sinTheta * sinDeltaP + cosTheta * cosDeltaP * cosDPhi;
    double lon = alphaP + Math.toDegrees(Math.atan2(y, x));
    a[i] = normalise360(lon);
    b[i] = Math.toDegrees(Math.atan2(z, Math.hypot(x, y)));
  }

  /** Replaces celestial (a[i], b[i]) = (lon, lat) by native (phi, theta). */
  void toNative(double[] a, double[] b, int i) {
    double lat = Math.toRadians(b[i]);
    double dLon = Math.toRadians(a[i] - alphaP);
    double sinLat = Math.sin(lat);
    double cosLat = Math.cos(lat);
    double cosDLon = Math.cos(dLon);
    double x = sinLat * cosDeltaP - cosLat * sinDeltaP * cosDLon;
    double y = -cosLat * Math.sin(dLon);
    double z = sinLat * sinDeltaP + cosLat * cosDeltaP * cosDLon;
    double phi = phiP + Math.toDegrees(Math.atan2(y, x));
    a[i] = normalise180(normalise360(phi + 180.0) - 180.0);
    b[i] = Math.toDegrees(Math.atan2(z, Math.hypot(x, y)));
  }

  private static double normalise360(double angle) {
    double a = angle % 360.0;
    if (a < 0.0) {
      a += 360.0;
    }
    return a == 360.0 ? 0.0 : a;
  }
}
