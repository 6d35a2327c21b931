package org.jfits;

/** The kind of an HDU, named as astropy's HDU classes are so that {@code info()} reads the same. */
public enum HduType {
  /** The primary HDU: an image or no data. */
  PRIMARY("PrimaryHDU"),
  /** An IMAGE extension. */
  IMAGE("ImageHDU"),
  /** A binary table (BINTABLE) extension. */
  BINTABLE("BinTableHDU"),
  /** An ASCII table (TABLE) extension. */
  TABLE("TableHDU"),
  /** A primary HDU in the random-groups format ({@code GROUPS = T}, {@code NAXIS1 = 0}). */
  GROUPS("GroupsHDU"),
  /** A tile-compressed image stored in a binary table ({@code ZIMAGE = T}). */
  COMPRESSED_IMAGE("CompImageHDU"),
  /** An extension type the FITS standard does not define (e.g. {@code IUEIMAGE}, {@code FOREIGN}). */
  NONSTANDARD("NonstandardExtHDU");

  private final String astropyName;

  HduType(String astropyName) {
    this.astropyName = astropyName;
  }

  /** The name astropy gives this kind of HDU, e.g. {@code BinTableHDU}. */
  public String astropyName() {
    return astropyName;
  }

  /**
   * True for HDUs whose data is an N-dimensional image: primary and IMAGE extensions, and
   * tile-compressed images.
   */
  public boolean isImage() {
    return this == PRIMARY || this == IMAGE || this == COMPRESSED_IMAGE;
  }

  /** True for binary and ASCII tables (compressed images excluded). */
  public boolean isTable() {
    return this == BINTABLE || this == TABLE;
  }
}
