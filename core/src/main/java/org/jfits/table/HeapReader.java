package org.jfits.table;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.jfits.FitsFormatException;
import org.jfits.FitsIOException;

/** Reads byte ranges of a binary table's heap (from THEAP after the first data byte) into a caller's buffer. */
final class HeapReader {
  private final TableLayout layout;

  HeapReader(TableLayout layout) {
    this.layout = layout;
  }

  /** Fills {@code target} from its position to its limit with the heap bytes from {@code from}, then rewinds it. */
  void read(long from, ByteBuffer target) {
    long position = layout.hdu.dataOffset() + layout.heapStart + from;
    try {
      layout.hdu.file().input().read(target, position);
    } catch (EOFException e) {
      throw new FitsFormatException(layout.hdu.context().withKeyword("PCOUNT").withOffset(position),
          "the file ends inside the heap");
    } catch (IOException e) {
      throw new FitsIOException(layout.hdu.context().withOffset(position), "cannot read the heap", e);
    }
    target.rewind();
  }
}
