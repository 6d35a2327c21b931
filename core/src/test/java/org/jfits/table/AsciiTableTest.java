package org.jfits.table;

import static org.jfits.table.TableFiles.assertSame;
import static org.jfits.table.TableFiles.kw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** ASCII tables: field types and widths as astropy chooses them, D exponents, nulls, implied decimals. */
class AsciiTableTest {
  private static final String FORMAT = "%-5s%3s%6s %12s%8s %10s %12s ";
  private static final String[][] FIELDS = {
      {"ab", "1", "123456", "-12345", "12.50", "1.500E+02", "-2.5000D-03"},
      {" c d", "-12", "-7", "99999999999", "-0.25", "-3.25E-01", "1.0000D+10"},
      {"", "*", "", "", "", "***", ""}};
  private static final String[] ROWS = new String[FIELDS.length];
  private static final int WIDTH = 60;

  static {
    for (int i = 0; i < FIELDS.length; i++) {
      ROWS[i] = String.format(FORMAT, (Object[]) FIELDS[i]);
    }
  }

  @TempDir
  Path dir;

  private Path write(String name, String... extra) throws Exception {
    List<String> cards = new ArrayList<>(List.of(kw("XTENSION", "'TABLE'"), kw("BITPIX", "8"), kw("NAXIS", "2"),
        kw("NAXIS1", "" + WIDTH), kw("NAXIS2", "" + ROWS.length), kw("PCOUNT", "0"), kw("GCOUNT", "1"),
        kw("TFIELDS", "7")));
    String[][] columns = {{"S", "A5", "1"}, {"I3", "I3", "6"}, {"I6", "I6", "9"}, {"I12", "I12", "16"},
        {"F", "F8.2", "28"}, {"E", "E10.3", "37"}, {"D", "D12.4", "48"}};
    for (int i = 0; i < columns.length; i++) {
      cards.add(kw("TTYPE" + (i + 1), "'" + columns[i][0] + "'"));
      cards.add(kw("TFORM" + (i + 1), "'" + columns[i][1] + "'"));
      cards.add(kw("TBCOL" + (i + 1), columns[i][2]));
    }
    cards.add(kw("TNULL2", "'*'"));
    cards.add(kw("TNULL6", "'***'"));
    for (String e : extra) {
      cards.add(e);
    }
    StringBuilder data = new StringBuilder();
    for (String row : ROWS) {
      assertEquals(WIDTH, row.length());
      data.append(row);
    }
    return TestFiles.write(dir, name, TableFiles.file(cards, TableFiles.ascii(data.toString())));
  }

  @Test
  void readsFieldsAsAstropyDoesWithBlanksAndNullsMissing() throws Exception {
    Path file = write("ascii.fits");
    List<List<String>> expected = TableFiles.astropy(file);
    try (FitsFile fits = Fits.open(file)) {
      FitsTable table = fits.hdu(1).table().read();
      for (List<String> column : expected) {
        String name = column.get(0);
        // astropy reads blank and TNULL numeric fields as 0; jfits makes them missing
        assertSame(name, column.subList(1, column.size()), TableFiles.actual(table, name),
            Set.of("0", "0.0", "s:"));
      }
      Table t = table.table();
      assertEquals(List.of(ColumnType.STRING, ColumnType.SHORT, ColumnType.INTEGER, ColumnType.LONG,
          ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.DOUBLE), t.types());
      for (int c = 1; c < 7; c++) {
        assertTrue(t.column(c).isMissing(2), t.column(c).name() + " row 2 is blank or TNULL");
      }
    }
  }

  @Test
  void realWithoutDecimalPointHasImpliedDecimals() throws Exception {
    String[] saved = ROWS.clone();
    ROWS[0] = ROWS[0].substring(0, 27) + "    1250" + ROWS[0].substring(35);
    assertEquals(WIDTH, ROWS[0].length());
    try {
      Path file = write("implied.fits");
      try (FitsFile fits = Fits.open(file)) {
        DoubleColumn f = (DoubleColumn) fits.hdu(1).table().columns("f").read().table().column("F");
        assertEquals(12.5, f.get(0), 0.0);
      }
    } finally {
      System.arraycopy(saved, 0, ROWS, 0, saved.length);
    }
  }

  @Test
  void fieldBeyondTheRowNamesTbcol() throws Exception {
    Path file = write("tbcol.fits", kw("TBCOL8", "60"), kw("TTYPE8", "'X'"), kw("TFORM8", "'I5'"));
    String bad = new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
        .replace("TFIELDS =                    7", "TFIELDS =                    8");
    java.nio.file.Files.write(file, bad.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    try (FitsFile fits = Fits.open(file)) {
      FitsFormatException e = assertThrows(FitsFormatException.class, () -> fits.hdu(1).table().read());
      assertEquals("TBCOL8", e.keyword().orElseThrow());
      assertTrue(e.offset().isPresent() && e.getMessage().contains(file.toString()), e.getMessage());
    }
  }

  @Test
  void unparsableNumberNamesTformRowAndByte() throws Exception {
    String[] saved = ROWS.clone();
    ROWS[1] = ROWS[1].substring(0, 8) + "x7" + ROWS[1].substring(10);
    try {
      Path file = write("garbage.fits");
      try (FitsFile fits = Fits.open(file)) {
        FitsFormatException e = assertThrows(FitsFormatException.class, () -> fits.hdu(1).table().read());
        assertEquals("TFORM3", e.keyword().orElseThrow());
        assertEquals(fits.hdu(1).dataOffset() + WIDTH + 8, e.offset().orElseThrow());
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
      }
    } finally {
      System.arraycopy(saved, 0, ROWS, 0, saved.length);
    }
  }
}
