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

  /**
   * The heap bytes of a variable-length array descriptor of column {@code info} in table row {@code row}.
   *
   * @throws FitsFormatException naming TFORMn, the row and the descriptor's byte if the count or offset
   *     is negative or the elements reach past the heap
   */
  long checkDescriptor(ColumnInfo info, long row, long count, long position) {
    char type = info.format().elementType();
    long size = layout.heapSize;
    // count > 8 * size: more elements than the heap has bits, which also keeps the byte count from overflowing
    boolean bad = count < 0 || position < 0 || count > 8 * size || position > size
        || position + ColumnFormat.binaryWidth(type, count) > size;
    if (bad) {
      long at = layout.hdu.dataOffset() + row * layout.rowWidth + layout.offsets[info.number() - 1];
      throw new FitsFormatException(layout.hdu.context().withKeyword("TFORM" + info.number()).withOffset(at),
          "row " + row + " of column '" + info.name() + "': descriptor (count " + count + ", offset " + position
              + ") points outside the heap of " + size + " bytes (element size "
              + ColumnFormat.binaryWidth(type, 1) + ")");
    }
    return ColumnFormat.binaryWidth(type, count);
  }
}
