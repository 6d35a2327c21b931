package org.jfits.compress;

/**
 * cfitsio's table of 10000 pseudo-random dither offsets in [0, 1) (the Park-Miller minimal standard
 * generator from seed 1, as floats) and the order in which a tile walks through it. A reader restores
 * dithered values only if the writer used exactly this sequence.
 */
final class DitherSequence {
  static final int SIZE = 10_000;
  private static final float[] VALUES = values();

  private int seedIndex;
  private int next;

  /**
   * The offsets of tile {@code tile} (0-based) of an image written with dither seed {@code seed}
   * (ZDITHER0, 1 to 10000).
   */
  DitherSequence(long tile, long seed) {
    seedIndex = (int) Math.floorMod(tile + seed - 1, (long) SIZE);
    next = (int) (VALUES[seedIndex] * 500);
  }

  /** The offset for the next pixel of the tile (null pixels take one too). */
  float next() {
    float value = VALUES[next++];
    if (next == SIZE) {
      seedIndex = (seedIndex + 1) % SIZE;
      next = (int) (VALUES[seedIndex] * 500);
    }
    return value;
  }

  private static float[] values() {
    double a = 16807;
    double m = 2147483647;
    double seed = 1;
    float[] values = new float[SIZE];
    for (int i = 0; i < SIZE; i++) {
      double product = a * seed;
      seed = product - m * (int) (product / m);
      values[i] = (float) (seed / m);
    }
    if ((int) seed != 1043618065) {
      throw new IllegalStateException("the random sequence does not end at cfitsio's check value: " + seed);
    }
    return values;
  }
}
