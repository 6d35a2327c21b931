package org.jfits.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * One column of a binary table being written: its name and descriptive keywords (TUNIT, TDISP,
 * TCOMM, TUCD), its layout keywords (TFORM, and TNULL, TZERO, TSCAL, TDIM where the kind of column
 * needs them), and the encoding of its cells into rows. Columns with a heap part (variable-length
 * arrays) also say how many heap bytes they need and write them once the table is placed.
 */
abstract class TableColumn {
  private final String name;
  private String unit = "";
  private String display = "";
  private String description = "";
  private String ucd = "";

  TableColumn(String name) {
    this.name = name;
  }

  /** TTYPE. */
  final String name() {
    return name;
  }

  final void unit(String text) {
    unit = text;
  }

  final void display(String text) {
    display = text;
  }

  final void description(String text) {
    description = text;
  }

  final void ucd(String text) {
    ucd = text;
  }

  /** The number of rows. */
  abstract long rows();

  /** TFORM. */
  abstract String tform();

  /** Bytes of one cell in a row. */
  abstract long width();

  /**
   * Sets the TNULL to write for missing values (integer columns) or as given (integer arrays).
   *
   * @throws IllegalArgumentException for columns without TNULL (logical, real, string)
   */
  void nullValue(long value) {
    throw new IllegalArgumentException("column " + name + " (TFORM " + tform() + ") has no TNULL: only integer"
        + " columns do");
  }

  /** Appends TNULL, TSCAL, TZERO and TDIM where needed; {@code n} is the 1-based column number. */
  void layoutCards(HeaderBuilder header, int n) {}

  /**
   * Encodes rows {@code [first, first + count)} into {@code chunk}: row {@code first + i} at byte
   * {@code i * rowWidth + offset}. {@code scratch} is a direct buffer of at least {@code count *
   * width()} bytes that the column may use freely.
   */
  abstract void encode(ByteBuffer chunk, long first, int count, int rowWidth, int offset, ByteBuffer scratch);

  /** Bytes this column puts in the heap. */
  long heapBytes() {
    return 0;
  }

  /**
   * Places this column's heap bytes at {@code start} (bytes from the start of the heap); offsets
   * beyond {@code narrowLimit} need 64-bit descriptors.
   */
  void placeHeap(long start, long narrowLimit) {}

  /** Writes this column's heap bytes through {@code buffer} (a direct buffer, big-endian, cleared). */
  void writeHeap(WritableByteChannel out, ByteBuffer buffer) throws IOException {}

  /** Appends every card of this column, as column {@code n}. */
  final void cards(HeaderBuilder header, int n) {
    header.add("TTYPE" + n, name, "");
    header.add("TFORM" + n, tform(), "");
    if (!unit.isEmpty()) {
      header.add("TUNIT" + n, unit, "");
    }
    layoutCards(header, n);
    if (!display.isEmpty()) {
      header.add("TDISP" + n, display, "");
    }
    if (!description.isEmpty()) {
      header.add("TCOMM" + n, description, "");
    }
    if (!ucd.isEmpty()) {
      header.add("TUCD" + n, ucd, "");
    }
  }

  /** Writes the buffer's remaining bytes, then clears it. */
  static void drain(WritableByteChannel out, ByteBuffer buffer) throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
    buffer.clear();
  }

  /**
   * Checks that a string is printable ASCII, which is all a FITS character column may hold.
   *
   * @throws IllegalArgumentException naming the column, the row and the character otherwise
   */
  static void checkAscii(String column, long row, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new IllegalArgumentException("column " + column + ", row " + row + ": character U+"
            + String.format("%04X", (int) c) + " at index " + i + " of \"" + text + "\" is not printable ASCII, the"
            + " only characters FITS strings may hold");
      }
    }
  }
}
