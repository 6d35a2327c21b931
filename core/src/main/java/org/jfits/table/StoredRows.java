package org.jfits.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.jfits.Hdu;

/**
 * The selected rows and columns of a table HDU as they are stored, for copying them without
 * decoding: the geometry of the table, where each selected column's field lies in a row, the rows'
 * bytes handed over in order chunk by chunk, and the heap. Made by {@link TableReader#stored()},
 * which evaluates the reader's filter once; it then holds the numbers of the selected rows (8 bytes a
 * row), or only the row range when there is no filter, and never the data.
 */
public final class StoredRows {
  /** Takes consecutive chunks of selected rows. */
  @FunctionalInterface
  public interface RowsConsumer {
    /**
     * Takes the next {@code count} selected rows.
     *
     * @param rows the rows as stored, whole, big-endian, one every {@link #rowWidth()} bytes from index 0
     * @param first the index in the selection (not the table row number) of the first of them
     */
    void accept(ByteBuffer rows, long first, int count) throws IOException;
  }

  private final TableLayout layout;
  private final List<ColumnInfo> columns;
  private final long start;
  private final long stop;
  /** The selected table rows, ascending; null when they are all the rows of {@code [start, stop)}. */
  private final long[] rows;
  private final HeapReader heap;

  StoredRows(TableLayout layout, List<ColumnInfo> columns, long start, long stop, long[] rows) {
    this.layout = layout;
    this.columns = List.copyOf(columns);
    this.start = start;
    this.stop = stop;
    this.rows = rows;
    this.heap = new HeapReader(layout);
  }

  /** The table HDU the rows come from. */
  public Hdu hdu() {
    return layout.hdu;
  }

  /** True for an ASCII table, false for a binary table. */
  public boolean ascii() {
    return layout.ascii;
  }

  /** The number of table columns (TFIELDS). */
  public int tableColumns() {
    return layout.columns.size();
  }

  /** The selected columns, in FITS order. */
  public List<ColumnInfo> columns() {
    return columns;
  }

  /** The byte offset of the field of {@code column} in a stored row. */
  public long fieldOffset(ColumnInfo column) {
    return layout.offsets[column.number() - 1];
  }

  /** The bytes of a stored row (NAXIS1). */
  public long rowWidth() {
    return layout.rowWidth;
  }

  /** The number of selected rows. */
  public long count() {
    return rows == null ? stop - start : rows.length;
  }

  /** The table row number (0-based) of the selected row {@code index}. */
  public long tableRow(long index) {
    return rows == null ? start + index : rows[Math.toIntExact(index)];
  }

  /**
   * Hands the selected rows to {@code consumer}, in order, in chunks of about a megabyte read on the
   * calling thread (a chunk's buffer is reused for the next one).
   *
   * @throws IOException what the consumer throws
   * @throws org.jfits.FitsFormatException if the file ends inside the rows
   */
  public void forEachChunk(RowsConsumer consumer) throws IOException {
    ChunkConsumer each = (chunk, row, count) -> {
      try {
        consumer.accept(chunk, row, count);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
    RowChunks chunks = new RowChunks(layout, List.of(each));
    try {
      if (rows == null) {
        chunks.run(start, stop, 1);
      } else {
        chunks.gather(rows, 1);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * The heap bytes that the variable-length array descriptor {@code (count, position)} of
   * {@code column} in selected row {@code index} points to.
   *
   * @throws org.jfits.FitsFormatException naming TFORMn, the row and the descriptor's byte if it points
   *     outside the heap
   */
  public long heapBytes(ColumnInfo column, long index, long count, long position) {
    return heap.checkDescriptor(column, tableRow(index), count, position);
  }

  /** The bytes of the heap (from THEAP to the end of the data). */
  public long heapSize() {
    return layout.heapSize;
  }

  /**
   * Fills {@code target} from its position to its limit with the heap bytes from heap offset
   * {@code from}, then rewinds it.
   */
  public void readHeap(long from, ByteBuffer target) {
    heap.read(from, target);
  }
}
