package org.jfits.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import org.jfits.io.NativeBytes;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An image HDU that stores float data as BITPIX 16 or 32 integers: {@code stored = round((value -
 * BZERO) / BSCALE)}, so readers get {@code stored * BSCALE + BZERO}. NaN pixels are stored as BLANK
 * (the most negative integer, which no other pixel uses). The scale is chosen by the caller
 * ({@link #of}), spread over the data range ({@link #fromRange}) or derived from a tolerance
 * ({@link #withTolerance}); {@link #maxError()} reports the largest difference between a pixel and
 * the value readers will get back, computed in double precision with the exact BSCALE and BZERO
 * written in the header (readers that compute in float32, as astropy does for BITPIX 16, add their
 * own rounding of up to half a float32 unit in the last place).
 *
 * <p>The data are read three times at most (range, error, writing), from the array's memory in
 * chunks; only FLOAT and DOUBLE arrays are accepted, and infinite values are refused.
 */
public final class ScaledImageHdu implements WritableHdu {
  private static final int CHUNK = 1 << 15;

  private final INDArray array;
  private final ImageLayout layout;
  private final int bitpix;
  private final double bscale;
  private final double bzero;
  private final long lowest;
  private final long highest;
  private final double maxError;
  private final long blanks;

  private ScaledImageHdu(INDArray array, int bitpix, double bscale, double bzero, boolean clamp) {
    this.array = array;
    this.layout = ImageLayout.of(array);
    this.bitpix = bitpix;
    this.bscale = bscale;
    this.bzero = bzero;
    this.lowest = bitpix == 16 ? Short.MIN_VALUE + 1 : Integer.MIN_VALUE + 1L;
    this.highest = bitpix == 16 ? Short.MAX_VALUE : Integer.MAX_VALUE;
    if (!(bscale > 0) || !Double.isFinite(bscale) || !Double.isFinite(bzero)) {
      throw new IllegalArgumentException("BSCALE must be positive and finite and BZERO finite, not BSCALE = "
          + bscale + ", BZERO = " + bzero);
    }
    double[] error = {0};
    long[] nans = {0};
    forEachChunk(array, (values, n) -> {
      for (int i = 0; i < n; i++) {
        double x = values[i];
        if (Double.isNaN(x)) {
          nans[0]++;
          continue;
        }
        double s = Math.rint((x - bzero) / bscale);
        if (s < lowest || s > highest) {
          if (!clamp) {
            throw new IllegalArgumentException("value " + x + " needs the stored integer " + s + ", outside "
                + lowest + " to " + highest + " of BITPIX " + bitpix + " with BSCALE = " + bscale + ", BZERO = "
                + bzero);
          }
          s = Math.max(lowest, Math.min(highest, s));
        }
        error[0] = Math.max(error[0], Math.abs(s * bscale + bzero - x));
      }
    });
    this.maxError = error[0];
    this.blanks = nans[0];
  }

  /**
   * Float data stored with the given BSCALE and BZERO.
   *
   * @param bitpix 16 or 32
   * @throws IllegalArgumentException if a value falls outside the integers of {@code bitpix} at this
   *     scale, or is infinite
   */
  public static ScaledImageHdu of(INDArray data, int bitpix, double bscale, double bzero) {
    return new ScaledImageHdu(checked(data, bitpix), bitpix, bscale, bzero, false);
  }

  /**
   * Float data stored with the finest scale that holds the data range: the smallest finite value
   * maps to the lowest integer above BLANK, the largest to the highest integer. A constant image
   * gets BSCALE = 1 and BZERO = its value.
   */
  public static ScaledImageHdu fromRange(INDArray data, int bitpix) {
    checked(data, bitpix);
    double[] range = range(data);
    long lowest = bitpix == 16 ? Short.MIN_VALUE + 1 : Integer.MIN_VALUE + 1L;
    long highest = bitpix == 16 ? Short.MAX_VALUE : Integer.MAX_VALUE;
    double scale = range[1] > range[0] ? (range[1] - range[0]) / (highest - lowest) : 1;
    double zero = range[1] > range[0] ? range[0] - lowest * scale : (Double.isFinite(range[0]) ? range[0] : 0);
    return new ScaledImageHdu(data, bitpix, scale, zero, true);
  }

  /**
   * Float data stored with BSCALE = {@code 2 * tolerance} (a hair less), so every pixel comes back
   * within {@code tolerance}, and BZERO at the middle of the data range.
   *
   * @throws IllegalArgumentException if the data range needs more integers than {@code bitpix} has at
   *     that scale (choose BITPIX 32 or a larger tolerance), or the tolerance is not positive
   */
  public static ScaledImageHdu withTolerance(INDArray data, int bitpix, double tolerance) {
    checked(data, bitpix);
    if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
      throw new IllegalArgumentException("the tolerance must be positive and finite, not " + tolerance);
    }
    double[] range = range(data);
    double scale = 2 * tolerance * (1 - 0x1p-40);
    double zero = Double.isFinite(range[0]) ? range[0] / 2 + range[1] / 2 : 0;
    long highest = bitpix == 16 ? Short.MAX_VALUE : Integer.MAX_VALUE;
    double needed = Double.isFinite(range[0]) ? Math.ceil((range[1] - range[0]) / scale) : 0;
    if (needed > 2 * (highest - 1)) {
      throw new IllegalArgumentException("the data range " + range[0] + " to " + range[1] + " needs " + (long) needed
          + " steps of " + scale + ", BITPIX " + bitpix + " has " + 2 * (highest - 1)
          + (bitpix == 16 ? "; use BITPIX 32 or a larger tolerance" : "; use a larger tolerance"));
    }
    return new ScaledImageHdu(data, bitpix, scale, zero, true);
  }

  private static INDArray checked(INDArray data, int bitpix) {
    if (bitpix != 16 && bitpix != 32) {
      throw new IllegalArgumentException("scaled images are written as BITPIX 16 or 32, not " + bitpix);
    }
    if (data.dataType() != DataType.FLOAT && data.dataType() != DataType.DOUBLE) {
      throw new IllegalArgumentException("scaled images are written from FLOAT or DOUBLE arrays, not "
          + data.dataType() + "; write integer arrays with ImageHdu");
    }
    return data;
  }

  /** The smallest and largest finite values (NaN, NaN if there are none); refuses infinities. */
  private static double[] range(INDArray data) {
    double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    forEachChunk(data, (values, n) -> {
      for (int i = 0; i < n; i++) {
        double x = values[i];
        if (Double.isInfinite(x)) {
          throw new IllegalArgumentException("the data hold " + x + ", which scaled integers cannot store");
        }
        if (x < range[0]) {
          range[0] = x;
        }
        if (x > range[1]) {
          range[1] = x;
        }
      }
    });
    return range[0] <= range[1] ? range : new double[] {Double.NaN, Double.NaN};
  }

  private interface ChunkAction {
    void accept(double[] values, int count) throws IOException;
  }

  private static void forEachChunk(INDArray data, ChunkAction action) {
    try {
      forEachChunkIo(data, action);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Calls {@code action} with the values in C order, {@link #CHUNK} at a time, widened to double. */
  private static void forEachChunkIo(INDArray data, ChunkAction action) throws IOException {
    ArrayChunks chunks = new ArrayChunks(data);
    int width = chunks.width();
    double[] values = new double[CHUNK];
    float[] floats = width == Float.BYTES ? new float[CHUNK] : null;
    for (long at = 0; at < chunks.bytes(); ) {
      int n = (int) Math.min(CHUNK, (chunks.bytes() - at) / width);
      ByteBuffer window = chunks.window(at, n * width);
      if (floats != null) {
        window.asFloatBuffer().get(floats, 0, n);
        for (int i = 0; i < n; i++) {
          values[i] = floats[i];
        }
      } else {
        window.asDoubleBuffer().get(values, 0, n);
      }
      action.accept(values, n);
      at += (long) n * width;
    }
  }

  /** Sets EXTNAME. */
  public ScaledImageHdu name(String extname) {
    layout.name(extname);
    return this;
  }

  /** Sets EXTVER. */
  public ScaledImageHdu version(int extver) {
    layout.version(extver);
    return this;
  }

  /** Appends extra cards (metadata); structural keywords are refused when the header is made. */
  public ScaledImageHdu cards(HeaderBuilder extra) {
    layout.extra().addAll(extra);
    return this;
  }

  /** BSCALE as written. */
  public double bscale() {
    return bscale;
  }

  /** BZERO as written. */
  public double bzero() {
    return bzero;
  }

  /** The stored value of NaN pixels (BLANK). */
  public long blank() {
    return lowest - 1;
  }

  /** The number of NaN pixels, stored as BLANK. */
  public long blankCount() {
    return blanks;
  }

  /** The largest {@code |stored * BSCALE + BZERO - value|} over the non-NaN pixels. */
  public double maxError() {
    return maxError;
  }

  @Override
  public HeaderBuilder header(boolean primary) {
    return layout.header(primary, bitpix, bzero, bscale, blank());
  }

  @Override
  public long dataSize() {
    return layout.elements() * (bitpix / 8);
  }

  @Override
  public void writeData(WritableByteChannel out) throws IOException {
    int width = bitpix / 8;
    short[] shorts = bitpix == 16 ? new short[CHUNK] : null;
    int[] ints = bitpix == 32 ? new int[CHUNK] : null;
    long blank = blank();
    try (NativeBytes staging = new NativeBytes((long) CHUNK * width)) {
      forEachChunkIo(array, (values, n) -> {
        for (int i = 0; i < n; i++) {
          double x = values[i];
          long s = Double.isNaN(x) ? blank
              : (long) Math.max(lowest, Math.min(highest, Math.rint((x - bzero) / bscale)));
          if (shorts != null) {
            shorts[i] = (short) s;
          } else {
            ints[i] = (int) s;
          }
        }
        ByteBuffer target = staging.buffer(n * width).order(ByteOrder.BIG_ENDIAN);
        if (shorts != null) {
          target.asShortBuffer().put(shorts, 0, n);
        } else {
          target.asIntBuffer().put(ints, 0, n);
        }
        while (target.hasRemaining()) {
          out.write(target);
        }
      });
    }
  }
}
