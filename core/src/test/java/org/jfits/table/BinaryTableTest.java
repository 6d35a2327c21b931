package org.jfits.table;

import static org.jfits.table.TableFiles.assertSame;
import static org.jfits.table.TableFiles.kw;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;

/**
 * Every binary-table type code, scaling convention and null rule, on a small table written by hand,
 * checked value by value against astropy.
 */
class BinaryTableTest {
  private static final String[] COLUMNS = {"L", "L", "B", "B", "I", "I", "J", "J", "K", "K", "E", "E", "D", "D",
      "S", "5A", "SB", "B", "UI", "I", "UJ", "J", "UK", "K", "SI", "I", "NJ", "J", "AI", "3I", "CX", "2C", "MX", "M",
      "BITS", "10X", "SA", "6A", "ME", "4E", "LA", "2L", "SE", "E"};
  private static final int WIDTH = 1 + 1 + 2 + 4 + 8 + 4 + 8 + 5 + 1 + 2 + 4 + 8 + 2 + 4 + 6 + 16 + 16 + 2 + 6 + 16
      + 2 + 4;
  /** Columns where jfits has a missing value and what astropy's getdata has instead (it scales TNULL). */
  private static final Map<String, Set<String>> NULLS = Map.of("L", Set.of("False"), "E", Set.of("nan"),
      "SI", Set.of("9.5"), "NJ", Set.of("-5"));

  @TempDir
  static Path dir;
  static Path file;

  @BeforeAll
  static void write() throws Exception {
    List<String> cards = new ArrayList<>(TableFiles.binaryHeader(WIDTH, 3, 0, COLUMNS));
    cards.add(kw("TZERO9", "-128"));
    cards.add(kw("TZERO10", "32768"));
    cards.add(kw("TZERO11", "2147483648"));
    cards.add(kw("TZERO12", "9223372036854775808"));
    cards.add(kw("TSCAL13", "0.5"));
    cards.add(kw("TZERO13", "10"));
    cards.add(kw("TNULL13", "-1"));
    cards.add(kw("TNULL14", "-5"));
    cards.add(kw("TDIM19", "'(3,2)'"));
    cards.add(kw("TDIM20", "'(2,2)'"));
    cards.add(kw("TSCAL22", "2"));
    cards.add(kw("TZERO22", "1"));
    ByteBuffer b = TableFiles.rows(WIDTH * 3);
    byte[] logical = {'T', 'F', 0};
    int[] bytes = {0, 255, 7};
    short[] shorts = {Short.MIN_VALUE + 1, Short.MAX_VALUE, 5};
    int[] ints = {Integer.MIN_VALUE + 1, Integer.MAX_VALUE, -3};
    long[] longs = {Long.MIN_VALUE + 1, Long.MAX_VALUE, 0};
    float[] floats = {1.5f, Float.NaN, -0.1f};
    double[] doubles = {Math.PI, -1e300, Double.POSITIVE_INFINITY};
    // the minimum of each signed type is Tablesaw's missing value, so the test keeps clear of it
    String[] strings = {"ab   ", "hello", "x\0\0\0\0"};
    String[] pairs = {"abcdef", "x  yz ", "\0\0\0   "};
    for (int r = 0; r < 3; r++) {
      b.put(logical[r]).put((byte) bytes[r]).putShort(shorts[r]).putInt(ints[r]).putLong(longs[r]).putFloat(floats[r])
          .putDouble(doubles[r]).put(strings[r].getBytes(StandardCharsets.ISO_8859_1));
      b.put((byte) bytes[r]).putShort(shorts[r]).putInt(ints[r]).putLong(r == 2 ? 5 : longs[r] - (r == 0 ? 1 : 0));
      b.putShort((short) (r == 1 ? -1 : 4 + 3 * r)).putInt(r == 1 ? -5 : r);
      b.putShort((short) (r + 1)).putShort((short) (-r)).putShort((short) (100 * r));
      b.putFloat(1 + r).putFloat(2).putFloat(-3).putFloat(0.25f * r);
      b.putDouble(1.25).putDouble(-2.5 * r);
      b.put((byte) (0b10110000 >> r)).put((byte) 0b01000000);
      b.put(pairs[r].getBytes(StandardCharsets.ISO_8859_1));
      b.putFloat(r).putFloat(r + 0.5f).putFloat(-r).putFloat(1e30f);
      b.put((byte) 'T').put((byte) (r == 0 ? 'F' : 0));
      b.putFloat(3 + r);
    }
    assertEquals(WIDTH * 3, b.position());
    file = TestFiles.write(dir, "types.fits", TableFiles.file(cards, b.array()));
  }

  @Test
  void readsEveryTypeAsAstropyDoes() throws Exception {
    List<List<String>> expected = TableFiles.astropy(file);
    assertEquals(COLUMNS.length / 2, expected.size());
    try (FitsFile fits = Fits.open(file)) {
      FitsTable table = fits.hdu(1).table().read();
      for (List<String> column : expected) {
        String name = column.get(0);
        assertSame(name, column.subList(1, column.size()), TableFiles.actual(table, name),
            NULLS.getOrDefault(name, Set.of()));
      }
    }
  }

  @Test
  void putsScalarsInTablesawColumnsOfTheDocumentedTypes() {
    try (FitsFile fits = Fits.open(file)) {
      FitsTable table = fits.hdu(1).table().read();
      String[] names = {"L", "B", "I", "J", "K", "E", "D", "S", "SB", "UI", "UJ", "SI", "NJ", "SE"};
      ColumnType[] types = {ColumnType.BOOLEAN, ColumnType.SHORT, ColumnType.SHORT, ColumnType.INTEGER,
          ColumnType.LONG, ColumnType.FLOAT, ColumnType.DOUBLE, ColumnType.STRING, ColumnType.SHORT,
          ColumnType.INTEGER, ColumnType.LONG, ColumnType.DOUBLE, ColumnType.INTEGER, ColumnType.DOUBLE};
      assertEquals(List.of(names), table.table().columnNames());
      for (int i = 0; i < names.length; i++) {
        assertEquals(types[i], table.table().column(names[i]).type(), names[i]);
      }
      assertTrue(((BooleanColumn) table.table().column("L")).isMissing(2), "logical null byte 0 is missing");
    }
  }

  @Test
  void putsArraysComplexBitsAndUint64InNd4jArraysOfTheDocumentedShapes() {
    try (FitsFile fits = Fits.open(file)) {
      FitsTable table = fits.hdu(1).table().read();
      assertEquals(List.of("UK", "AI", "CX", "MX", "BITS", "SA", "ME", "LA"), List.copyOf(table.arrays().keySet()));
      assertArrayEquals(new long[] {3}, table.array("UK").shape());
      assertEquals(DataType.UINT64, table.array("UK").dataType());
      assertArrayEquals(new long[] {3, 3}, table.array("AI").shape());
      assertArrayEquals(new long[] {3, 2, 2}, table.array("CX").shape());
      assertEquals(DataType.FLOAT, table.array("CX").dataType());
      assertArrayEquals(new long[] {3, 2}, table.array("MX").shape());
      assertArrayEquals(new long[] {3, 10}, table.array("BITS").shape());
      assertEquals(DataType.BOOL, table.array("BITS").dataType());
      assertArrayEquals(new long[] {3, 2}, table.array("SA").shape());
      assertEquals(DataType.UTF8, table.array("SA").dataType());
      assertArrayEquals(new long[] {3, 2, 2}, table.array("ME").shape());
      assertArrayEquals(new long[] {3, 2}, table.array("LA").shape());
    }
  }

  /** Tables where a column is the whole row, or an array long enough for one bulk copy per row. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"J", "D", "I", "40I", "33J", "D,40J", "36K,E"})
  void bulkCopiesMatchAstropy(String forms) throws Exception {
    String[] f = forms.split(",");
    String[] columns = new String[2 * f.length];
    int width = 0;
    for (int c = 0; c < f.length; c++) {
      columns[2 * c] = "C" + c;
      columns[2 * c + 1] = f[c];
      width += (int) ColumnFormat.binary(f[c]).width();
    }
    int rows = 70_000;
    ByteBuffer b = TableFiles.rows(width * rows);
    java.util.Random random = new java.util.Random(forms.hashCode());
    while (b.hasRemaining()) {
      b.put((byte) random.nextInt());
    }
    Path bulk = TestFiles.write(dir, "bulk" + forms.replace(',', '_') + ".fits",
        TableFiles.file(TableFiles.binaryHeader(width, rows, 0, columns), b.array()));
    List<List<String>> expected = TableFiles.astropy(bulk);
    try (FitsFile fits = Fits.open(bulk)) {
      FitsTable table = fits.hdu(1).table().read();
      for (List<String> column : expected) {
        String name = column.get(0);
        // random bits: the signed minimum is Tablesaw's missing value; NaN floats are missing too
        assertSame(name, column.subList(1, column.size()), TableFiles.actual(table, name),
            Set.of("-32768", "-2147483648", "-9223372036854775808", "nan"));
      }
    }
  }
}
