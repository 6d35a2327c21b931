package org.jfits.write;

/**
 * BSCALE, BZERO and BLANK of an image whose array holds the stored integers of scaled data: readers
 * return {@code stored * bscale + bzero}, and NaN where the stored value is {@code blank}. Used to
 * write such integers back as they were read ({@link ImageHdu#scaling},
 * {@link org.jfits.compress.CompressedImageHdu#scaling}).
 *
 * @param bscale BSCALE, finite and not 0
 * @param bzero BZERO, finite
 * @param blank BLANK, or null when no stored value marks undefined pixels
 */
public record IntegerScaling(double bscale, double bzero, Long blank) {
  /**
   * @throws IllegalArgumentException if {@code bscale} is 0 or either number is not finite
   */
  public IntegerScaling {
    if (bscale == 0 || !Double.isFinite(bscale) || !Double.isFinite(bzero)) {
      throw new IllegalArgumentException("BSCALE must be finite and not 0 and BZERO finite, not BSCALE = " + bscale
          + ", BZERO = " + bzero);
    }
  }

  /** True when BSCALE or BZERO change the stored values. */
  public boolean rescales() {
    return bscale != 1 || bzero != 0;
  }

  /**
   * Checks that BLANK, if any, is one of the integers BITPIX {@code bitpix} stores (0 to 255 for
   * BITPIX 8, signed for 16, 32 and 64).
   *
   * @throws IllegalArgumentException if it is not
   */
  public void checkBlank(int bitpix) {
    if (blank == null || bitpix == 64) {
      return;
    }
    long lowest = bitpix == 8 ? 0 : -(1L << (bitpix - 1));
    long highest = bitpix == 8 ? 255 : (1L << (bitpix - 1)) - 1;
    if (blank < lowest || blank > highest) {
      throw new IllegalArgumentException("BLANK = " + blank + " is outside the integers of BITPIX " + bitpix);
    }
  }
}
