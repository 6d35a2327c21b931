package org.jfits.compress;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import nom.tam.fits.compression.algorithm.hcompress.HCompressor;
import nom.tam.fits.compression.algorithm.hcompress.HCompressorOption;

/**
 * HCOMPRESS_1 tiles, coded by nom-tam-fits' port of cfitsio's H-transform coder. A tile is a 2-D
 * block of {@code width × height} integers; scale 0 is lossless, larger scales discard wavelet
 * coefficients below that size.
 */
final class HCompressEncoder {
  private HCompressEncoder() {}

  /** The coded tile of the first {@code width * height} {@code pixels}. */
  static byte[] encode(int[] pixels, int width, int height, int scale) {
    HCompressorOption option = new HCompressorOption().setTileWidth(width).setTileHeight(height).setScale(scale);
    int count = width * height;
    ByteBuffer out = ByteBuffer.allocate(count * 9 + 1024);
    if (!new HCompressor.IntHCompressor(option).compress(IntBuffer.wrap(pixels, 0, count), out)) {
      throw new IllegalStateException("HCOMPRESS_1 failed on a " + width + " x " + height + " tile");
    }
    return Arrays.copyOf(out.array(), out.position());
  }
}
