package org.jfits.image;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfits.FitsUnsupportedException;
import org.jfits.Hdu;
import org.jfits.compress.CompressedImageReader;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads rectangular cutouts ({@link Box}es) of an image: one at a time or many in one call, from
 * images of two or more axes, with the values, element type and scaling rules of
 * {@link ImageReader#read()} (astropy's). Obtained from {@link ImageReader#cutouts()}; immutable,
 * every setter returns a new reader, and one reader may be used from several threads.
 *
 * <p><b>Axes.</b> Boxes select columns and rows (NAXIS1, NAXIS2; see {@link Box} for the mapping to
 * astropy's {@code data[y:y+h, x:x+w]}). A cutout of a 2-D image is {@code [h, w]}; of a cube
 * {@code [planes, h, w]}, all planes unless {@link #planes(long, long)} selects a range of the third
 * FITS axis (a spectral range); further axes (NAXIS4, ...) are kept whole. A batch adds a leading
 * axis {@code N}.
 *
 * <p><b>Edges.</b> With {@link OffImagePolicy#PAD} (the default) pixels outside the image get the fill
 * value: NaN for floating-point results, 0 for integer results (raw reads, unsigned and unscaled
 * integer images) unless {@link #fill(double)} picks another; {@link Cutouts#flags()} says which
 * cutouts were padded. With {@link OffImagePolicy#ERROR} a box not wholly inside is an error and
 * nothing is read.
 *
 * <p><b>How pixels are read.</b> Whatever the strategy, only stored bytes of rows that some box needs
 * are read, each box row is converted once, and large batches are converted on several threads. With
 * {@link CutoutStrategy#AUTO} the reader chooses per read, from the rows spanned by the boxes (from the
 * first to the last needed row, over the planes read), the bytes of the boxes themselves and the size
 * of the data section:
 * <ol>
 *   <li>span at most the read-once size (default 8 MiB) → {@link CutoutStrategy#READ_ONCE}: small
 *       images, or boxes in a narrow band, are read with one positional read and sliced in memory;
 *   <li>otherwise, when the file can be memory-mapped, its data section is at least the map size
 *       (default 32 MiB), its rows are at least 64 KiB long (narrower rows are read faster in bands
 *       than through page faults) and the boxes are sparse (their bytes less than half the span) →
 *       {@link CutoutStrategy#MAPPED}: each box row is converted straight from the mapped pages;
 *   <li>otherwise → {@link CutoutStrategy#ROW_BANDS}: the rows the boxes need, with overlapping and
 *       nearly adjacent ranges (gaps up to 16 KiB) coalesced, in positional reads of 4 MiB bands.
 * </ol>
 * The knobs: {@link #strategy}, {@link #readOnceBytes}, {@link #mapBytes}, with defaults from the
 * system properties {@code jfits.cutout.strategy} ({@code auto}, {@code read-once}, {@code row-bands},
 * {@code mapped}), {@code jfits.cutout.readOnceBytes} and {@code jfits.cutout.mapBytes}, read when the
 * reader is made. The strategy changes speed only, never values.
 */
public final class CutoutReader {
  /** The tile decoder of a tile-compressed image, null for uncompressed images. */
  private final CompressedImageReader compressed;
  private final Hdu hdu;
  private final PixelScaling scaling;
  private final int threads;
  private final OffImagePolicy policy;
  private final Double fill;
  private final long planeStart;
  private final long planeCount;
  private final CutoutStrategy strategy;
  private final long readOnceBytes;
  private final long mapBytes;

  CutoutReader(CompressedImageReader compressed, Hdu hdu, PixelScaling scaling, int threads) {
    this(compressed, hdu, scaling, threads, OffImagePolicy.PAD, null, 0, -1, CutoutPlanner.strategyProperty(),
        CutoutPlanner.bytesProperty(CutoutPlanner.READ_ONCE_PROPERTY, CutoutPlanner.DEFAULT_READ_ONCE_BYTES),
        CutoutPlanner.bytesProperty(CutoutPlanner.MAP_PROPERTY, CutoutPlanner.DEFAULT_MAP_BYTES));
    long[] shape = hdu.shape();
    if (shape.length < 2) {
      throw new FitsUnsupportedException(hdu.context(), "cutouts need an image of at least 2 axes, this one has "
          + shape.length + (shape.length == 0 ? " (no data)" : ""));
    }
  }

  private CutoutReader(CompressedImageReader compressed, Hdu hdu, PixelScaling scaling, int threads,
      OffImagePolicy policy, Double fill, long planeStart, long planeCount, CutoutStrategy strategy,
      long readOnceBytes, long mapBytes) {
    this.compressed = compressed;
    this.hdu = hdu;
    this.scaling = scaling;
    this.threads = threads;
    this.policy = policy;
    this.fill = fill;
    this.planeStart = planeStart;
    this.planeCount = planeCount;
    this.strategy = strategy;
    this.readOnceBytes = readOnceBytes;
    this.mapBytes = mapBytes;
  }

  /** A reader of stored values, ignoring BSCALE, BZERO and BLANK (integer results: pad with {@link #fill}). */
  public CutoutReader raw() {
    return new CutoutReader(compressed, hdu, PixelScaling.of(hdu.header(), hdu.bitpix(), true), threads, policy, fill,
        planeStart, planeCount, strategy, readOnceBytes, mapBytes);
  }

  /**
   * The value of pixels outside the image. For integer results it must be a whole number in the
   * range of the element type ({@link #elementType()}), checked when reading.
   */
  public CutoutReader fill(double value) {
    return new CutoutReader(compressed, hdu, scaling, threads, policy,
        value, planeStart, planeCount, strategy, readOnceBytes, mapBytes);
  }

  /** Pad boxes that are not wholly inside (the default), or refuse them. */
  public CutoutReader offImage(OffImagePolicy policy) {
    return new CutoutReader(compressed, hdu, scaling, threads, policy,
        fill, planeStart, planeCount, strategy, readOnceBytes, mapBytes);
  }

  /**
   * For images of three or more axes: only {@code count} planes from {@code start} (0-based) along the
   * third FITS axis (NAXIS3, the spectral axis of a cube), as astropy's
   * {@code data[start:start + count, y:y+h, x:x+w]}.
   *
   * @throws IllegalArgumentException if the image has fewer than three axes or the range is outside NAXIS3
   */
  public CutoutReader planes(long start, long count) {
    long[] shape = hdu.shape();
    if (shape.length < 3) {
      throw new IllegalArgumentException(hdu.context().describe("planes() selects along NAXIS3, and this image has "
          + shape.length + " axes"));
    }
    long depth = shape[shape.length - 3];
    if (start < 0 || count < 1 || start + count > depth) {
      throw new IllegalArgumentException(hdu.context().describe("planes " + start + " to " + (start + count - 1)
          + " are outside NAXIS3 = " + depth));
    }
    return new CutoutReader(compressed, hdu, scaling, threads, policy,
        fill, start, count, strategy, readOnceBytes, mapBytes);
  }

  /** How the pixels are read ({@link CutoutStrategy#AUTO} to let the reader choose). Never changes values. */
  public CutoutReader strategy(CutoutStrategy strategy) {
    return new CutoutReader(compressed, hdu, scaling, threads, policy,
        fill, planeStart, planeCount, strategy, readOnceBytes, mapBytes);
  }

  /** The largest span of rows (stored bytes) that {@link CutoutStrategy#AUTO} reads in one go. */
  public CutoutReader readOnceBytes(long bytes) {
    return new CutoutReader(compressed, hdu, scaling, threads, policy, fill, planeStart, planeCount, strategy,
        nonNegative(bytes), mapBytes);
  }

  /** The data size (stored bytes) from which {@link CutoutStrategy#AUTO} maps a mappable file. */
  public CutoutReader mapBytes(long bytes) {
    return new CutoutReader(compressed, hdu, scaling, threads, policy,
        fill, planeStart, planeCount, strategy, readOnceBytes, nonNegative(bytes));
  }

  /** At most {@code threads} threads convert a large batch (default: the image reader's). */
  public CutoutReader threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    return new CutoutReader(compressed, hdu, scaling, threads, policy,
        fill, planeStart, planeCount, strategy, readOnceBytes, mapBytes);
  }

  private static long nonNegative(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("a byte count must be >= 0, got " + bytes);
    }
    return bytes;
  }

  /** The element type of the cutouts. */
  public ElementType elementType() {
    return scaling.outputType();
  }

  /** Where {@code box} lies in this image. */
  public CutoutFlag flag(Box box) {
    long[] shape = hdu.shape();
    return box.flagIn(shape[shape.length - 1], shape[shape.length - 2]);
  }

  /** The shape of the cutout of {@code box}: {@code [height, width]}, or with the (selected) leading axes before them. */
  public long[] shape(Box box) {
    long[] shape = hdu.shape().clone();
    if (planeCount > 0) {
      shape[shape.length - 3] = planeCount;
    }
    shape[shape.length - 2] = box.height();
    shape[shape.length - 1] = box.width();
    return shape;
  }

  /**
   * The strategy a read of {@code boxes} would use: the configured one, or the one
   * {@link CutoutStrategy#AUTO} chooses for them (see the class notes).
   */
  public CutoutStrategy strategyFor(List<Box> boxes) {
    if (strategy != CutoutStrategy.AUTO) {
      if (strategy == CutoutStrategy.MAPPED && !hdu.file().input().mappable()) {
        throw new FitsUnsupportedException(hdu.context(), "the input " + hdu.file().name() + " cannot be memory-mapped");
      }
      return strategy;
    }
    long[] shape = hdu.shape();
    long columns = shape[shape.length - 1];
    long rows = shape[shape.length - 2];
    long planes = planeIndices().length;
    int width = scaling.storedType().bytes();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    long boxBytes = 0;
    for (Box box : boxes) {
      long y0 = Math.max(box.y(), 0);
      long y1 = Math.min(box.y() + box.height(), rows);
      long x0 = Math.max(box.x(), 0);
      long x1 = Math.min(box.x() + box.width(), columns);
      if (y0 < y1 && x0 < x1) {
        first = Math.min(first, y0);
        last = Math.max(last, y1);
        boxBytes += (y1 - y0) * (x1 - x0) * width * planes;
      }
    }
    long span = first < last ? (last - first) * columns * width * planes : 0;
    return CutoutPlanner.choose(span, boxBytes, hdu.dataSize(), columns * width, hdu.file().input().mappable(),
        readOnceBytes, mapBytes);
  }

  /** The cutout of one box, {@code [height, width]} (or with the leading axes of a cube); see {@link #flag}. */
  public INDArray read(Box box) {
    return read(List.of(box), false).get(0);
  }

  /**
   * The cutouts of many boxes, read together: the strategy is chosen once for the whole batch, row
   * ranges shared by several boxes are read once, and the result is one array {@code [N, ...]} when all
   * boxes have the same size (see {@link Cutouts}).
   *
   * @throws IllegalArgumentException if {@code boxes} is empty, or with {@link OffImagePolicy#ERROR} a
   *     box is not wholly inside the image, or the fill value does not fit an integer result, or one
   *     plane of a cutout would be over 2 GiB
   * @throws org.jfits.FitsFormatException if the file ends before the image data does
   */
  public Cutouts read(List<Box> boxes) {
    return read(boxes, true);
  }

  /**
   * Cutouts around sky positions, {@code radiusArcsec} in radius, read as one batch with this reader's
   * settings: the sky positions go through the HDU's WCS ({@link Hdu#wcs()}) in one transform, each
   * becomes the box that astropy's
   * {@code Cutout2D(data, SkyCoord(ra, dec, unit='deg'), size=2 * radius * u.arcsec, wcs=WCS(header),
   * mode='partial')} cuts, and the boxes are read as {@link #read(List)} reads them. All boxes have
   * one size, so the result is one array {@code [N, height, width]} (cubes
   * {@code [N, planes, height, width]}), with the pixel boxes used in {@link Cutouts#boxes()} and
   * where each lay in {@link Cutouts#flags()}.
   *
   * <p><b>Coordinates.</b> {@code ra} and {@code dec} are degrees in the WCS's own celestial system
   * ({@link org.jfits.wcs.Wcs#celestialSystem()}: ICRS, FK5, galactic longitude and latitude, ...);
   * no frame conversion is made, as with a {@code SkyCoord} in the frame of the WCS. Distortions
   * (SIP, TPV, DSS) are applied when converting positions.
   *
   * <p><b>Size.</b> The box is {@code round(2 * radius / scale)} pixels along each axis, numpy's
   * rounding (half to even), with the scales of {@link org.jfits.wcs.Wcs#pixelScales()} (astropy's
   * {@code proj_plane_pixel_scales}): the width from the scale along NAXIS1, the height from the scale
   * along NAXIS2. astropy 5.2 pairs them the other way round (the height with the NAXIS1 scale); the
   * two agree whenever both scales round to the same size, which is the case for square pixels.
   *
   * <p><b>Placement and edges.</b> Each box is {@link Box#around} the position (astropy's placement).
   * Boxes partly or wholly off the image follow the {@link OffImagePolicy}: with the default
   * {@link OffImagePolicy#PAD} they are padded (astropy's {@code mode='partial'}; a wholly outside
   * box, where astropy raises {@code NoOverlapError}, is all fill and flagged
   * {@link CutoutFlag#OUTSIDE}). A position the WCS cannot convert (NaN given, or outside the
   * projection's domain) or more than 2^61 pixels away is flagged {@link CutoutFlag#OUTSIDE} too, is
   * all fill, and its box is the one just before the first pixel, {@code (-width, -height)}; it never
   * raises an exception by itself.
   *
   * @throws IllegalArgumentException if {@code ra} and {@code dec} differ in length or are empty, the
   *     radius is not a positive number or gives a box under one pixel (or over 2^31 - 1) along an
   *     axis (the message names the radius and the pixel scale), or as {@link #read(List)}
   * @throws org.jfits.FitsKeywordException if the header has no usable celestial WCS
   * @throws FitsUnsupportedException if the WCS uses what jfits does not implement, or its celestial
   *     axes are not NAXIS1 and NAXIS2
   */
  public Cutouts skyCutouts(double[] ra, double[] dec, double radiusArcsec) {
    return read(SkyBoxes.of(hdu, ra, dec, radiusArcsec));
  }

  private Cutouts read(List<Box> boxes, boolean stack) {
    if (boxes.isEmpty()) {
      throw new IllegalArgumentException(hdu.context().describe("no boxes to cut out"));
    }
    List<CutoutFlag> flags = new ArrayList<>(boxes.size());
    for (int i = 0; i < boxes.size(); i++) {
      CutoutFlag flag = flag(boxes.get(i));
      if (flag != CutoutFlag.INSIDE && policy == OffImagePolicy.ERROR) {
        throw new IllegalArgumentException(hdu.context().describe("box " + i + " (x,y,w,h = " + boxes.get(i)
            + ") lies " + (flag == CutoutFlag.PARTIAL ? "partly" : "wholly") + " outside the image of "
            + Arrays.toString(hdu.axes()) + " (NAXIS1, NAXIS2, ...)"));
      }
      flags.add(flag);
    }
    for (Box box : boxes) {
      if ((long) box.width() * box.height() * elementType().bytes() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(hdu.context().describe("box " + box + " is over 2 GiB of "
            + elementType().numpyName() + " pixels per plane, the limit of one cutout plane"));
      }
    }
    ByteBuffer fillElement = CutoutFill.element(elementType(), fill, hdu);
    CutoutStrategy chosen = compressed != null ? null : strategyFor(boxes);
    ImageReader.checkAvailable(hdu);

    long[] planes = planeIndices();
    long[] shape = hdu.shape();
    CutoutTargets targets = new CutoutTargets(boxes, this::shape, ImageReader.toNd4j(elementType()), planes.length,
        stack);
    List<CutoutCopy.Placed> placed = new ArrayList<>(boxes.size());
    for (int i = 0; i < boxes.size(); i++) {
      placed.add(CutoutCopy.Placed.of(boxes.get(i), shape[shape.length - 1], shape[shape.length - 2],
          targets.slabs(i)));
    }
    if (compressed != null) {
      new CompressedCutouts(compressed, scaling, threads, shape, planes).run(placed, fillElement);
    } else {
      new CutoutCopy(hdu, scaling, threads, planes).run(placed, chosen, readOnceBytes, fillElement);
    }
    return new Cutouts(targets.stacked(), targets.arrays(), boxes, flags);
  }

  /** The flat indices of the planes read (all leading axes flattened), in output order. */
  private long[] planeIndices() {
    long[] shape = hdu.shape();
    if (shape.length == 2) {
      return new long[] {0};
    }
    long depth = shape[shape.length - 3];
    long outer = 1;
    for (int i = 0; i < shape.length - 3; i++) {
      outer *= shape[i];
    }
    long start = planeCount > 0 ? planeStart : 0;
    long count = planeCount > 0 ? planeCount : depth;
    long[] planes = new long[Math.toIntExact(outer * count)];
    int k = 0;
    for (long o = 0; o < outer; o++) {
      for (long p = start; p < start + count; p++) {
        planes[k++] = o * depth + p;
      }
    }
    return planes;
  }
}
