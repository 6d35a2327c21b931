package org.jfits.compress;

import java.util.Arrays;

/**
 * How an image is cut into tiles (ZTILEn): tiles are numbered as the table rows that hold them, the
 * first axis varying fastest; the last tile along an axis may be shorter. Gives the tiles a section
 * touches and copies a decoded tile's part of a section into the section's array order. All
 * coordinates in FITS axis order (NAXIS1 first).
 */
final class TileGrid {
  private final long[] axes;
  private final long[] tiles;
  private final long[] counts;
  private final long total;

  TileGrid(long[] axes, long[] tiles) {
    this.axes = axes;
    this.tiles = tiles;
    this.counts = new long[axes.length];
    long n = axes.length == 0 ? 0 : 1;
    for (int i = 0; i < axes.length; i++) {
      counts[i] = (axes[i] + tiles[i] - 1) / tiles[i];
      n *= counts[i];
    }
    this.total = n;
  }

  /**
   * The grid of an image about to be compressed, checked: a tile size for every axis, each at least
   * 1, and tiles small enough for a Java array.
   *
   * @throws IllegalArgumentException if the tile does not fit these rules
   */
  static TileGrid checked(long[] axes, int[] tile) {
    if (tile.length != axes.length) {
      throw new IllegalArgumentException("a tile of " + tile.length + " axes for an image of " + axes.length);
    }
    long pixels = 1;
    for (int i = 0; i < axes.length; i++) {
      if (tile[i] < 1) {
        throw new IllegalArgumentException("tile size ZTILE" + (i + 1) + " = " + tile[i] + " is below 1");
      }
      pixels *= Math.min(tile[i], axes[i]);
    }
    if (pixels > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("a tile of " + pixels + " pixels is larger than 2^31 - 9");
    }
    return new TileGrid(axes.clone(), Arrays.stream(tile).asLongStream().toArray());
  }

  /** The number of tiles, which must be the number of table rows. */
  long count() {
    return total;
  }

  /** The largest number of pixels in one tile. */
  long maxTilePixels() {
    long n = 1;
    for (int i = 0; i < axes.length; i++) {
      n *= Math.min(tiles[i], axes[i]);
    }
    return n;
  }

  /** The tiles that overlap the section {@code [lo, hi)}, in table order. */
  int[] touched(long[] lo, long[] hi) {
    int n = axes.length;
    long[] first = new long[n];
    long[] last = new long[n];
    long size = 1;
    for (int i = 0; i < n; i++) {
      if (hi[i] <= lo[i]) {
        return new int[0];
      }
      first[i] = lo[i] / tiles[i];
      last[i] = (hi[i] - 1) / tiles[i];
      size *= last[i] - first[i] + 1;
    }
    int[] result = new int[Math.toIntExact(size)];
    long[] k = first.clone();
    for (int r = 0; r < result.length; r++) {
      long index = 0;
      for (int i = n - 1; i >= 0; i--) {
        index = index * counts[i] + k[i];
      }
      result[r] = (int) index;
      for (int i = 0; i < n; i++) {
        if (++k[i] <= last[i]) {
          break;
        }
        k[i] = first[i];
      }
    }
    return result;
  }

  /** The first pixel of tile {@code tile}. */
  long[] origin(int tile) {
    long[] origin = new long[axes.length];
    long rest = tile;
    for (int i = 0; i < axes.length; i++) {
      origin[i] = (rest % counts[i]) * tiles[i];
      rest /= counts[i];
    }
    return origin;
  }

  /** The size of tile {@code tile} along each axis. */
  long[] size(long[] origin) {
    long[] size = new long[axes.length];
    for (int i = 0; i < axes.length; i++) {
      size[i] = Math.min(tiles[i], axes[i] - origin[i]);
    }
    return size;
  }

  /** The size of tile {@code tile} along each axis, for a grid made by {@link #checked}. */
  int[] sizeOf(int tile) {
    return Arrays.stream(size(origin(tile))).mapToInt(Math::toIntExact).toArray();
  }

  /** Receives runs of consecutive pixels: from tile pixel {@code source} to section element {@code target}. */
  interface RunSink {
    void run(int source, long target, int length);
  }

  /**
   * Calls {@code sink} for each run along the first axis of the part of the tile at {@code origin}
   * (of {@code size}) that lies in the section {@code [lo, hi)}; targets are element indices of the
   * section in C order of the reversed axes (numpy order).
   */
  static void runs(long[] origin, long[] size, long[] lo, long[] hi, RunSink sink) {
    int n = origin.length;
    long[] from = new long[n];
    long[] to = new long[n];
    long[] tileStride = new long[n];
    long[] sectionStride = new long[n];
    long ts = 1;
    long ss = 1;
    for (int i = 0; i < n; i++) {
      from[i] = Math.max(lo[i], origin[i]);
      to[i] = Math.min(hi[i], origin[i] + size[i]);
      if (from[i] >= to[i]) {
        return;
      }
      tileStride[i] = ts;
      sectionStride[i] = ss;
      ts *= size[i];
      ss *= hi[i] - lo[i];
    }
    int length = (int) (to[0] - from[0]);
    long[] p = from.clone();
    while (true) {
      long source = 0;
      long target = 0;
      for (int i = 0; i < n; i++) {
        source += (p[i] - origin[i]) * tileStride[i];
        target += (p[i] - lo[i]) * sectionStride[i];
      }
      sink.run((int) source, target, length);
      int i = 1;
      for (; i < n; i++) {
        if (++p[i] < to[i]) {
          break;
        }
        p[i] = from[i];
      }
      if (i >= n) {
        return;
      }
    }
  }

  @Override
  public String toString() {
    return "tiles " + Arrays.toString(tiles) + " of " + Arrays.toString(axes);
  }
}
