package org.jfits.compress;

/**
 * The tiles of an image: image and tile sizes in FITS order (NAXIS1 first), tiles numbered with the
 * first axis varying fastest, as the rows of the compressed table. Edge tiles are cut to the image.
 */
final class TileGrid {
  private final long[] axes;
  private final int[] tile;
  private final long[] tilesPerAxis;
  private final long count;

  /**
   * @throws IllegalArgumentException if the tile has another number of axes than the image, a size
   *     below 1, or more pixels than a Java array holds
   */
  TileGrid(long[] axes, int[] tile) {
    if (tile.length != axes.length) {
      throw new IllegalArgumentException("a tile of " + tile.length + " axes for an image of " + axes.length);
    }
    long pixels = 1;
    this.axes = axes.clone();
    this.tile = tile.clone();
    this.tilesPerAxis = new long[axes.length];
    long tiles = 1;
    for (int i = 0; i < axes.length; i++) {
      if (tile[i] < 1) {
        throw new IllegalArgumentException("tile size ZTILE" + (i + 1) + " = " + tile[i] + " is below 1");
      }
      pixels *= Math.min(tile[i], axes[i]);
      tilesPerAxis[i] = (axes[i] + tile[i] - 1) / tile[i];
      tiles *= tilesPerAxis[i];
    }
    if (pixels > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("a tile of " + pixels + " pixels is larger than 2^31 - 9");
    }
    this.count = tiles;
  }

  /** The number of tiles (rows of the compressed table). */
  long count() {
    return count;
  }

  /** The tile size along each axis, FITS order (ZTILEn). */
  int[] tileSize() {
    return tile.clone();
  }

  /** The image size along each axis, FITS order (ZNAXISn). */
  long[] axes() {
    return axes.clone();
  }

  /** The first pixel of tile {@code index}, 0-based, FITS order. */
  long[] start(long index) {
    long[] start = new long[axes.length];
    for (int i = 0; i < axes.length; i++) {
      start[i] = index % tilesPerAxis[i] * tile[i];
      index /= tilesPerAxis[i];
    }
    return start;
  }

  /** The size of tile {@code index} (edge tiles are cut to the image), FITS order. */
  int[] size(long index) {
    long[] start = start(index);
    int[] size = new int[axes.length];
    for (int i = 0; i < axes.length; i++) {
      size[i] = (int) Math.min(tile[i], axes[i] - start[i]);
    }
    return size;
  }
}
