package org.jfits.image;

/** Where a {@link Box} lies in the image it is cut from. */
public enum CutoutFlag {
  /** Every pixel of the box is in the image: the cutout holds image values only. */
  INSIDE,
  /** The box overlaps an edge: pixels outside the image hold the fill value. */
  PARTIAL,
  /** No pixel of the box is in the image: the cutout is all fill value. */
  OUTSIDE
}
