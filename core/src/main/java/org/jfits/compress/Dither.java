package org.jfits.compress;

/**
 * How floating-point tiles are quantised (ZQUANTIZ): rounded to the nearest step, or with cfitsio's
 * subtractive dither, which spreads the rounding error uniformly and keeps the mean of the values.
 */
public enum Dither {
  /** Plain rounding to the nearest multiple of the step. */
  NO_DITHER,
  /** A pseudo-random offset in [0, 1) steps is added before rounding and subtracted on reading. */
  SUBTRACTIVE_DITHER_1,
  /** As {@link #SUBTRACTIVE_DITHER_1}, but exact zeros stay exactly zero. */
  SUBTRACTIVE_DITHER_2
}
