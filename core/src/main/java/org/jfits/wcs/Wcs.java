package org.jfits.wcs;

import java.util.Locale;
import org.jfits.FitsKeywordException;
import org.jfits.FitsUnsupportedException;
import org.jfits.header.Header;

/**
 * The celestial world coordinate system of an HDU: pixel positions to sky positions and back, as
 * FITS WCS Papers I and II define them, in plain Java.
 *
 * <p>The transform runs in four steps: pixel offsets from CRPIX (with the SIP distortion added
 * when CTYPE ends in {@code -SIP}); the linear transform (CDi_j, or CDELTi with PCi_j, or CDELTi with
 * CROTA2) to intermediate world coordinates (then the TPV polynomials when the code is TPV); the
 * projection to native spherical coordinates; the spherical rotation fixed by CRVAL, LONPOLE and
 * LATPOLE to celestial longitude and latitude. Projections: zenithal AZP, TAN, SIN (with xi, eta;
 * NCP), STG, ARC, ZEA, ZPN; cylindrical CAR, MER, CEA, CYP; SFL/GLS, PAR, MOL, AIT; HPX.
 * Other codes (COE, BON, QSC, TSC, CSC, ...) are refused when the WCS is read, never approximated.
 *
 * <p>Digitized Sky Survey headers with a plate solution (AMDX1...) are read through it, as WCSLIB
 * does, rather than through the approximate CD matrix they also carry.
 *
 * <p>Only the two celestial axes are described: in a cube with RA, DEC and a spectral axis the
 * pixel coordinates are those along the RA and DEC pixel axes, in axis order. A linear transform
 * that couples them to other axes is refused.
 *
 * <p>Conversions are batched: one call transforms N points held in primitive arrays, allocates
 * nothing per point, and may write its output over its input (pass the same arrays). Angles are in
 * degrees; celestial longitudes come out in [0, 360). Pixel coordinates are 0-based unless an
 * {@link Origin} says otherwise. Points outside a projection's domain, or that the distortion
 * inverse cannot reach, come out as NaN in both coordinates (WCSLIB reports an invalid status
 * there). Accuracy, checked against astropy.wcs (WCSLIB): 1e-8 degree or better, and pixel round
 * trips to 1e-6 pixel or better; the SIP inverse converges to 1e-10 pixel and the TPV inverse to
 * 1e-13 degree.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class Wcs {
  private final char alt;
  private final int lonAxis;
  private final int latAxis;
  private final double crpixFirst;
  private final double crpixSecond;
  private final LinearTransform linear;
  private final LinearTransform pixelScale;
  private final Distortion pixelDistortion;
  private final Distortion planeDistortion;
  private final String code;
  private final String distortion;
  private final Projection projection;
  private final SphericalRotation rotation;
  private final String system;
  private final double equinox;

  private Wcs(Builder b) {
    this.alt = b.alt;
    this.lonAxis = b.lonAxis;
    this.latAxis = b.latAxis;
    this.crpixFirst = b.crpixFirst;
    this.crpixSecond = b.crpixSecond;
    this.linear = b.linear;
    this.pixelScale = b.pixelScale != null ? b.pixelScale : b.linear;
    this.pixelDistortion = b.pixelDistortion;
    this.planeDistortion = b.planeDistortion;
    this.code = b.code;
    this.distortion = b.distortion;
    this.projection = b.projection;
    this.rotation = b.rotation;
    this.system = b.system;
    this.equinox = b.equinox;
  }

  /**
   * The primary celestial WCS of a header.
   *
   * @throws FitsKeywordException when the header has no celestial axes, only one of a pair, or
   *     keywords with impossible values; the exception names the keyword
   * @throws FitsUnsupportedException for a projection, distortion or unit jfits does not implement
   */
  public static Wcs from(Header header) {
    return from(header, ' ');
  }

  /**
   * The celestial WCS with alternate letter {@code alt} ('A'..'Z', or ' ' for the primary one): its
   * keywords are CTYPE1A, CRPIX1A, ... The SIP keywords (A_p_q, ...) have no alternate form and are
   * read as they are.
   *
   * @throws IllegalArgumentException if {@code alt} is not a blank or a capital letter
   * @throws FitsKeywordException as {@link #from(Header)}
   * @throws FitsUnsupportedException as {@link #from(Header)}
   */
  public static Wcs from(Header header, char alt) {
    if (alt != ' ' && (alt < 'A' || alt > 'Z')) {
      throw new IllegalArgumentException("alternate WCS letter must be ' ' or A-Z, not '" + alt + "'");
    }
    return new Wcs(new WcsReader(new WcsKeywords(header, alt), alt).read());
  }

  /**
   * Pixel positions (0-based) to celestial longitude and latitude, degrees. All four arrays hold
   * at least {@code x.length} elements; outputs may be the inputs.
   */
  public void pixelToWorld(double[] x, double[] y, double[] lon, double[] lat) {
    pixelToWorld(x, y, lon, lat, Origin.ZERO);
  }

  /**
   * Pixel positions counted from {@code origin} to celestial longitude and latitude, degrees, as
   * astropy's {@code all_pix2world(x, y, origin)}.
   */
  public void pixelToWorld(double[] x, double[] y, double[] lon, double[] lat, Origin origin) {
    int n = checkLengths(x, y, lon, lat);
    double shift = 1 - origin.first();
    for (int i = 0; i < n; i++) {
      lon[i] = x[i] + shift - crpixFirst;
      lat[i] = y[i] + shift - crpixSecond;
      if (pixelDistortion != null) {
        pixelDistortion.apply(lon, lat, i);
      }
      linear.apply(lon, lat, i);
      if (planeDistortion != null) {
        planeDistortion.apply(lon, lat, i);
      }
      projection.toNative(lon, lat, i);
      rotation.toCelestial(lon, lat, i);
    }
  }

  /**
   * Celestial longitude and latitude (degrees) to 0-based pixel positions. All four arrays hold at
   * least {@code lon.length} elements; outputs may be the inputs.
   */
  public void worldToPixel(double[] lon, double[] lat, double[] x, double[] y) {
    worldToPixel(lon, lat, x, y, Origin.ZERO);
  }

  /**
   * Celestial longitude and latitude (degrees) to pixel positions counted from {@code origin}, as
   * astropy's {@code all_world2pix(lon, lat, origin)}, but with the distortion inverses converged
   * well below astropy's default tolerance.
   */
  public void worldToPixel(double[] lon, double[] lat, double[] x, double[] y, Origin origin) {
    int n = checkLengths(lon, lat, x, y);
    double shift = 1 - origin.first();
    for (int i = 0; i < n; i++) {
      x[i] = lon[i];
      y[i] = lat[i];
      rotation.toNative(x, y, i);
      projection.toPlane(x, y, i);
      if (planeDistortion != null) {
        planeDistortion.invert(x, y, i);
      }
      linear.invert(x, y, i);
      if (pixelDistortion != null) {
        pixelDistortion.invert(x, y, i);
      }
      x[i] += crpixFirst - shift;
      y[i] += crpixSecond - shift;
    }
  }

  private static int checkLengths(double[] inA, double[] inB, double[] outA, double[] outB) {
    int n = inA.length;
    if (inB.length < n || outA.length < n || outB.length < n) {
      throw new IllegalArgumentException("coordinate arrays of lengths " + inA.length + ", " + inB.length
          + ", " + outA.length + ", " + outB.length + ": all need at least " + n);
    }
    return n;
  }

  /**
   * The size of a pixel along each of the two celestial pixel axes (in axis order: along NAXIS1
   * first for an ordinary image), in degrees of the projection plane, as astropy's
   * {@code astropy.wcs.utils.proj_plane_pixel_scales}: the length of each column of the linear
   * transform (CD, or CDELT with PC or CROTA). Distortions (SIP, TPV) are ignored, and so is the
   * projection: it is the scale at the reference point. For a DSS plate solution it is the solution's first-order terms, as WCSLIB
   * reads them. Always positive.
   */
  public double[] pixelScales() {
    return pixelScale.columnNorms();
  }

  /** The FITS axis numbers (1-based) of the longitude and latitude axes, in that order. */
  public int[] celestialAxes() {
    return new int[] {lonAxis, latAxis};
  }

  /**
   * The projection code from CTYPE: TAN, SIN, ZPN, ..., TPV for TAN with TPV polynomials, NCP and
   * GLS as written (they are read as SIN and SFL).
   */
  public String projectionCode() {
    return code;
  }

  /** True when a SIP, TPV or DSS plate distortion is applied on top of the projection. */
  public boolean hasDistortion() {
    return !distortion.isEmpty();
  }

  /** The distortion applied: "SIP", "TPV", "DSS" (a DSS plate solution), or "" for none. */
  public String distortion() {
    return distortion;
  }

  /** The alternate WCS letter this was read from, ' ' for the primary WCS. */
  public char alt() {
    return alt;
  }

  /**
   * The celestial reference system: RADESYS for equatorial axes (defaulted as Paper II says: FK4
   * before EQUINOX 1984, FK5 from it, ICRS without EQUINOX), GALACTIC, ECLIPTIC, HELIOECLIPTIC,
   * SUPERGALACTIC, or the CTYPE prefix for other longitude/latitude pairs.
   */
  public String celestialSystem() {
    return system;
  }

  /** EQUINOX (or the older EPOCH) in years, NaN when the header gives none or ICRS makes it moot. */
  public double equinox() {
    return equinox;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Wcs[%s, axes %d/%d, %s%s]", code, lonAxis, latAxis, system,
        distortion.isEmpty() ? "" : ", " + distortion);
  }

  /** The parts {@link WcsReader} assembles. */
  static final class Builder {
    char alt;
    int lonAxis;
    int latAxis;
    double crpixFirst;
    double crpixSecond;
    LinearTransform linear;
    /** The linear part that {@link #pixelScales()} measures, when it is not {@link #linear}: DSS. */
    LinearTransform pixelScale;
    /** Applied to pixel offsets from CRPIX, before the linear step: SIP, or a DSS plate solution. */
    Distortion pixelDistortion;
    /** Applied to intermediate world coordinates, after the linear step: TPV. */
    Distortion planeDistortion;
    String code;
    String distortion = "";
    Projection projection;
    SphericalRotation rotation;
    String system;
    double equinox = Double.NaN;
  }
}
