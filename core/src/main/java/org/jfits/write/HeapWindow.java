package org.jfits.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import org.jfits.table.StoredRows;

/**
 * Copies byte ranges of a source table's heap to a channel through a window of at most 1 MiB of the
 * heap, read again only when a range starts outside it: ranges that follow one another in the heap,
 * as most writers lay them out, cost one read per megabyte.
 */
final class HeapWindow {
  private static final int WINDOW = 1 << 20;

  private final StoredRows source;
  private final ByteBuffer window;
  private long windowStart;
  private int windowLength;

  HeapWindow(StoredRows source) {
    this.source = source;
    this.window = ByteBuffer.allocateDirect((int) Math.max(1, Math.min(WINDOW, source.heapSize())));
  }

  /** Writes the {@code length} heap bytes from heap offset {@code from} to {@code out}. */
  void copy(long from, long length, WritableByteChannel out) throws IOException {
    while (length > 0) {
      if (from < windowStart || from >= windowStart + windowLength) {
        windowStart = from;
        windowLength = (int) Math.min(window.capacity(), source.heapSize() - from);
        window.clear().limit(windowLength);
        source.readHeap(from, window);
      }
      int at = (int) (from - windowStart);
      int n = (int) Math.min(length, windowLength - at);
      ByteBuffer piece = window.duplicate().limit(at + n).position(at);
      while (piece.hasRemaining()) {
        out.write(piece);
      }
      from += n;
      length -= n;
    }
  }
}
