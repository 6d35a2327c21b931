package org.jfits.cli;

import static org.jfits.cli.MainTest.jfits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfits.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jfits convert FILE --out OUT.fits}: the selection copied as stored, checked by astropy against
 * its own selection of the source ({@code src/test/python/selected_rows_reference.py}) and by
 * fitsverify; an existing target is replaced, also by a copy without rows.
 */
class ConvertFitsCopyTest {
  private static final Path SCRIPT = Path.of("src/test/python/selected_rows_reference.py");

  @TempDir
  Path dir;

  @Test
  void aFilteredCopyOfAVariableLengthTableHoldsAstropysSelection() throws Exception {
    Path in = TestFiles.real("real/astropy_theap-gap.fits");
    Path out = dir.resolve("gap.fits");
    MainTest.Result r = jfits("convert", in.toString(), "--columns", "arr", "--rows", "10:300", "--where",
        "i % 7 < 3", "--out", out.toString());
    assertEquals(Main.OK, r.exit(), r.err());
    String report = check(in, out, "i % 7 < 3", "arr", 10, 300);
    assertTrue(r.out().contains("wrote " + rowsIn(report) + " rows"), r.out() + report);
  }

  @Test
  void aSelectionWithoutRowsReplacesAnExistingTargetWithAnEmptyTable() throws Exception {
    Path in = TestFiles.real("real/astropy_chandra_time.fits");
    Path out = dir.resolve("none.fits");
    Files.writeString(out, "an older file");
    MainTest.Result r = jfits("convert", in + "[1]", "--columns", "tdetx,time", "--where", "time < 0", "--out",
        out.toString(), "--overwrite");
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals("0", rowsIn(check(in, out, "time < 0", "tdetx,time", 0, -1)));
    assertTrue(r.out().contains("wrote 0 rows"), r.out());
  }

  /** Fails on any difference astropy or fitsverify finds; returns the reference's report. */
  private static String check(Path in, Path out, String mask, String columns, long start, long stop)
      throws Exception {
    TestFiles.Run run = TestFiles.run(List.of(TestFiles.python(), SCRIPT.toString(), "check", in.toString(), "1",
        out.toString(), mask, columns, Long.toString(start), Long.toString(stop)), 120);
    assertEquals(0, run.exit(), run.stderr());
    assertFalse(run.stdout().contains("MISMATCH"), run.stdout());
    TestFiles.Run verify = TestFiles.run(List.of("fitsverify", out.toString()), 120);
    assertTrue(verify.stdout().contains("**** Verification found 0 warning(s) and 0 error(s). ****"), verify.stdout());
    return run.stdout();
  }

  private static String rowsIn(String report) {
    return report.lines().filter(l -> l.startsWith("ROWS ")).findFirst().orElseThrow().substring(5);
  }
}
