package org.jfits.write;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Bulk copies of native-order elements into big-endian buffers, the byte swap done by the JDK. */
final class BigEndian {
  private BigEndian() {}

  /** Copies {@code source} (native order) into {@code target} (from position 0) as big-endian elements. */
  static void copy(ByteBuffer source, ByteBuffer target, int width) {
    ByteBuffer in = source.order(ByteOrder.nativeOrder());
    ByteBuffer out = target.order(ByteOrder.BIG_ENDIAN);
    switch (width) {
      case 1 -> out.put(in);
      case 2 -> out.asShortBuffer().put(in.asShortBuffer());
      case 4 -> out.asIntBuffer().put(in.asIntBuffer());
      default -> out.asLongBuffer().put(in.asLongBuffer());
    }
  }
}
