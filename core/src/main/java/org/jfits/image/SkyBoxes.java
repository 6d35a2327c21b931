package org.jfits.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfits.FitsUnsupportedException;
import org.jfits.Hdu;
import org.jfits.wcs.Wcs;

/**
 * The pixel boxes of sky cutouts: sky positions through the HDU's WCS (one batched transform) to
 * 0-based pixel positions, a box size from the radius and the pixel scales, and for each position
 * the box {@link Box#around} places there, as astropy's {@code Cutout2D} does with a {@code SkyCoord}
 * and an angular size.
 */
final class SkyBoxes {
  /** astropy's factor from arcseconds per degree to a plain number, (u.arcsec / u.deg).decompose(). */
  private static final double ARCSEC_PER_DEGREE_SCALE = 1.0 / 3600.0;
  /** Pixel positions beyond this are treated as unconvertible: no box could reach the image. */
  private static final double FAR = 0x1p61;

  private SkyBoxes() {}

  /**
   * One box per position, in order. Positions the WCS cannot convert (NaN: outside the projection's
   * domain, or NaN given) and positions beyond ±2^61 pixels get the box just before the image's first
   * pixel, {@code (-width, -height)}, which lies wholly outside it.
   *
   * @throws IllegalArgumentException if the arrays differ in length or are empty, or the radius is
   *     not positive or gives a box under one pixel or over 2^31 pixels along an axis
   * @throws FitsUnsupportedException if the celestial axes are not NAXIS1 and NAXIS2
   */
  static List<Box> of(Hdu hdu, double[] ra, double[] dec, double radiusArcsec) {
    if (ra.length != dec.length) {
      throw new IllegalArgumentException(hdu.context().describe("sky cutouts need as many declinations as right"
          + " ascensions, got " + ra.length + " and " + dec.length));
    }
    if (ra.length == 0) {
      throw new IllegalArgumentException(hdu.context().describe("no positions to cut out"));
    }
    if (!(radiusArcsec > 0) || Double.isInfinite(radiusArcsec)) {
      throw new IllegalArgumentException(hdu.context().describe("the radius must be a positive number of"
          + " arcseconds, got " + radiusArcsec));
    }
    Wcs wcs = hdu.wcs();
    int[] axes = wcs.celestialAxes();
    if (Math.min(axes[0], axes[1]) != 1 || Math.max(axes[0], axes[1]) != 2) {
      throw new FitsUnsupportedException(hdu.context(), "sky cutouts cut along NAXIS1 and NAXIS2, and the"
          + " celestial axes of this WCS are axes " + axes[0] + " and " + axes[1]);
    }
    double[] scales = wcs.pixelScales();
    int width = side(hdu, radiusArcsec, scales[0], "NAXIS1");
    int height = side(hdu, radiusArcsec, scales[1], "NAXIS2");
    int n = ra.length;
    double[] x = new double[n];
    double[] y = new double[n];
    wcs.worldToPixel(ra, dec, x, y);
    List<Box> boxes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean convertible = Math.abs(x[i]) < FAR && Math.abs(y[i]) < FAR;
      boxes.add(convertible ? Box.around(x[i], y[i], width, height) : new Box(-width, -height, width, height));
    }
    return boxes;
  }

  /**
   * The box size along one pixel axis: the diameter over that axis's pixel scale, rounded half to
   * even (numpy's {@code np.round}), as astropy computes {@code (size / pixel_scale).decompose()}.
   */
  private static int side(Hdu hdu, double radiusArcsec, double scaleDegrees, String axis) {
    double pixels = Math.rint(2 * radiusArcsec / scaleDegrees * ARCSEC_PER_DEGREE_SCALE);
    if (pixels < 1 || pixels > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(hdu.context().describe(String.format(Locale.ROOT,
          "a radius of %s arcsec is %s pixels across along %s, whose pixel scale is %s arcsec: a cutout needs"
          + " 1 to 2^31 - 1 pixels", radiusArcsec, 2 * radiusArcsec / scaleDegrees * ARCSEC_PER_DEGREE_SCALE,
          axis, scaleDegrees * 3600.0)));
    }
    return (int) pixels;
  }
}
