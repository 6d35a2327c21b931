package org.jfits.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Converts a chunk of big-endian stored pixels into native-order output pixels.
 *
 * <p>The copy mode is one bulk byte-swapping buffer-to-buffer put, which the JDK performs at memory
 * speed. The unsigned conventions flip the sign bit in the source chunk and then copy. Linear
 * scaling goes through two scratch arrays of one chunk each (reused for the whole read) so that the
 * arithmetic runs in plain, vectorisable loops. Not thread-safe: one converter per reading thread.
 */
final class PixelConverter {
  /** Elements per chunk in the scaling mode: small enough for the scratch arrays to stay in cache. */
  static final int SCALING_CHUNK = 1 << 15;

  private final PixelScaling scaling;
  private final int width;
  private long[] integers;
  private double[] reals;
  private short[] shorts;
  private float[] floats;

  PixelConverter(PixelScaling scaling) {
    this.scaling = scaling;
    this.width = scaling.storedType().bytes();
  }

  /** The largest number of elements {@link #convert} accepts at once, given a byte budget. */
  int chunkElements(int stagingBytes) {
    return scaling.mode() == PixelScaling.Mode.LINEAR ? SCALING_CHUNK : stagingBytes / width;
  }

  /** True if {@link #convert} writes into its source (the unsigned conventions flip sign bits there). */
  boolean modifiesSource() {
    return scaling.mode() == PixelScaling.Mode.FLIP_SIGN;
  }

  /**
   * Converts {@code count} elements.
   *
   * @param source stored values, big-endian, from position 0; may be modified
   * @param target output values written from its position on, in native byte order
   */
  void convert(ByteBuffer source, ByteBuffer target, int count) {
    source.order(ByteOrder.BIG_ENDIAN).position(0).limit(count * width);
    target.order(ByteOrder.nativeOrder());
    switch (scaling.mode()) {
      case COPY:
        copy(source, target);
        break;
      case FLIP_SIGN:
        for (int i = 0; i < count * width; i += width) {
          source.put(i, (byte) (source.get(i) ^ 0x80));
        }
        copy(source, target);
        break;
      default:
        scale(source, target, count);
    }
  }

  private void copy(ByteBuffer source, ByteBuffer target) {
    switch (width) {
      case 1:
        target.put(source);
        break;
      case 2:
        target.asShortBuffer().put(source.asShortBuffer());
        break;
      case 4:
        target.asIntBuffer().put(source.asIntBuffer());
        break;
      default:
        target.asLongBuffer().put(source.asLongBuffer());
    }
  }

  private void scale(ByteBuffer source, ByteBuffer target, int count) {
    if (width == 2 && scaling.blank() == null && scaling.outputType() == ElementType.FLOAT32) {
      scaleShortsToFloats(source, target, count);
      return;
    }
    if (reals == null) {
      reals = new double[SCALING_CHUNK];
      integers = new long[SCALING_CHUNK];
    }
    double bscale = scaling.bscale();
    double bzero = scaling.bzero();
    if (scaling.bitpix() < 0) {
      readReals(source, count);
      for (int i = 0; i < count; i++) {
        reals[i] = reals[i] * bscale + bzero;
      }
    } else {
      readIntegers(source, count);
      for (int i = 0; i < count; i++) {
        reals[i] = integers[i] * bscale + bzero;
      }
      Long blank = scaling.blank();
      if (blank != null) {
        long b = blank;
        for (int i = 0; i < count; i++) {
          if (integers[i] == b) {
            reals[i] = Double.NaN;
          }
        }
      }
    }
    if (scaling.outputType() == ElementType.FLOAT32) {
      // absolute puts count from the buffer's start, not its position: the target's first element is
      // at its position (a window onto the array may begin there)
      int base = target.position();
      for (int i = 0; i < count; i++) {
        target.putFloat(base + i * Float.BYTES, (float) reals[i]);
      }
    } else {
      target.asDoubleBuffer().put(reals, 0, count);
    }
  }

  /**
   * Scaled BITPIX 16 without BLANK, the common case, in one pass over plain arrays: a bulk
   * byte-swapping get, one multiply-add per pixel in double precision rounded once to float (the
   * same arithmetic as the general path, so the same values), and a bulk put.
   */
  private void scaleShortsToFloats(ByteBuffer source, ByteBuffer target, int count) {
    if (shorts == null) {
      shorts = new short[SCALING_CHUNK];
      floats = new float[SCALING_CHUNK];
    }
    double bscale = scaling.bscale();
    double bzero = scaling.bzero();
    source.asShortBuffer().get(shorts, 0, count);
    for (int i = 0; i < count; i++) {
      floats[i] = (float) (shorts[i] * bscale + bzero);
    }
    target.asFloatBuffer().put(floats, 0, count);
  }

  private void readReals(ByteBuffer source, int count) {
    if (width == 4) {
      for (int i = 0; i < count; i++) {
        reals[i] = source.getFloat(i * Float.BYTES);
      }
    } else {
      source.asDoubleBuffer().get(reals, 0, count);
    }
  }

  private void readIntegers(ByteBuffer source, int count) {
    switch (width) {
      case 1:
        for (int i = 0; i < count; i++) {
          integers[i] = source.get(i) & 0xff;
        }
        break;
      case 2:
        for (int i = 0; i < count; i++) {
          integers[i] = source.getShort(i * Short.BYTES);
        }
        break;
      case 4:
        for (int i = 0; i < count; i++) {
          integers[i] = source.getInt(i * Integer.BYTES);
        }
        break;
      default:
        source.asLongBuffer().get(integers, 0, count);
    }
  }
}
