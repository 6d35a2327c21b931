package org.jfits.export;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The repetition and definition levels of one Parquet column chunk (Dremel encoding), RLE-encoded as
 * data page v1 stores them: a 4-byte little-endian length, then runs of the RLE/bit-packed hybrid
 * (only its RLE runs are used: each run is a varint {@code count << 1} and the level in
 * {@code ceil(bitWidth / 8)} bytes).
 *
 * <p>The schema (see {@link ParquetSchema}) nests one required {@code LIST} group per list level with
 * a repeated {@code list} group and an {@code element}, optional when the column has nulls, so a
 * level's definition is the number of lists entered, plus one for a present value of an optional leaf.
 */
final class ParquetLevels {
  private final Runs repetition;
  private final Runs definition;
  private long entries;

  private ParquetLevels(int maxRepetition, int maxDefinition) {
    this.repetition = maxRepetition == 0 ? null : new Runs(maxRepetition);
    this.definition = maxDefinition == 0 ? null : new Runs(maxDefinition);
  }

  /** The highest definition level of {@code column}: its list levels, plus one if it is nullable. */
  static int maxDefinition(ExportColumn column) {
    return column.listLevels() + (column.nullable() ? 1 : 0);
  }

  /** The levels of the values of one column chunk. */
  static ParquetLevels of(ColumnValues values) {
    ExportColumn column = values.column();
    int lists = column.listLevels();
    int maxDefinition = maxDefinition(column);
    ParquetLevels levels = new ParquetLevels(lists, maxDefinition);
    if (lists == 0) {
      for (int row = 0; row < values.rows(); row++) {
        levels.definition(values.isNull(row) ? 0 : 1, 1);
      }
      levels.entries = values.rows();
      return levels;
    }
    boolean ragged = column.ragged() != ExportColumn.Ragged.NONE;
    long[] block = block(column.dims(), ragged ? 1 : 0);
    long perElement = column.valuesPerRow();
    long[] offsets = values.offsets();
    int leaf = 0;
    for (int row = 0; row < values.rows(); row++) {
      long elements = ragged ? offsets[row + 1] - offsets[row] : 1;
      if (elements == 0 || perElement == 0) {
        levels.repetition(0, 1);
        levels.definition(0, 1);
        levels.entries++;
        continue;
      }
      for (long e = 0; e < elements; e++) {
        levels.repetition(e == 0 ? 0 : 1, 1);
        for (int r = 0; r < block.length; r += 2) {
          levels.repetition((int) block[r], block[r + 1]);
        }
      }
      int count = Math.toIntExact(elements * perElement);
      if (values.nulls() == null) {
        levels.definition(maxDefinition, count);
      } else {
        for (int v = leaf; v < leaf + count; v++) {
          levels.definition(values.isNull(v) ? maxDefinition - 1 : maxDefinition, 1);
        }
      }
      leaf += count;
      levels.entries += count;
    }
    return levels;
  }

  /**
   * The repetition levels of values 1 .. n-1 of one fixed-size block of {@code dims} (value 0 takes
   * the level of what starts the block), as (level, count) runs: value {@code j} repeats the
   * outermost axis whose stride divides it.
   */
  private static long[] block(long[] dims, int base) {
    long n = 1;
    for (long d : dims) {
      n *= d;
    }
    long[] strides = new long[dims.length];
    long stride = 1;
    for (int a = dims.length - 1; a >= 0; a--) {
      strides[a] = stride;
      stride *= dims[a];
    }
    long[] out = new long[0];
    int size = 0;
    for (long j = 1; j < n; j++) {
      int axis = 0;
      while (j % strides[axis] != 0) {
        axis++;
      }
      int level = base + axis + 1;
      if (size > 0 && out[size - 2] == level) {
        out[size - 1]++;
      } else {
        if (size == out.length) {
          out = Arrays.copyOf(out, Math.max(8, 2 * out.length));
        }
        out[size++] = level;
        out[size++] = 1;
      }
    }
    return Arrays.copyOf(out, size);
  }

  /** The number of level entries: values, nulls and empty lists. */
  long entries() {
    return entries;
  }

  /** The encoded repetition levels (with their length), or an empty array if the column has none. */
  byte[] repetitionBytes() {
    return repetition == null ? new byte[0] : repetition.bytes();
  }

  /** The encoded definition levels (with their length), or an empty array if the column has none. */
  byte[] definitionBytes() {
    return definition == null ? new byte[0] : definition.bytes();
  }

  private void repetition(int level, long count) {
    if (repetition != null) {
      repetition.add(level, count);
    }
  }

  private void definition(int level, long count) {
    if (definition != null) {
      definition.add(level, count);
    }
  }

  /** RLE runs of one kind of level. */
  private static final class Runs {
    private final int byteWidth;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int level = -1;
    private long count;

    Runs(int maxLevel) {
      this.byteWidth = (32 - Integer.numberOfLeadingZeros(maxLevel) + 7) / 8;
    }

    void add(int value, long n) {
      if (value != level && count > 0) {
        flush();
      }
      level = value;
      count += n;
    }

    private void flush() {
      for (long left = count; left > 0; ) {
        long run = Math.min(left, Integer.MAX_VALUE >>> 1);
        long header = run << 1;
        while ((header & ~0x7FL) != 0) {
          out.write((int) ((header & 0x7F) | 0x80));
          header >>>= 7;
        }
        out.write((int) header);
        for (int b = 0; b < byteWidth; b++) {
          out.write(level >>> (8 * b));
        }
        left -= run;
      }
      count = 0;
    }

    byte[] bytes() {
      if (count > 0) {
        flush();
      }
      int length = out.size();
      byte[] bytes = new byte[4 + length];
      bytes[0] = (byte) length;
      bytes[1] = (byte) (length >>> 8);
      bytes[2] = (byte) (length >>> 16);
      bytes[3] = (byte) (length >>> 24);
      System.arraycopy(out.toByteArray(), 0, bytes, 4, length);
      return bytes;
    }
  }
}
