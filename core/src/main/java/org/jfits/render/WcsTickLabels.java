package org.jfits.render;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jfits.wcs.Wcs;

/**
 * Tick labels in celestial coordinates: the ticks of the horizontal axis say the coordinate at the
 * tick along the bottom edge of the drawn array (its row 0), those of the vertical axis the
 * coordinate along its left edge (column 0). This is a simpler picture than astropy's WCSAxes, which
 * draws curved grid lines of constant longitude and latitude and places its ticks where they cross
 * the frame: here the ticks stay at round pixel positions and the label is the world coordinate
 * there, which is exact along the two labelled edges and approximate across a strongly rotated or
 * distorted field.
 *
 * <p>Normally x is labelled with the longitude and y with the latitude. When the latitude changes
 * more than the longitude along the bottom edge (by more great-circle distance between its first
 * and last finite points; a WCS rotated by more than 45°, or one with the latitude on the first
 * axis), x is labelled with the latitude and y with the longitude; {@link #xShowsLatitude()} and the
 * axis titles ({@link #title}) say which.
 *
 * <p>Equatorial systems (ICRS, FK5, FK4, FK4-NO-E, GAPPT) are written sexagesimal exactly as
 * astropy's {@code Angle.to_string} writes them: right ascension in hours, {@code 03h22m41s}
 * ({@code unit=hourangle, sep='hms', pad=True}), declination in signed degrees, {@code -37°12'30"}
 * ({@code sep='°\'"', pad=True, alwayssign=True}). Other systems (galactic, ecliptic, ...) are written
 * in decimal degrees, the latitude signed. The precision follows the spacing of the ticks along each
 * axis: whole hours or degrees for ticks an hour or a degree apart or more, minutes from a minute,
 * seconds below that, and decimals of seconds (at most 4) below one second; decimal degrees get as
 * many decimals (at most 6) as the spacing needs. Rounding is astropy's, carries included (a right
 * ascension that rounds up to 24 hours is written {@code 24h00m00s}, as astropy writes it). Where the
 * WCS gives no coordinate (outside the projection's domain) the label is empty.
 *
 * <p>Immutable; the coordinates of the ticks are computed when a label is asked for.
 */
public final class WcsTickLabels implements TickLabels {
  private static final Set<String> EQUATORIAL = Set.of("ICRS", "FK5", "FK4", "FK4-NO-E", "GAPPT");

  private final Wcs wcs;
  private final long x0;
  private final long y0;
  private final boolean xShowsLatitude;
  private final String longitudeTitle;
  private final String latitudeTitle;
  private final AngleFormat xFormat;
  private final AngleFormat yFormat;

  private WcsTickLabels(Wcs wcs, long x0, long y0, int rows, int columns) {
    this.wcs = wcs;
    this.x0 = x0;
    this.y0 = y0;
    double[][] bottom = edge(TickLabels.Axis.X, Frame.ticks(columns));
    double[][] left = edge(TickLabels.Axis.Y, Frame.ticks(rows));
    this.xShowsLatitude = latitudeVariesMore(bottom);
    String system = wcs.celestialSystem();
    boolean equatorial = EQUATORIAL.contains(system);
    String name = system.isEmpty() ? "" : system.charAt(0) + system.substring(1).toLowerCase(Locale.ROOT);
    this.longitudeTitle = equatorial ? "RA (" + system + ")" : name + " longitude";
    this.latitudeTitle = equatorial ? "Dec (" + system + ")" : name + " latitude";
    AngleFormat.Style lonStyle = equatorial ? AngleFormat.Style.HOURS : AngleFormat.Style.DECIMAL;
    AngleFormat.Style latStyle = equatorial ? AngleFormat.Style.DEGREES : AngleFormat.Style.SIGNED_DECIMAL;
    int xCoordinate = xShowsLatitude ? 1 : 0;
    this.xFormat = AngleFormat.forSpacing(xShowsLatitude ? latStyle : lonStyle, spacing(bottom[xCoordinate], !xShowsLatitude));
    this.yFormat = AngleFormat.forSpacing(xShowsLatitude ? lonStyle : latStyle, spacing(left[1 - xCoordinate], xShowsLatitude));
  }

  /**
   * Labels for an array of {@code rows × columns} pixels drawn from an image with celestial WCS
   * {@code wcs}, its pixel [0, 0] being pixel ({@code x0}, {@code y0}) of the image (0-based, x along
   * FITS axis 1): the offset of a section, 0 and 0 for the whole image. The two drawn axes must be
   * the WCS's celestial pixel axes, in axis order (a plane of a cube along its spectral axis is fine).
   */
  public static WcsTickLabels of(Wcs wcs, long x0, long y0, int rows, int columns) {
    if (rows < 1 || columns < 1) {
      throw new IllegalArgumentException("an image of " + rows + " × " + columns + " pixels has no ticks");
    }
    return new WcsTickLabels(wcs, x0, y0, rows, columns);
  }

  /** True when the horizontal axis is labelled with the latitude and the vertical one with the longitude. */
  public boolean xShowsLatitude() {
    return xShowsLatitude;
  }

  @Override
  public String label(Axis axis, double pixel) {
    double[][] world = edge(axis, List.of(pixel));
    boolean latitude = (axis == Axis.X) == xShowsLatitude;
    return format(axis).format(world[latitude ? 1 : 0][0]);
  }

  /**
   * What the labels along {@code axis} measure: {@code RA (FK5)} and {@code Dec (FK5)} (the
   * reference system in brackets) for equatorial systems, {@code Galactic longitude}, {@code Ecliptic
   * latitude}, ... for the others.
   */
  @Override
  public String title(Axis axis) {
    return (axis == Axis.X) == xShowsLatitude ? latitudeTitle : longitudeTitle;
  }

  /** The format of the labels along {@code axis}. */
  AngleFormat format(Axis axis) {
    return axis == Axis.X ? xFormat : yFormat;
  }

  /** Longitudes and latitudes at {@code pixels} along the bottom (X) or left (Y) edge. */
  private double[][] edge(Axis axis, List<Double> pixels) {
    int n = pixels.size();
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = x0 + (axis == Axis.X ? pixels.get(i) : 0);
      y[i] = y0 + (axis == Axis.Y ? pixels.get(i) : 0);
    }
    double[] lon = new double[n];
    double[] lat = new double[n];
    wcs.pixelToWorld(x, y, lon, lat);
    return new double[][] {lon, lat};
  }

  /** Whether the latitude changes by more arc than the longitude between the first and last finite points. */
  private static boolean latitudeVariesMore(double[][] world) {
    int first = -1;
    int last = -1;
    for (int i = 0; i < world[0].length; i++) {
      if (!Double.isNaN(world[0][i])) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    if (first < 0 || first == last) {
      return false;
    }
    double meanLatitude = Math.toRadians((world[1][first] + world[1][last]) / 2);
    double alongLongitude = Math.abs(longitudeDifference(world[0][first], world[0][last])) * Math.cos(meanLatitude);
    return Math.abs(world[1][last] - world[1][first]) > alongLongitude;
  }

  /** The smallest change of the coordinate between neighbouring ticks, degrees; NaN if none is known. */
  private static double spacing(double[] values, boolean longitude) {
    double smallest = Double.NaN;
    for (int i = 1; i < values.length; i++) {
      double step = longitude ? longitudeDifference(values[i - 1], values[i]) : values[i] - values[i - 1];
      step = Math.abs(step);
      if (step > 0 && !(step >= smallest)) {
        smallest = step;
      }
    }
    return smallest;
  }

  /** {@code b - a} for longitudes, degrees, wrapped into [-180, 180). */
  private static double longitudeDifference(double a, double b) {
    return ((b - a) % 360 + 540) % 360 - 180;
  }
}
