package org.jfits.compress;

import java.nio.ByteBuffer;
import nom.tam.fits.compression.algorithm.hcompress.HDecompress;

/**
 * HCOMPRESS_1 tiles, decoded by nom-tam-fits' {@code HDecompress} (a port of cfitsio's
 * {@code fits_hdecompress64}), with SMOOTH applied when the ZVAL of SMOOTH is non-zero. Lossy
 * HCOMPRESS (SCALE > 0) is undone by the decoder itself.
 */
final class HCompressCodec implements TileCodec {
  private final boolean smooth;
  private long[] scratch = new long[0];

  HCompressCodec(boolean smooth) {
    this.smooth = smooth;
  }

  @Override
  public void decode(ByteBuffer data, int count, int width, TileValues out) {
    if (scratch.length != count) {
      scratch = new long[count];
    }
    new HDecompress().decompress(data.slice(), smooth, scratch);
    if (width == 8) {
      System.arraycopy(scratch, 0, out.longs(count), 0, count);
    } else {
      int[] values = out.ints(count);
      for (int i = 0; i < count; i++) {
        values[i] = (int) scratch[i];
      }
    }
  }
}
