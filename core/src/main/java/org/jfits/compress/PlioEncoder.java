package org.jfits.compress;

import java.nio.ByteBuffer;

/**
 * PLIO_1 tiles: IRAF's line-list coding (cfitsio's {@code pl_p2li}), 16-bit words that describe runs
 * of zeros and runs of a constant positive value. Made for masks and other images of small
 * non-negative integers; the line list cannot hold negative values or values of 2^24 and more.
 *
 * <p>Each word holds an opcode in its top 4 bits and 12 bits of data: 0 a run of zeros, 1 a new value
 * (low 12 bits, the next word the high bits), 2 and 3 the value up or down by the data, 4 a run of
 * the value, 5 a run of zeros ended by one pixel of the value, 6 and 7 the value up or down by the
 * data and one pixel of it. A list starts with a 7-word header that holds its length.
 */
final class PlioEncoder {
  /** The largest value a line list holds, plus one. */
  static final int LIMIT = 1 << 24;
  private static final int HEADER = 7;
  private static final int MAX_DATA = 4095;

  private PlioEncoder() {}

  /**
   * The line list of the first {@code count} pixels, as big-endian 16-bit words.
   *
   * @throws IllegalArgumentException if a pixel is negative or 2^24 or more
   */
  static byte[] encode(int[] pixels, int count) {
    short[] words = new short[HEADER + 3 * count + 2];
    int size = HEADER;
    int high = 1;
    int i = 0;
    while (i < count) {
      int zeros = 0;
      while (i < count && check(pixels[i], i) == 0) {
        zeros++;
        i++;
      }
      int value = i < count ? pixels[i] : 0;
      int run = 0;
      while (i < count && pixels[i] == value) {
        run++;
        i++;
      }
      if (run > 0 && value != high) {
        int change = value - high;
        high = value;
        if (Math.abs(change) > MAX_DATA) {
          words[size++] = (short) (0x1000 | (value & MAX_DATA));
          words[size++] = (short) (value >>> 12);
        } else {
          words[size++] = (short) (change > 0 ? 0x2000 | change : 0x3000 | -change);
          if (run == 1 && zeros == 0) {
            words[size - 1] |= 0x4000; // opcodes 6 and 7: change and one pixel
            continue;
          }
        }
      }
      if (zeros > 0) {
        for (; zeros > 0; zeros -= MAX_DATA) {
          words[size++] = (short) Math.min(MAX_DATA, zeros);
        }
        if (run == 1 && words[size - 1] < MAX_DATA) {
          words[size - 1] += 0x5000 + 1; // opcode 5: the zeros, then one pixel of the value
          continue;
        }
      }
      for (; run > 0; run -= MAX_DATA) {
        words[size++] = (short) (0x4000 | Math.min(MAX_DATA, run));
      }
    }
    words[1] = HEADER;
    words[2] = -100;
    words[3] = (short) (size % 32768);
    words[4] = (short) (size / 32768);
    ByteBuffer out = ByteBuffer.allocate(2 * size);
    out.asShortBuffer().put(words, 0, size);
    return out.array();
  }

  private static int check(int pixel, int index) {
    if (pixel < 0 || pixel >= LIMIT) {
      throw new IllegalArgumentException("PLIO_1 holds integers from 0 to " + (LIMIT - 1) + " only; pixel "
          + index + " of a tile is " + pixel);
    }
    return pixel;
  }
}
