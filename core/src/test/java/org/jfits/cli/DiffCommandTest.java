package org.jfits.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfits.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jfits diff} against astropy's FITSDiff on pairs of files written by astropy. */
class DiffCommandTest {
  @TempDir
  Path dir;

  @Test
  void agreesWithAstropysFitsDiffOnWhatDiffersAndHowMuch() throws Exception {
    TestFiles.Run fixture = TestFiles.run(List.of(TestFiles.python(), "src/test/python/diff_fixture.py",
        dir.toString()), 120);
    assertEquals(0, fixture.exit(), fixture.stderr());
    List<String> lines = fixture.stdout().strip().lines().toList();
    assertEquals(6, lines.size(), fixture.stdout());
    for (String line : lines) {
      String[] f = line.split(" ");
      String name = f[0];
      boolean identical = Boolean.parseBoolean(f[1]);
      long pixels = Long.parseLong(f[2]);
      MainTest.Result r = MainTest.jfits("diff", dir.resolve(name + "-a.fits").toString(),
          dir.resolve(name + "-b.fits").toString());
      assertEquals(identical ? Main.OK : Main.DIFFERENT, r.exit(), name + ": " + r.out() + r.err());
      assertTrue(r.out().strip().endsWith(identical ? "No differences found." : "1 difference(s) found."),
          name + ": " + r.out());
      if (pixels > 0) {
        assertTrue(r.out().contains("data differ at " + pixels + " of 600 values"), name + ": " + r.out());
      }
    }
    assertTrue(MainTest.jfits("diff", dir.resolve("rows-a.fits").toString(), dir.resolve("rows-b.fits").toString())
        .out().contains("column FLUX differs in 2 row(s)"));
    assertTrue(MainTest.jfits("diff", dir.resolve("header-a.fits").toString(),
        dir.resolve("header-b.fits").toString()).out().contains("keyword EXPTIME has different values: a 30.0, b 31.0"));
  }

  @Test
  void tolerancesIgnoredKeywordsAndUnreadableFiles() throws Exception {
    TestFiles.run(List.of(TestFiles.python(), "src/test/python/diff_fixture.py", dir.toString()), 120);
    String a = dir.resolve("header-a.fits").toString();
    String b = dir.resolve("header-b.fits").toString();
    assertEquals(Main.OK, MainTest.jfits("diff", a, b, "--ignore-keywords", "EXPTIME,CHECKSUM,DATASUM").exit());
    assertEquals(Main.DIFFERENT, MainTest.jfits("diff", a, b, "--ignore-keywords", "EXPTIME").exit(),
        "CHECKSUM differs once it is no longer ignored");
    assertEquals(Main.OK, MainTest.jfits("diff", a, b, "--ignore-keywords", "CHECKSUM,DATASUM", "--rtol", "0.05")
        .exit(), "30 and 31 are within 5%");
    Path broken = Files.writeString(dir.resolve("broken.fits"), "not FITS at all");
    MainTest.Result r = MainTest.jfits("diff", a, broken.toString());
    assertEquals(Main.DIFF_TROUBLE, r.exit());
    assertTrue(r.err().startsWith("jfits: " + broken), r.err());
    assertEquals(Main.USAGE, MainTest.jfits("diff", a).exit());
  }
}
