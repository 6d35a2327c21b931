package org.jfits.write;

import java.nio.ByteBuffer;
import tech.tablesaw.api.StringColumn;

/**
 * A Tablesaw string column as a fixed-width character column ({@code rA}): each string in its
 * field, padded with blanks; missing values (Tablesaw's "") are blank fields. The width is the
 * longest string (at least 1, or more when asked). Trailing blanks are not significant in FITS
 * strings, so they do not come back on reading.
 */
final class AsciiColumn extends TableColumn {
  private final StringColumn source;
  private final int width;

  /**
   * @param minWidth the narrowest field wanted (the width a column read from a file had), or 1
   * @throws IllegalArgumentException naming column and row for a string that is not printable ASCII
   */
  AsciiColumn(String name, StringColumn source, int minWidth) {
    super(name);
    this.source = source;
    int longest = Math.max(1, minWidth);
    for (int row = 0; row < source.size(); row++) {
      String s = source.get(row);
      checkAscii(name, row, s);
      longest = Math.max(longest, s.length());
    }
    this.width = longest;
  }

  @Override
  long rows() {
    return source.size();
  }

  @Override
  String tform() {
    return width + "A";
  }

  @Override
  long width() {
    return width;
  }

  @Override
  void encode(ByteBuffer chunk, long first, int count, int rowWidth, int offset, ByteBuffer scratch) {
    int row = (int) first;
    for (int i = 0, at = offset; i < count; i++, at += rowWidth) {
      String s = source.get(row + i);
      int length = s.length();
      for (int j = 0; j < length; j++) {
        chunk.put(at + j, (byte) s.charAt(j));
      }
      for (int j = length; j < width; j++) {
        chunk.put(at + j, (byte) ' ');
      }
    }
  }
}
