package org.jfits.table;

import java.nio.ByteBuffer;
import org.jfits.FitsFormatException;
import org.jfits.image.NativeWindow;
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
  /** Heap spans up to this size are read in one go; beyond it, row by row. */
  private static final long ONE_READ = 256L << 20;

  private final TableLayout layout;
  private final ColumnInfo info;
  private final int offset;
  private final long start;
  private final boolean wide;
  private final char type;
  private final long[] counts;
  private final long[] positions;

  VarLengthDecoder(TableLayout layout, ColumnInfo info, int offset, long start, int rows) {
    this.layout = layout;
    this.info = info;
    this.offset = offset;
    this.start = start;
    this.wide = info.format().type() == 'Q';
    this.type = info.format().elementType();
    this.counts = new long[rows];
    this.positions = new long[rows];
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
    for (int i = 0; i < rows; i++) {
      check(i);
      offsets[i + 1] = offsets[i] + counts[i];
      if (counts[i] > 0) {
        lo = Math.min(lo, positions[i]);
        hi = Math.max(hi, positions[i] + bytes(counts[i]));
      }
    }
    ByteBuffer span = lo < hi && hi - lo <= ONE_READ ? new HeapReader(layout).read(lo, hi) : null;
    if (type == 'A') {
      String[] values = new String[rows];
      for (int i = 0; i < rows; i++) {
        byte[] text = new byte[(int) counts[i]];
        if (counts[i] > 0) {
          source(span, lo, i).get(0, text);
        }
        values[i] = StringDecoder.text(text, 0, text.length);
      }
      parts.scalar(info, StringColumn.create(info.name(), values));
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
      values = Nd4j.createUninitialized(dataType, shape, 'c');
      NativeWindow window = new NativeWindow(values);
      long elementBytes = (long) components * dataType.width();
      for (int i = 0; i < rows; i++) {
        if (counts[i] == 0) {
          continue;
        }
        ByteBuffer source = source(span, lo, i);
        int n = (int) counts[i];
        ByteBuffer target = window.bytes(offsets[i] * elementBytes, Math.toIntExact(n * elementBytes));
        if (elements == null) {
          for (int k = 0; k < n; k++) {
            target.put(k, (byte) ((source.get(k >>> 3) >>> (7 - (k & 7))) & 1));
          }
        } else {
          elements.copy(source, 0, target, 0, n);
        }
      }
    }
    parts.ragged(info, new RaggedColumn(info.name(), values, offsets));
  }

  /** The heap bytes of row {@code i}, from index 0, big-endian. */
  private ByteBuffer source(ByteBuffer span, long lo, int i) {
    long length = bytes(counts[i]);
    if (span != null) {
      return span.slice((int) (positions[i] - lo), (int) length).order(java.nio.ByteOrder.BIG_ENDIAN);
    }
    return new HeapReader(layout).read(positions[i], positions[i] + length);
  }

  private void check(int i) {
    long count = counts[i];
    long position = positions[i];
    long size = layout.heapSize;
    // count > 8 * size: more elements than the heap has bits, which also keeps bytes(count) from overflowing
    boolean bad = count < 0 || position < 0 || count > 8 * size || position > size
        || position + bytes(count) > size;
    if (bad) {
      long row = start + i;
      long at = layout.hdu.dataOffset() + row * layout.rowWidth + offset;
      throw new FitsFormatException(layout.hdu.context().withKeyword("TFORM" + info.number()).withOffset(at),
          "row " + row + " of column '" + info.name() + "': descriptor (count " + count + ", offset " + position
              + ") points outside the heap of " + size + " bytes (element size " + bytes(1) + ")");
    }
  }
}
