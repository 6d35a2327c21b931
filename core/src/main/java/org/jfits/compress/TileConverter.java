package org.jfits.compress;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jfits.image.ElementType;
import org.jfits.image.PixelScaling;

/**
 * Turns one tile's decoded integers into output pixels (native byte order, the reader's element
 * type): quantised floats are reconstructed ({@link Quantisation}), lossless float tiles reinterpret
 * their bits, and integer tiles follow the image's {@link PixelScaling} (BSCALE/BZERO of the image
 * header, the unsigned conventions, BLANK to NaN). Floating-point results then get the image's own
 * BSCALE/BZERO when it has one. Not thread-safe: one converter per decoding thread, its scratch
 * memory sized by the largest tile and reused.
 */
final class TileConverter {
  private final PixelScaling scaling;
  private final ElementType output;
  private final boolean floatImage;
  private final Dither method;
  private final long dither0;
  private ByteBuffer pixels = ByteBuffer.allocate(0);
  private double[] reals = new double[0];

  TileConverter(PixelScaling scaling, boolean floatImage, Dither method, long dither0) {
    this.scaling = scaling;
    this.output = scaling.outputType();
    this.floatImage = floatImage;
    this.method = method;
    this.dither0 = dither0;
  }

  /**
   * Converts {@code count} values of tile {@code tile} (0-based row).
   *
   * @param quantised true when the values are quantised floats with this tile's {@code zscale}/{@code zzero}
   * @return the output pixels, native order, from index 0
   */
  ByteBuffer convert(TileValues values, int count, int tile, boolean quantised, double zscale, double zzero,
      boolean hasBlank, long blank) {
    int bytes = count * output.bytes();
    if (pixels.capacity() < bytes) {
      pixels = ByteBuffer.allocate(bytes).order(ByteOrder.nativeOrder());
    }
    if (floatImage) {
      double[] d = reals(count);
      if (quantised) {
        Quantisation.unquantise(values.ints, count, method, tile, dither0, zscale, zzero, hasBlank, blank, d);
      } else if (values.wide) {
        for (int i = 0; i < count; i++) {
          d[i] = Double.longBitsToDouble(values.longs[i]);
        }
      } else {
        for (int i = 0; i < count; i++) {
          d[i] = Float.intBitsToFloat(values.ints[i]);
        }
      }
      if (scaling.mode() == PixelScaling.Mode.LINEAR) {
        for (int i = 0; i < count; i++) {
          d[i] = d[i] * scaling.bscale() + scaling.bzero();
        }
      }
      putReals(d, count);
    } else if (scaling.mode() == PixelScaling.Mode.LINEAR) {
      double[] d = reals(count);
      double bscale = scaling.bscale();
      double bzero = scaling.bzero();
      Long nullValue = scaling.blank();
      for (int i = 0; i < count; i++) {
        long v = values.get(i);
        d[i] = nullValue != null && v == nullValue ? Double.NaN : v * bscale + bzero;
      }
      putReals(d, count);
    } else {
      putIntegers(values, count, scaling.mode() == PixelScaling.Mode.FLIP_SIGN);
    }
    return pixels;
  }

  private double[] reals(int count) {
    if (reals.length < count) {
      reals = new double[count];
    }
    return reals;
  }

  private void putReals(double[] d, int count) {
    if (output == ElementType.FLOAT32) {
      for (int i = 0; i < count; i++) {
        pixels.putFloat(i * 4, (float) d[i]);
      }
    } else {
      for (int i = 0; i < count; i++) {
        pixels.putDouble(i * 8, d[i]);
      }
    }
  }

  /** Integer pixels at the output width; the unsigned conventions flip the sign bit of that width. */
  private void putIntegers(TileValues values, int count, boolean flip) {
    switch (output.bytes()) {
      case 1: {
        int sign = flip ? 0x80 : 0;
        for (int i = 0; i < count; i++) {
          pixels.put(i, (byte) (values.ints[i] ^ sign));
        }
        break;
      }
      case 2: {
        int sign = flip ? 0x8000 : 0;
        for (int i = 0; i < count; i++) {
          pixels.putShort(i * 2, (short) (values.ints[i] ^ sign));
        }
        break;
      }
      case 4: {
        int sign = flip ? Integer.MIN_VALUE : 0;
        if (values.wide) {
          for (int i = 0; i < count; i++) {
            pixels.putInt(i * 4, (int) values.longs[i] ^ sign);
          }
        } else {
          for (int i = 0; i < count; i++) {
            pixels.putInt(i * 4, values.ints[i] ^ sign);
          }
        }
        break;
      }
      default: {
        long sign = flip ? Long.MIN_VALUE : 0;
        for (int i = 0; i < count; i++) {
          pixels.putLong(i * 8, values.get(i) ^ sign);
        }
      }
    }
  }
}
