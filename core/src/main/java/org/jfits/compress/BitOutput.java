package org.jfits.compress;

import java.util.Arrays;

/** Bits written most significant first into a growing byte array; the last byte is padded with zeros. */
final class BitOutput {
  private byte[] bytes;
  private int length;
  private long pending;
  private int pendingBits;

  BitOutput(int expectedBytes) {
    bytes = new byte[Math.max(16, expectedBytes)];
  }

  /** Appends the low {@code count} bits of {@code value} (0 to 32 bits). */
  void bits(long value, int count) {
    pending = (pending << count) | (value & ((1L << count) - 1));
    pendingBits += count;
    while (pendingBits >= 8) {
      pendingBits -= 8;
      put((byte) (pending >>> pendingBits));
    }
  }

  /** Appends {@code count} zero bits. */
  void zeros(long count) {
    while (count > 32) {
      bits(0, 32);
      count -= 32;
    }
    bits(0, (int) count);
  }

  /** The bits written so far, the last byte padded with zero bits. */
  byte[] toByteArray() {
    if (pendingBits > 0) {
      put((byte) (pending << (8 - pendingBits)));
      pendingBits = 0;
    }
    return Arrays.copyOf(bytes, length);
  }

  private void put(byte b) {
    if (length == bytes.length) {
      bytes = Arrays.copyOf(bytes, bytes.length * 2);
    }
    bytes[length++] = b;
  }
}
