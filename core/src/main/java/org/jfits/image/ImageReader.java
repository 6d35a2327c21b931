package org.jfits.image;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.jfits.ErrorContext;
import org.jfits.FitsFormatException;
import org.jfits.FitsIOException;
import org.jfits.FitsUnsupportedException;
import org.jfits.Hdu;
import org.jfits.HduType;
import org.jfits.compress.CompressedImageReader;
import org.jfits.io.NativeBytes;
import org.jfits.io.NativeArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads the image of a primary or IMAGE HDU, or a tile-compressed image, into an ND4J array, whole or
 * as a section.
 *
 * <p>Arrays have the numpy axis order ({@code [NAXISn, ..., NAXIS1]}, 'c' order) and the element
 * type that {@link PixelScaling} decides: the same values astropy's {@code fits.getdata} returns,
 * with scaling rounded once from double precision. Pixels travel from the file through a staging
 * buffer of at most one megabyte of native memory (freed when the read ends) and are byte-swapped
 * straight into the array's native memory: no Java array
 * the size of the image is ever made, and images over 2 GiB are filled in windows.
 *
 * <p>Tile-compressed images ({@link HduType#COMPRESSED_IMAGE}) give the same values, element types
 * and shapes as astropy's {@code CompImageHDU.data}: a section decodes only the tiles it touches, on up
 * to {@link #threads(int)} threads (see {@link CompressedImageReader}).
 *
 * <p>A reader is cheap and immutable; each read allocates its own staging buffer, so several threads
 * may read sections of the same image at once.
 */
public final class ImageReader {
  private static final int STAGING_BYTES = 1 << 20;
  /** Stored bytes per decoding thread: below this, a thread costs more than it saves. */
  private static final long PARALLEL_BYTES = 2L << 20;

  private final Hdu hdu;
  private final PixelScaling scaling;
  private final int threads;
  /** The tile decoder of a tile-compressed image, null for uncompressed images. */
  private final CompressedImageReader compressed;

  private ImageReader(Hdu hdu, PixelScaling scaling, int threads, CompressedImageReader compressed) {
    this.hdu = hdu;
    this.scaling = scaling;
    this.threads = threads;
    this.compressed = compressed;
  }

  /**
   * The reader for an image HDU: a primary or IMAGE HDU, or a tile-compressed image (whose tile
   * directory is read now).
   *
   * @throws FitsUnsupportedException if the HDU is not an image, or a compressed image uses an
   *     algorithm jfits does not read
   * @throws org.jfits.FitsFormatException if a compressed image's Z-keywords or tile table are wrong
   */
  public static ImageReader of(Hdu hdu) {
    if (hdu.compression() != null) {
      return new ImageReader(hdu, PixelScaling.of(hdu.header(), hdu.bitpix(), false),
          Runtime.getRuntime().availableProcessors(), CompressedImageReader.of(hdu));
    }
    if (!hdu.type().isImage()) {
      throw new FitsUnsupportedException(hdu.context(), "cannot read as an image: it is a "
          + hdu.type().astropyName() + ", not an image");
    }
    return new ImageReader(hdu, PixelScaling.of(hdu.header(), hdu.bitpix(), false),
        Runtime.getRuntime().availableProcessors(), null);
  }

  /**
   * A reader of the same HDU that returns values as stored, ignoring BSCALE, BZERO and BLANK. For a
   * tile-compressed image these are the integers of lossless integer tiles (before the image's
   * BSCALE/BZERO); quantised floating-point images have no stored floats to return, so raw reads give
   * the same reconstructed floats (ZSCALE, ZZERO, dithering and ZBLANK applied) without the image
   * header's own BSCALE/BZERO, if it has any.
   */
  public ImageReader raw() {
    return new ImageReader(hdu, PixelScaling.of(hdu.header(), hdu.bitpix(), true), threads, compressed);
  }

  /**
   * A reader of the same HDU that keeps the precision the file holds: scaled BITPIX 8 and 16 images
   * come as float64 instead of float32 when float32 would merge neighbouring stored values (the rule
   * of {@link PixelScaling#keepingPrecision}), and as float32 otherwise. Other images are unchanged.
   */
  public ImageReader keepPrecision() {
    return new ImageReader(hdu, PixelScaling.keepingPrecision(hdu.header(), hdu.bitpix()), threads, compressed);
  }

  /**
   * A reader that converts with at most {@code threads} threads (default: one per processor). Large
   * contiguous reads (whole images, bands of whole rows) are split between threads, each converting
   * at least 2 MiB of stored pixels; sections made of many short runs are read on the calling thread.
   */
  public ImageReader threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    return new ImageReader(hdu, scaling, threads, compressed);
  }

  /** The element type of the arrays this reader returns. */
  public ElementType elementType() {
    return scaling.outputType();
  }

  /** The ND4J data type of the arrays this reader returns. */
  public DataType dataType() {
    return toNd4j(scaling.outputType());
  }

  /** The shape of the whole image in numpy order. */
  public long[] shape() {
    return hdu.shape();
  }

  /**
   * A cutout reader of this image with the defaults (NaN or 0 padding, strategy chosen per read), the
   * scaling of this reader (raw or not) and its thread count: for knobs, plane ranges of cubes and
   * batches. See {@link CutoutReader}.
   */
  public CutoutReader cutouts() {
    return new CutoutReader(compressed, hdu, scaling, threads);
  }

  /**
   * The pixels of the box with corner {@code (x, y)} (0-based column and row) and size
   * {@code width} x {@code height}, as astropy's {@code data[y:y + height, x:x + width]}
   * ({@code [height, width]}; a cube gives {@code [planes, height, width]}). Pixels outside the image
   * are padded (NaN, or 0 for integer types); {@link #cutouts()} offers the other choices.
   */
  public INDArray cutout(long x, long y, int width, int height) {
    return cutouts().read(new Box(x, y, width, height));
  }

  /**
   * The pixels of many boxes in one read: one {@code [N, height, width]} array when all boxes have the
   * same size, one array per box otherwise, with a {@link CutoutFlag} per box. See
   * {@link CutoutReader#read(List)}.
   */
  public Cutouts cutouts(List<Box> boxes) {
    return cutouts().read(boxes);
  }

  /**
   * Cutouts of {@code radiusArcsec} around sky positions (degrees, in the WCS's celestial system),
   * as astropy's {@code Cutout2D} with a {@code SkyCoord} and an angular size cuts them, padded where
   * they leave the image: {@code [N, height, width]} with the pixel boxes used and a flag per
   * position. See {@link CutoutReader#skyCutouts} for the size, placement and edge rules, and
   * {@link #cutouts()} for the other knobs.
   */
  public Cutouts skyCutouts(double[] ra, double[] dec, double radiusArcsec) {
    return cutouts().skyCutouts(ra, dec, radiusArcsec);
  }

  /**
   * Reads the whole image. An HDU without data (NAXIS = 0) gives an empty array, where astropy
   * gives {@code None}.
   */
  public INDArray read() {
    long[] shape = shape();
    return read(new long[shape.length], shape);
  }

  /**
   * Reads a section: {@code shape} elements along each axis from {@code start}, both in numpy order,
   * as astropy's {@code hdu.section[y0:y0+h, x0:x0+w]}. Only the bytes of the section are read.
   *
   * @throws IllegalArgumentException if the section does not lie inside the image
   */
  public INDArray read(long[] start, long[] shape) {
    long[] full = shape();
    checkSection(full, start, shape);
    if (full.length == 0) {
      return Nd4j.empty(dataType());
    }
    long elements = 1;
    for (long s : shape) {
      elements *= s;
    }
    if (elements == 0) {
      return Nd4j.create(dataType(), shape, Nd4j.order());
    }
    if (compressed != null) {
      INDArray array = NativeArrays.uninitialized(dataType(), shape);
      compressed.read(scaling, threads, start, shape, array);
      return array;
    }
    checkAvailable(hdu);
    INDArray array = NativeArrays.uninitialized(dataType(), shape);
    new SectionCopy(full, start, shape).run(array, elements);
    return array;
  }

  private void checkSection(long[] full, long[] start, long[] shape) {
    if (start.length != full.length || shape.length != full.length) {
      throw new IllegalArgumentException(hdu.context().describe("a section of this image needs " + full.length
          + " start and shape values, got " + start.length + " and " + shape.length));
    }
    for (int i = 0; i < full.length; i++) {
      if (start[i] < 0 || shape[i] < 0 || start[i] + shape[i] > full[i]) {
        throw new IllegalArgumentException(hdu.context().describe("section start " + Arrays.toString(start)
            + " shape " + Arrays.toString(shape) + " lies outside the image of shape " + Arrays.toString(full)));
      }
    }
  }

  /**
   * Fails with a format error naming the shape if the file ends before the end of the HDU's data, so
   * that a read never runs into the end of the file half-way.
   */
  static void checkAvailable(Hdu hdu) {
    long[] full = hdu.shape();
    long needed = hdu.dataOffset() + hdu.dataSize();
    long size;
    try {
      size = hdu.file().input().size();
    } catch (IOException e) {
      throw new FitsIOException(hdu.context(), "cannot read", e);
    }
    if (size < needed) {
      throw new FitsFormatException(hdu.context().withKeyword("NAXIS").withOffset(size), String.format(
          "the data of shape %s needs bytes %d to %d but the file ends at byte %d (truncated file, or NAXISn"
              + " larger than the data)", Arrays.toString(full), hdu.dataOffset(), needed, size));
    }
  }

  /** Copies the runs of contiguous stored pixels that make up a section into an array. */
  private final class SectionCopy {
    private final long[] start;
    private final long[] shape;
    private final long[] strides;
    /** Axes from {@code inner} on are read as one contiguous run. */
    private final int inner;
    private final long runElements;

    SectionCopy(long[] full, long[] start, long[] shape) {
      this.start = start;
      this.shape = shape;
      this.strides = new long[full.length];
      long stride = 1;
      for (int i = full.length - 1; i >= 0; i--) {
        strides[i] = stride;
        stride *= full[i];
      }
      int axis = full.length - 1;
      long run = shape[axis];
      while (axis > 0 && shape[axis] == full[axis]) {
        axis--;
        run *= shape[axis];
      }
      this.inner = axis;
      this.runElements = run;
    }

    void run(INDArray array, long elements) {
      NativeWindow window = new NativeWindow(array);
      long first = start[inner] * strides[inner];
      int parts = inner == 0 ? parallelParts(runElements * scaling.storedType().bytes()) : 1;
      if (parts > 1) {
        long per = (runElements + parts - 1) / parts;
        IntStream.range(0, parts).parallel().forEach(part -> {
          long from = part * per;
          long count = Math.min(per, runElements - from);
          try (Copier copier = new Copier(count)) {
            copier.copy(window, first + from, from, count);
          }
        });
        return;
      }
      try (Copier copier = new Copier(runElements)) {
        long[] index = new long[inner];
        for (long written = 0; written < elements; written += runElements) {
          long source = first;
          for (int i = 0; i < inner; i++) {
            source += (start[i] + index[i]) * strides[i];
          }
          copier.copy(window, source, written, runElements);
          advance(index);
        }
      }
    }

    /** How many threads share one contiguous run: one per {@link #PARALLEL_BYTES} stored, up to the limit. */
    private int parallelParts(long bytes) {
      return (int) Math.max(1, Math.min(threads, bytes / PARALLEL_BYTES));
    }

    private void advance(long[] index) {
      for (int i = inner - 1; i >= 0; i--) {
        if (++index[i] < shape[i]) {
          return;
        }
        index[i] = 0;
      }
    }
  }

  /**
   * One thread's staging memory and converter: reads stored pixels chunk by chunk and converts them
   * into the array.
   */
  private final class Copier implements AutoCloseable {
    private final int width = scaling.storedType().bytes();
    private final int outWidth = scaling.outputType().bytes();
    private final PixelConverter converter = new PixelConverter(scaling);
    private final int chunk;
    private final NativeBytes staging;

    Copier(long maxElements) {
      chunk = (int) Math.min(converter.chunkElements(STAGING_BYTES), maxElements);
      staging = new NativeBytes((long) chunk * width);
    }

    /** Converts {@code count} stored elements from element {@code source} into array element {@code target}. */
    void copy(NativeWindow window, long source, long target, long count) {
      for (long done = 0; done < count; ) {
        int n = (int) Math.min(chunk, count - done);
        long position = hdu.dataOffset() + (source + done) * width;
        ByteBuffer bytes = staging.buffer(n * width);
        readData(hdu, bytes, position);
        converter.convert(bytes, window.bytes((target + done) * outWidth, n * outWidth), n);
        done += n;
      }
    }

    @Override
    public void close() {
      staging.close();
    }
  }

  /**
   * Fills {@code target} with the HDU's bytes from file position {@code position}; the end of the file
   * is a format error, any other failure an I/O error, both naming the offset.
   */
  static void readData(Hdu hdu, ByteBuffer target, long position) {
    try {
      hdu.file().input().read(target, position);
    } catch (EOFException e) {
      throw new FitsFormatException(hdu.context().withOffset(position), "the file ends inside the image data");
    } catch (IOException e) {
      throw new FitsIOException(hdu.context().withOffset(position), "cannot read image data", e);
    }
  }

  static DataType toNd4j(ElementType type) {
    switch (type) {
      case UINT8:
        return DataType.UINT8;
      case INT8:
        return DataType.INT8;
      case INT16:
        return DataType.INT16;
      case UINT16:
        return DataType.UINT16;
      case INT32:
        return DataType.INT32;
      case UINT32:
        return DataType.UINT32;
      case INT64:
        return DataType.INT64;
      case UINT64:
        return DataType.UINT64;
      case FLOAT32:
        return DataType.FLOAT;
      default:
        return DataType.DOUBLE;
    }
  }
}
