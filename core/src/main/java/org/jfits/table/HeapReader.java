package org.jfits.table;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jfits.FitsFormatException;
import org.jfits.FitsIOException;

/**
 * Reads byte ranges of a binary table's heap (from THEAP after the first data byte) into direct
 * big-endian buffers.
 */
final class HeapReader {
  private final TableLayout layout;

  HeapReader(TableLayout layout) {
    this.layout = layout;
  }

  /** Heap bytes {@code [from, to)}; at most 2 GiB. */
  ByteBuffer read(long from, long to) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(Math.toIntExact(to - from)).order(ByteOrder.BIG_ENDIAN);
    long position = layout.hdu.dataOffset() + layout.heapStart + from;
    try {
      layout.hdu.file().input().read(buffer, position);
    } catch (EOFException e) {
      throw new FitsFormatException(layout.hdu.context().withKeyword("PCOUNT").withOffset(position),
          "the file ends inside the heap");
    } catch (IOException e) {
      throw new FitsIOException(layout.hdu.context().withOffset(position), "cannot read the heap", e);
    }
    return buffer.clear();
  }
}
