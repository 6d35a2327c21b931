package org.jfits.compress;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Big-endian values stored as plain bytes (uncompressed tiles, and what GZIP inflates) into a tile's integers. */
final class StoredValues {
  private StoredValues() {}

  /**
   * Reads {@code count} values of {@code width} bytes from {@code bytes} (position 0): 1-byte values
   * unsigned, 2-byte values signed, 4- and 8-byte values as their bits.
   *
   * @throws IllegalStateException if {@code bytes} holds fewer than {@code count} values
   */
  static void read(ByteBuffer bytes, int count, int width, TileValues out) {
    bytes.order(ByteOrder.BIG_ENDIAN);
    if ((long) count * width > bytes.limit()) {
      throw new IllegalStateException("the tile holds " + bytes.limit() + " bytes, " + count + " values of " + width
          + " bytes need " + (long) count * width);
    }
    switch (width) {
      case 1: {
        int[] values = out.ints(count);
        for (int i = 0; i < count; i++) {
          values[i] = bytes.get(i) & 0xff;
        }
        break;
      }
      case 2: {
        int[] values = out.ints(count);
        for (int i = 0; i < count; i++) {
          values[i] = bytes.getShort(i * 2);
        }
        break;
      }
      case 4:
        bytes.position(0);
        bytes.asIntBuffer().get(out.ints(count), 0, count);
        break;
      default:
        bytes.position(0);
        bytes.asLongBuffer().get(out.longs(count), 0, count);
    }
  }
}
