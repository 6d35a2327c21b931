package org.jfits.notebook;

import java.util.Arrays;
import org.jfits.FitsException;
import org.jfits.header.Header;
import org.jfits.render.TickLabels;
import org.jfits.render.WcsTickLabels;
import org.jfits.wcs.Wcs;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where a drawn plane lies on the sky: the celestial WCS of the image it was read from, the image
 * pixel of its element [0, 0] ({@code x0} along FITS axis 1, {@code y0} along axis 2) and its shape
 * ({@code rows × columns}). Only a WCS whose celestial axes are FITS axes 1 and 2 describes a drawn
 * plane; the plane of a cube is a section one element long along every axis after the second.
 */
record SkyAxes(Wcs wcs, long x0, long y0, long rows, long columns) {

  /**
   * The sky axes of an array read from an image with {@code header}, {@code start} and {@code shape}
   * in numpy order (start all zeros for a whole image); null when the array is not a plane (some axis
   * before the last two longer than 1) or the header has no celestial WCS on axes 1 and 2, including
   * one that jfits cannot read.
   */
  static SkyAxes of(Header header, long[] start, long[] shape) {
    if (plane(shape) == null) {
      return null;
    }
    Wcs wcs = celestialWcs(header);
    if (wcs == null) {
      return null;
    }
    int n = shape.length;
    return new SkyAxes(wcs, start[n - 1], start[n - 2], shape[n - 2], shape[n - 1]);
  }

  /** The celestial WCS of {@code header} on axes 1 and 2, or null when it has none or jfits cannot read it. */
  static Wcs celestialWcs(Header header) {
    Wcs wcs;
    try {
      wcs = Wcs.from(header);
    } catch (FitsException e) {
      return null; // no celestial WCS, or one jfits does not read: pixel labels instead
    }
    return onFirstTwoAxes(wcs) ? wcs : null;
  }

  /** True when the celestial axes of {@code wcs} are FITS axes 1 and 2 (in either order). */
  static boolean onFirstTwoAxes(Wcs wcs) {
    int[] axes = wcs.celestialAxes();
    return Math.min(axes[0], axes[1]) == 1 && Math.max(axes[0], axes[1]) == 2;
  }

  /** {@code array} as a 2-D plane: itself if 2-D, the plane of an array whose other axes are 1 long, else null. */
  static INDArray plane(INDArray array) {
    long[] shape = plane(array.shape());
    return shape == null ? null : array.rank() == 2 ? array : array.reshape(shape);
  }

  private static long[] plane(long[] shape) {
    int n = shape.length;
    if (n < 2 || Arrays.stream(shape, 0, n - 2).anyMatch(size -> size != 1)) {
      return null;
    }
    return new long[] {shape[n - 2], shape[n - 1]};
  }

  /** Sky labels for {@code plane} if it has this shape (it is still the array read), else pixel labels. */
  TickLabels labels(INDArray plane) {
    if (plane.rank() != 2 || plane.size(0) != rows || plane.size(1) != columns) {
      return TickLabels.pixels();
    }
    return WcsTickLabels.of(wcs, x0, y0, (int) rows, (int) columns);
  }
}
