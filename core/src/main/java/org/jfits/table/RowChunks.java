package org.jfits.table;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.jfits.FitsFormatException;
import org.jfits.FitsIOException;
import org.jfits.io.NativeBytes;

/**
 * Reads a range of table rows, or a list of rows, in chunks of about one megabyte through a direct
 * buffer and hands each chunk to every consumer (column decoders, a row filter). With several
 * threads the rows are split into contiguous slices, one task each on the common fork-join pool (the
 * calling thread takes part), each with its own buffer; no thread is created or left behind.
 */
final class RowChunks {
  static final int CHUNK_BYTES = 1 << 20;
  /**
   * Below this many bytes of the selected columns' fields a read stays on the calling thread: waking a
   * second thread and sharing the rows costs more than it saves on small reads, such as a few columns of
   * 200 000 rows.
   */
  static final long PARALLEL_BYTES = 8L << 20;
  /**
   * What making one {@code String} costs, counted in bytes of numeric fields decoded in the same time;
   * added to a character field's width so that string columns go parallel sooner.
   */
  static final int STRING_BYTES = 64;

  private final TableLayout layout;
  private final List<? extends ChunkConsumer> decoders;

  RowChunks(TableLayout layout, List<? extends ChunkConsumer> decoders) {
    this.layout = layout;
    this.decoders = decoders;
  }

  /** The bytes a row of {@code info} counts for when choosing the number of slices. */
  static long fieldBytes(ColumnInfo info) {
    ColumnFormat format = info.format();
    boolean text = format.type() == 'A' && !format.isVariableLength();
    return format.width() + (text ? STRING_BYTES : 0);
  }

  /**
   * The number of slices to decode {@code rows} rows with, given the user's choice (0: automatic): one
   * per processor and per half {@link #PARALLEL_BYTES} of selected fields ({@code fieldBytes} per row:
   * the sum of {@link #fieldBytes(ColumnInfo)} over the selected columns).
   */
  static int slices(long rows, long fieldBytes, int threads) {
    if (threads > 0) {
      return (int) Math.max(1, Math.min(threads, rows));
    }
    long bytes = rows * fieldBytes;
    if (bytes <= PARALLEL_BYTES) {
      return 1;
    }
    long byBytes = bytes / (PARALLEL_BYTES / 2);
    return (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), byBytes));
  }

  /** Decodes rows {@code [start, stop)} of the table in {@code slices} slices. */
  void run(long start, long stop, int slices) {
    if (decoders.isEmpty() || stop <= start || layout.rowWidth == 0) {
      return;
    }
    Slices.run(start, stop, slices, (from, to) -> readSlice(from, to, start));
  }

  /**
   * Decodes the rows listed in {@code rows} (ascending table row numbers) in {@code slices} slices:
   * the rows of {@code rows[i]} go to selection index {@code i}. Each chunk reads the span from a
   * listed row to the last listed row within one chunk's reach and packs the listed rows together
   * before decoding, so the decoders see whole rows as in {@link #run}.
   */
  void gather(long[] rows, int slices) {
    if (decoders.isEmpty() || rows.length == 0 || layout.rowWidth == 0) {
      return;
    }
    Slices.run(0, rows.length, slices, (from, to) -> gatherSlice(rows, (int) from, (int) to));
  }

  private void gatherSlice(long[] rows, int from, int to) {
    int width = (int) layout.rowWidth;
    int perChunk = chunkRows(Math.min(Integer.MAX_VALUE, rows[to - 1] - rows[from] + 1));
    try (NativeBytes staging = new NativeBytes(perChunk * width); NativeBytes packed = new NativeBytes(perChunk * width)) {
      int i = from;
      while (i < to) {
        long first = rows[i];
        int j = i + 1;
        while (j < to && rows[j] - first < perChunk) {
          j++;
        }
        int span = (int) (rows[j - 1] - first + 1);
        ByteBuffer chunk = read(staging, first, span);
        if (span != j - i) {
          ByteBuffer together = packed.buffer((j - i) * width);
          for (int k = i; k < j; k++) {
            together.put((k - i) * width, chunk, (int) (rows[k] - first) * width, width);
          }
          chunk = together;
        }
        for (ChunkConsumer d : decoders) {
          d.decode(chunk, i, j - i);
        }
        i = j;
      }
    }
  }

  private void readSlice(long from, long to, long first) {
    int perChunk = chunkRows(to - from);
    try (NativeBytes staging = new NativeBytes((int) (perChunk * layout.rowWidth))) {
      for (long row = from; row < to; row += perChunk) {
        int count = (int) Math.min(perChunk, to - row);
        ByteBuffer chunk = read(staging, row, count);
        for (ChunkConsumer d : decoders) {
          d.decode(chunk, (int) (row - first), count);
        }
      }
    }
  }

  /** The rows per chunk for a slice of {@code rows} rows: about {@link #CHUNK_BYTES}, at least one. */
  private int chunkRows(long rows) {
    long width = layout.rowWidth;
    int perChunk = (int) Math.max(1, Math.min(CHUNK_BYTES / width, rows));
    if (perChunk * width > Integer.MAX_VALUE) {
      throw new FitsFormatException(layout.hdu.context().withKeyword("NAXIS1"),
          "rows of " + width + " bytes are too wide to read (over 2 GiB)");
    }
    return perChunk;
  }

  /** Reads {@code count} rows from table row {@code row} into {@code staging}; the buffer holds exactly them. */
  private ByteBuffer read(NativeBytes staging, long row, int count) {
    long width = layout.rowWidth;
    long position = layout.hdu.dataOffset() + row * width;
    ByteBuffer chunk = staging.buffer((int) (count * width));
    try {
      layout.hdu.file().input().read(chunk, position);
    } catch (EOFException e) {
      throw new FitsFormatException(layout.hdu.context().withOffset(position),
          "the file ends inside the table rows " + row + " to " + (row + count));
    } catch (IOException e) {
      throw new FitsIOException(layout.hdu.context().withOffset(position), "cannot read table rows", e);
    }
    chunk.clear();
    return chunk;
  }
}
