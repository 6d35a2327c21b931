package org.jfits.compress;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.jfits.ErrorContext;
import org.jfits.FitsFormatException;
import org.jfits.FitsIOException;
import org.jfits.Hdu;
import org.jfits.header.Header;
import org.jfits.table.ColumnFormat;

/**
 * The binary table of a tile-compressed image, one row per tile: where each tile's bytes lie in the
 * heap ({@code COMPRESSED_DATA}, or the lossless fallbacks {@code GZIP_COMPRESSED_DATA} and
 * {@code UNCOMPRESSED_DATA} that cfitsio writes when a tile cannot be quantised) and the tile's
 * {@code ZSCALE}, {@code ZZERO} and {@code ZBLANK} (columns, else keywords). The rows are read once,
 * whole (a few bytes per tile); tile bytes are read on demand. Descriptors that point outside the
 * heap are refused here, before any tile is decoded.
 */
final class TileTable {
  /** Where one tile's bytes are, and which column holds them. */
  record Tile(long position, int length, Source source, int elementWidth) {}

  /** The column a tile's bytes come from. */
  enum Source {
    COMPRESSED,
    GZIP,
    UNCOMPRESSED,
    EMPTY
  }

  private final int rows;
  private final Tile[] tiles;
  private final double[] scale;
  private final double[] zero;
  private final long[] blank;
  private final boolean hasBlank;
  private final boolean quantised;

  private TileTable(int rows, Tile[] tiles, double[] scale, double[] zero, long[] blank, boolean hasBlank,
      boolean quantised) {
    this.rows = rows;
    this.tiles = tiles;
    this.scale = scale;
    this.zero = zero;
    this.blank = blank;
    this.hasBlank = hasBlank;
    this.quantised = quantised;
  }

  /** Reads the rows of a compressed image's table. */
  static TileTable read(Hdu hdu) {
    Header header = hdu.storedHeader();
    long rowWidth = header.getLong("NAXIS1");
    long rowCount = header.getLong("NAXIS2");
    if (rowCount > Integer.MAX_VALUE || rowWidth * rowCount > Integer.MAX_VALUE) {
      throw new FitsFormatException(at(hdu, "NAXIS2", -1), "a table of " + rowCount + " rows of " + rowWidth
          + " bytes is too large for a tile directory");
    }
    int fields = header.getInt("TFIELDS");
    Column compressed = null;
    Column gzip = null;
    Column uncompressed = null;
    Column zscale = null;
    Column zzero = null;
    Column zblank = null;
    long offset = 0;
    for (int n = 1; n <= fields; n++) {
      ColumnFormat format;
      try {
        format = ColumnFormat.binary(header.getString("TFORM" + n));
      } catch (IllegalArgumentException e) {
        throw new FitsFormatException(at(hdu, "TFORM" + n, -1), e.getMessage());
      }
      Column column = new Column(n, format, offset);
      offset += format.width();
      String name = header.getString("TTYPE" + n, "").strip().toUpperCase(Locale.ROOT);
      switch (name) {
        case "COMPRESSED_DATA":
          compressed = column;
          break;
        case "GZIP_COMPRESSED_DATA":
          gzip = column;
          break;
        case "UNCOMPRESSED_DATA":
          uncompressed = column;
          break;
        case "ZSCALE":
          zscale = column;
          break;
        case "ZZERO":
          zzero = column;
          break;
        case "ZBLANK":
          zblank = column;
          break;
        default:
          // other columns are not part of the convention's decoding
      }
    }
    if (offset != rowWidth) {
      throw new FitsFormatException(at(hdu, "NAXIS1", -1), "NAXIS1 = " + rowWidth + " but the TFORMn widths add up to "
          + offset + " bytes per row");
    }
    if (compressed == null) {
      throw new FitsFormatException(at(hdu, "TTYPE1", -1), "a tile-compressed image needs a COMPRESSED_DATA column");
    }
    int rows = (int) rowCount;
    byte[] table = new byte[(int) (rowWidth * rows)];
    readBytes(hdu, ByteBuffer.wrap(table), hdu.dataOffset(), "NAXIS2");
    ByteBuffer bytes = ByteBuffer.wrap(table);
    long heapStart = header.getLong("THEAP", rowWidth * rows);
    long heapEnd = rowWidth * rows + hdu.pcount();
    Tile[] tiles = new Tile[rows];
    double[] scale = new double[rows];
    double[] zero = new double[rows];
    long[] blank = new long[rows];
    Double scaleKey = number(header, "ZSCALE");
    Double zeroKey = number(header, "ZZERO");
    Object blankKey = header.get("ZBLANK");
    for (int row = 0; row < rows; row++) {
      int base = (int) (row * rowWidth);
      Tile tile = tile(hdu, bytes, base, row, compressed, Source.COMPRESSED, heapStart, heapEnd);
      if (tile.length() == 0 && gzip != null) {
        tile = tile(hdu, bytes, base, row, gzip, Source.GZIP, heapStart, heapEnd);
      }
      if (tile.length() == 0 && uncompressed != null) {
        tile = tile(hdu, bytes, base, row, uncompressed, Source.UNCOMPRESSED, heapStart, heapEnd);
      }
      tiles[row] = tile;
      scale[row] = zscale != null ? zscale.real(bytes, base) : scaleKey != null ? scaleKey : Double.NaN;
      zero[row] = zzero != null ? zzero.real(bytes, base) : zeroKey != null ? zeroKey : 0.0;
      blank[row] = zblank != null ? zblank.integer(bytes, base) : blankKey instanceof Long b ? b : 0;
    }
    boolean hasBlank = zblank != null || blankKey instanceof Long;
    boolean quantised = zscale != null || scaleKey != null;
    return new TileTable(rows, tiles, scale, zero, blank, hasBlank, quantised);
  }

  private static Double number(Header header, String keyword) {
    Object value = header.get(keyword);
    return value instanceof Number n ? n.doubleValue() : null;
  }

  private static Tile tile(Hdu hdu, ByteBuffer bytes, int base, int row, Column column, Source source, long heapStart,
      long heapEnd) {
    ColumnFormat format = column.format;
    if (!format.isVariableLength()) {
      throw new FitsFormatException(at(hdu, "TFORM" + column.number, -1), "the tile column " + format.text()
          + " must be a variable-length array (1PB, 1QB, ...)");
    }
    int at = base + (int) column.offset;
    long count;
    long start;
    if (format.type() == 'P') {
      count = Integer.toUnsignedLong(bytes.getInt(at));
      start = Integer.toUnsignedLong(bytes.getInt(at + 4));
    } else {
      count = bytes.getLong(at);
      start = bytes.getLong(at + 8);
    }
    int width = (int) ColumnFormat.binaryWidth(format.elementType(), 1);
    long length = count * width;
    long first = heapStart + start;
    if (count < 0 || start < 0 || length > Integer.MAX_VALUE || first + length > heapEnd) {
      throw new FitsFormatException(at(hdu, "TFORM" + column.number, hdu.dataOffset() + at), String.format(
          "tile %d: the descriptor (%d elements at heap offset %d) points outside the heap of %d bytes", row + 1,
          count, start, heapEnd - heapStart));
    }
    return new Tile(hdu.dataOffset() + first, (int) length, count == 0 ? Source.EMPTY : source, width);
  }

  /** One column's format and place in the row. */
  private record Column(int number, ColumnFormat format, long offset) {
    double real(ByteBuffer bytes, int base) {
      int at = base + (int) offset;
      switch (format.type()) {
        case 'D':
          return bytes.getDouble(at);
        case 'E':
          return bytes.getFloat(at);
        default:
          return integer(bytes, base);
      }
    }

    long integer(ByteBuffer bytes, int base) {
      int at = base + (int) offset;
      switch (format.type()) {
        case 'B':
          return bytes.get(at) & 0xff;
        case 'I':
          return bytes.getShort(at);
        case 'J':
          return bytes.getInt(at);
        case 'K':
          return bytes.getLong(at);
        default:
          return (long) real(bytes, base);
      }
    }
  }

  /** Fills {@code target} from file position {@code position}; the end of the file names {@code keyword}. */
  static void readBytes(Hdu hdu, ByteBuffer target, long position, String keyword) {
    try {
      hdu.file().input().read(target, position);
    } catch (EOFException e) {
      throw new FitsFormatException(at(hdu, keyword, position), "the file ends inside the compressed image's table");
    } catch (IOException e) {
      throw new FitsIOException(hdu.context().withOffset(position), "cannot read the compressed image's table", e);
    }
  }

  static ErrorContext at(Hdu hdu, String keyword, long offset) {
    ErrorContext at = hdu.context().withKeyword(keyword);
    return offset >= 0 ? at.withOffset(offset) : at;
  }

  int rows() {
    return rows;
  }

  Tile tile(int row) {
    return tiles[row];
  }

  /** ZSCALE of the tile, NaN when the image is not quantised. */
  double scale(int row) {
    return scale[row];
  }

  double zero(int row) {
    return zero[row];
  }

  /** True when pixels equal to {@link #blank(int)} are undefined (a ZBLANK column or keyword). */
  boolean hasBlank() {
    return hasBlank;
  }

  long blank(int row) {
    return blank[row];
  }

  /** True when floating-point tiles in COMPRESSED_DATA are quantised integers (ZSCALE column or keyword). */
  boolean quantised() {
    return quantised;
  }
}
