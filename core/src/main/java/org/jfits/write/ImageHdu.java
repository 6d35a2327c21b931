package org.jfits.write;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.channels.WritableByteChannel;
import org.jfits.io.NativeBytes;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An image HDU written from an ND4J array, values unchanged, in the FITS type of the array's type:
 * <table>
 *   <caption>element types</caption>
 *   <tr><th>ND4J</th><th>BITPIX</th><th>BZERO</th></tr>
 *   <tr><td>UINT8</td><td>8</td><td></td></tr>
 *   <tr><td>INT8</td><td>8</td><td>-128</td></tr>
 *   <tr><td>INT16 / UINT16</td><td>16</td><td>- / 32768</td></tr>
 *   <tr><td>INT32 / UINT32</td><td>32</td><td>- / 2^31</td></tr>
 *   <tr><td>INT64 / UINT64</td><td>64</td><td>- / 2^63</td></tr>
 *   <tr><td>FLOAT / DOUBLE</td><td>-32 / -64</td><td></td></tr>
 * </table>
 * HALF and BFLOAT16 are written as FLOAT (BITPIX -32); BOOL and UTF8 arrays are refused. The shape
 * is numpy's (C order), so NAXIS1 is the last axis; a scalar becomes a one-element image. Views,
 * strided and Fortran-order arrays are copied to C order first; contiguous arrays are streamed from
 * their own memory in 4 MiB chunks, each byte-swapped to big-endian in one bulk copy (the unsigned
 * conventions then flip the sign bits eight bytes at a time).
 *
 * <pre>{@code
 * out.write(ImageHdu.of(pixels).name("SCI").version(1).cards(new HeaderBuilder().add("EXPTIME", 30.0, "s")));
 * }</pre>
 *
 * For float data stored as scaled integers see {@link ScaledImageHdu}; integers that are already the
 * stored values of a scaled image are written with {@link #scaling}.
 */
public final class ImageHdu implements WritableHdu {
  private final INDArray array;
  private final ImageLayout layout;
  private final Encoding encoding;
  private IntegerScaling scaling;

  private ImageHdu(INDArray array) {
    DataType type = array.dataType();
    if (type == DataType.FLOAT16 || type == DataType.BFLOAT16) {
      this.array = array.castTo(DataType.FLOAT);
    } else {
      this.array = array;
    }
    this.layout = ImageLayout.of(array);
    this.encoding = encodingOf(this.array.dataType());
  }

  /** How values of one ND4J type are stored: BITPIX, BZERO, and the sign-bit mask of 8 bytes. */
  private record Encoding(int bitpix, Number bzero, long signFlip) {}

  private static Encoding encodingOf(DataType type) {
    switch (type) {
      case UBYTE:
        return new Encoding(8, null, 0);
      case BYTE:
        return new Encoding(8, -128L, 0x8080808080808080L);
      case SHORT:
        return new Encoding(16, null, 0);
      case UINT16:
        return new Encoding(16, 32768L, 0x8000800080008000L);
      case INT:
        return new Encoding(32, null, 0);
      case UINT32:
        return new Encoding(32, 1L << 31, 0x8000000080000000L);
      case LONG:
        return new Encoding(64, null, 0);
      case UINT64:
        return new Encoding(64, BigInteger.ONE.shiftLeft(63), 0x8000000000000000L);
      case FLOAT:
        return new Encoding(-32, null, 0);
      case DOUBLE:
        return new Encoding(-64, null, 0);
      default:
        throw new IllegalArgumentException("arrays of type " + type
            + " cannot be written as a FITS image; convert them to a numeric type first");
    }
  }

  /** An image HDU holding {@code array} (not copied: do not change it until the HDU is written). */
  public static ImageHdu of(INDArray array) {
    return new ImageHdu(array);
  }

  /** Sets EXTNAME. */
  public ImageHdu name(String extname) {
    layout.name(extname);
    return this;
  }

  /** Sets EXTVER. */
  public ImageHdu version(int extver) {
    layout.version(extver);
    return this;
  }

  /**
   * Appends extra cards (metadata) after the mandatory ones and EXTNAME/EXTVER. Structural keywords
   * ({@link HeaderBuilder#isStructural}) are refused when the header is made.
   */
  public ImageHdu cards(HeaderBuilder extra) {
    layout.extra().addAll(extra);
    return this;
  }

  /**
   * Declares the array to hold the stored integers of a scaled image: the header gets BSCALE, BZERO
   * and BLANK, so readers return {@code stored * bscale + bzero}, NaN for BLANK.
   *
   * @throws IllegalArgumentException unless the array is uint8, int16, int32 or int64 (the integers
   *     BITPIX 8 to 64 store), or if BLANK is outside that type
   */
  public ImageHdu scaling(IntegerScaling scaling) {
    if (encoding.bitpix < 0 || encoding.bzero != null) {
      throw new IllegalArgumentException("BSCALE/BZERO/BLANK describe stored integers (uint8, int16, int32 or "
          + "int64 arrays), not " + array.dataType() + " values");
    }
    scaling.checkBlank(encoding.bitpix);
    this.scaling = scaling;
    return this;
  }

  /** The BITPIX this HDU is written with. */
  public int bitpix() {
    return encoding.bitpix;
  }

  @Override
  public HeaderBuilder header(boolean primary) {
    Long blank = scaling == null ? null : scaling.blank();
    if (scaling != null && scaling.rescales()) {
      return layout.header(primary, encoding.bitpix, scaling.bzero(), scaling.bscale(), blank);
    }
    Number bzero = encoding.bzero;
    return layout.header(primary, encoding.bitpix, bzero, bzero == null ? null : 1.0, blank);
  }

  @Override
  public long dataSize() {
    return layout.elements() * (Math.abs(encoding.bitpix) / 8);
  }

  @Override
  public void writeData(WritableByteChannel out) throws IOException {
    ArrayChunks chunks = new ArrayChunks(array);
    if (chunks.bytes() == 0) {
      return;
    }
    int width = chunks.width();
    try (NativeBytes staging = new NativeBytes(chunks.chunkAt(0))) {
      for (long at = 0; at < chunks.bytes(); ) {
        int n = chunks.chunkAt(at);
        ByteBuffer source = chunks.window(at, n);
        ByteBuffer target = staging.buffer(n);
        BigEndian.copy(source, target, width);
        if (encoding.signFlip != 0) {
          flipSigns(target, n);
        }
        target.position(0).limit(n);
        while (target.hasRemaining()) {
          out.write(target);
        }
        at += n;
      }
    }
  }

  private void flipSigns(ByteBuffer target, int n) {
    LongBuffer words = target.duplicate().position(0).limit(n - n % Long.BYTES).slice()
        .order(ByteOrder.BIG_ENDIAN).asLongBuffer();
    for (int i = 0; i < words.limit(); i++) {
      words.put(i, words.get(i) ^ encoding.signFlip);
    }
    for (int i = n - n % Long.BYTES; i < n; i += encoding.bitpix / 8) {
      target.put(i, (byte) (target.get(i) ^ 0x80));
    }
  }
}
