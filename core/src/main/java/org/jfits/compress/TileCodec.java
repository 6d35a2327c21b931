package org.jfits.compress;

import java.nio.ByteBuffer;

/**
 * Decodes the compressed bytes of one tile into its integers. Implementations keep no state between
 * tiles except reusable scratch memory, so one instance serves one thread.
 */
interface TileCodec {
  /**
   * Decodes {@code count} pixels.
   *
   * @param data the tile's bytes as stored in the heap, from position 0 to the limit
   * @param count the number of pixels of the tile
   * @param width the bytes per value of uncompressed tile data (1, 2, 4 or 8: the image's, or 4 for
   *     quantised floats), for the codecs that store values as bytes
   * @param out where the values go
   * @throws IllegalStateException or a buffer exception when the bytes end early or are not valid for
   *     the algorithm; the caller reports it with the file, HDU and tile
   */
  void decode(ByteBuffer data, int count, int width, TileValues out);
}
