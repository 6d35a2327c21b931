package org.jfits.checksum;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The FITS checksum (Seaman, Pence and Rots, the FITS checksum convention, FITS 4.0 appendix J): the
 * 32-bit ones'-complement sum of the big-endian 4-byte words of a header or data unit, and its
 * 16-character ASCII encoding for the CHECKSUM keyword.
 *
 * <p>An instance accumulates the sum of bytes given in any pieces (word boundaries are counted from
 * the first byte given), reading 8 bytes at a time from the buffers; the static methods combine and
 * encode sums. Not thread-safe.
 */
public final class FitsChecksum {
  private static final long MASK = 0xFFFFFFFFL;
  private static final int OFFSET = 0x30;
  /** ASCII punctuation between the digits and the letters, which the encoding avoids. */
  private static final int[] EXCLUDED = {0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f, 0x40, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f,
      0x60};

  private long sum;
  /** Bytes of an incomplete word carried over from the previous piece, high byte first. */
  private int partial;
  private int partialBytes;

  /** Adds the remaining bytes of {@code bytes} to the sum; the buffer's position moves to its limit. */
  public FitsChecksum update(ByteBuffer bytes) {
    ByteBuffer b = bytes.slice().order(ByteOrder.BIG_ENDIAN);
    while (partialBytes != 0 && b.hasRemaining()) {
      addByte(b.get());
    }
    long s = 0;
    while (b.remaining() >= Long.BYTES) {
      long w = b.getLong();
      s += (w >>> 32) + (w & MASK);
    }
    while (b.remaining() >= Integer.BYTES) {
      s += b.getInt() & MASK;
    }
    sum = add(sum, fold(s));
    while (b.hasRemaining()) {
      addByte(b.get());
    }
    bytes.position(bytes.limit());
    return this;
  }

  /** Adds a byte array to the sum. */
  public FitsChecksum update(byte[] bytes) {
    return update(ByteBuffer.wrap(bytes));
  }

  private void addByte(byte b) {
    partial |= (b & 0xff) << (8 * (3 - partialBytes));
    partialBytes++;
    if (partialBytes == Integer.BYTES) {
      sum = add(sum, partial & MASK);
      partial = 0;
      partialBytes = 0;
    }
  }

  /**
   * The 32-bit ones'-complement sum so far, as an unsigned value; an incomplete last word counts as
   * if padded with zero bytes (FITS units are whole 2880-byte blocks, so this only matters to tests).
   */
  public long value() {
    return partialBytes == 0 ? sum : add(sum, partial & MASK);
  }

  /** The checksum of the remaining bytes of one buffer (its position is not moved). */
  public static long of(ByteBuffer bytes) {
    return new FitsChecksum().update(bytes.duplicate()).value();
  }

  /** The checksum of a byte array. */
  public static long of(byte[] bytes) {
    return of(ByteBuffer.wrap(bytes));
  }

  /** The ones'-complement sum of two 32-bit sums. */
  public static long add(long a, long b) {
    return fold(a + b);
  }

  private static long fold(long s) {
    long v = s;
    while ((v >>> 32) != 0) {
      v = (v & MASK) + (v >>> 32);
    }
    return v;
  }

  /**
   * The 16-character CHECKSUM value that makes a unit whose sum (with CHECKSUM set to
   * {@code 0000000000000000}) is {@code sum} add up to negative zero: the complement of the sum,
   * encoded as ASCII digits and letters and rotated one place right, as the convention prescribes.
   */
  public static String encode(long sum) {
    long value = ~sum & MASK;
    char[] ascii = new char[16];
    for (int i = 0; i < 4; i++) {
      int b = (int) ((value >>> (24 - 8 * i)) & 0xff);
      int[] ch = new int[4];
      int quotient = b / 4 + OFFSET;
      java.util.Arrays.fill(ch, quotient);
      ch[0] += b % 4;
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int excluded : EXCLUDED) {
          for (int j = 0; j < 4; j += 2) {
            if (ch[j] == excluded || ch[j + 1] == excluded) {
              ch[j]++;
              ch[j + 1]--;
              changed = true;
            }
          }
        }
      }
      for (int j = 0; j < 4; j++) {
        ascii[4 * j + i] = (char) ch[j];
      }
    }
    char[] rotated = new char[16];
    for (int i = 0; i < 16; i++) {
      rotated[i] = ascii[(i + 15) % 16];
    }
    return new String(rotated);
  }

  /** True if a unit's sum (CHECKSUM included) is negative zero, i.e. its CHECKSUM is right. */
  public static boolean isComplete(long sum) {
    return sum == MASK || sum == 0;
  }
}
