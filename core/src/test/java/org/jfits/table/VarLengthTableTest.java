package org.jfits.table;

import static org.jfits.table.TableFiles.assertSame;
import static org.jfits.table.TableFiles.kw;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.FitsFormatException;
import org.jfits.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Variable-length columns (P and Q descriptors, a heap after a gap set by THEAP, string rows) checked
 * against astropy, and descriptors that point outside the heap reported with column, row and byte.
 */
class VarLengthTableTest {
  private static final int WIDTH = 8 + 16 + 8 + 4;
  private static final int GAP = 16;
  private static final int HEAP = 47;

  @TempDir
  Path dir;

  /** The table, with the count of column V in row 2 replaced by {@code badCount}. */
  private Path write(String name, int badCount) throws Exception {
    List<String> cards = new ArrayList<>(TableFiles.binaryHeader(WIDTH, 3, GAP + HEAP, "V", "PJ(3)", "Q", "QD(2)",
        "T", "PA(5)", "N", "J"));
    cards.add(kw("THEAP", "" + (WIDTH * 3 + GAP)));
    ByteBuffer b = TableFiles.rows(WIDTH * 3 + GAP + HEAP);
    long[][] v = {{3, 0}, {0, 0}, {badCount, 12}};
    long[][] q = {{1, 16}, {2, 24}, {0, 0}};
    long[][] t = {{2, 40}, {0, 0}, {5, 42}};
    for (int r = 0; r < 3; r++) {
      b.putInt((int) v[r][0]).putInt((int) v[r][1]).putLong(q[r][0]).putLong(q[r][1]).putInt((int) t[r][0])
          .putInt((int) t[r][1]).putInt(10 * r);
    }
    b.position(b.position() + GAP);
    b.putInt(1).putInt(2).putInt(3).putInt(7).putDouble(1.5).putDouble(2.5).putDouble(-1);
    b.put("hiabc  ".getBytes(StandardCharsets.US_ASCII));
    assertEquals(b.capacity(), b.position());
    return TestFiles.write(dir, name, TableFiles.file(cards, b.array()));
  }

  @Test
  void readsDescriptorsAndHeapAfterAGapAsAstropyDoes() throws Exception {
    Path file = write("vla.fits", 1);
    List<List<String>> expected = TableFiles.astropy(file);
    try (FitsFile fits = Fits.open(file)) {
      FitsTable table = fits.hdu(1).table().read();
      for (List<String> column : expected) {
        String name = column.get(0);
        // an empty string is Tablesaw's missing value
        assertSame(name, column.subList(1, column.size()), TableFiles.actual(table, name), Set.of("s:"));
      }
      RaggedColumn v = table.ragged("V");
      assertArrayEquals(new long[] {0, 3, 3, 4}, v.offsets());
      assertEquals(DataType.INT32, v.values().dataType());
      assertEquals(7, v.row(2).getInt(0));
      assertEquals(2, table.ragged("Q").length(1));
      assertEquals(List.of("T", "N"), table.table().columnNames());
    }
  }

  @Test
  void descriptorBeyondTheHeapNamesColumnRowAndByte() throws Exception {
    Path file = write("beyond.fits", 100);
    try (FitsFile fits = Fits.open(file)) {
      long descriptor = fits.hdu(1).dataOffset() + 2 * WIDTH;
      FitsFormatException e = assertThrows(FitsFormatException.class, () -> fits.hdu(1).table().read());
      assertEquals("TFORM1", e.keyword().orElseThrow());
      assertEquals(descriptor, e.offset().orElseThrow());
      assertEquals(1, e.hdu().getAsInt());
      assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains(file.toString()), e.getMessage());
      // the other columns still read
      assertEquals(3, fits.hdu(1).table().columns("N", "q").read().rowCount());
    }
  }

  @Test
  void negativeCountIsAFormatError() throws Exception {
    Path file = write("negative.fits", -1);
    try (FitsFile fits = Fits.open(file)) {
      FitsFormatException e = assertThrows(FitsFormatException.class, () -> fits.hdu(1).table().read());
      assertEquals("TFORM1", e.keyword().orElseThrow());
      assertTrue(e.getMessage().contains("count -1"), e.getMessage());
    }
  }

  @Test
  void realThapGapFileMatchesAstropy() throws Exception {
    Path file = TestFiles.real("real/astropy_theap-gap.fits");
    List<List<String>> expected = TableFiles.astropy(file);
    try (FitsFile fits = Fits.open(file)) {
      FitsTable table = fits.hdu(1).table().read();
      for (List<String> column : expected) {
        assertSame(column.get(0), column.subList(1, column.size()), TableFiles.actual(table, column.get(0)),
            Set.of());
      }
    }
  }

  @Test
  void readsVariableLengthBytesAndComplexAsAstropyDoes() throws Exception {
    ByteBuffer b = TableFiles.rows(2 * 16 + 27);
    b.putInt(2).putInt(0).putInt(1).putInt(3).putInt(1).putInt(2).putInt(2).putInt(11);
    b.put((byte) 'T').put((byte) 'F').put((byte) 'T');
    b.putFloat(1.5f).putFloat(-2).putFloat(3).putFloat(4).putFloat(0.25f).putFloat(Float.MAX_VALUE);
    Path file = TestFiles.write(dir, "logical.fits",
        TableFiles.file(TableFiles.binaryHeader(16, 2, 27, "L", "PB", "C", "PC"), b.array()));
    List<List<String>> expected = TableFiles.astropy(file);
    try (FitsFile fits = Fits.open(file)) {
      FitsTable table = fits.hdu(1).table().read();
      assertEquals(2, expected.size());
      for (List<String> column : expected) {
        assertSame(column.get(0), column.subList(1, column.size()), TableFiles.actual(table, column.get(0)),
            Set.of());
      }
      assertArrayEquals(new long[] {3, 2}, table.ragged("C").values().shape());
      assertEquals(DataType.UINT8, table.ragged("L").values().dataType());
    }
  }

  /**
   * A packed heap read in three slices: the slice bounds fall inside rows and between the two
   * components of complex elements' neighbours, and every row still matches astropy.
   */
  @Test
  void packedHeapReadInSlicesMatchesAstropy() throws Exception {
    int rows = 500;
    int[] lengths = new int[rows];
    int elements = 0;
    for (int r = 0; r < rows; r++) {
      lengths[r] = (r * 7) % 13;
      elements += lengths[r];
    }
    int heap = elements * (8 + 8);
    ByteBuffer b = TableFiles.rows(rows * 16 + heap);
    int at = 0;
    for (int r = 0; r < rows; r++) {
      b.putInt(lengths[r]).putInt(at * 8).putInt(lengths[r]).putInt(elements * 8 + at * 8);
      at += lengths[r];
    }
    for (int i = 0; i < elements; i++) {
      b.putDouble(i * 0.5 - 3);
    }
    for (int i = 0; i < elements; i++) {
      b.putFloat(i).putFloat(-i * 0.25f);
    }
    Path file = TestFiles.write(dir, "packed.fits",
        TableFiles.file(TableFiles.binaryHeader(16, rows, heap, "D", "PD", "C", "PC"), b.array()));
    List<List<String>> expected = TableFiles.astropy(file);
    try (FitsFile fits = Fits.open(file)) {
      FitsTable table = fits.hdu(1).table().threads(3).read();
      for (List<String> column : expected) {
        assertSame(column.get(0), column.subList(1, column.size()), TableFiles.actual(table, column.get(0)),
            Set.of());
      }
      assertEquals(elements, table.ragged("D").values().length());
    }
  }

  /**
   * astropy rejects PX ("Invalid column format") and reads PL heap bytes as raw int8 (it also writes
   * 1/0 there), so these expectations follow the standard: bits MSB first, logicals 'T'/'F'.
   */
  @Test
  void readsVariableLengthBitsAndLogicalsAsTheStandardSays() throws Exception {
    ByteBuffer b = TableFiles.rows(2 * 16 + 6);
    b.putInt(10).putInt(0).putInt(2).putInt(3).putInt(3).putInt(2).putInt(1).putInt(5);
    b.put((byte) 0b10110011).put((byte) 0b11000000).put((byte) 0b01100000).put((byte) 'T').put((byte) 'F')
        .put((byte) 'T');
    Path file = TestFiles.write(dir, "bits.fits", TableFiles.file(TableFiles.binaryHeader(16, 2, 6, "B", "PX",
        "L", "PL"), b.array()));
    try (FitsFile fits = Fits.open(file)) {
      RaggedColumn bits = fits.hdu(1).table().read().ragged("B");
      assertEquals(List.of(true, false, true, true, false, false, true, true, true, true, false, true, true),
          TableFiles.values(bits.values()));
      assertArrayEquals(new long[] {0, 10, 13}, bits.offsets());
      RaggedColumn logicals = fits.hdu(1).table().read().ragged("L");
      assertEquals(List.of(true, false, true), TableFiles.values(logicals.values()));
      assertArrayEquals(new long[] {0, 2, 3}, logicals.offsets());
    }
  }

  /**
   * Rows whose elements are out of heap order, shared between rows or left with gaps between them
   * are each converted at their own place; long rows (bulk copies) as well as short ones.
   */
  @Test
  void readsRowsInAnyHeapOrder() throws Exception {
    int longRow = 40;
    int heapInts = longRow + 8;
    ByteBuffer b = TableFiles.rows(3 * 8 + 4 * heapInts);
    b.putInt(2).putInt(4 * (heapInts - 2)).putInt(longRow).putInt(0).putInt(3).putInt(4 * 1);
    for (int k = 0; k < heapInts; k++) {
      b.putInt(k * k);
    }
    Path file = TestFiles.write(dir, "order.fits", TableFiles.file(TableFiles.binaryHeader(8, 3, 4 * heapInts,
        "V", "PJ(40)"), b.array()));
    try (FitsFile fits = Fits.open(file)) {
      RaggedColumn v = fits.hdu(1).table().read().ragged("V");
      List<Object> expected = new ArrayList<>();
      for (int k : new int[] {heapInts - 2, heapInts - 1}) {
        expected.add((long) k * k);
      }
      for (int k = 0; k < longRow; k++) {
        expected.add((long) k * k);
      }
      for (int k = 1; k < 4; k++) {
        expected.add((long) k * k);
      }
      assertEquals(expected, TableFiles.values(v.values()));
      assertArrayEquals(new long[] {0, 2, 2 + longRow, 5 + longRow}, v.offsets());
    }
  }
}
