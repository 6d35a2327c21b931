package org.jfits.compress;

import java.nio.ByteBuffer;

/** NOCOMPRESS tiles and tiles in an {@code UNCOMPRESSED_DATA} column: the big-endian values as they are. */
final class RawCodec implements TileCodec {
  @Override
  public void decode(ByteBuffer data, int count, int width, TileValues out) {
    StoredValues.read(data.slice(), count, width, out);
  }
}
