package org.jfits.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfits.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code info}, {@code header -k}, {@code stats} and {@code table} in JSON, checked by astropy and numpy
 * (src/test/python/cli_reference.py parses jfits' JSON itself), and the many-file machinery.
 */
class InventoryCommandsTest {
  private static final List<String> IMAGES = List.of("real/astropy_blank.fits", "real/astropy_scale.fits",
      "real/fv_ngc1316o.fits", "real/astropy_test0.fits", "real/fv_datacube.fits");
  private static final List<String> TABLES = List.of("real/fv_rosat_evt.fits", "real/astropy_tb.fits",
      "real/astropy_ascii.fits");

  @TempDir
  Path dir;

  private static String[] args(String command, List<String> files, String... options) {
    List<String> a = new ArrayList<>(List.of(command));
    files.forEach(f -> a.add(TestFiles.real(f).toString()));
    a.addAll(List.of(options));
    return a.toArray(String[]::new);
  }

  private void assertAstropyAgrees(String mode, MainTest.Result result) throws Exception {
    assertEquals(Main.OK, result.exit(), result.err());
    Path output = dir.resolve(mode + ".json");
    Files.writeString(output, result.out());
    TestFiles.Run check = TestFiles.run(List.of(TestFiles.python(), "src/test/python/cli_reference.py", mode,
        output.toString()), 120);
    assertEquals(0, check.exit(), check.stderr());
    assertEquals("OK", check.stdout().strip(), "astropy disagrees with jfits " + mode + ":\n" + check.stdout());
  }

  @Test
  void infoAsJsonListsTheHdusAstropyLists() throws Exception {
    List<String> all = new ArrayList<>(IMAGES);
    all.addAll(TABLES);
    assertAstropyAgrees("info", MainTest.jfits(args("info", all, "-f", "json", "-J", "3")));
  }

  @Test
  void headerKeywordPatternsSelectTheCardsAstropyHas() throws Exception {
    assertAstropyAgrees("header", MainTest.jfits(args("header", IMAGES, "-k", "naxis*", "-k", "BITPIX", "-f",
        "jsonl")));
  }

  @Test
  void statsAreNumpysNanStatistics() throws Exception {
    assertAstropyAgrees("stats", MainTest.jfits(args("stats", IMAGES, "-f", "jsonl", "-J", "2")));
  }

  @Test
  void tableShowsTheColumnsAndFirstRowsAstropyReads() throws Exception {
    assertAstropyAgrees("table", MainTest.jfits(args("table", TABLES, "-f", "jsonl", "-n", "4")));
    MainTest.Result text = MainTest.jfits(args("table", List.of(TABLES.get(0)), "-n", "2", "--hdu", "EVENTS"));
    assertTrue(text.out().contains("2928 rows, 7 columns"), text.out());
  }

  @Test
  void tableShowsTheFirstRowsOfASelectionAsNumpyFindsThem() throws Exception {
    String events = TestFiles.real(TABLES.get(0)).toString();
    MainTest.Result r = MainTest.jfits("table", events, "--hdu", "EVENTS", "--columns", "X,PI", "--rows", "100:2000",
        "--where", "PI > 40 && X < 9000", "-n", "4", "-f", "jsonl");
    assertAstropyAgrees("table", r);
    List<String> rows = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    for (String line : r.out().lines().toList()) {
      Matcher row = Pattern.compile("\"kind\": \"row\", \"row\": (\\d+)").matcher(line);
      Matcher column = Pattern.compile("\"kind\": \"column\", \"name\": \"(\\w+)\"").matcher(line);
      if (row.find()) {
        rows.add(row.group(1));
      } else if (column.find()) {
        columns.add(column.group(1));
      }
    }
    String numpy = TestFiles.python("from astropy.io import fits; import numpy as np, sys\n"
        + "d = fits.getdata(sys.argv[1], 'EVENTS')\n"
        + "i = np.nonzero((d['PI'] > 40) & (d['X'] < 9000))[0]\n"
        + "print(', '.join(str(n) for n in i[(i >= 100) & (i < 2000)][:4]))\n", events);
    assertEquals(numpy.strip(), String.join(", ", rows));
    assertEquals(List.of("X", "PI"), columns);
  }

  @Test
  void filesFromAListOrStandardInputKeepTheirOrderAndAFailureDoesNotStopTheOthers() throws IOException {
    Path bad = Files.writeString(dir.resolve("not-fits.fits"), "SIMPLE  = nonsense");
    Path list = dir.resolve("files.txt");
    Files.writeString(list, "# inventory\n" + TestFiles.real(IMAGES.get(0)) + "\n\n" + bad + "\n"
        + TestFiles.real(IMAGES.get(2)) + "\n");
    MainTest.Result r = MainTest.jfits("info", "@" + list, "-f", "jsonl", "-J", "4");
    assertEquals(Main.BAD_FILE, r.exit());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.errLines().get(0).startsWith("jfits: " + bad), r.err());
    List<String> files = r.out().lines().map(l -> l.substring(l.indexOf(":") + 3, l.indexOf("\", "))).distinct()
        .toList();
    assertEquals(List.of(TestFiles.real(IMAGES.get(0)).toString(), TestFiles.real(IMAGES.get(2)).toString()), files);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String names = TestFiles.real(TABLES.get(0)) + "\n" + TestFiles.real(TABLES.get(1)) + "\n";
    int exit = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
        StandardCharsets.UTF_8), new ByteArrayInputStream(names.getBytes(StandardCharsets.UTF_8)), false)
        .run(new String[] {"info", "-"});
    assertEquals(Main.OK, exit, err.toString(StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.indexOf("fv_rosat_evt") < text.indexOf("astropy_tb"), text);
  }

  @Test
  void badOptionValuesAreUsageErrors() {
    assertEquals(Main.USAGE, MainTest.jfits(args("info", IMAGES, "-f", "xml")).exit());
    assertEquals(Main.USAGE, MainTest.jfits(args("info", IMAGES, "-J", "0")).exit());
    assertEquals(Main.USAGE, MainTest.jfits(args("stats", List.of(TABLES.get(0)), "--hdu", "1")).exit());
    MainTest.Result help = MainTest.jfits("stats", "--help");
    assertEquals(Main.OK, help.exit());
    assertTrue(help.out().contains("nanmedian"), help.out());
  }
}
