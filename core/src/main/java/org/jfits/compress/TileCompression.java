package org.jfits.compress;

/**
 * The tile-compression algorithms of the FITS tiled image convention (ZCMPTYPE), as cfitsio and
 * {@code fpack} write them.
 */
public enum TileCompression {
  /** Rice coding of pixel differences, block size 32: fast, lossless for integers (fpack's default). */
  RICE_1,
  /** A gzip stream of the big-endian tile bytes. */
  GZIP_1,
  /** Gzip of the tile bytes shuffled by significance (all most significant bytes first). */
  GZIP_2,
  /** The H-transform coder of the Hubble Space Telescope; lossless at scale 0. Tiles are 2-D. */
  HCOMPRESS_1,
  /** IRAF's run-length line-list coding, for masks: integers from 0 to 2^24 - 1 only. */
  PLIO_1,
  /** Tiles stored as they are, in big-endian bytes. */
  NOCOMPRESS
}
