package org.jfits.compress;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.LongStream;
import org.jfits.header.Header;
import org.jfits.write.HeaderBuilder;
import org.jfits.write.IntegerScaling;
import org.jfits.write.WritableHdu;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An image written tile-compressed (the FITS tiled image convention, as {@code fpack} writes it): a
 * binary table extension with one row per tile, the coded tiles in the heap.
 *
 * <pre>{@code
 * try (FitsWriter out = FitsWriter.create(path)) {
 *   out.write(CompressedImageHdu.of(image).algorithm(TileCompression.RICE_1).tile(512, 1)
 *       .quantize(4.0).dither(Dither.SUBTRACTIVE_DITHER_1).seed(1));
 * }
 * }</pre>
 *
 * <p>Arrays of int8, uint8, int16, uint16, int32, uint32, float32 or float64 with 2 or 3 axes (numpy
 * order: {@code [NAXIS2, NAXIS1]} or {@code [NAXIS3, NAXIS2, NAXIS1]}). Signed bytes and unsigned
 * integers are stored with BZERO, as fpack does, so readers give back the same type. Tiles default to
 * one image row ({@code ZTILE1 = NAXIS1}, the others 1); HCOMPRESS_1 tiles default to the rows fpack
 * chooses (the whole image up to 30 rows, else 16 rows, or 24, 20, 30, 28, 26, 22, 18 or 14 when 16 would
 * leave a last tile of fewer than 4 rows). Edge tiles are cut to the image.
 *
 * <p>Floating-point images are quantised by default (level 4, {@link Dither#SUBTRACTIVE_DITHER_1},
 * seed 1): each tile is rounded to steps of its noise divided by the level, NaN pixels stored as
 * ZBLANK; tiles that cannot be quantised (constant, or of too wide a range) are kept as gzipped floats.
 * {@link #lossless()} stores the floats themselves instead (GZIP_1, GZIP_2 or NOCOMPRESS only;
 * NOCOMPRESS never quantises).
 * {@link #maxQuantizationError()} tells how far the stored values may be from the array's.
 *
 * <p>An image of scaled integers (BSCALE/BZERO, BLANK) is compressed as fpack does it: the array holds
 * the stored integers ({@link org.jfits.image.ImageReader#raw()}), {@link #scaling} declares how readers
 * turn them into physical values, and the header carries BSCALE, BZERO and BLANK.
 *
 * <p>Tiles are compressed in parallel on the common fork-join pool, the first time the header, the
 * data size or the error is asked for; the coded tiles are kept until the HDU is written. Do not
 * change the array or the settings after that. Not thread-safe.
 */
public final class CompressedImageHdu implements WritableHdu {
  /** The EXTNAME written when none is given. */
  public static final String DEFAULT_NAME = "COMPRESSED_IMAGE";
  /** The tile heights fpack tries for HCOMPRESS_1, in its order, until the last tile has 4 rows or more. */
  private static final int[] HCOMPRESS_ROWS = {16, 24, 20, 30, 28, 26, 22, 18, 14};
  private static final int BUFFER = 1 << 20;

  private final INDArray image;
  private final StoredType type;
  private final long[] axes;
  private TileCompression algorithm = TileCompression.RICE_1;
  private int[] tile;
  private double level = 4;
  private boolean quantized = true;
  private Dither dither = Dither.SUBTRACTIVE_DITHER_1;
  private int seed = 1;
  private int hcompressScale;
  private boolean hcompressSmooth;
  private IntegerScaling scaling;
  private String name;
  private Header metadata;
  private HeaderBuilder extraCards;
  private Compressed compressed;

  private CompressedImageHdu(INDArray image) {
    this.type = StoredType.of(image.dataType());
    if (image.rank() != 2 && image.rank() != 3) {
      throw new IllegalArgumentException("tile-compressed images have 2 or 3 axes, not " + image.rank()
          + " (shape " + Arrays.toString(image.shape()) + ")");
    }
    long[] shape = image.shape();
    this.axes = new long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] < 1) {
        throw new IllegalArgumentException("an empty image (shape " + Arrays.toString(shape) + ")");
      }
      axes[i] = shape[shape.length - 1 - i];
    }
    this.image = image;
  }

  /**
   * An HDU that will hold {@code image} compressed with RICE_1 in row tiles.
   *
   * @throws IllegalArgumentException for an array of another type or rank, or an empty one
   */
  public static CompressedImageHdu of(INDArray image) {
    return new CompressedImageHdu(image);
  }

  /** The compression algorithm (ZCMPTYPE); RICE_1 by default. */
  public CompressedImageHdu algorithm(TileCompression algorithm) {
    this.algorithm = algorithm;
    return changed();
  }

  /**
   * The tile size in FITS order ({@code ZTILE1}, {@code ZTILE2}[, {@code ZTILE3}]), one per axis;
   * sizes larger than the image are cut to it.
   *
   * @throws IllegalArgumentException if the number of sizes is not the number of axes, or a size is below 1
   */
  public CompressedImageHdu tile(int... sizes) {
    if (sizes.length != axes.length) {
      throw new IllegalArgumentException("a tile needs " + axes.length + " sizes (ZTILE1..ZTILE" + axes.length
          + "), got " + sizes.length);
    }
    for (int i = 0; i < sizes.length; i++) {
      if (sizes[i] < 1) {
        throw new IllegalArgumentException("tile size ZTILE" + (i + 1) + " = " + sizes[i] + " is below 1");
      }
    }
    this.tile = sizes.clone();
    return changed();
  }

  /**
   * Quantises floating-point tiles to steps of {@code noise / level} (4 by default, as fpack), or of
   * {@code -level} when {@code level} is negative (an absolute step, as {@code fpack -q -0.01}).
   *
   * @throws IllegalArgumentException if {@code level} is 0 or not finite
   */
  public CompressedImageHdu quantize(double level) {
    if (level == 0 || !Double.isFinite(level)) {
      throw new IllegalArgumentException("quantisation level " + level + ": use a positive level (noise / level) "
          + "or a negative absolute step, or lossless()");
    }
    this.level = level;
    this.quantized = true;
    return changed();
  }

  /** Stores floating-point pixels exactly (GZIP_1, GZIP_2 or NOCOMPRESS); integers always are. */
  public CompressedImageHdu lossless() {
    this.quantized = false;
    return changed();
  }

  /** The dither of quantised tiles (ZQUANTIZ); {@link Dither#SUBTRACTIVE_DITHER_1} by default. */
  public CompressedImageHdu dither(Dither dither) {
    this.dither = dither;
    return changed();
  }

  /**
   * The dither seed (ZDITHER0), from 1 to 10000; 1 by default, so the same image gives the same file.
   *
   * @throws IllegalArgumentException outside 1 to 10000
   */
  public CompressedImageHdu seed(int seed) {
    if (seed < 1 || seed > DitherSequence.SIZE) {
      throw new IllegalArgumentException("dither seed " + seed + " is outside 1 to " + DitherSequence.SIZE);
    }
    this.seed = seed;
    return changed();
  }

  /**
   * HCOMPRESS_1's scale (ZVAL SCALE), in units of the stored integers: 0 (the default) is lossless,
   * larger values discard more. {@code smooth} asks readers to smooth the decoded image (SMOOTH).
   *
   * @throws IllegalArgumentException for a negative scale
   */
  public CompressedImageHdu hcompress(int scale, boolean smooth) {
    if (scale < 0) {
      throw new IllegalArgumentException("HCOMPRESS scale " + scale + " is negative");
    }
    this.hcompressScale = scale;
    this.hcompressSmooth = smooth;
    return changed();
  }

  /**
   * Declares the array to hold the stored integers of a scaled image: readers return
   * {@code stored * bscale + bzero}, NaN for BLANK (the header gets BSCALE, BZERO and BLANK, as fpack
   * writes them). The integers are compressed as they are, as for any integer image.
   *
   * @throws IllegalArgumentException unless the array is uint8, int16 or int32 (the integers BITPIX 8,
   *     16 and 32 store), or if BLANK is outside that type
   */
  public CompressedImageHdu scaling(IntegerScaling scaling) {
    if (type.isFloat() || type.flipsSign) {
      throw new IllegalArgumentException("BSCALE/BZERO/BLANK describe stored integers (uint8, int16 or int32 "
          + "arrays), not " + type.name().toLowerCase(Locale.ROOT) + " pixels");
    }
    scaling.checkBlank(type.bitpix);
    this.scaling = scaling;
    return this;
  }

  /** The EXTNAME; by default that of the metadata header, else {@value #DEFAULT_NAME}. */
  public CompressedImageHdu name(String name) {
    this.name = name;
    return this;
  }

  /**
   * Carries over the user cards of a header that was read (WCS, OBSERVER, HISTORY...): every card
   * but the structural ones, which this HDU writes itself.
   */
  public CompressedImageHdu metadata(Header header) {
    this.metadata = header;
    return this;
  }

  /** Appends cards of the caller's own (no structural keywords: they are written by this HDU). */
  public CompressedImageHdu metadata(HeaderBuilder cards) {
    this.extraCards = cards;
    return this;
  }

  /**
   * The largest absolute difference between a pixel of the array and the value a reader restores
   * from the file: 0 for integer images and lossless floats. Compresses the tiles if not done yet.
   *
   * @throws IllegalArgumentException if the settings do not fit the image (see {@link #header})
   */
  public double maxQuantizationError() {
    return compressed().maxError;
  }

  /** False: a compressed image lives in a binary table extension, after an empty primary HDU. */
  @Override
  public boolean canBePrimary() {
    return false;
  }

  /**
   * The binary table header: table layout, then the compression keywords (ZIMAGE, ZBITPIX, ZNAXISn,
   * ZTILEn, ZCMPTYPE, ZNAMEi/ZVALi, ZQUANTIZ, ZDITHER0, ZBLANK), BSCALE/BZERO of the unsigned
   * conventions, or BSCALE/BZERO/BLANK of {@link #scaling}, the metadata, EXTNAME.
   *
   * @throws IllegalArgumentException if the settings do not fit the image: PLIO_1 on floating-point,
   *     unsigned 16/32-bit or signed 8-bit data or on pixels outside 0 to 2^24 - 1, lossless floats
   *     with RICE_1, PLIO_1 or HCOMPRESS_1, an HCOMPRESS_1 tile over more than 2 axes or one pixel wide
   * @throws IllegalStateException if asked to be the primary HDU
   */
  @Override
  public HeaderBuilder header(boolean primary) {
    if (primary) {
      throw new IllegalStateException("a compressed image cannot be the primary HDU");
    }
    Compressed c = compressed();
    HeaderBuilder h = HeaderBuilder.tableExtension(false, c.rowBytes(), c.tiles.length, c.heapSize, c.columns());
    int column = 1;
    String descriptor = c.longDescriptors ? "1Q" : "1P";
    if (algorithm == TileCompression.NOCOMPRESS) {
      // cfitsio reads tiles stored as they are from UNCOMPRESSED_DATA, when COMPRESSED_DATA is empty
      h.add("TTYPE" + column, "COMPRESSED_DATA", "label for field " + column);
      h.add("TFORM" + column++, descriptor + "B(0)", "data format of field: variable length array");
    }
    h.add("TTYPE" + column, c.dataColumn(), "label for field " + column);
    h.add("TFORM" + column++, descriptor + c.elementCode + "(" + c.maxData / c.elementBytes + ")",
        "data format of field: variable length array");
    if (c.hasGzipTiles) {
      h.add("TTYPE" + column, "GZIP_COMPRESSED_DATA", "label for field " + column);
      h.add("TFORM" + column++, descriptor + "B(" + c.maxGzip + ")", "data format of field: variable length array");
    }
    if (c.quantized) {
      h.add("TTYPE" + column, "ZSCALE", "label for field " + column);
      h.add("TFORM" + column++, "1D", "data format of field: 8-byte DOUBLE");
      h.add("TTYPE" + column, "ZZERO", "label for field " + column);
      h.add("TFORM" + column, "1D", "data format of field: 8-byte DOUBLE");
    }

    h.add("ZIMAGE", true, "extension contains compressed image");
    h.add("ZBITPIX", type.bitpix, "data type of original image");
    h.add("ZNAXIS", axes.length, "dimension of original image");
    for (int i = 0; i < axes.length; i++) {
      h.add("ZNAXIS" + (i + 1), axes[i], "length of original image axis");
    }
    for (int i = 0; i < axes.length; i++) {
      h.add("ZTILE" + (i + 1), c.tile[i], "size of tiles to be compressed");
    }
    h.add("ZCMPTYPE", algorithm.name(), "compression algorithm");
    if (algorithm == TileCompression.RICE_1) {
      h.add("ZNAME1", "BLOCKSIZE", "compression block size").add("ZVAL1", RiceEncoder.BLOCK_SIZE, "pixels per block");
      h.add("ZNAME2", "BYTEPIX", "bytes per pixel (1, 2, 4, or 8)").add("ZVAL2", c.bytepix, "bytes per pixel");
    } else if (algorithm == TileCompression.HCOMPRESS_1) {
      h.add("ZNAME1", "SCALE", "HCOMPRESS scale factor").add("ZVAL1", hcompressScale, "HCOMPRESS scale factor");
      h.add("ZNAME2", "SMOOTH", "HCOMPRESS smooth option").add("ZVAL2", hcompressSmooth ? 1 : 0, "smooth on read");
    }
    if (type.isFloat() && !c.quantized) {
      h.add("ZQUANTIZ", "NONE", "lossless compression without quantization");
    }
    if (c.quantized) {
      h.add("ZQUANTIZ", dither.name(), "quantization method");
      if (dither != Dither.NO_DITHER) {
        h.add("ZDITHER0", seed, "dithering offset when quantizing floats");
      }
    }
    if (c.hasNulls) {
      h.add("ZBLANK", Quantizer.NULL_VALUE, "null value in the compressed integer array");
    }
    if (type.bzero != 0) {
      h.add("BSCALE", 1, "default scaling factor");
      h.add("BZERO", type.bzero, "offset data range to that of " + type.name().toLowerCase(Locale.ROOT));
    }
    if (scaling != null && scaling.rescales()) {
      h.add("BSCALE", scaling.bscale(), "physical = stored * BSCALE + BZERO");
      h.add("BZERO", scaling.bzero(), "physical = stored * BSCALE + BZERO");
    }
    if (scaling != null && scaling.blank() != null) {
      h.add("BLANK", scaling.blank(), "stored value of undefined pixels");
    }
    if (metadata != null) {
      h.copyFrom(metadata, k -> !"EXTNAME".equalsIgnoreCase(k));
    }
    if (extraCards != null) {
      h.addAll(extraCards);
    }
    String extname = name != null ? name
        : metadata != null && metadata.containsKey("EXTNAME") ? metadata.getString("EXTNAME") : DEFAULT_NAME;
    h.set("EXTNAME", extname, "name of this HDU");
    return h;
  }

  @Override
  public long dataSize() {
    Compressed c = compressed();
    return (long) c.rowBytes() * c.tiles.length + c.heapSize;
  }

  @Override
  public void writeData(WritableByteChannel out) throws IOException {
    Compressed c = compressed();
    ByteBuffer rows = ByteBuffer.allocate(BUFFER);
    long heap = 0;
    for (TileCompressor.Tile t : c.tiles) {
      if (rows.remaining() < c.rowBytes()) {
        drain(rows, out);
      }
      if (algorithm == TileCompression.NOCOMPRESS) {
        heap = descriptor(rows, c.longDescriptors, 0, 1, heap);
      }
      heap = descriptor(rows, c.longDescriptors, t.data().length, c.elementBytes, heap);
      if (c.hasGzipTiles) {
        byte[] gzip = t.gzipData() == null ? new byte[0] : t.gzipData();
        heap = descriptor(rows, c.longDescriptors, gzip.length, 1, heap);
      }
      if (c.quantized) {
        rows.putDouble(t.scale()).putDouble(t.zero());
      }

    }
    drain(rows, out);
    for (TileCompressor.Tile t : c.tiles) {
      writeFully(ByteBuffer.wrap(t.data()), out);
      if (t.gzipData() != null) {
        writeFully(ByteBuffer.wrap(t.gzipData()), out);
      }
    }
  }

  /**
   * Writes the descriptor of an array of {@code bytes} bytes at heap offset {@code offset}; returns the
   * next offset.
   */
  private static long descriptor(ByteBuffer rows, boolean wide, long bytes, int elementBytes, long offset) {
    long count = bytes / elementBytes;
    long at = count == 0 ? 0 : offset; // an empty array is (0, 0): cfitsio's mark of a tile stored elsewhere
    if (wide) {
      rows.putLong(count).putLong(at);
    } else {
      rows.putInt((int) count).putInt((int) at);
    }
    return offset + bytes;
  }

  private static void drain(ByteBuffer rows, WritableByteChannel out) throws IOException {
    rows.flip();
    writeFully(rows, out);
    rows.clear();
  }

  private static void writeFully(ByteBuffer bytes, WritableByteChannel out) throws IOException {
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
  }

  private CompressedImageHdu changed() {
    compressed = null;
    return this;
  }

  private Compressed compressed() {
    if (compressed == null) {
      compressed = compress();
    }
    return compressed;
  }

  private Compressed compress() {
    // NOCOMPRESS keeps floats as they are: cfitsio does not scale integers read from UNCOMPRESSED_DATA
    boolean quantize = type.isFloat() && quantized && algorithm != TileCompression.NOCOMPRESS;
    int[] tileSize = tileSize();
    checkSettings(quantize, tileSize);
    TileGrid grid = TileGrid.checked(axes, tileSize);
    if (grid.count() > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(grid.count() + " tiles are too many for one table; use larger tiles");
    }
    Quantizer quantizer = quantize ? new Quantizer(level, dither, seed) : null;
    TileCompressor compressor = new TileCompressor(new ImagePixels(image, type, axes), grid, type, algorithm,
        quantizer, hcompressScale);
    TileCompressor.Tile[] tiles;
    try {
      tiles = LongStream.range(0, grid.count()).parallel().mapToObj(compressor::compress)
          .toArray(TileCompressor.Tile[]::new);
    } catch (IllegalArgumentException e) {
      // a tile refused on a pool thread comes back as a copy whose message is the original's toString()
      throw e.getCause() instanceof IllegalArgumentException refused ? refused : e;
    }
    return new Compressed(tiles, tileSize, quantize, compressor.bytepix(), elementCode(quantize),
        algorithm == TileCompression.NOCOMPRESS);
  }

  private void checkSettings(boolean quantize, int[] tileSize) {
    if (algorithm == TileCompression.PLIO_1 && (type.isFloat() || type.flipsSign)) {
      throw new IllegalArgumentException("PLIO_1 stores non-negative integers below 2^24 as they are; "
          + type.name().toLowerCase(Locale.ROOT) + " images are stored with an offset or quantised: "
          + "use another algorithm");
    }
    if (type.isFloat() && !quantize && algorithm != TileCompression.GZIP_1 && algorithm != TileCompression.GZIP_2
        && algorithm != TileCompression.NOCOMPRESS) {
      throw new IllegalArgumentException(algorithm + " cannot store floating-point pixels exactly: use GZIP_1, "
          + "GZIP_2 or NOCOMPRESS with lossless(), or quantize");
    }
    for (int i = 0; algorithm == TileCompression.HCOMPRESS_1 && i < 2; i++) {
      if (tileSize[i] == 1 || axes[i] % tileSize[i] == 1) {
        throw new IllegalArgumentException("HCOMPRESS_1 cannot code tiles one pixel wide: ZTILE" + (i + 1) + " = "
            + tileSize[i] + " on an axis of " + axes[i] + " pixels; choose another tile size or algorithm");
      }
    }
    if (algorithm == TileCompression.HCOMPRESS_1 && tile != null) {
      for (int i = 2; i < tile.length; i++) {
        if (tile[i] != 1) {
          throw new IllegalArgumentException("HCOMPRESS_1 tiles are 2-D: ZTILE" + (i + 1) + " must be 1, not "
              + tile[i]);
        }
      }
    }
  }

  /** The TFORM code of the array column that holds the tiles: bytes, PLIO's words, or raw pixels. */
  private char elementCode(boolean quantize) {
    if (algorithm == TileCompression.PLIO_1) {
      return 'I';
    }
    if (algorithm != TileCompression.NOCOMPRESS) {
      return 'B';
    }
    return switch (quantize ? 32 : type.bitpix) {
      case 8 -> 'B';
      case 16 -> 'I';
      case 32 -> 'J';
      case -32 -> 'E';
      default -> 'D';
    };
  }

  /** fpack's default HCOMPRESS_1 tile height for an image of {@code rows} rows. */
  private static long hcompressRows(long rows) {
    if (rows <= 30) {
      return rows;
    }
    for (int height : HCOMPRESS_ROWS) {
      if (rows % height == 0 || rows % height > 3) {
        return height;
      }
    }
    return 17;
  }

  private int[] tileSize() {
    int[] size = new int[axes.length];
    for (int i = 0; i < axes.length; i++) {
      long wanted = tile != null ? tile[i] : i == 0 ? axes[0]
          : i == 1 && algorithm == TileCompression.HCOMPRESS_1 ? hcompressRows(axes[1]) : 1;
      size[i] = (int) Math.min(wanted, axes[i]);
    }
    return size;
  }

  /** The coded tiles and the table layout they need. */
  private static final class Compressed {
    final TileCompressor.Tile[] tiles;
    final int[] tile;
    final boolean quantized;
    final int bytepix;
    final long heapSize;
    final long maxData;
    final long maxGzip;
    final boolean hasGzipTiles;
    final boolean hasNulls;
    final boolean longDescriptors;
    final double maxError;
    final char elementCode;
    final int elementBytes;
    final boolean storedAsIs;

    Compressed(TileCompressor.Tile[] tiles, int[] tile, boolean quantized, int bytepix, char elementCode,
        boolean storedAsIs) {
      this.tiles = tiles;
      this.storedAsIs = storedAsIs;
      this.elementCode = elementCode;
      this.elementBytes = switch (elementCode) {
        case 'I' -> 2;
        case 'J', 'E' -> 4;
        case 'D' -> 8;
        default -> 1;
      };
      this.tile = tile;
      this.quantized = quantized;
      this.bytepix = bytepix;
      long heap = 0;
      long data = 0;
      long gzip = 0;
      boolean nulls = false;
      double error = 0;
      for (TileCompressor.Tile t : tiles) {
        heap += t.data().length;
        data = Math.max(data, t.data().length);
        if (t.gzipData() != null) {
          heap += t.gzipData().length;
          gzip = Math.max(gzip, t.gzipData().length);
        }
        nulls |= t.hasNulls();
        error = Math.max(error, t.maxError());
      }
      this.heapSize = heap;
      this.maxData = data;
      this.maxGzip = gzip;
      this.hasGzipTiles = Arrays.stream(tiles).anyMatch(t -> t.gzipData() != null);
      this.hasNulls = nulls;
      this.longDescriptors = heap > Integer.MAX_VALUE;
      this.maxError = error;
    }

    /** The column of the coded tiles: UNCOMPRESSED_DATA for tiles stored as they are. */
    String dataColumn() {
      return storedAsIs ? "UNCOMPRESSED_DATA" : "COMPRESSED_DATA";
    }

    int columns() {
      return 1 + (storedAsIs ? 1 : 0) + (hasGzipTiles ? 1 : 0) + (quantized ? 2 : 0);
    }

    int rowBytes() {
      int descriptor = longDescriptors ? 16 : 8;
      return descriptor * (1 + (storedAsIs ? 1 : 0) + (hasGzipTiles ? 1 : 0)) + (quantized ? 16 : 0);
    }
  }
}
