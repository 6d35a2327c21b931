package org.jfits.write;

import java.nio.ByteBuffer;
import tech.tablesaw.api.BooleanColumn;

/** A Tablesaw boolean column as FITS logicals ({@code L}): {@code T}, {@code F}, and byte 0 for missing values. */
final class LogicalColumn extends TableColumn {
  private final BooleanColumn source;

  LogicalColumn(String name, BooleanColumn source) {
    super(name);
    this.source = source;
  }

  @Override
  long rows() {
    return source.size();
  }

  @Override
  String tform() {
    return "1L";
  }

  @Override
  long width() {
    return 1;
  }

  @Override
  void encode(ByteBuffer chunk, long first, int count, int rowWidth, int offset, ByteBuffer scratch) {
    int row = (int) first;
    for (int i = 0, at = offset; i < count; i++, at += rowWidth) {
      byte b = source.getByte(row + i);
      chunk.put(at, b == 1 ? (byte) 'T' : b == 0 ? (byte) 'F' : 0);
    }
  }
}
