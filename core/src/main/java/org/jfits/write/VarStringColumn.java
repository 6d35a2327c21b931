package org.jfits.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import tech.tablesaw.api.StringColumn;

/**
 * A Tablesaw string column as a variable-length character column ({@code 1PA(max)}, or {@code 1QA}
 * past 2^31 - 1 heap bytes): each string's ASCII bytes in the heap, without padding; missing values
 * are empty rows.
 */
final class VarStringColumn extends HeapColumn {
  private final StringColumn source;

  /** @throws IllegalArgumentException naming column and row for a string that is not printable ASCII */
  VarStringColumn(String name, StringColumn source) {
    super(name, byteOffsets(name, source), 1);
    this.source = source;
  }

  private static long[] byteOffsets(String name, StringColumn source) {
    long[] offsets = new long[source.size() + 1];
    for (int row = 0; row < source.size(); row++) {
      String s = source.get(row);
      checkAscii(name, row, s);
      offsets[row + 1] = offsets[row] + s.length();
    }
    return offsets;
  }

  @Override
  char code() {
    return 'A';
  }

  @Override
  void writeHeap(WritableByteChannel out, ByteBuffer buffer) throws IOException {
    for (int row = 0; row < source.size(); row++) {
      String s = source.get(row);
      for (int j = 0; j < s.length(); j++) {
        if (!buffer.hasRemaining()) {
          drain(out, buffer);
        }
        buffer.put((byte) s.charAt(j));
      }
    }
    drain(out, buffer);
  }
}
