package org.jfits.compress;

import java.nio.ByteBuffer;

/**
 * Rice decoding as cfitsio's {@code fits_rdecomp} family defines it (ZCMPTYPE {@code RICE_1}): the first
 * pixel in BYTEPIX big-endian bytes, then blocks of BLOCKSIZE pixel differences, each block led by a
 * split code {@code fs} of 3 (BYTEPIX 1), 4 (2) or 5 (4) bits: {@code fs = -1} is a block of
 * zero differences, the largest code a block of raw differences, anything else Rice codes of
 * {@code fs} low bits after a unary high part. Differences are zig-zag mapped and summed with
 * wrap-around in the BYTEPIX width.
 *
 * <p>The hot path of compressed reading: bits are read straight from the tile's byte array into a
 * 64-bit register refilled a byte at a time, the leading zeros of a code are counted with
 * {@link Long#numberOfLeadingZeros} (one instruction) instead of bit by bit, and nothing is allocated
 * per pixel. Running out of bytes is an {@link IllegalStateException}, never a read past the tile.
 * BYTEPIX 1 gives unsigned bytes, 2 signed shorts, 4 ints. BYTEPIX 8 is not defined: cfitsio's coder
 * (the one that writes these files) stops at 4 and cannot compress 64-bit images at all.
 */
final class RiceCodec implements TileCodec {
  private final int blockSize;
  private final int bytepix;
  private final int fsBits;
  private final int fsMax;
  private final int bbits;

  RiceCodec(int blockSize, int bytepix) {
    if (blockSize < 1) {
      throw new IllegalArgumentException("BLOCKSIZE = " + blockSize + " must be at least 1");
    }
    this.blockSize = blockSize;
    this.bytepix = bytepix;
    switch (bytepix) {
      case 1:
        fsBits = 3;
        fsMax = 6;
        break;
      case 2:
        fsBits = 4;
        fsMax = 14;
        break;
      case 4:
        fsBits = 5;
        fsMax = 25;
        break;
      default:
        throw new IllegalArgumentException("BYTEPIX = " + bytepix + "; Rice coding is defined for 1, 2 or 4");
    }
    bbits = bytepix * 8;
  }

  @Override
  public void decode(ByteBuffer data, int count, int width, TileValues out) {
    decodeInts(data, count, out.ints(count));
  }

  /** A bit reader over the tile bytes: up to 64 unread bits, most significant first. */
  private static final class Bits {
    private final byte[] bytes;
    private final int end;
    private int at;
    private long register;
    private int available;

    Bits(ByteBuffer data) {
      if (data.hasArray()) {
        bytes = data.array();
        at = data.arrayOffset() + data.position();
        end = data.arrayOffset() + data.limit();
      } else {
        bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        end = bytes.length;
      }
    }

    private int next() {
      if (at >= end) {
        throw new IllegalStateException("the tile's bytes end before its last pixel");
      }
      return bytes[at++] & 0xff;
    }

    /** Reads {@code n} bits (0 to 56) as an unsigned number. */
    long read(int n) {
      while (available < n) {
        register = (register << 8) | next();
        available += 8;
      }
      available -= n;
      long value = register >>> available;
      register &= (1L << available) - 1;
      return value;
    }

    /** Counts and consumes the zero bits before the next one bit, and that one bit. */
    int zerosThenOne() {
      int zeros = 0;
      while (register == 0) {
        zeros += available;
        register = next();
        available = 8;
      }
      int highest = 63 - Long.numberOfLeadingZeros(register);
      zeros += available - 1 - highest;
      available = highest;
      register &= (1L << available) - 1;
      return zeros;
    }
  }

  private void decodeInts(ByteBuffer data, int count, int[] values) {
    long mask = (1L << bbits) - 1;
    // 16-bit values are signed: sign-extend; 8-bit values stay unsigned, 32-bit ones wrap on the cast
    int shift = bytepix == 2 ? 16 : 0;
    Bits bits = new Bits(data);
    long last = bits.read(bbits);
    for (int i = 0; i < count; ) {
      int fs = (int) bits.read(fsBits) - 1;
      int end = Math.min(i + blockSize, count);
      if (fs < 0) {
        int value = (int) last << shift >> shift;
        for (; i < end; i++) {
          values[i] = value;
        }
      } else if (fs == fsMax) {
        for (; i < end; i++) {
          last = (last + unzigzag(bits.read(bbits))) & mask;
          values[i] = (int) last << shift >> shift;
        }
      } else {
        for (; i < end; i++) {
          long high = bits.zerosThenOne();
          long diff = (high << fs) | bits.read(fs);
          last = (last + unzigzag(diff)) & mask;
          values[i] = (int) last << shift >> shift;
        }
      }
    }
  }

  /** Undoes the mapping of signed differences to unsigned codes: even codes are >= 0, odd ones < 0. */
  private static long unzigzag(long code) {
    return (code & 1) == 0 ? code >>> 1 : ~(code >>> 1);
  }
}
