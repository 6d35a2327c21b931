package org.jfits.cli;

import static org.jfits.cli.MainTest.jfits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.jfits.TestFiles;
import org.jfits.cli.MainTest.Result;
import org.jfits.table.ColumnInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jfits export} of table HDUs: every table HDU of the test data (and the generated table of
 * complex, bit, unsigned and scaled columns that {@code astropy_table_reference.py} writes) is
 * exported whole and as a column subset of a row range, and {@code src/test/python/check_table_export.py}
 * compares each {@code .npz} with astropy in Debian's Python (members, dtypes, values, masks,
 * variable-length values and offsets). Errors: an unknown column, a bad row range, table options on an
 * image are usage errors (exit 2) whose first line says what is wrong, and write nothing.
 */
class TableExportTest {
  private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
  private static final Path PYTHON = MODULE.resolve("src/test/python");

  @TempDir
  Path dir;


  /** Table HDUs to export: not tile-compressed images (ZIMAGE) nor compressed tables (ZTABLE). */
  private static List<Path> fitsFiles() throws IOException {
    try (Stream<Path> walk = Stream.concat(Files.list(TestFiles.testData().resolve("real")),
        Files.list(TestFiles.testData().resolve("derived")))) {
      return walk.filter(p -> p.getFileName().toString().matches(".*\\.fits(\\.gz)?$|.*\\.fz$")).sorted()
          .collect(Collectors.toList());
    }
  }

  @Test
  void exportedTablesEqualAstropyInNumpy() throws Exception {
    Path generated = dir.resolve("astropy_types.fits");
    TestFiles.python("import sys; sys.path.insert(0, sys.argv[1]);"
        + " from astropy_table_reference import generated_table; generated_table(sys.argv[2])",
        PYTHON.toString(), generated.toString());
    List<Path> files = new ArrayList<>(fitsFiles());
    files.add(generated);
    StringBuilder manifest = new StringBuilder("[");
    int exports = 0;
    for (Path file : files) {
      List<int[]> tables = new ArrayList<>();
      List<List<String>> names = new ArrayList<>();
      try (FitsFile fits = Fits.open(file)) {
        for (Hdu hdu : fits) {
          if (!hdu.type().isTable() || hdu.header().getBoolean("ZIMAGE", false)
              || hdu.header().getBoolean("ZTABLE", false)) {
            continue;
          }
          tables.add(new int[] {hdu.index(), (int) hdu.axes()[1]});
          names.add(hdu.table().rows(0, 0).read().columns().stream().map(ColumnInfo::name).toList());
        }
      }
      for (int t = 0; t < tables.size(); t++) {
        int hdu = tables.get(t)[0];
        int rows = tables.get(t)[1];
        Path whole = dir.resolve(exports + ".npz");
        Result r = jfits("export", file.toString(), "--hdu", String.valueOf(hdu), "--out", whole.toString());
        assertEquals(0, r.exit(), () -> file + " HDU " + hdu + ": " + r.err());
        manifest.append(exports++ == 0 ? "" : ",").append(entry(whole, file, hdu, null, 0, rows));
        // every other column, asked for in reverse order, of the rows [1, rows - 1)
        List<String> chosen = new ArrayList<>();
        List<String> all = names.get(t);
        for (int i = all.size() - 1; i >= 0; i -= 2) {
          chosen.add(all.get(i));
        }
        int start = Math.min(1, rows);
        int stop = Math.max(start, rows - 1);
        Path part = dir.resolve(exports + ".npz");
        Result p = jfits("export", file.toString(), "--hdu", String.valueOf(hdu), "--out", part.toString(),
            "--columns", String.join(",", chosen), "--rows", start + ":" + stop);
        assertEquals(0, p.exit(), () -> file + " HDU " + hdu + " " + chosen + ": " + p.err());
        manifest.append(",").append(entry(part, file, hdu, chosen, start, stop));
        exports++;
      }
    }
    manifest.append("]");
    assertTrue(exports >= 50, "only " + exports + " table exports");
    Path manifestFile = Files.writeString(dir.resolve("manifest.json"), manifest);
    TestFiles.Run check = TestFiles.run(List.of(TestFiles.python(), PYTHON.resolve("check_table_export.py").toString(),
        manifestFile.toString()), 300);
    assertEquals(0, check.exit(), () -> "numpy/astropy disagree with the exports:\n" + check.stdout() + check.stderr());
    assertTrue(check.stdout().contains("checked " + exports + " exports"), check.stdout());
  }

  private static String entry(Path npz, Path fits, int hdu, List<String> columns, int start, int stop) {
    String cols = columns == null ? "null"
        : columns.stream().map(TableExportTest::quote).collect(Collectors.joining(",", "[", "]"));
    return "{\"npz\":" + quote(npz.toString()) + ",\"fits\":" + quote(fits.toString()) + ",\"hdu\":" + hdu
        + ",\"columns\":" + cols + ",\"start\":" + start + ",\"stop\":" + stop + "}";
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Test
  void rowRangeWithOpenEndsExportsTheSameRows() throws Exception {
    String file = TestFiles.real("real/fv_rate.fits").toString();
    Path head = dir.resolve("head.npz");
    Path tail = dir.resolve("tail.npz");
    assertEquals(0, jfits("export", file, "--hdu", "1", "--out", head.toString(), "--rows", ":10").exit());
    assertEquals(0, jfits("export", file, "--hdu", "1", "--out", tail.toString(), "--rows", "5360:",
        "--columns", "rate").exit());
    String out = TestFiles.python("import numpy as np, sys; from astropy.io import fits\n"
        + "d = fits.getdata(sys.argv[1], 1)\n"
        + "h = np.load(sys.argv[2]); t = np.load(sys.argv[3])\n"
        + "assert sorted(h.files) == ['ERROR', 'RATE', 'TIME'], h.files\n"
        + "assert t.files == ['RATE'], t.files\n"
        + "assert np.array_equal(h['TIME'], d['TIME'][:10]) and h['RATE'].dtype == np.float32\n"
        + "assert np.array_equal(t['RATE'], d['RATE'][5360:], equal_nan=True) and len(t['RATE']) == 11\n"
        + "print('ok')", file, head.toString(), tail.toString());
    assertEquals("ok", out.strip());
  }

  @Test
  void whereExportsTheRowsAnAstropyMaskSelects() throws Exception {
    String file = TestFiles.real("real/fv_rate.fits").toString();
    Path out = dir.resolve("bright.npz");
    Result r = jfits("export", file, "--hdu", "1", "--out", out.toString(), "--columns", "time,rate", "--rows",
        "100:5000", "--where", "RATE > 2 * ERROR && TIME % 2 < 1");
    assertEquals(0, r.exit(), r.err());
    String checked = TestFiles.python("import numpy as np, sys; from astropy.io import fits\n"
        + "d = fits.getdata(sys.argv[1], 1)[100:5000]\n"
        + "m = (d['RATE'] > 2 * d['ERROR']) & (np.fmod(d['TIME'], 2) < 1)\n"
        + "z = np.load(sys.argv[2])\n"
        + "assert sorted(z.files) == ['RATE', 'TIME'], z.files\n"
        + "assert 0 < m.sum() < len(d), m.sum()\n"
        + "assert np.array_equal(z['TIME'], d['TIME'][m]) and np.array_equal(z['RATE'], d['RATE'][m])\n"
        + "print(m.sum())", file, out.toString());
    assertTrue(Integer.parseInt(checked.strip()) > 0, checked);
  }

  @Test
  void whereThatCannotRunIsAUsageErrorPointingAtTheToken() {
    Path out = dir.resolve("t.npz");
    Result r = jfits("export", TestFiles.real("real/fv_rate.fits").toString(), "--hdu", "1", "--out",
        out.toString(), "--where", "RATE > 2 * EROR");
    assertEquals(Main.USAGE, r.exit(), r.err());
    String[] lines = r.err().split("\n");
    assertTrue(lines[0].startsWith("jfits: ") && lines[0].endsWith("unknown column 'EROR' at 11 (columns: TIME, RATE,"
        + " ERROR)"), lines[0]);
    assertEquals("  RATE > 2 * EROR", lines[1]);
    assertEquals("             ^", lines[2]);
    assertFalse(Files.exists(out), "nothing is written");
  }

  @Test
  void unknownColumnIsAUsageErrorListingTheColumns() {
    Path out = dir.resolve("t.npz");
    Result r = jfits("export", TestFiles.real("real/astropy_tb.fits").toString(), "--hdu", "1", "--out",
        out.toString(), "--columns", "c1,nope");
    assertEquals(Main.USAGE, r.exit(), r.err());
    String first = r.err().split("\n")[0];
    assertTrue(first.startsWith("jfits: ") && first.contains("no column named 'nope'")
        && first.contains("[c1, c2, c3, c4]"), first);
    assertEquals("", r.out());
    assertFalse(Files.exists(out), "nothing is written");
  }

  @Test
  void badRowRangesAndMisplacedOptionsAreUsageErrors() throws IOException {
    String table = TestFiles.real("real/astropy_tb.fits").toString();
    String image = TestFiles.real("real/fv_ngc1316o.fits").toString();
    Path out = dir.resolve("t.npz");
    String[][] cases = {
        {"export", table, "--hdu", "1", "--out", out.toString(), "--rows", "0:3"},
        {"export", table, "--hdu", "1", "--out", out.toString(), "--rows", "2:1"},
        {"export", table, "--hdu", "1", "--out", out.toString(), "--rows", "-1:1"},
        {"export", table, "--hdu", "1", "--out", out.toString(), "--rows", "1"},
        {"export", table, "--hdu", "1", "--out", out.toString(), "--rows", "a:b"},
        {"export", table, "--hdu", "1", "--out", out.toString(), "--columns", "c1,,c2"},
        {"export", table, "--hdu", "1", "--out", out.toString(), "--raw"},
        {"export", image, "--out", out.toString(), "--columns", "c1"},
        {"export", image, "--out", out.toString(), "--rows", "0:1"},
        {"export", image, "--out", out.toString(), "--where", "true"},
        {"export", table, "--hdu", "1", "--out", out.toString(), "--where", "c1 >"},
        {"export", table, "--hdu", "1", "--out", out.toString(), "--rows"},
    };
    for (String[] args : cases) {
      Result r = jfits(args);
      assertEquals(Main.USAGE, r.exit(), () -> String.join(" ", args) + ": " + r.err());
      assertTrue(r.err().startsWith("jfits: "), r.err());
      assertFalse(Files.exists(out), () -> String.join(" ", args) + " wrote a file");
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(), left.toList(), "no temporary files are left");
    }
  }
}
