package org.jfits.wcs;

/**
 * Where pixel numbering starts. {@link #ZERO}: the centre of the first pixel is 0, as array indices
 * and astropy's {@code wcs_pix2world(..., 0)}; {@link #ONE}: it is 1, as CRPIX and the FITS standard
 * count, astropy's {@code origin=1}.
 */
public enum Origin {
  /** The first pixel's centre is at 0 (array indices, numpy, astropy origin 0). */
  ZERO(0),
  /** The first pixel's centre is at 1 (the FITS convention, CRPIX, astropy origin 1). */
  ONE(1);

  private final int first;

  Origin(int first) {
    this.first = first;
  }

  /** The coordinate of the first pixel's centre: 0 or 1. */
  public int first() {
    return first;
  }
}
