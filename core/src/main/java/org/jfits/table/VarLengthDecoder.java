package org.jfits.table;

import java.nio.ByteBuffer;
import org.jfits.FitsFormatException;
import org.jfits.image.NativeWindow;
import org.jfits.io.NativeBytes;
import org.jfits.io.NativeArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.StringColumn;

/**
 * Decodes a variable-length array column ({@code P}: 32-bit descriptors, {@code Q}: 64-bit): the
 * descriptors (element count, heap offset) come from the row chunks, then every row's elements are
 * read from the heap into one flat ND4J array with {@code rows + 1} offsets ({@link RaggedColumn}).
 * Element types and scaling are those of fixed columns ({@link Elements}); complex rows have shape
 * {@code [n, 2]}; {@code PX} gives one BOOL per bit; {@code PA} gives one string per row in a
 * Tablesaw {@link StringColumn}. A descriptor with a negative count or offset, or one that reaches
 * past the heap, is a {@link FitsFormatException} naming TFORMn, the row and the descriptor's byte.
 */
final class VarLengthDecoder implements ColumnDecoder {
  /** Heap spans up to this size are read in one go when rows are scattered; beyond it, row by row. */
  private static final long ONE_READ = 256L << 20;
  /** Heap bytes converted per step when the rows lie back to back. */
  private static final int STEP = 1 << 20;

  private final TableLayout layout;
  private final ColumnInfo info;
  private final int offset;
  private final long start;
  private final boolean wide;
  private final char type;
  private final long[] counts;
  private final long[] positions;
  private final int threads;

  VarLengthDecoder(TableLayout layout, ColumnInfo info, int offset, long start, int rows, int threads) {
    this.layout = layout;
    this.info = info;
    this.offset = offset;
    this.start = start;
    this.wide = info.format().type() == 'Q';
    this.type = info.format().elementType();
    this.counts = new long[rows];
    this.positions = new long[rows];
    this.threads = threads;
  }

  @Override
  public void decode(ByteBuffer chunk, int row, int count) {
    int rowWidth = (int) layout.rowWidth;
    int at = offset;
    for (int i = 0; i < count; i++, at += rowWidth) {
      if (wide) {
        counts[row + i] = chunk.getLong(at);
        positions[row + i] = chunk.getLong(at + 8);
      } else {
        counts[row + i] = chunk.getInt(at);
        positions[row + i] = chunk.getInt(at + 4);
      }
    }
  }

  private long bytes(long n) {
    return type == 'X' ? (n + 7) / 8 : n * ColumnFormat.binaryWidth(type, 1);
  }

  @Override
  public void finish(TableParts parts) {
    int rows = counts.length;
    long[] offsets = new long[rows + 1];
    long lo = Long.MAX_VALUE;
    long hi = 0;
    long next = -1;
    boolean packed = true;
    for (int i = 0; i < rows; i++) {
      check(i);
      offsets[i + 1] = offsets[i] + counts[i];
      if (counts[i] > 0) {
        lo = Math.min(lo, positions[i]);
        hi = Math.max(hi, positions[i] + bytes(counts[i]));
        packed &= next < 0 || positions[i] == next;
        next = positions[i] + bytes(counts[i]);
      }
    }
    if (type == 'A') {
      parts.scalar(info, strings(lo, hi));
      return;
    }
    Elements elements = type == 'X' ? null : new Elements(info, type);
    DataType dataType = elements == null ? DataType.BOOL : elements.dataType;
    int components = elements == null ? 1 : elements.components;
    long total = offsets[rows];
    long[] shape = components == 2 ? new long[] {total, 2} : new long[] {total};
    INDArray values;
    if (total == 0) {
      values = Nd4j.create(dataType, shape, 'c');
    } else {
      values = NativeArrays.uninitialized(dataType, shape);
      if (elements != null && packed) {
        copyPacked(elements, new NativeWindow(values), lo, hi);
      } else {
        copyRows(elements, new NativeWindow(values), offsets, lo, hi);
      }
    }
    parts.ragged(info, new RaggedColumn(info.name(), values, offsets));
  }

  /**
   * The usual layout: the rows' elements lie back to back in the heap in row order, so the span
   * {@code [lo, hi)} is the output in stored form, converted in steps of about a megabyte. Large spans
   * are converted in slices on several threads, as row chunks are: the first writes to a fresh output
   * array cost as much as the conversion, and they spread over the threads too.
   */
  private void copyPacked(Elements elements, NativeWindow window, long lo, long hi) {
    int stored = elements.inWidth * elements.components;
    long converted = (long) elements.outWidth * elements.components;
    long count = (hi - lo) / stored;
    int slices = RowChunks.slices(count, converted, threads);
    Slices.run(0, count, slices, (from, to) -> copyPacked(elements, window, lo, from, to));
  }

  /** Converts elements {@code [from, to)} of the packed span that starts at heap byte {@code lo}. */
  private void copyPacked(Elements elements, NativeWindow window, long lo, long from, long to) {
    int stored = elements.inWidth * elements.components;
    long converted = (long) elements.outWidth * elements.components;
    int step = (int) Math.min(to - from, STEP / stored);
    HeapReader heap = new HeapReader(layout);
    try (NativeBytes staging = new NativeBytes((long) step * stored)) {
      for (long done = from; done < to; done += step) {
        int n = (int) Math.min(step, to - done);
        ByteBuffer in = staging.buffer(n * stored);
        heap.read(lo + done * stored, in);
        elements.copy(in, 0, window.bytes(done * converted, Math.toIntExact(n * converted)), 0, n);
      }
    }
  }

  /** Any layout: each row is converted at its place in the output, through windows of up to 2 GiB. */
  private void copyRows(Elements elements, NativeWindow window, long[] offsets, long lo, long hi) {
    long converted = elements == null ? 1 : (long) elements.outWidth * elements.components;
    long total = offsets[counts.length] * converted;
    ByteBuffer target = null;
    long base = 0;
    long end = 0;
    try (RowBytes heap = new RowBytes(lo, hi)) {
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) {
          continue;
        }
        int from = heap.fetch(i);
        ByteBuffer source = heap.source;
        int n = (int) counts[i];
        long at = offsets[i] * converted;
        if (target == null || at + n * converted > end) {
          base = at;
          end = Math.min(total, at + Integer.MAX_VALUE);
          target = window.bytes(base, (int) (end - base));
        }
        int to = (int) (at - base);
        if (elements == null) {
          for (int k = 0; k < n; k++) {
            target.put(to + k, (byte) ((source.get(from + (k >>> 3)) >>> (7 - (k & 7))) & 1));
          }
        } else {
          elements.copy(source, from, target, to, n);
        }
      }
    }
  }

  private StringColumn strings(long lo, long hi) {
    String[] values = new String[counts.length];
    try (RowBytes heap = new RowBytes(lo, hi)) {
      for (int i = 0; i < values.length; i++) {
        byte[] text = new byte[(int) counts[i]];
        if (counts[i] > 0) {
          int from = heap.fetch(i);
          heap.source.get(from, text);
        }
        values[i] = StringDecoder.text(text, 0, text.length);
      }
    }
    return StringColumns.of(info.name(), values);
  }

  /**
   * The stored bytes of each row: the heap span {@code [lo, hi)} read once when it is at most
   * {@link #ONE_READ}, else each row read on its own into a buffer the size of the largest row.
   */
  private final class RowBytes implements AutoCloseable {
    private final HeapReader heap = new HeapReader(layout);
    private final boolean whole;
    private final long lo;
    private final NativeBytes memory;
    /** The buffer that holds the fetched row, big-endian. */
    ByteBuffer source;

    RowBytes(long lo, long hi) {
      this.lo = lo;
      this.whole = hi - lo <= ONE_READ;
      long largest = 0;
      if (!whole) {
        for (long count : counts) {
          largest = Math.max(largest, bytes(count));
        }
      }
      this.memory = new NativeBytes(whole ? Math.max(0, hi - lo) : largest);
      if (whole && lo < hi) {
        source = memory.buffer((int) (hi - lo));
        try {
          heap.read(lo, source);
        } catch (RuntimeException e) {
          memory.close();
          throw e;
        }
      }
    }

    /** Makes {@link #source} hold the bytes of row {@code i}; returns the index of its first byte. */
    int fetch(int i) {
      if (whole) {
        return (int) (positions[i] - lo);
      }
      source = memory.buffer((int) bytes(counts[i]));
      heap.read(positions[i], source);
      return 0;
    }

    @Override
    public void close() {
      memory.close();
    }
  }

  private void check(int i) {
    new HeapReader(layout).checkDescriptor(info, start + i, counts[i], positions[i]);
  }
}
