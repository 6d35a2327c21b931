package org.jfits.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The decisions of a cutout read, as pure functions of sizes so they can be tested alone: which
 * {@link CutoutStrategy} to use, and which row ranges to read together. The rules and the defaults of
 * their knobs are documented on {@link CutoutReader}.
 */
final class CutoutPlanner {
  /** System property: {@code auto}, {@code read-once}, {@code row-bands} or {@code mapped}. */
  static final String STRATEGY_PROPERTY = "jfits.cutout.strategy";
  /** System property: the read-once limit in bytes. */
  static final String READ_ONCE_PROPERTY = "jfits.cutout.readOnceBytes";
  /** System property: the data size in bytes from which mappable files are mapped. */
  static final String MAP_PROPERTY = "jfits.cutout.mapBytes";
  static final long DEFAULT_READ_ONCE_BYTES = 8L << 20;
  static final long DEFAULT_MAP_BYTES = 32L << 20;
  /**
   * Row ranges separated by at most this many bytes are read as one: reading a short gap costs less
   * than the system call of a second read.
   */
  static final long GAP_BYTES = 16L << 10;
  /**
   * Mapping pays only for rows at least this long. A box row then touches one or two pages where a
   * row band reads the whole row; with narrower rows, band reads (a kernel copy at memory speed) beat
   * the page faults of a mapping: on the 2-core benchmark machine a fault on a mapped page cost about
   * as much as copying 50 KB (benchmarks/cutouts: 4096 x 4096 float32, rows of 16 KiB, row bands 2-3x
   * faster than mapped).
   */
  static final long MAP_ROW_BYTES = 64L << 10;

  private CutoutPlanner() {}

  /**
   * The strategy for a read.
   *
   * @param spanBytes stored bytes of the rows from the first to the last row any box needs, over all
   *     planes read
   * @param boxBytes stored bytes of the box pixels inside the image, over all planes read
   * @param dataBytes stored bytes of the whole data section (the file size that matters)
   * @param rowBytes stored bytes of one image row
   * @param mappable whether the input can be memory-mapped
   */
  static CutoutStrategy choose(long spanBytes, long boxBytes, long dataBytes, long rowBytes, boolean mappable,
      long readOnceBytes, long mapBytes) {
    if (spanBytes <= readOnceBytes) {
      return CutoutStrategy.READ_ONCE;
    }
    boolean dense = boxBytes >= spanBytes / 2;
    if (mappable && dataBytes >= mapBytes && rowBytes >= MAP_ROW_BYTES && !dense) {
      return CutoutStrategy.MAPPED;
    }
    return CutoutStrategy.ROW_BANDS;
  }

  /**
   * Row ranges {@code [start, stop)} sorted and merged where they overlap, touch or lie at most
   * {@code gapRows} rows apart.
   */
  static List<long[]> coalesce(List<long[]> ranges, long gapRows) {
    long[][] sorted = ranges.toArray(new long[0][]);
    Arrays.sort(sorted, Comparator.comparingLong((long[] r) -> r[0]));
    List<long[]> merged = new ArrayList<>();
    for (long[] r : sorted) {
      long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && r[0] <= last[1] + gapRows) {
        last[1] = Math.max(last[1], r[1]);
      } else {
        merged.add(new long[] {r[0], r[1]});
      }
    }
    return merged;
  }

  /** The strategy named by the system property, {@link CutoutStrategy#AUTO} when unset. */
  static CutoutStrategy strategyProperty() {
    String value = System.getProperty(STRATEGY_PROPERTY);
    if (value == null || value.isBlank()) {
      return CutoutStrategy.AUTO;
    }
    try {
      return CutoutStrategy.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("system property " + STRATEGY_PROPERTY + " = '" + value
          + "': expected auto, read-once, row-bands or mapped", e);
    }
  }

  /** A size in bytes from a system property, or {@code fallback} when unset. */
  static long bytesProperty(String name, long fallback) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long bytes = Long.parseLong(value.strip());
      if (bytes >= 0) {
        return bytes;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("system property " + name + " = '" + value + "': expected a byte count >= 0");
  }
}
