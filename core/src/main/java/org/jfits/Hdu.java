package org.jfits;

import java.util.Arrays;
import org.jfits.header.CompressedImageHeader;
import org.jfits.header.Header;
import org.jfits.image.ImageReader;
import org.jfits.table.TableReader;
import org.jfits.wcs.Wcs;

/**
 * One header-data unit of an open {@link FitsFile}: its header, its kind and the geometry of its
 * data, known without reading the data. Data is read through {@link #image()} (and, for tables, the
 * table readers), only when asked for.
 *
 * <p>Axis order: {@link #axes()} is in FITS order (NAXIS1 first, the fastest-varying axis), as in the
 * header; {@link #shape()} is reversed, as numpy and ND4J ('c' order) index, so an image of
 * {@code NAXIS1 = 300, NAXIS2 = 200} has shape {@code [200, 300]}.
 *
 * <p>Tile-compressed images ({@link HduType#COMPRESSED_IMAGE}, a binary table with {@code ZIMAGE = T})
 * are described as the image they hold, as astropy's {@code CompImageHDU}: {@link #header()},
 * {@link #bitpix()}, {@link #axes()}, {@link #shape()} and {@link #name()} are the image's, while
 * {@link #storedHeader()}, {@link #pcount()}, {@link #dataOffset()}, {@link #dataSize()} and
 * {@link #table()} are those of the binary table in the file.
 */
public final class Hdu {
  private final FitsFile file;
  private final int index;
  private final Header header;
  private final HduType type;
  private final HduLayout layout;
  private final CompressedImageHeader compressed;
  private final FitsException compressionError;

  Hdu(FitsFile file, int index, Header header, HduType type, HduLayout layout) {
    this(file, index, header, type, layout, null, null);
  }

  /**
   * An HDU; for a tile-compressed image {@code compressed} describes the image, and for a table with
   * {@code ZIMAGE = T} whose Z-keywords are wrong {@code compressionError} says why it is not read as one.
   */
  Hdu(FitsFile file, int index, Header header, HduType type, HduLayout layout, CompressedImageHeader compressed,
      FitsException compressionError) {
    this.file = file;
    this.index = index;
    this.header = header;
    this.type = type;
    this.layout = layout;
    this.compressed = compressed;
    this.compressionError = compressionError;
  }

  /** The file this HDU belongs to. */
  public FitsFile file() {
    return file;
  }

  /** The position of this HDU in the file; 0 is the primary HDU. */
  public int index() {
    return index;
  }

  /**
   * The header, parsed in full; for a tile-compressed image, the header of the image, rebuilt from the
   * Z-keywords as astropy's {@code CompImageHDU.header} (see {@link CompressedImageHeader}).
   */
  public Header header() {
    return compressed != null ? compressed.imageHeader() : header;
  }

  /** The header as stored in the file: for a tile-compressed image, its binary-table header. */
  public Header storedHeader() {
    return header;
  }

  /**
   * The Z-keywords of a tile-compressed image, or null for any other HDU.
   *
   * @throws FitsFormatException for a binary table with {@code ZIMAGE = T} whose Z-keywords are missing
   *     or wrong (it is listed as a binary table); the exception names the keyword
   */
  public CompressedImageHeader compression() {
    if (compressionError != null) {
      ErrorContext at = context();
      if (compressionError.keyword().isPresent()) {
        at = at.withKeyword(compressionError.keyword().get());
      }
      if (compressionError.offset().isPresent()) {
        at = at.withOffset(compressionError.offset().getAsLong());
      }
      throw new FitsFormatException(at, compressionError.problem());
    }
    return compressed;
  }

  /** The kind of HDU. */
  public HduType type() {
    return type;
  }

  /**
   * EXTNAME (a non-string value as written, so that a malformed EXTNAME never hides the real
   * problem in error messages), or {@code PRIMARY} for the primary HDU without one, or "" for an
   * unnamed extension.
   */
  public String name() {
    Object extname = header().get("EXTNAME");
    if (extname == null) {
      return index == 0 ? "PRIMARY" : compressed != null ? CompressedImageHeader.DEFAULT_NAME : "";
    }
    return extname.toString().strip();
  }

  /** EXTVER, 1 when absent. */
  public int version() {
    return header().getInt("EXTVER", 1);
  }

  /** BITPIX: 8, 16, 32, 64, -32 or -64 (of the image for a tile-compressed image: ZBITPIX). */
  public int bitpix() {
    return compressed != null ? compressed.bitpix() : layout.bitpix();
  }

  /**
   * NAXIS1..NAXISn in FITS order (fastest axis first); ZNAXISn for a tile-compressed image. Empty when
   * NAXIS = 0.
   */
  public long[] axes() {
    return compressed != null ? compressed.axes() : layout.axes().clone();
  }

  /** The axes reversed, as numpy and ND4J index the data: {@code [NAXISn, ..., NAXIS1]}. */
  public long[] shape() {
    long[] axes = axes();
    long[] shape = new long[axes.length];
    for (int i = 0; i < axes.length; i++) {
      shape[i] = axes[axes.length - 1 - i];
    }
    return shape;
  }

  /**
   * PCOUNT: the size of the heap of a binary table (of the stored table for a tile-compressed image),
   * or the parameters per group.
   */
  public long pcount() {
    return layout.pcount();
  }

  /** GCOUNT: the number of groups (1 except for random groups). */
  public long gcount() {
    return layout.gcount();
  }

  /** True if the HDU has a data section of at least one byte. */
  public boolean hasData() {
    return layout.dataSize() > 0;
  }

  /** The byte offset of the header's first card in the file. */
  public long headerOffset() {
    return layout.headerOffset();
  }

  /** The byte offset of the first data byte in the file. */
  public long dataOffset() {
    return layout.dataOffset();
  }

  /** The size of the data in bytes, without the padding to a 2880-byte block. */
  public long dataSize() {
    return layout.dataSize();
  }

  /**
   * The image reader for this HDU: {@code hdu.image().read()} for the whole image,
   * {@code read(start, shape)} for a section, {@code raw()} for stored values.
   *
   * @throws FitsUnsupportedException if this HDU does not hold an image
   * @throws FitsFormatException for a binary table with {@code ZIMAGE = T} whose Z-keywords are wrong
   */
  public ImageReader image() {
    return ImageReader.of(this);
  }

  /**
   * The table reader for this HDU: {@code hdu.table().read()} for everything,
   * {@code columns(...)} and {@code rows(start, stop)} for a part.
   *
   * <p>For a tile-compressed image this reads the binary table that holds the compressed tiles, as
   * astropy's {@code fits.open(f, disable_image_compression=True)}.
   *
   * @throws FitsUnsupportedException if this HDU is not a binary or ASCII table
   */
  public TableReader table() {
    return TableReader.of(compressed != null ? storedTable() : this);
  }

  /** This HDU seen as the binary table it is stored as (for tile-compressed images). */
  private Hdu storedTable() {
    return new Hdu(file, index, header, HduType.BINTABLE, layout);
  }

  /**
   * The primary celestial world coordinate system of this HDU's header, {@code Wcs.from(header())}:
   * sky positions to pixels and back, and pixel scales. Read from the header on each call (cheap;
   * keep the result for repeated use).
   *
   * @throws FitsKeywordException when the header has no celestial axes, only one of a pair, or
   *     keywords with impossible values; the exception names the keyword
   * @throws FitsUnsupportedException for a projection, distortion or unit jfits does not implement
   */
  public Wcs wcs() {
    return Wcs.from(header);
  }

  /** An error context pointing at this HDU, for readers that report problems with it. */
  public ErrorContext context() {
    return file.context().withHdu(index, name());
  }

  @Override
  public String toString() {
    return "HDU " + index + " " + type.astropyName() + " " + name() + " " + Arrays.toString(shape());
  }
}
