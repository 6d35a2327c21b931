package org.jfits.table;

import static org.jfits.table.TableFiles.kw;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.FitsFormatException;
import org.jfits.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.indexing.NDArrayIndex;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Column selection, row ranges and parallel decoding give exactly the rows and columns of a whole
 * serial read, on a table of several row chunks; header mistakes name their keyword.
 */
class TableSelectionTest {
  private static final int ROWS = 300_000;
  private static final int WIDTH = 4 + 8 + 6 + 3 + 8;

  @TempDir
  static Path dir;
  static Path file;

  @BeforeAll
  static void write() throws Exception {
    List<String> cards = new ArrayList<>(TableFiles.binaryHeader(WIDTH, ROWS, 8 * 4, "ID", "J", "X", "D", "V", "3I",
        "S", "3A", "P", "PJ"));
    cards.add(kw("TNULL1", "-1"));
    ByteBuffer b = TableFiles.rows(WIDTH * ROWS + 32);
    for (int r = 0; r < ROWS; r++) {
      b.putInt(r % 1000 == 999 ? -1 : r).putDouble(r * 0.5).putShort((short) r).putShort((short) -r)
          .putShort((short) (r >> 16)).put((byte) ('a' + r % 26)).put((byte) 'z').put((byte) ' ')
          .putInt(r % 4).putInt(4 * (r % 4));
    }
    b.putInt(1).putInt(2).putInt(3).putInt(4).putInt(5).putInt(6).putInt(7).putInt(8);
    file = TestFiles.write(dir, "big.fits", TableFiles.file(cards, b.array()));
  }

  @Test
  void parallelReadEqualsSerialRead() {
    try (FitsFile fits = Fits.open(file)) {
      FitsTable serial = fits.hdu(1).table().threads(1).read();
      FitsTable parallel = fits.hdu(1).table().threads(7).read();
      assertEquals(serial.table().toString(), parallel.table().toString());
      for (String name : List.of("ID", "X", "S")) {
        assertEquals(serial.table().column(name).asList(), parallel.table().column(name).asList(), name);
      }
      assertEquals(serial.array("V"), parallel.array("V"));
      assertEquals(serial.ragged("P").values(), parallel.ragged("P").values());
      assertArrayEquals(serial.ragged("P").offsets(), parallel.ragged("P").offsets());
      IntColumn id = (IntColumn) parallel.table().column("ID");
      assertEquals(123_456, id.get(123_456));
      assertTrue(id.isMissing(999), "TNULL row");
      assertEquals(-12, parallel.array("V").getInt(12, 1));
      assertEquals(0, serial.ragged("P").length(0));
      assertEquals(3, serial.ragged("P").length(3));
      assertEquals(6, serial.ragged("P").row(3).getInt(2));
    }
  }

  @Test
  void rowRangeEqualsTheSameRowsOfAWholeRead() {
    try (FitsFile fits = Fits.open(file)) {
      FitsTable whole = fits.hdu(1).table().read();
      FitsTable part = fits.hdu(1).table().rows(70_001, 250_003).threads(3).read();
      assertEquals(180_002, part.rowCount());
      Table expected = whole.table().inRange(70_001, 250_003);
      for (String name : List.of("ID", "X", "S")) {
        assertEquals(expected.column(name).asList(), part.table().column(name).asList(), name);
      }
      assertEquals(whole.array("V").get(NDArrayIndex.interval(70_001, 250_003), NDArrayIndex.all()),
          part.array("V"));
      assertEquals(0, fits.hdu(1).table().rows(5, 5).read().rowCount());
    }
  }

  @Test
  void selectsColumnsByNameIgnoringCaseInFitsOrder() {
    try (FitsFile fits = Fits.open(file)) {
      FitsTable t = fits.hdu(1).table().columns("s", "x", "Id").rows(0, 3).read();
      assertEquals(List.of("ID", "X", "S"), t.table().columnNames());
      assertEquals(3, t.columns().size());
      assertTrue(t.arrays().isEmpty() && t.raggedColumns().isEmpty());
      assertEquals("bz", ((StringColumn) t.table().column("S")).get(1));
      assertEquals(1.0, ((DoubleColumn) t.table().column("X")).get(2), 0.0);
    }
  }

  @Test
  void unknownColumnListsTheNames() {
    try (FitsFile fits = Fits.open(file)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> fits.hdu(1).table().columns("ID", "nope").read());
      assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("[ID, X, V, S, P]"), e.getMessage());
    }
  }

  @Test
  void rowRangeOutsideTheTableIsRejected() {
    try (FitsFile fits = Fits.open(file)) {
      assertThrows(IllegalArgumentException.class, () -> fits.hdu(1).table().rows(-1, 5).read());
      assertThrows(IllegalArgumentException.class, () -> fits.hdu(1).table().rows(10, 5).read());
      assertThrows(IllegalArgumentException.class, () -> fits.hdu(1).table().rows(0, ROWS + 1).read());
    }
  }

  private FitsFormatException malformed(String name, List<String> cards, int dataBytes) throws Exception {
    Path bad = TestFiles.write(dir, name, TableFiles.file(cards, new byte[dataBytes]));
    try (FitsFile fits = Fits.open(bad)) {
      FitsFormatException e = assertThrows(FitsFormatException.class, () -> fits.hdu(1).table().read());
      assertTrue(e.getMessage().startsWith(bad.toString() + ", HDU 1"), e.getMessage());
      assertTrue(e.offset().isPresent(), "no byte offset: " + e.getMessage());
      return e;
    }
  }

  @Test
  void rowWidthThatDisagreesWithTformsNamesNaxis1() throws Exception {
    FitsFormatException e = malformed("naxis1.fits", TableFiles.binaryHeader(7, 2, 0, "A", "J", "B", "I"), 14);
    assertEquals("NAXIS1", e.keyword().orElseThrow());
    assertTrue(e.getMessage().contains("6 bytes"), e.getMessage());
  }

  @Test
  void garbageTformNamesTheKeyword() throws Exception {
    FitsFormatException e = malformed("tform.fits", TableFiles.binaryHeader(6, 2, 0, "A", "J", "B", "2Z"), 12);
    assertEquals("TFORM2", e.keyword().orElseThrow());
  }

  @Test
  void tdimThatDisagreesWithTheRepeatNamesTdim() throws Exception {
    List<String> cards = new ArrayList<>(TableFiles.binaryHeader(12, 1, 0, "A", "6I"));
    cards.add(kw("TDIM1", "'(4,2)'"));
    FitsFormatException e = malformed("tdim.fits", cards, 12);
    assertEquals("TDIM1", e.keyword().orElseThrow());
  }

  @Test
  void truncatedRowsAreAFormatErrorAtTheirOffset() throws Exception {
    byte[] whole = TableFiles.file(TableFiles.binaryHeader(4, 2000, 0, "A", "J"), new byte[8000]);
    Path cut = TestFiles.write(dir, "cut.fits", java.util.Arrays.copyOf(whole, whole.length - 5000));
    try (FitsFile fits = Fits.open(cut)) {
      FitsFormatException e = assertThrows(FitsFormatException.class, () -> fits.hdu(1).table().read());
      assertTrue(e.offset().isPresent() && e.getMessage().contains("ends inside the table"), e.getMessage());
    }
  }

  @Test
  void duplicateNamesGetTheColumnNumberAppended() throws Exception {
    List<String> cards = new ArrayList<>(TableFiles.binaryHeader(10, 1, 0, "A", "J", "a", "J", "A", "E"));
    ByteBuffer b = TableFiles.rows(12).putInt(1).putInt(2).putFloat(3);
    Path dup = TestFiles.write(dir, "dup.fits", TableFiles.file(cards, java.util.Arrays.copyOf(b.array(), 10)));
    List<String> fixedCards = new ArrayList<>(TableFiles.binaryHeader(12, 1, 0, "A", "J", "a", "J", "A", "E"));
    fixedCards.add(kw("TNULL3", "'NaN'")); // a string TNULL on a float column is kept, not applied
    Path fixed = TestFiles.write(dir, "dup12.fits", TableFiles.file(fixedCards, b.array()));
    try (FitsFile fits = Fits.open(fixed)) {
      FitsTable t = fits.hdu(1).table().read();
      assertEquals(List.of("A", "a_2", "A_3"), t.table().columnNames());
      assertEquals(2, ((IntColumn) t.table().column("a_2")).get(0));
      assertEquals("NaN", t.columns().get(2).nullValue());
    }
    try (FitsFile fits = Fits.open(dup)) {
      FitsFormatException e = assertThrows(FitsFormatException.class, () -> fits.hdu(1).table().read());
      assertEquals("NAXIS1", e.keyword().orElseThrow());
    }
  }
}
