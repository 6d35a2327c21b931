package org.jfits.compress;

import java.nio.ByteBuffer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.jfits.ErrorContext;
import org.jfits.FitsException;
import org.jfits.FitsFormatException;
import org.jfits.FitsUnsupportedException;
import org.jfits.Hdu;
import org.jfits.HduType;
import org.jfits.header.CompressedImageHeader;
import org.jfits.image.NativeWindow;
import org.jfits.image.PixelScaling;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Decodes the tiles of a tile-compressed image HDU into an ND4J array, whole or as a section; the
 * engine behind {@link org.jfits.image.ImageReader} for {@link HduType#COMPRESSED_IMAGE} HDUs (users
 * call {@code hdu.image()}).
 *
 * <p>Algorithms (ZCMPTYPE): {@code RICE_1} (alias {@code RICE_ONE}; BLOCKSIZE and BYTEPIX 1, 2, 4),
 * {@code GZIP_1}, {@code GZIP_2} (byte-shuffled), {@code PLIO_1}, {@code HCOMPRESS_1} (with SMOOTH),
 * {@code NOCOMPRESS}; and tiles cfitsio stored losslessly in {@code GZIP_COMPRESSED_DATA} or
 * {@code UNCOMPRESSED_DATA} columns. Floating-point images quantised with ZQUANTIZ {@code NO_DITHER},
 * {@code SUBTRACTIVE_DITHER_1} or {@code SUBTRACTIVE_DITHER_2} are reconstructed bit for bit as cfitsio
 * (and so astropy) does, with ZSCALE/ZZERO per tile (columns or keywords) and ZBLANK (column or
 * keyword) as NaN.
 *
 * <p>Only the tiles a section touches are read and decoded. Tiles are decoded on up to
 * {@code threads} threads, each with its own codec and scratch memory; each tile's pixels are
 * converted once and copied run by run into their place in the result. The tile directory (one table
 * row per tile) is read once, when the reader is made. Immutable apart from that; safe for concurrent
 * reads.
 */
public final class CompressedImageReader {
  /** Below this many pixels a read stays on the calling thread. */
  private static final long PARALLEL_PIXELS = 1 << 16;

  private final Hdu hdu;
  private final CompressedImageHeader header;
  private final TileGrid grid;
  private final TileTable table;
  private final Supplier<TileCodec> codecs;
  private final Dither method;
  private final boolean floatImage;

  private CompressedImageReader(Hdu hdu, CompressedImageHeader header, TileGrid grid, TileTable table,
      Supplier<TileCodec> codecs, Dither method) {
    this.hdu = hdu;
    this.header = header;
    this.grid = grid;
    this.table = table;
    this.codecs = codecs;
    this.method = method;
    this.floatImage = header.bitpix() < 0;
  }

  /**
   * The reader of a tile-compressed image HDU; reads its tile directory.
   *
   * @throws FitsUnsupportedException for an unknown ZCMPTYPE or ZQUANTIZ, naming the keyword
   * @throws FitsFormatException when the table does not match the Z-keywords (number of rows, missing
   *     COMPRESSED_DATA column, descriptors outside the heap, bad BYTEPIX/BLOCKSIZE)
   */
  public static CompressedImageReader of(Hdu hdu) {
    CompressedImageHeader header = hdu.compression();
    if (header == null) {
      throw new FitsUnsupportedException(hdu.context(), "not a tile-compressed image");
    }
    Supplier<TileCodec> codecs = codecs(hdu, header);
    TileGrid grid = new TileGrid(header.axes(), header.tiles());
    TileTable table = TileTable.read(hdu);
    if (grid.count() != table.rows()) {
      throw new FitsFormatException(hdu.context().withKeyword("NAXIS2"), "the table has " + table.rows()
          + " rows but ZNAXISn and ZTILEn make " + grid.count() + " tiles");
    }
    if (grid.maxTilePixels() > Integer.MAX_VALUE / 8) {
      throw new FitsUnsupportedException(with(header, "ZTILE1", hdu), "tiles of " + grid.maxTilePixels()
          + " pixels are too large to decode");
    }
    Dither method = Dither.NO_DITHER;
    if (header.bitpix() < 0 && table.quantised()) {
      try {
        method = Quantisation.method(header.quantize());
      } catch (IllegalArgumentException e) {
        throw new FitsUnsupportedException(with(header, "ZQUANTIZ", hdu), e.getMessage());
      }
    }
    return new CompressedImageReader(hdu, header, grid, table, codecs, method);
  }

  private static ErrorContext with(CompressedImageHeader header, String keyword, Hdu hdu) {
    return header.at(hdu.context(), keyword);
  }

  private static Supplier<TileCodec> codecs(Hdu hdu, CompressedImageHeader header) {
    switch (header.compression()) {
      case "RICE_1":
      case "RICE_ONE": {
        int blockSize = (int) header.parameter("BLOCKSIZE", 32);
        int bytepix = (int) header.parameter("BYTEPIX", 4);
        try {
          new RiceCodec(blockSize, bytepix);
        } catch (IllegalArgumentException e) {
          boolean validBytepix = bytepix == 1 || bytepix == 2 || bytepix == 4;
          String keyword = header.parameterKeyword(validBytepix ? "BLOCKSIZE" : "BYTEPIX");
          if (bytepix == 8) {
            throw new FitsUnsupportedException(with(header, keyword, hdu), e.getMessage());
          }
          throw new FitsFormatException(with(header, keyword, hdu), e.getMessage());
        }
        return () -> new RiceCodec(blockSize, bytepix);
      }
      case "GZIP_1":
        return () -> new GzipCodec(false);
      case "GZIP_2":
        return () -> new GzipCodec(true);
      case "PLIO_1":
        return PlioCodec::new;
      case "HCOMPRESS_1": {
        boolean smooth = header.parameter("SMOOTH", 0) != 0;
        return () -> new HCompressCodec(smooth);
      }
      case "NOCOMPRESS":
        return RawCodec::new;
      default:
        throw new FitsUnsupportedException(with(header, "ZCMPTYPE", hdu), "ZCMPTYPE = '" + header.compression()
            + "' is not a tile compression jfits reads (RICE_1, GZIP_1, GZIP_2, PLIO_1, HCOMPRESS_1, NOCOMPRESS)");
    }
  }

  /**
   * Decodes the section {@code [start, start + shape)} (numpy axis order) into {@code array}, a fresh
   * C-order array of that shape and of {@code scaling}'s output type.
   */
  public void read(PixelScaling scaling, int threads, long[] start, long[] shape, INDArray array) {
    int n = start.length;
    long[] lo = new long[n];
    long[] hi = new long[n];
    long pixels = 1;
    for (int i = 0; i < n; i++) {
      lo[i] = start[n - 1 - i];
      hi[i] = lo[i] + shape[n - 1 - i];
      pixels *= shape[i];
    }
    int[] tiles = grid.touched(lo, hi);
    Target target = new Target(array, scaling.outputType().bytes());
    int parts = (int) Math.max(1, Math.min(Math.min(threads, tiles.length), pixels / PARALLEL_PIXELS));
    if (parts == 1) {
      new Worker(scaling).decode(tiles, 0, 1, lo, hi, target);
      return;
    }
    IntStream.range(0, parts).parallel().forEach(part -> new Worker(scaling).decode(tiles, part, parts, lo, hi,
        target));
  }

  /** Where converted runs go: one buffer over the array, or windows for arrays over 2 GiB. */
  private static final class Target {
    private final int width;
    private final ByteBuffer whole;
    private final NativeWindow window;

    Target(INDArray array, int width) {
      this.width = width;
      long bytes = array.length() * width;
      this.window = new NativeWindow(array);
      this.whole = bytes <= Integer.MAX_VALUE ? window.bytes(0, (int) bytes) : null;
    }

    void put(long element, ByteBuffer pixels, int from, int count) {
      if (whole != null) {
        whole.put((int) (element * width), pixels, from * width, count * width);
      } else {
        window.bytes(element * width, count * width).put(0, pixels, from * width, count * width);
      }
    }
  }

  /** One thread's codec and scratch memory. */
  private final class Worker {
    private final TileCodec codec = codecs.get();
    private final TileCodec gzip = new GzipCodec(false);
    private final TileCodec raw = new RawCodec();
    private final TileValues values = new TileValues();
    private final TileConverter converter;
    private ByteBuffer bytes = ByteBuffer.allocate(0);

    Worker(PixelScaling scaling) {
      converter = new TileConverter(scaling, floatImage, method, header.dither0());
    }

    void decode(int[] tiles, int part, int parts, long[] lo, long[] hi, Target target) {
      for (int t = part; t < tiles.length; t += parts) {
        int tile = tiles[t];
        long[] origin = grid.origin(tile);
        long[] size = grid.size(origin);
        long count = 1;
        for (long s : size) {
          count *= s;
        }
        ByteBuffer pixels = decodeTile(tile, (int) count);
        TileGrid.runs(origin, size, lo, hi, (source, element, length) -> target.put(element, pixels, source, length));
      }
    }

    private ByteBuffer decodeTile(int tile, int count) {
      TileTable.Tile stored = table.tile(tile);
      int width = Math.abs(header.bitpix()) / 8;
      boolean quantised = false;
      try {
        switch (stored.source()) {
          case COMPRESSED:
            quantised = floatImage && table.quantised();
            codec.decode(read(stored), count, quantised ? 4 : width, values);
            break;
          case GZIP:
            gzip.decode(read(stored), count, width, values);
            break;
          case UNCOMPRESSED:
            raw.decode(read(stored), count, stored.elementWidth(), values);
            break;
          default:
            throw new IllegalStateException("the tile has no data in any column");
        }
      } catch (FitsException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new FitsFormatException(with(header, "ZCMPTYPE", hdu).withOffset(stored.position()), String.format(
            "tile %d (%s, %d bytes in %s): %s", tile + 1, header.compression(), stored.length(),
            stored.source() == TileTable.Source.COMPRESSED ? "COMPRESSED_DATA" : stored.source() + " column",
            e.getMessage() == null ? e.getClass().getSimpleName() + ": the tile bytes end early or are corrupt"
                : e.getMessage()));
      }
      return converter.convert(values, count, tile, quantised, table.scale(tile), table.zero(tile),
          table.hasBlank(), table.blank(tile));
    }

    private ByteBuffer read(TileTable.Tile tile) {
      if (bytes.capacity() < tile.length()) {
        bytes = ByteBuffer.allocate(Math.max(tile.length(), bytes.capacity() * 2));
      }
      bytes.clear().limit(tile.length());
      TileTable.readBytes(hdu, bytes, tile.position(), "PCOUNT");
      bytes.flip();
      return bytes.slice();
    }
  }
}
