package org.jfits.cli;

import static org.jfits.cli.MainTest.jfits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.TestFiles;
import org.jfits.export.DelimitedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jfits convert} to CSV and TSV, read back by Python's csv module and compared cell by cell
 * with astropy (src/test/python/cli_reference.py): nulls, logicals, scaled and string columns, arrays
 * and variable-length arrays.
 */
class ConvertCommandTest {
  @TempDir
  Path dir;

  @Test
  void csvAndTsvHoldTheCellsAstropyReads() throws Exception {
    String[][] cases = {
        {"real/astropy_tb.fits", "csv"},                      // scaled float, strings, logicals
        {"real/astropy_variable_length_table.fits", "tsv"},   // two variable-length columns
        {"real/fv_rosat_evt.fits", "csv"},                    // 2928 events, in chunks below
        {"real/astropy_ascii.fits", "csv"},                   // ASCII table with TNULL fields
        {"real/astropy_tdim.fits", "tsv"},                    // TDIM arrays
        {"derived/astropy_vla_q.fits", "csv"},                // 64-bit descriptors
    };
    for (String[] c : cases) {
      Path in = TestFiles.real(c[0]);
      Path out = dir.resolve(in.getFileName() + "." + c[1]);
      MainTest.Result r = jfits("convert", in + "[1]", "--out", out.toString());
      assertEquals(Main.OK, r.exit(), c[0] + ": " + r.err());
      TestFiles.Run check = TestFiles.run(List.of(TestFiles.python(), "src/test/python/cli_reference.py", c[1],
          out.toString(), in.toString(), "1"), 120);
      assertEquals("OK", check.stdout().strip(), c[0] + ": " + check.stdout() + check.stderr());
    }
  }

  @Test
  void nullsBecomeEmptyFields() throws Exception {
    Path in = dir.resolve("nulls.fits");
    TestFiles.Run write = TestFiles.run(List.of(TestFiles.python(), "-c", String.join("\n",
        "import sys, numpy as np",
        "from astropy.io import fits",
        "cols = [fits.Column(name='N', format='J', null=-99, array=np.array([1, -99, 3, -99], dtype=np.int32)),",
        "        fits.Column(name='F', format='E', array=np.array([1.5, np.nan, -2.25, 0], dtype=np.float32)),",
        "        fits.Column(name='S', format='6A', array=np.array(['ab', '', 'c d', 'x,\"y'])),",
        "        fits.Column(name='V', format='PI()', array=[np.array([1, 2], np.int16), np.array([], np.int16),",
        "                    np.array([7], np.int16), np.array([3, 4, 5], np.int16)])]",
        "fits.BinTableHDU.from_columns(cols).writeto(sys.argv[1])"), in.toString()), 60);
    assertEquals(0, write.exit(), write.stderr());
    Path out = dir.resolve("nulls.csv");
    assertEquals(Main.OK, jfits("convert", in.toString(), "--out", out.toString()).exit());
    TestFiles.Run check = TestFiles.run(List.of(TestFiles.python(), "src/test/python/cli_reference.py", "csv",
        out.toString(), in.toString(), "1"), 120);
    assertEquals("OK", check.stdout().strip(), check.stdout() + check.stderr());
    assertEquals(List.of("N,F,S,V", "1,1.5,ab,\"[1, 2]\"", ",,,[]", "3,-2.25,c d,[7]", ",0.0,\"x,\"\"y\",\"[3, 4, 5]\""),
        Files.readAllLines(out));
  }

  @Test
  void smallChunksGiveTheSameTextAndSelectionsApply() throws Exception {
    Path in = TestFiles.real("real/fv_rosat_evt.fits");
    Path whole = dir.resolve("whole.csv");
    Path chunked = dir.resolve("chunked.csv");
    try (FitsFile fits = Fits.open(in)) {
      assertEquals(2928, DelimitedText.csv().write(fits.hdu("EVENTS").table(), whole));
      assertEquals(2928, DelimitedText.csv().chunkRows(7).write(fits.hdu("EVENTS").table(), chunked));
    }
    assertEquals(Files.readString(whole), Files.readString(chunked));

    Path part = dir.resolve("part.csv");
    MainTest.Result r = jfits("convert", in.toString(), "--hdu", "EVENTS", "--columns", "pi,TIME", "--rows", "10:15",
        "--out", part.toString());
    assertEquals(Main.OK, r.exit(), r.err());
    List<String> lines = Files.readAllLines(part);
    assertEquals("PI,TIME", lines.get(0));
    assertEquals(6, lines.size());
    assertEquals(Files.readAllLines(whole).get(11).split(",")[3], lines.get(1).split(",")[0], "row 10's PI");

    Path existing = Files.writeString(dir.resolve("keep.csv"), "keep me");
    assertEquals(Main.USAGE, jfits("convert", in.toString(), "--hdu", "EVENTS", "--columns", "NOPE", "--out",
        existing.toString()).exit());
    assertEquals("keep me", Files.readString(existing), "a failed conversion leaves the old file");
    assertEquals(Main.USAGE, jfits("convert", in.toString(), "--out", dir.resolve("x.xlsx").toString()).exit());
    assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
    assertTrue(Files.readAllLines(whole).get(0).startsWith("X,Y,PHA,PI,TIME"));
  }

  @Test
  void aFilteredFitsCopyHoldsTheRowsAstropySelects() throws Exception {
    Path in = TestFiles.real("real/fv_rosat_evt.fits");
    Path out = dir.resolve("bright.fits");
    MainTest.Result r = jfits("convert", in + "[EVENTS]", "--where", "PI > 100 && PHA < 200", "--columns",
        "X,Y,PI,PHA,TIME", "--out", out.toString());
    assertEquals(Main.OK, r.exit(), r.err());
    TestFiles.Run check = TestFiles.run(List.of(TestFiles.python(), "-c", String.join("\n",
        "import sys, numpy as np",
        "from astropy.io import fits",
        "src = fits.getdata(sys.argv[1], 'EVENTS')",
        "want = src[(src['PI'] > 100) & (src['PHA'] < 200)]",
        "with fits.open(sys.argv[2]) as h:",
        "    got = h[1].data",
        "    same = all(np.array_equal(got[c], want[c]) for c in ['X', 'Y', 'PI', 'PHA', 'TIME'])",
        "    print(len(got), len(want), same, got.columns.names, h[1].header['TUNIT5'])"), in.toString(),
        out.toString()), 60);
    assertEquals(0, check.exit(), check.stderr());
    String[] f = check.stdout().strip().split(" ", 4);
    assertEquals(f[1], f[0], "row count");
    assertEquals("True", f[2], check.stdout());
    assertEquals("['X', 'Y', 'PHA', 'PI', 'TIME'] s", f[3], "FITS column order, units kept");
  }
}
