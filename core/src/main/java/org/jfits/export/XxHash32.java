package org.jfits.export;

/** The 32-bit xxHash (XXH32, seed 0) that LZ4 frame headers carry. */
final class XxHash32 {
  private static final int PRIME1 = 0x9E3779B1;
  private static final int PRIME2 = 0x85EBCA77;
  private static final int PRIME3 = 0xC2B2AE3D;
  private static final int PRIME4 = 0x27D4EB2F;
  private static final int PRIME5 = 0x165667B1;

  private XxHash32() {}

  /** XXH32 with seed 0 of {@code length} bytes of {@code data} from {@code offset}. */
  static int hash(byte[] data, int offset, int length) {
    int at = offset;
    int end = offset + length;
    int h;
    if (length >= 16) {
      int v1 = PRIME1 + PRIME2;
      int v2 = PRIME2;
      int v3 = 0;
      int v4 = -PRIME1;
      for (; at <= end - 16; at += 16) {
        v1 = round(v1, intAt(data, at));
        v2 = round(v2, intAt(data, at + 4));
        v3 = round(v3, intAt(data, at + 8));
        v4 = round(v4, intAt(data, at + 12));
      }
      h = Integer.rotateLeft(v1, 1) + Integer.rotateLeft(v2, 7) + Integer.rotateLeft(v3, 12)
          + Integer.rotateLeft(v4, 18);
    } else {
      h = PRIME5;
    }
    h += length;
    for (; at <= end - 4; at += 4) {
      h = Integer.rotateLeft(h + intAt(data, at) * PRIME3, 17) * PRIME4;
    }
    for (; at < end; at++) {
      h = Integer.rotateLeft(h + (data[at] & 0xFF) * PRIME5, 11) * PRIME1;
    }
    h ^= h >>> 15;
    h *= PRIME2;
    h ^= h >>> 13;
    h *= PRIME3;
    h ^= h >>> 16;
    return h;
  }

  private static int round(int accumulator, int lane) {
    return Integer.rotateLeft(accumulator + lane * PRIME2, 13) * PRIME1;
  }

  private static int intAt(byte[] data, int at) {
    return (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8 | (data[at + 2] & 0xFF) << 16 | (data[at + 3] & 0xFF) << 24;
  }
}
