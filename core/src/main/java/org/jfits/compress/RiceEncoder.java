package org.jfits.compress;

/**
 * cfitsio's Rice coder (RICE_1): the first pixel verbatim, then blocks of 32 pixel differences,
 * each block coded with the split level that suits its mean (or verbatim when they are too large,
 * or as a single code when all are zero).
 *
 * <p>Differences are taken modulo the pixel width, so the decoder's wrapping addition gives back the
 * exact values even when a difference does not fit the pixel type.
 */
final class RiceEncoder {
  static final int BLOCK_SIZE = 32;

  private RiceEncoder() {}

  /**
   * Codes the first {@code count} of {@code pixels} as pixels of {@code bytepix} bytes (1, 2 or 4;
   * values are taken modulo 2^(8 * bytepix)).
   */
  static byte[] encode(int[] pixels, int count, int bytepix) {
    int pixelBits = 8 * bytepix;
    int splitBits = bytepix == 1 ? 3 : bytepix == 2 ? 4 : 5;
    int maxSplit = bytepix == 1 ? 6 : bytepix == 2 ? 14 : 25;
    long mask = (1L << pixelBits) - 1;
    int shift = 64 - pixelBits;
    BitOutput out = new BitOutput(count * bytepix / 2 + 64);
    if (count == 0) {
      return out.toByteArray();
    }
    out.bits(pixels[0] & mask, pixelBits);
    long[] diff = new long[BLOCK_SIZE];
    long last = pixels[0];
    for (int start = 0; start < count; start += BLOCK_SIZE) {
      int block = Math.min(BLOCK_SIZE, count - start);
      double sum = 0;
      for (int j = 0; j < block; j++) {
        long next = pixels[start + j];
        long d = ((next - last) << shift) >> shift; // the difference modulo the pixel width, signed
        diff[j] = d < 0 ? ~(d << 1) & mask : (d << 1) & mask;
        sum += diff[j];
        last = next;
      }
      double mean = Math.max(0, (sum - block / 2 - 1) / block);
      long level = ((long) mean) >> 1;
      int split = 0;
      while (level > 0) {
        level >>= 1;
        split++;
      }
      if (split >= maxSplit) {
        out.bits(maxSplit + 1, splitBits);
        for (int j = 0; j < block; j++) {
          out.bits(diff[j], pixelBits);
        }
      } else if (split == 0 && sum == 0) {
        out.bits(0, splitBits);
      } else {
        out.bits(split + 1, splitBits);
        for (int j = 0; j < block; j++) {
          out.zeros(diff[j] >>> split);
          out.bits(1, 1);
          out.bits(diff[j], split);
        }
      }
    }
    return out.toByteArray();
  }
}
