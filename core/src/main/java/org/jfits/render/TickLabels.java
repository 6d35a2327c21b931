package org.jfits.render;

/**
 * The text of the tick labels on a rendered image's axes. Ticks are placed at round pixel
 * coordinates; this decides what is written there. The default writes the pixel coordinate itself;
 * {@link WcsTickLabels} writes sky coordinates through a WCS.
 */
@FunctionalInterface
public interface TickLabels {

  /** Which image axis a tick belongs to. */
  enum Axis {
    /** The horizontal axis: columns, FITS NAXIS1, numpy's last index. */
    X,
    /** The vertical axis: rows, FITS NAXIS2, numpy's first index; row 0 at the bottom. */
    Y
  }

  /**
   * The label of the tick at 0-based pixel coordinate {@code pixel} (numpy index of the full image,
   * before any downsampling) along {@code axis}.
   */
  String label(Axis axis, double pixel);

  /**
   * The title written along {@code axis} (what its labels measure), or the empty string for none;
   * by default none.
   */
  default String title(Axis axis) {
    return "";
  }

  /** Labels that show the pixel coordinate as an integer, without titles. */
  static TickLabels pixels() {
    return (axis, pixel) -> Long.toString(Math.round(pixel));
  }
}
