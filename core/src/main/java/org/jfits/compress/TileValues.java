package org.jfits.compress;

/**
 * The decoded integers of one tile, before quantisation and scaling are undone: 32-bit values in
 * {@link #ints} (8- and 16-bit pixels, 32-bit integers, quantised floats, and the bits of
 * uncompressed float32 pixels) or 64-bit values in {@link #longs} (64-bit integers, the bits of
 * float64 pixels). One per decoding thread, grown to the largest tile and reused.
 */
final class TileValues {
  int[] ints = new int[0];
  long[] longs = new long[0];
  /** True when the values are in {@link #longs}. */
  boolean wide;

  /** Makes room for {@code count} 32-bit values and marks them as the current ones. */
  int[] ints(int count) {
    if (ints.length < count) {
      ints = new int[count];
    }
    wide = false;
    return ints;
  }

  /** Makes room for {@code count} 64-bit values and marks them as the current ones. */
  long[] longs(int count) {
    if (longs.length < count) {
      longs = new long[count];
    }
    wide = true;
    return longs;
  }

  /** Value {@code i} as a long, from whichever array holds the current values. */
  long get(int i) {
    return wide ? longs[i] : ints[i];
  }
}
