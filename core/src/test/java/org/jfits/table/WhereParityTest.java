package org.jfits.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row filters select the rows numpy's masks select (and fitsio's {@code where()}, whose cfitsio
 * expressions agree wherever the two languages do), on a generated table holding every column kind
 * a filter meets (TNULL, TSCAL/TZERO, unsigned conventions, NaN, empty strings, undefined
 * logicals) and on real tables of the test data, binary and ASCII; filtered reads hold astropy's
 * values of the selected rows.
 *
 * <p>The reference is {@code src/test/python/where_reference.py}: it writes the generated tables
 * with numpy alone, and evaluates each case's numpy expression over astropy's columns, with null
 * masks computed from the stored bytes.
 */
class WhereParityTest {
  private static final Path SCRIPT = Path.of(System.getProperty("basedir", "."))
      .resolve("src/test/python/where_reference.py");

  /** jfits expression, numpy expression, fitsio expression ("-": fitsio's language differs). */
  private static final String[][] GENERATED_CASES = {
      {"I16 > 100", "(I16 > 100) & ~null_I16", "I16 > 100"},
      {"!(I16 > 100)", "~(I16 > 100) & ~null_I16", "!(I16 > 100)"},
      {"isnull(I16)", "null_I16", "ISNULL(I16)"},
      {"I16 > 100 || D < 0", "((I16 > 100) & ~null_I16) | (D < 0)", "I16 > 100 || D < 0"},
      {"I16 > 100 && D < 0", "(I16 > 100) & ~null_I16 & (D < 0)", "I16 > 100 && D < 0"},
      {"!(I16 > 100 && D < 0)", "~((I16 > 100) & (D < 0)) & (~null_I16 | (D >= 0))", "!(I16 > 100 && D < 0)"},
      {"!(I16 > 100 || D < 0)", "~((I16 > 100) | (D < 0)) & ~null_I16", "!(I16 > 100 || D < 0)"},
      {"-I16 >= 900", "(-I16 >= 900) & ~null_I16", "-I16 >= 900"},
      {"I16 % 7 == 3", "(np.fmod(I16, 7) == 3) & ~null_I16", "I16 % 7 == 3"},
      {"I16 % 7 == -3", "(np.fmod(I16, 7) == -3) & ~null_I16", "I16 % 7 == -3"},
      {"I16 / 4 > 10.5", "(I16 / 4 > 10.5) & ~null_I16", "-"},
      {"I16 * 3 + 1 == 301", "(I16 * 3 + 1 == 301) & ~null_I16", "I16 * 3 + 1 == 301"},
      {"FLT != FLT", "np.isnan(FLT)", "-"},
      {"FLT < 0.5", "FLT < 0.5", "FLT < 0.5"},
      {"FLT != 0.25", "FLT != 0.25", "-"},
      {"FLT == 0.25", "FLT == 0.25", "FLT == 0.25"},
      {"U16 >= 40000", "U16 >= 40000", "U16 >= 40000"},
      {"U32 > 3000000000", "U32 > 3000000000", "U32 > 3000000000"},
      {"S8 < -100", "S8 < -100", "S8 < -100"},
      {"S8 == -128 || S8 == 127", "(S8 == -128) | (S8 == 127)", "S8 == -128 || S8 == 127"},
      {"SC > 105.5", "(SC > 105.5) & ~null_SC", "SC > 105.5"},
      {"SC * 2 - 200 < 11", "(SC * 2 - 200 < 11) & ~null_SC", "SC * 2 - 200 < 11"},
      {"isnull(SC) && D > 1", "null_SC & (D > 1)", "ISNULL(SC) && D > 1"},
      {"NAME == 'abc'", "(NAME == 'abc') & ~null_NAME", "NAME == \"abc\""},
      {"name == \"abc def\"", "NAME == 'abc def'", "NAME == \"abc def\""},
      {"NAME != 'abc'", "(NAME != 'abc') & ~null_NAME", "-"},
      {"startswith(NAME, 'ab')", "np.char.startswith(NAME, 'ab') & ~null_NAME", "-"},
      {"NAME < 'm'", "(NAME < 'm') & ~null_NAME", "-"},
      {"isnull(NAME)", "null_NAME", "-"},
      {"FLAG", "FLAG & ~null_FLAG", "FLAG"},
      {"!FLAG", "~FLAG & ~null_FLAG", "!FLAG"},
      {"not flag", "~FLAG & ~null_FLAG", "-"},
      {"FLAG == true || isnull(FLAG)", "FLAG | null_FLAG", "FLAG == T || ISNULL(FLAG)"},
      {"FLAG || I16 > 990", "FLAG | ((I16 > 990) & ~null_I16)", "FLAG || I16 > 990"},
      {"FLAG != (I16 > 0)", "(FLAG != (I16 > 0)) & ~null_FLAG & ~null_I16", "-"},
      {"abs(D) < 0.5 && sqrt(abs(D)) > 0.1", "(np.abs(D) < 0.5) & (np.sqrt(np.abs(D)) > 0.1)", "-"},
      {"abs(I16) < 10", "(np.abs(I16) < 10) & ~null_I16", "-"},
      {"log10(abs(D) + 1) > 0.2 AND log(abs(D)) < 0", "(np.log10(np.abs(D) + 1) > 0.2) & (np.log(np.abs(D)) < 0)", "-"},
      {"sqrt(D) > 1", "np.sqrt(D) > 1", "-"},
      {"round(D * 10) == 3", "np.round(D * 10) == 3", "-"},
      {"round(D) == 2 || round(D) == -2", "(np.round(D) == 2) | (np.round(D) == -2)", "-"},
      {"floor(D) == -1 || ceil(D) == 3", "(np.floor(D) == -1) | (np.ceil(D) == 3)", "-"},
      {"D % 0.3 > 0.1", "np.fmod(D, 0.3) > 0.1", "-"},
      {"min(D, FLT) < -1", "np.minimum(D, FLT) < -1", "-"},
      {"max(D, FLT) > 1", "np.maximum(D, FLT) > 1", "-"},
      {"max(I16, S8) == S8", "(np.maximum(I16, S8) == S8) & ~null_I16", "-"},
      {"atan2(D, FLT) > 1 || atan(D) < -1.2", "(np.arctan2(D, FLT) > 1) | (np.arctan(D) < -1.2)", "-"},
      {"pow(abs(D), 0.5) > 1.5 || exp(D) < 0.1", "(np.power(np.abs(D), 0.5) > 1.5) | (np.exp(D) < 0.1)", "-"},
      {"sin(D) > 0.9 || cos(D) < -0.95 || tan(D) > 10",
          "(np.sin(D) > 0.9) | (np.cos(D) < -0.95) | (np.tan(D) > 10)", "-"},
      {"asin(D / 3) > 1 || acos(D / 3) < 0.2", "(np.arcsin(D / 3) > 1) | (np.arccos(D / 3) < 0.2)", "-"},
      {"ID >= 100 AND ID < 200 OR ID == 5", "((ID >= 100) & (ID < 200)) | (ID == 5)", "ID >= 100 && ID < 200 || ID == 5"},
      {"ID >= 100 AND (ID < 200 OR ID == 5)", "(ID >= 100) & (ID < 200)", "-"},
      {"`I16` == -1e3 || i16 == 1000", "((I16 == -1000) | (I16 == 1000)) & ~null_I16", "-"},
      {"true", "ID >= 0", "-"},
      {"false", "ID < 0", "-"},
      {"2 > 1 && ID < 3", "ID < 3", "-"},
  };

  @TempDir
  static Path dir;
  static Path generated;

  @BeforeAll
  static void generate() throws Exception {
    generated = dir.resolve("generated.fits");
    TestFiles.python(Files.readString(SCRIPT), "make", generated.toString(), "5000", "7");
  }

  @Test
  void selectsTheRowsNumpyAndFitsioSelectOnAGeneratedTable() throws Exception {
    List<long[][]> expected = reference(generated, 1, GENERATED_CASES);
    try (FitsFile fits = Fits.open(generated)) {
      for (int i = 0; i < GENERATED_CASES.length; i++) {
        String expression = GENERATED_CASES[i][0];
        int selected = expected.get(i)[0].length;
        if (!expression.equals("true") && !expression.equals("false")) {
          assertTrue(selected > 0 && selected < 5000, expression + " selects " + selected + " of 5000 rows; a case must"
              + " tell rows apart");
        }
        long[] actual = fits.hdu(1).table().where(expression).rowIndices();
        assertArrayEquals(expected.get(i)[0], actual, expression + " (numpy)");
        if (expected.get(i)[1] != null) {
          assertArrayEquals(expected.get(i)[1], actual, expression + " (fitsio)");
        }
      }
    }
  }

  @Test
  void filteredReadsHoldAstropysValuesOfTheSelectedRows() throws Exception {
    String[][] cases = {
        {"I16 > 100 || isnull(FLAG)", "((I16 > 100) & ~null_I16) | null_FLAG", "-"},
        {"startswith(NAME, 'ab') && FLT < 0", "np.char.startswith(NAME, 'ab') & ~null_NAME & (FLT < 0)", "-"},
        {"ID % 1000 == 999", "ID % 1000 == 999", "-"},
    };
    List<long[][]> expected = reference(generated, 1, cases);
    List<List<String>> astropy = TableFiles.astropy(generated);
    Map<String, Set<String>> nullsAs = Map.of("I16", Set.of("-99"), "FLT", Set.of("nan"), "NAME", Set.of("s:"),
        "FLAG", Set.of("False"));
    try (FitsFile fits = Fits.open(generated)) {
      for (int i = 0; i < cases.length; i++) {
        long[] rows = expected.get(i)[0];
        FitsTable table = fits.hdu(1).table().where(cases[i][0]).columns("NAME", "ID", "I16", "FLT", "U32", "FLAG")
            .read();
        assertEquals(rows.length, table.rowCount(), cases[i][0]);
        assertEquals(List.of("ID", "I16", "U32", "FLT", "NAME", "FLAG"), table.table().columnNames());
        for (List<String> column : astropy) {
          String name = column.get(0);
          if (!table.table().containsColumn(name)) {
            continue;
          }
          List<String> selected = new ArrayList<>();
          for (long r : rows) {
            selected.add(column.get(1 + (int) r));
          }
          TableFiles.assertSame(cases[i][0] + ": " + name, selected, TableFiles.actual(table, name),
              nullsAs.getOrDefault(name, Set.of()));
        }
      }
    }
  }

  @Test
  void rowRangesFilterOnlyTheirRowsAndCountFromTheTableStart() throws Exception {
    String[][] cases = {{"I16 > 500", "(I16 > 500) & ~null_I16 & (ID >= 1234) & (ID < 3000)", "-"}};
    long[] expected = reference(generated, 1, cases).get(0)[0];
    try (FitsFile fits = Fits.open(generated)) {
      TableReader reader = fits.hdu(1).table().rows(1234, 3000).where("I16 > 500");
      assertArrayEquals(expected, reader.rowIndices());
      FitsTable table = reader.columns("ID").read();
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], table.table().longColumn("ID").getLong(i), "row " + i);
      }
    }
  }

  @Test
  void largeTableGivesNumpysRowsOnOneThreadAndOnTwo() throws Exception {
    Path large = dir.resolve("large.fits");
    TestFiles.python(Files.readString(SCRIPT), "make", large.toString(), "300000", "11");
    String[][] cases = {
        {"FLT < -2.3 && !isnull(I16)", "(FLT < -2.3) & ~null_I16", "-"},
        {"D > -2.7 || FLAG", "(D > -2.7) | (FLAG & ~null_FLAG)", "-"},
    };
    List<long[][]> expected = reference(large, 1, cases);
    try (FitsFile fits = Fits.open(large)) {
      for (int i = 0; i < cases.length; i++) {
        long[] rows = expected.get(i)[0];
        for (int threads : new int[] {1, 2}) {
          TableReader reader = fits.hdu(1).table().where(cases[i][0]).threads(threads);
          String what = cases[i][0] + " on " + threads + " thread(s)";
          assertArrayEquals(rows, reader.rowIndices(), what);
          FitsTable table = reader.columns("ID", "NAME").read();
          assertArrayEquals(rows, table.table().longColumn("ID").asLongArray(), what);
          assertEquals(rows.length, table.table().stringColumn("NAME").size(), what);
        }
      }
    }
  }

  @Test
  void selectsTheRowsNumpyAndFitsioSelectOnRealBinaryTables() throws Exception {
    Path rosat = TestFiles.real("real/fv_rosat_evt.fits");
    String[][] events = {
        {"PHA > 20 && PI < 30", "(PHA > 20) & (PI < 30)", "PHA > 20 && PI < 30"},
        {"X - 8000 > 1000 || Y < 5000", "(X - 8000 > 1000) | (Y < 5000)", "X - 8000 > 1000 || Y < 5000"},
        {"TIME > 8.74e7 && DX % 2 == 0", "(TIME > 8.74e7) & (np.fmod(DX, 2) == 0)", "TIME > 8.74e7 && DX % 2 == 0"},
    };
    check(rosat, 2, events);
    Path rate = TestFiles.real("real/fv_rate.fits");
    String[][] rates = {
        {"RATE > 2 * ERROR", "RATE > 2 * ERROR", "RATE > 2 * ERROR"},
        {"sqrt(RATE) > 8 || TIME < 1000", "(np.sqrt(RATE) > 8) | (TIME < 1000)", "-"},
    };
    check(rate, 1, rates);
    Path tb = TestFiles.real("real/astropy_tb.fits");
    String[][] scaled = {
        {"c1 > 1 && !isnull(c1)", "(c1 > 1) & ~null_c1", "c1 > 1 && !ISNULL(c1)"},
        {"c3 > 5 && c4", "(c3 > 5) & c4 & ~null_c4", "c3 > 5 && c4"},
        {"c2 == 'abc' || c3 < 3", "((c2 == 'abc') & ~null_c2) | (c3 < 3)", "c2 == \"abc\" || c3 < 3"},
    };
    check(tb, 1, scaled);
  }

  @Test
  void selectsTheRowsNumpyAndFitsioSelectOnARealAsciiTable() throws Exception {
    Path ascii = TestFiles.real("real/fv_asciitab.fits");
    String[][] cases = {
        {"V < 10 && DecSign == '-'", "(V < 10) & ~null_V & (DecSign == '-')", "V < 10 && DecSign == \"-\""},
        {"isnull(V)", "null_V", "-"},
        {"Diam >= 30 || startswith(PK, '001')", "((Diam >= 30) & ~null_Diam) | (np.char.startswith(PK, '001') & ~null_PK)",
            "-"},
        {"RAM * 2 > 100 && RAH == 5", "(RAM * 2 > 100) & ~null_RAM & (RAH == 5) & ~null_RAH", "-"},
    };
    check(ascii, 1, cases);
  }

  /** Checks the cases on HDU {@code hdu} of a real file; each must select some rows, not all. */
  private static void check(Path file, int hdu, String[][] cases) throws Exception {
    List<long[][]> expected = reference(file, hdu, cases);
    try (FitsFile fits = Fits.open(file)) {
      for (int i = 0; i < cases.length; i++) {
        long rows = fits.hdu(hdu).axes()[1];
        long selected = expected.get(i)[0].length;
        assertTrue(selected > 0 && selected < rows, file.getFileName() + ": " + cases[i][0] + " selects " + selected
            + " of " + rows + " rows; a case must tell rows apart");
        long[] actual = fits.hdu(hdu).table().where(cases[i][0]).rowIndices();
        assertArrayEquals(expected.get(i)[0], actual, file.getFileName() + ": " + cases[i][0] + " (numpy)");
        if (expected.get(i)[1] != null) {
          assertArrayEquals(expected.get(i)[1], actual, file.getFileName() + ": " + cases[i][0] + " (fitsio)");
        }
      }
    }
  }

  /** numpy's and fitsio's (or null) row indices of each case. */
  static List<long[][]> reference(Path file, int hdu, String[][] cases) throws Exception {
    StringBuilder text = new StringBuilder();
    for (String[] c : cases) {
      text.append(c[1]).append('\t').append(c[2]).append('\n');
    }
    Path list = Files.createTempFile(dir, "cases", ".txt");
    Files.writeString(list, text);
    String out = TestFiles.python(Files.readString(SCRIPT), "eval", file.toString(), "" + hdu, list.toString());
    List<String> lines = new ArrayList<>(Arrays.asList(out.split("\n")));
    List<long[][]> result = new ArrayList<>();
    for (String[] c : cases) {
      long[] numpy = indices(lines.remove(0), "numpy");
      long[] fitsio = c[2].equals("-") ? null : indices(lines.remove(0), "fitsio");
      result.add(new long[][] {numpy, fitsio});
    }
    return result;
  }

  private static long[] indices(String line, String source) {
    assertEquals(source, line.substring(0, line.indexOf('\t')), "reference output " + line);
    String list = line.substring(line.indexOf('\t') + 1);
    return list.isEmpty() ? new long[0] : Arrays.stream(list.split(",")).mapToLong(Long::parseLong).toArray();
  }
}
