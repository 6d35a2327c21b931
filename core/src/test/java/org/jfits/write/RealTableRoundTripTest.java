package org.jfits.write;

import static org.jfits.write.WriteChecks.assertFitsverifyClean;
import static org.jfits.write.WrittenTables.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real tables of the test data read by jfits and written back with {@link TableHdu#of(org.jfits.table.FitsTable)}:
 * astropy must see the same columns, TFORMs, units, display formats, nulls, scaling, TDIM, values and
 * header cards in the copy as in the original ({@code src/test/python/compare_table_hdus.py}), and
 * fitsverify must find nothing wrong with the copy.
 */
class RealTableRoundTripTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} HDU {1}")
  @CsvSource({
      "real/fv_rate.fits, 1",
      "real/fv_rosat_evt.fits, 1",
      "real/fv_rosat_evt.fits, 2",
      "real/astropy_tb.fits, 1",
      "real/astropy_stddata.fits, 2",
      "real/astropy_variable_length_table.fits, 1",
      "real/astropy_memtest.fits, 1",
      "real/astropy_dss.fits.gz, 1",
      "real/astropy_tdim.fits, 1",
      "derived/astropy_vla_q.fits, 1",
  })
  void writesARealTableBackAsAstropyReadsTheOriginal(String file, int hdu) throws Exception {
    Path original = TestFiles.real(file);
    Path copy;
    try (FitsFile fits = Fits.open(original)) {
      copy = write(dir, "copy.fits", TableHdu.of(fits.hdu(hdu).table().read()));
    }
    assertFitsverifyClean(copy);
    TestFiles.Run run = TestFiles.run(List.of(TestFiles.python(),
        WrittenTables.script("compare_table_hdus.py").toString(), original.toString(), Integer.toString(hdu),
        copy.toString()), 300);
    assertEquals(0, run.exit(), () -> "compare_table_hdus.py failed:\n" + run.stderr());
    assertEquals("OK", run.stdout().strip(), "astropy sees a different table in the copy");
  }

  @Test
  void dropsColumnNumberedCardsWhenOnlySomeColumnsWereRead() throws Exception {
    Path copy;
    try (FitsFile fits = Fits.open(TestFiles.real("real/fv_rosat_evt.fits"))) {
      // TLMINn/TLMAXn of the original name columns 1-7; PHA and TIME become columns 1 and 2
      copy = write(dir, "subset.fits", TableHdu.of(fits.hdu(2).table().columns("PHA", "TIME").read()));
    }
    assertFitsverifyClean(copy);
    List<String> keywords = WriteChecks.astropyCards(copy, 1).stream().map(WriteChecks.AstropyCard::keyword).toList();
    assertTrue(keywords.containsAll(List.of("TTYPE1", "TTYPE2", "EXTNAME")), keywords.toString());
    assertFalse(keywords.stream().anyMatch(k -> k.startsWith("TLMIN") || k.startsWith("TLMAX")), keywords.toString());
    assertEquals("'PHA'", WriteChecks.astropyCards(copy, 1).stream().filter(c -> c.keyword().equals("TTYPE1"))
        .map(c -> "'" + c.value() + "'").findFirst().orElseThrow());
  }
}
