package org.jfits.wcs;

import java.util.Locale;

/**
 * Reads one celestial WCS description from header keywords into the parts of a {@link Wcs}: finds
 * the longitude/latitude axis pair among the CTYPEs, the projection and distortion codes, the 2x2
 * linear transform on the celestial axes (CD, else PC with CDELT, else CDELT with CROTA), unit
 * conversions (CUNIT), the SIP or TPV coefficients and the spherical rotation.
 */
final class WcsReader {
  private static final int MAX_AXES = 99;

  private final WcsKeywords keys;
  private final char alt;

  WcsReader(WcsKeywords keys, char alt) {
    this.keys = keys;
    this.alt = alt;
  }

  Wcs.Builder read() {
    Wcs.Builder b = new Wcs.Builder();
    b.alt = alt;
    int axes = axisCount();
    if (alt == ' ' && DssPlate.present(keys)) {
      return dss(b, axes);
    }
    findCelestialAxes(axes, b);
    String lonType = keys.text("CTYPE" + b.lonAxis);
    String latType = keys.text("CTYPE" + b.latAxis);
    String code = projectionCode(lonType, "CTYPE" + b.lonAxis);
    if (!code.equals(projectionCode(latType, "CTYPE" + b.latAxis))) {
      throw keys.keywordError("CTYPE" + b.latAxis, "projection of '" + latType + "' differs from '"
          + lonType + "' (CTYPE" + b.lonAxis + ")");
    }
    String suffix = lonType.length() > 8 ? lonType.substring(8) : "";
    if (!suffix.isEmpty() && !suffix.equals("-SIP")) {
      throw keys.unsupported("CTYPE" + b.lonAxis, "distortion '" + suffix + "' in '" + lonType
          + "' is not supported (SIP and TPV are)");
    }
    refuseLookupDistortions(axes);

    int first = Math.min(b.lonAxis, b.latAxis);
    int second = Math.max(b.lonAxis, b.latAxis);
    double lonUnit = unitScale(b.lonAxis);
    double latUnit = unitScale(b.latAxis);
    b.crpixFirst = keys.number("CRPIX" + first, 0.0);
    b.crpixSecond = keys.number("CRPIX" + second, 0.0);
    double lon0 = keys.number("CRVAL" + b.lonAxis, 0.0) * lonUnit;
    double lat0 = keys.number("CRVAL" + b.latAxis, 0.0) * latUnit;
    b.linear = linear(axes, b.lonAxis, b.latAxis, first, second, lonUnit, latUnit);

    b.projection = projection(code, lonType, b.lonAxis, b.latAxis, lat0);
    b.code = code;
    if (code.equals("TPV")) {
      b.planeDistortion = tpv(b.lonAxis, b.latAxis);
      b.distortion = b.planeDistortion == null ? "" : "TPV";
    }
    if (suffix.equals("-SIP")) {
      b.pixelDistortion = sip();
      b.distortion = "SIP";
    }
    b.rotation = rotation(b, lon0, lat0, !code.equals("TPV"));
    celestialSystem(b, lonType);
    return b;
  }

  /** The projection a CTYPE code names (TPV: TAN), with its PV parameters from the latitude axis. */
  private Projection projection(String code, String lonType, int lonAxis, int latAxis, double lat0) {
    String lonKeyword = "CTYPE" + lonAxis;
    String projectionCode = code.equals("TPV") ? "TAN" : code;
    if (projectionCode.equals("GLS") && lat0 != 0.0) {
      throw keys.unsupported(lonKeyword, "GLS with a reference latitude other than 0 is not"
          + " supported (write it as SFL)");
    }
    Projection projection;
    try {
      projection = Projections.create(projectionCode, parameters(latAxis, Projections.MAX_PARAMETER), lat0);
    } catch (IllegalArgumentException e) {
      throw keys.keywordError("PV" + latAxis + "_1", "parameters of projection " + code + ": "
          + e.getMessage());
    }
    if (projection == null) {
      throw keys.unsupported(lonKeyword, "projection " + code + " ('" + lonType + "') is not supported");
    }
    return projection;
  }

  /**
   * A DSS plate solution: 1-based pixels (CRPIX taken as 0) through the plate polynomials to
   * standard coordinates, which are the intermediate world coordinates of a gnomonic projection
   * about the plate centre. Axes 1 and 2 are RA and DEC, as the plate solution defines them,
   * whether or not the header has CTYPEs.
   */
  private Wcs.Builder dss(Wcs.Builder b, int axes) {
    if (keys.has("CTYPE1") || keys.has("CTYPE2")) {
      findCelestialAxes(axes, b);
      if (!prefix(keys.text("CTYPE" + b.lonAxis)).startsWith("RA") || b.lonAxis != 1 || b.latAxis != 2) {
        throw keys.keywordError("CTYPE1", "a DSS plate solution (AMDX1...) needs RA and DEC as axes 1"
            + " and 2");
      }
    }
    b.lonAxis = 1;
    b.latAxis = 2;
    DssPlate plate = DssPlate.read(keys);
    b.pixelDistortion = plate;
    b.pixelScale = plate.linearTerms();
    b.distortion = "DSS";
    b.code = "TAN";
    b.linear = new LinearTransform(1.0, 0.0, 0.0, 1.0);
    b.projection = new Zenithal.Gnomonic();
    double[] centre = DssPlate.centre(keys);
    b.rotation = SphericalRotation.of(centre[0], centre[1], 0.0, 90.0, Double.NaN, 90.0);
    celestialSystem(b, "RA--");
    return b;
  }

  private int axisCount() {
    int axes = (int) keys.number("WCSAXES", 0.0);
    for (int i = MAX_AXES; i > axes; i--) {
      if (keys.has("CTYPE" + i) || keys.has("CRPIX" + i) || keys.has("CRVAL" + i)) {
        return i;
      }
    }
    return axes;
  }

  /** The four-letter CTYPE prefix of a celestial axis, e.g. "RA--", "DEC-", "GLON", "HPLN". */
  private static String prefix(String ctype) {
    if (ctype == null || ctype.length() < 4) {
      return ctype == null ? "" : ctype;
    }
    return ctype.substring(0, 4).toUpperCase(Locale.ROOT);
  }

  private static boolean isLongitude(String p) {
    return p.equals("RA--") || p.equals("RA") || (p.length() == 4 && (p.endsWith("LON")
        || (p.endsWith("LN") && !p.startsWith("-"))));
  }

  private static boolean isLatitude(String p) {
    return p.equals("DEC-") || p.equals("DEC") || (p.length() == 4 && (p.endsWith("LAT")
        || (p.endsWith("LT") && !p.startsWith("-"))));
  }

  /** The partner prefix a longitude prefix pairs with. */
  private static String latitudeFor(String lon) {
    if (lon.startsWith("RA")) {
      return "DEC-";
    }
    return lon.endsWith("LON") ? lon.charAt(0) + "LAT" : lon.substring(0, 2) + "LT";
  }

  private void findCelestialAxes(int axes, Wcs.Builder b) {
    for (int i = 1; i <= axes; i++) {
      String p = prefix(keys.text("CTYPE" + i));
      if (isLongitude(p) && b.lonAxis == 0) {
        b.lonAxis = i;
      } else if (isLatitude(p) && b.latAxis == 0) {
        b.latAxis = i;
      }
    }
    if (b.lonAxis == 0 && b.latAxis == 0) {
      throw keys.keywordError("CTYPE1", "no celestial axes: no CTYPEi" + (alt == ' ' ? "" : alt)
          + " is a longitude/latitude pair such as RA---TAN / DEC--TAN");
    }
    if (b.lonAxis == 0 || b.latAxis == 0) {
      int found = b.lonAxis == 0 ? b.latAxis : b.lonAxis;
      throw keys.keywordError("CTYPE" + found, "'" + keys.text("CTYPE" + found)
          + "' has no " + (b.lonAxis == 0 ? "longitude" : "latitude") + " partner among the CTYPEs");
    }
    String lon = prefix(keys.text("CTYPE" + b.lonAxis));
    String lat = prefix(keys.text("CTYPE" + b.latAxis));
    if (!latitudeFor(lon.length() == 4 ? lon : "RA--").equals(lat.length() == 4 ? lat : "DEC-")) {
      throw keys.keywordError("CTYPE" + b.latAxis, "latitude '" + keys.text("CTYPE" + b.latAxis)
          + "' does not pair with longitude '" + keys.text("CTYPE" + b.lonAxis) + "'");
    }
  }

  /** The three-letter projection code of a celestial CTYPE ("RA---TAN-SIP" gives "TAN"). */
  private String projectionCode(String ctype, String base) {
    if (ctype.length() < 8 || ctype.charAt(4) != '-') {
      throw keys.unsupported(base, "celestial axis '" + ctype
          + "' names no projection (expected e.g. 'RA---TAN'); linear celestial axes are not supported");
    }
    return ctype.substring(5, 8).toUpperCase(Locale.ROOT);
  }

  /** Distortions astropy applies that jfits does not: lookup tables (CPDIS, D2IM) in other HDUs. */
  private void refuseLookupDistortions(int axes) {
    for (int i = 1; i <= Math.max(axes, 2); i++) {
      for (String base : new String[] {"CPDIS", "D2IMDIS", "DP", "DQ"}) {
        String keyword = base + i;
        if (keys.hasPlain(keyword)) {
          throw keys.unsupportedPlain(keyword, "lookup-table distortion (" + base
              + ") is not supported; only SIP and TPV are");
        }
      }
    }
  }

  /** The factor that turns values in CUNITi to degrees. */
  private double unitScale(int axis) {
    String unit = keys.text("CUNIT" + axis);
    if (unit == null || unit.isEmpty()) {
      return 1.0;
    }
    switch (unit.toLowerCase(Locale.ROOT)) {
      case "deg":
        return 1.0;
      case "arcmin":
        return 1.0 / 60.0;
      case "arcsec":
        return 1.0 / 3600.0;
      case "mas":
        return 1.0 / 3.6e6;
      case "rad":
        return 180.0 / Math.PI;
      default:
        throw keys.unsupported("CUNIT" + axis, "celestial unit '" + unit
            + "' is not supported (deg, arcmin, arcsec, mas, rad are)");
    }
  }

  private boolean anyMatrix(String base, int axes) {
    for (int i = 1; i <= axes; i++) {
      for (int j = 1; j <= axes; j++) {
        if (keys.hasMatrix(base, i, j)) {
          return true;
        }
      }
    }
    return false;
  }

  private LinearTransform linear(int axes, int lon, int lat, int first, int second, double lonUnit,
      double latUnit) {
    boolean pc = anyMatrix("PC", axes);
    boolean cd = !pc && anyMatrix("CD", axes);
    for (int row : new int[] {lon, lat}) {
      for (int k = 1; k <= axes; k++) {
        if (k != first && k != second && coupling(pc, cd, row, k) != 0.0) {
          throw keys.unsupported((cd ? "CD" : "PC") + row + "_" + k, "the celestial axis " + row
              + " is coupled to the non-celestial pixel axis " + k);
        }
      }
    }
    double[] m = new double[4];
    int[] rows = {lon, lat};
    int[] cols = {first, second};
    double rho = Math.toRadians(keys.has("CROTA" + lat) ? keys.number("CROTA" + lat, 0.0)
        : keys.number("CROTA" + lon, 0.0));
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < 2; c++) {
        int i = rows[r];
        int j = cols[c];
        double element;
        if (cd) {
          element = keys.matrix("CD", i, j, 0.0);
        } else if (pc) {
          element = keys.number("CDELT" + i, 1.0) * keys.matrix("PC", i, j, i == j ? 1.0 : 0.0);
        } else {
          element = crotaElement(i, j, lon, lat, rho);
        }
        m[2 * r + c] = element * (r == 0 ? lonUnit : latUnit);
      }
    }
    try {
      return new LinearTransform(m[0], m[1], m[2], m[3]);
    } catch (IllegalArgumentException e) {
      throw keys.keywordError((cd ? "CD" : pc ? "PC" : "CDELT") + lon + (cd || pc ? "_" + lon : ""),
          "the celestial linear transform is singular");
    }
  }

  private double coupling(boolean pc, boolean cd, int row, int k) {
    if (cd) {
      return keys.matrix("CD", row, k, 0.0);
    }
    return pc ? keys.matrix("PC", row, k, 0.0) : 0.0;
  }

  /** CD_ij of the CDELT + CROTA form: a rotation by rho of the lat axis, scaled by CDELT. */
  private double crotaElement(int i, int j, int lon, int lat, double rho) {
    double cdeltI = keys.number("CDELT" + i, 1.0);
    double cdeltJ = keys.number("CDELT" + j, 1.0);
    if (i == j) {
      return cdeltI * Math.cos(rho);
    }
    return i == lon ? -cdeltJ * Math.sin(rho) : cdeltJ * Math.sin(rho);
  }

  private double[] parameters(int axis, int max) {
    double[] pv = new double[max + 1];
    for (int m = 0; m <= max; m++) {
      pv[m] = keys.number("PV" + axis + "_" + m, Double.NaN);
    }
    return pv;
  }

  private Tpv tpv(int lon, int lat) {
    double[] own = parameters(lon, Tpv.TERMS - 1);
    double[] other = parameters(lat, Tpv.TERMS - 1);
    boolean any = false;
    for (int k = 0; k < Tpv.TERMS; k++) {
      any |= !Double.isNaN(own[k]) || !Double.isNaN(other[k]);
      own[k] = Double.isNaN(own[k]) ? 0.0 : own[k];
      other[k] = Double.isNaN(other[k]) ? 0.0 : other[k];
    }
    return any ? new Tpv(own, other) : null;
  }

  private Sip sip() {
    double[][] a = sipMatrix("A", true);
    double[][] b = sipMatrix("B", true);
    double[][] ap = sipMatrix("AP", false);
    double[][] bp = sipMatrix("BP", false);
    return new Sip(a, b, ap, bp);
  }

  private double[][] sipMatrix(String name, boolean required) {
    String orderKey = name + "_ORDER";
    if (!keys.hasPlain(orderKey)) {
      if (required) {
        throw keys.keywordError(orderKey, "a -SIP CTYPE needs " + orderKey);
      }
      return null;
    }
    int order = keys.plainInt(orderKey);
    if (order < 0 || order > 20) {
      throw keys.keywordError(orderKey, orderKey + " = " + order + " is outside 0..20");
    }
    double[][] c = new double[order + 1][order + 1];
    for (int p = 0; p <= order; p++) {
      for (int q = 0; p + q <= order; q++) {
        c[p][q] = keys.plainNumber(name + "_" + p + "_" + q, 0.0);
      }
    }
    return c;
  }

  /**
   * @param lonParameters whether PVi_1..4 of the longitude axis are rotation parameters (they are
   *     polynomial coefficients in TPV)
   */
  private SphericalRotation rotation(Wcs.Builder b, double lon0, double lat0, boolean lonParameters) {
    String pv = "PV" + b.lonAxis + "_";
    double lonPole = keys.number("LONPOLE", lonParameters ? keys.number(pv + 3, Double.NaN) : Double.NaN);
    double latPole = keys.number("LATPOLE", lonParameters ? keys.number(pv + 4, 90.0) : 90.0);
    for (int m = 1; m <= 2 && lonParameters; m++) {
      if (keys.has(pv + m)) {
        throw keys.unsupported(pv + m, "a fiducial point other than the projection's own (" + pv
            + "1, " + pv + "2) is not supported");
      }
    }
    try {
      return SphericalRotation.of(lon0, lat0, b.projection.phi0(), b.projection.theta0(), lonPole,
          latPole);
    } catch (IllegalArgumentException e) {
      throw keys.keywordError(keys.has("LONPOLE") ? "LONPOLE" : "CRVAL" + b.latAxis, e.getMessage());
    }
  }

  /** RADESYS and EQUINOX (or their older forms RADECSYS and EPOCH), or the system the CTYPE names. */
  private void celestialSystem(Wcs.Builder b, String lonType) {
    String p = prefix(lonType);
    double equinox = keys.number("EQUINOX", Double.NaN);
    if (Double.isNaN(equinox) && alt == ' ') {
      equinox = keys.plainNumber("EPOCH", Double.NaN);
    }
    if (p.startsWith("RA")) {
      String radesys = keys.text("RADESYS");
      if (radesys == null && alt == ' ') {
        radesys = keys.text("RADECSYS");
      }
      if (radesys == null || radesys.isEmpty()) {
        radesys = Double.isNaN(equinox) ? "ICRS" : equinox < 1984.0 ? "FK4" : "FK5";
      }
      b.system = radesys.toUpperCase(Locale.ROOT);
      b.equinox = b.system.equals("ICRS") || b.system.equals("GAPPT") ? Double.NaN
          : Double.isNaN(equinox) ? (b.system.startsWith("FK4") ? 1950.0 : 2000.0) : equinox;
      return;
    }
    switch (p) {
      case "GLON":
        b.system = "GALACTIC";
        break;
      case "ELON":
        b.system = "ECLIPTIC";
        b.equinox = equinox;
        break;
      case "HLON":
        b.system = "HELIOECLIPTIC";
        break;
      case "SLON":
        b.system = "SUPERGALACTIC";
        break;
      default:
        b.system = p;
    }
  }
}
