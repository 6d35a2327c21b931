package org.jfits.cli;

import static org.jfits.cli.MainTest.jfits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfits.TestFiles;
import org.jfits.export.ColumnarChecker;
import org.jfits.export.DuckDbReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jfits convert} to Parquet ({@code .parquet}) and Arrow IPC ({@code .arrow}, {@code .feather})
 * with {@code --columns}, {@code --rows}, {@code --where} and {@code --compression}: the files are read
 * back by DuckDB and Arrow's Java reader and compared with astropy's selection of the same rows and
 * columns ({@code check_columnar_export.py}); a codec the format lacks is a usage error that writes
 * nothing.
 */
class ColumnarConvertTest {
  @TempDir
  Path dir;

  @Test
  void selectionsAndCodecsReachTheFiles() throws Exception {
    Path events = TestFiles.real("real/fv_rosat_evt.fits");
    ColumnarChecker checker = new ColumnarChecker(dir);
    Path parquet = dir.resolve("events.parquet");
    MainTest.Result r = jfits("convert", events + "[EVENTS]", "--out", parquet.toString(), "--columns", "PI,X,TIME",
        "--rows", "10:2500", "--compression", "zstd");
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals("wrote 2490 rows to " + parquet, r.out().strip());
    checker.parquet(parquet, events, 2, List.of(10, 2500), List.of("PI", "X", "TIME"), null);
    try (DuckDbReader duck = new DuckDbReader()) {
      assertEquals(List.of(List.of("ZSTD")), duck.query("SELECT DISTINCT compression FROM parquet_metadata("
          + DuckDbReader.literal(parquet) + ")"));
    }
    Path feather = dir.resolve("events.feather");
    r = jfits("convert", events.toString(), "--hdu", "EVENTS", "--out", feather.toString(), "--where",
        "PI > 100 && PI < 140");
    assertEquals(Main.OK, r.exit(), r.err());
    checker.arrow(feather, events, 2, null, null, "(PI > 100) & (PI < 140)");
    Path arrow = dir.resolve("every.arrow");
    Path every = ColumnarChecker.generated("every_type_table", dir.resolve("every.fits"));
    r = jfits("convert", every.toString(), "--out", arrow.toString(), "--compression", "zstd");
    assertEquals(Main.OK, r.exit(), r.err());
    checker.arrow(arrow, every, 1);
    Path lz4 = dir.resolve("every-lz4.feather");
    r = jfits("convert", every.toString(), "--out", lz4.toString(), "--compression", "lz4");
    assertEquals(Main.OK, r.exit(), r.err());
    checker.arrow(lz4, every, 1);
    Path lz4Parquet = dir.resolve("every-lz4.parquet");
    r = jfits("convert", every.toString(), "--out", lz4Parquet.toString(), "--compression", "lz4");
    assertEquals(Main.OK, r.exit(), r.err());
    checker.parquet(lz4Parquet, every, 1);
    try (DuckDbReader duck = new DuckDbReader()) {
      assertEquals(List.of(List.of("LZ4_RAW")), duck.query("SELECT DISTINCT compression FROM parquet_metadata("
          + DuckDbReader.literal(lz4Parquet) + ")"));
    }
    checker.run();
  }

  @Test
  void aFreshJvmExportsTheTypesAstropyReads() throws Exception {
    // which Tablesaw column-type instance a column carries depends on the order a JVM loads Tablesaw's
    // classes; a fresh JVM that reads an ASCII table first exposes a writer that compares types by identity
    Path ascii = TestFiles.real("real/astropy_ascii.fits");
    ColumnarChecker checker = new ColumnarChecker(dir);
    for (String name : new String[] {"ascii.parquet", "ascii.arrow"}) {
      Path out = dir.resolve(name);
      TestFiles.Run run = MainTest.separateJvm("convert", ascii.toString(), "--out", out.toString());
      assertEquals(Main.OK, run.exit(), run.stderr());
      if (name.endsWith(".parquet")) {
        checker.parquet(out, ascii, 1);
      } else {
        checker.arrow(out, ascii, 1);
      }
    }
    checker.run();
  }

  @Test
  void aCodecTheFormatLacksIsAUsageError() throws Exception {
    Path in = TestFiles.real("real/astropy_tb.fits");
    for (String[] c : new String[][] {{"out.parquet", "brotli"}, {"out.arrow", "gzip"}, {"out.csv", "zstd"}}) {
      Path out = dir.resolve(c[0]);
      MainTest.Result r = jfits("convert", in.toString(), "--out", out.toString(), "--compression", c[1]);
      assertEquals(Main.USAGE, r.exit(), c[0] + ": " + r.err());
      assertTrue(r.err().contains("--compression"), r.err());
      assertFalse(Files.exists(out), c[0]);
    }
  }
}
