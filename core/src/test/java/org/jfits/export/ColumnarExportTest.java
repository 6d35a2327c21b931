package org.jfits.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.jfits.table.TableReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet and Arrow IPC export checked by independent readers against astropy: every file is read
 * back by DuckDB (Parquet) or Apache Arrow's Java reader (Arrow), and {@code check_columnar_export.py}
 * compares what they found (types, values, nulls, metadata) with astropy's reading of the source FITS
 * table. Sources: the table HDUs of the test data, the generated table of {@code
 * astropy_table_reference.py} and one of every TFORM type ({@code every_type_table}). The structure is
 * checked with the readers' own views: row groups and record batches per chunk, codecs, and Parquet
 * statistics against DuckDB's aggregates of the values.
 */
class ColumnarExportTest {
  @TempDir
  Path dir;

  private ColumnarChecker checker;

  @BeforeEach
  void checker() {
    checker = new ColumnarChecker(dir);
  }

  @Test
  void everyTableOfTheTestDataEqualsAstropyInParquetAndArrow() throws Exception {
    List<Path> files = new ArrayList<>(testDataFiles());
    files.add(generated("every_type_table"));
    files.add(astropyTypes());
    try (DuckDbReader duck = new DuckDbReader()) {
      for (Path file : files) {
        for (int hdu : tableHdus(file)) {
          try (FitsFile fits = Fits.open(file)) {
            Hdu table = fits.hdu(hdu);
            long rows = table.axes()[1];
            int chunk = (int) Math.max(4, rows / 3);
            long chunks = (rows + chunk - 1) / chunk;
            Path parquet = dir.resolve(checker.size() + ".parquet");
            assertEquals(rows, Parquet.writer().rowGroupRows(chunk).write(table.table(), parquet));
            assertEquals(chunks, ((Number) duck.single("SELECT count(DISTINCT row_group_id) FROM parquet_metadata("
                + DuckDbReader.literal(parquet) + ")")).longValue(), () -> file + "[" + hdu + "] row groups");
            checker.add(file, hdu, "parquet", duck.dump(parquet), null, null, null);
            Path arrow = dir.resolve(checker.size() + ".arrow");
            assertEquals(rows, ArrowIpc.writer().batchRows(chunk).write(table.table(), arrow));
            ArrowReference.Contents contents = ArrowReference.read(arrow);
            assertEquals(chunks, contents.batches(), () -> file + "[" + hdu + "] record batches");
            checker.add(file, hdu, "arrow", contents.dump(), null, null, null);
          }
        }
      }
    }
    String report = checker.run();
    assertTrue(report.contains("checked " + checker.size() + " files"), report);
  }

  @Test
  void everyCodecReadsBackTheSameValues() throws Exception {
    Path file = generated("every_type_table");
    try (DuckDbReader duck = new DuckDbReader(); FitsFile fits = Fits.open(file)) {
      TableReader reader = fits.hdu(1).table();
      for (Parquet.Codec codec : Parquet.Codec.values()) {
        Path parquet = dir.resolve(codec + ".parquet");
        Parquet.writer().compression(codec).rowGroupRows(4).write(reader, parquet);
        String expected = codec == Parquet.Codec.NONE ? "UNCOMPRESSED" : codec == Parquet.Codec.LZ4 ? "LZ4_RAW"
            : codec.name();
        assertEquals(List.of(List.of(expected)), duck.query("SELECT DISTINCT compression FROM parquet_metadata("
            + DuckDbReader.literal(parquet) + ")"));
        checker.add(file, 1, "parquet", duck.dump(parquet), null, null, null);
      }
      for (ArrowIpc.Codec codec : ArrowIpc.Codec.values()) {
        Path arrow = dir.resolve(codec + ".arrow");
        ArrowIpc.writer().compression(codec).batchRows(4).write(reader, arrow);
        checker.arrow(arrow, file, 1);
      }
      long plain = Files.size(dir.resolve("NONE.arrow"));
      assertTrue(Files.size(dir.resolve("ZSTD.arrow")) != plain, "ZSTD wrote the same bytes as NONE");
      assertTrue(Files.size(dir.resolve("LZ4.arrow")) != plain, "LZ4 wrote the same bytes as NONE");
    }
    checker.run();
  }

  @Test
  void statisticsAreTheMinimumMaximumAndNullsOfEachRowGroup() throws Exception {
    Path file = generated("every_type_table");
    Path parquet = dir.resolve("stats.parquet");
    int group = 4;
    try (FitsFile fits = Fits.open(file); DuckDbReader duck = new DuckDbReader()) {
      Parquet.writer().rowGroupRows(group).write(fits.hdu(1).table(), parquet);
      String source = DuckDbReader.literal(parquet);
      List<List<Object>> stats = duck.query("SELECT row_group_id, path_in_schema, stats_min_value, stats_max_value,"
          + " stats_null_count, type FROM parquet_metadata(" + source + ") WHERE path_in_schema NOT LIKE '%list%'");
      assertEquals(3 * 17, stats.size(), "17 scalar columns in 3 row groups: " + stats);
      for (List<Object> s : stats) {
        String column = "\"" + s.get(1) + "\"";
        boolean real = s.get(5).equals("FLOAT") || s.get(5).equals("DOUBLE");
        String value = real ? "CASE WHEN isnan(" + column + ") THEN NULL ELSE " + column + " END" : column;
        List<Object> actual = duck.query("SELECT CAST(min(" + value + ") AS VARCHAR), CAST(max(" + value
            + ") AS VARCHAR), count(*) - count(" + column + ") FROM read_parquet(" + source
            + ", file_row_number = true) WHERE file_row_number // " + group + " = " + s.get(0)).get(0);
        String where = s.get(1) + " in row group " + s.get(0);
        assertEquals(((Number) actual.get(2)).longValue(), ((Number) s.get(4)).longValue(), where + " nulls");
        if (real) {
          sameFloat(actual.get(0), s.get(2), where + " minimum");
          sameFloat(actual.get(1), s.get(3), where + " maximum");
        } else {
          assertEquals(actual.get(0), s.get(2), where + " minimum");
          assertEquals(actual.get(1), s.get(3), where + " maximum");
        }
      }
      // the statistics are what DuckDB prunes row groups and folds expressions by: unsigned order, not
      // signed; NaN counted (every_type_table has one NaN in e and one in d)
      assertEquals(1L, ((Number) duck.single("SELECT count(*) FROM read_parquet(" + source
          + ") WHERE uj > 4000000000")).longValue());
      assertEquals(List.of(List.of(1L, 1L)), duck.query("SELECT count(*) FILTER (WHERE isnan(e)),"
          + " count(*) FILTER (WHERE isnan(d)) FROM read_parquet(" + source + ")"));
    }
  }

  @Test
  void parquetLeavesCarryLogicalAndConvertedTypes() throws Exception {
    Path file = generated("every_type_table");
    Path parquet = dir.resolve("types.parquet");
    try (FitsFile fits = Fits.open(file); DuckDbReader duck = new DuckDbReader()) {
      Parquet.writer().write(fits.hdu(1).table(), parquet);
      List<List<Object>> schema = duck.query("SELECT name, type, converted_type, logical_type FROM parquet_schema("
          + DuckDbReader.literal(parquet) + ") WHERE name IN ('sb', 'b', 'i', 'ui', 'j', 'uj', 'k', 'uk', 'a')");
      assertEquals(List.of(integer("b", "INT32", 8, false), integer("sb", "INT32", 8, true),
          integer("i", "INT32", 16, true), integer("j", "INT32", 32, true), integer("k", "INT64", 64, true),
          integer("uk", "INT64", 64, false), integer("uj", "INT32", 32, false), integer("ui", "INT32", 16, false),
          List.of("a", "BYTE_ARRAY", "UTF8", "StringType()")), schema);
    }
  }

  /** A row of DuckDB's parquet_schema() for an integer leaf; DuckDB shows the bit width as a character. */
  private static List<Object> integer(String name, String physical, int bits, boolean signed) {
    return List.of(name, physical, (signed ? "INT_" : "UINT_") + bits, "IntType(bitWidth=" + (char) bits
        + ", isSigned=" + (signed ? 1 : 0) + ")");
  }

  @Test
  void aTableOfNoRowsKeepsItsSchema() throws Exception {
    Path file = generated("every_type_table");
    try (DuckDbReader duck = new DuckDbReader(); FitsFile fits = Fits.open(file)) {
      TableReader none = fits.hdu(1).table().rows(3, 3);
      Path parquet = dir.resolve("empty.parquet");
      assertEquals(0, Parquet.writer().write(none, parquet));
      checker.add(file, 1, "parquet", duck.dump(parquet), List.of(3, 3), null, null);
      Path arrow = dir.resolve("empty.arrow");
      assertEquals(0, ArrowIpc.writer().write(none, arrow));
      ArrowReference.Contents contents = ArrowReference.read(arrow);
      assertEquals(0, contents.batches());
      checker.add(file, 1, "arrow", contents.dump(), List.of(3, 3), null, null);
    }
    checker.run();
  }

  @Test
  void aFilterWritesOnlyTheChunksWithRowsItKeeps() throws Exception {
    Path file = generated("every_type_table");
    try (DuckDbReader duck = new DuckDbReader(); FitsFile fits = Fits.open(file)) {
      // j is -2^31, -1, 0, 2^31 - 1, 5, 6, 7, 8, 9: chunks of 3 rows keep 0, 1 and 3 rows
      TableReader reader = fits.hdu(1).table().where("j > 6");
      Path parquet = dir.resolve("kept.parquet");
      assertEquals(4, Parquet.writer().rowGroupRows(3).write(reader, parquet));
      assertEquals(List.of(List.of(0L, 1L), List.of(1L, 3L)), duck.query("SELECT row_group_id,"
          + " max(row_group_num_rows) FROM parquet_metadata(" + DuckDbReader.literal(parquet) + ")"
          + " GROUP BY 1 ORDER BY 1"));
      checker.add(file, 1, "parquet", duck.dump(parquet), null, null, "j > 6");
      Path arrow = dir.resolve("kept.arrow");
      assertEquals(4, ArrowIpc.writer().batchRows(3).write(reader, arrow));
      assertEquals(List.of(1, 3), ArrowReference.batchRows(arrow));
      checker.arrow(arrow, file, 1, null, null, "j > 6");
    }
    checker.run();
  }

  @Test
  void rowsOfLargeArraysMakeChunksOfAtMost64MiB() throws Exception {
    Path file = dir.resolve("wide.fits");
    int rows = 1100;
    int width = 8192; // 64 KiB per row: 1024 rows fill a chunk
    TestFiles.python("import numpy as np; from astropy.io import fits; import sys;"
        + " a = np.arange(" + rows + " * " + width + ", dtype='>f8').reshape(" + rows + ", " + width + ");"
        + " fits.BinTableHDU.from_columns([fits.Column('spec', '" + width + "D', array=a)]).writeto(sys.argv[1])",
        file.toString());
    double n = (double) rows * width;
    try (DuckDbReader duck = new DuckDbReader(); FitsFile fits = Fits.open(file)) {
      Path parquet = dir.resolve("wide.parquet");
      assertEquals(rows, Parquet.writer().write(fits.hdu(1).table(), parquet));
      String source = DuckDbReader.literal(parquet);
      assertEquals(List.of(List.of(1024L), List.of(76L)), duck.query("SELECT row_group_num_rows FROM"
          + " parquet_metadata(" + source + ") ORDER BY row_group_id"));
      assertEquals(List.of(List.of(n - 1)), duck.query("SELECT spec[" + width + "] FROM " + source + " OFFSET "
          + (rows - 1)));
      Path arrow = dir.resolve("wide.arrow");
      assertEquals(rows, ArrowIpc.writer().write(fits.hdu(1).table(), arrow));
      assertEquals(List.of(1024, 76), ArrowReference.batchRows(arrow));
    }
  }

  @Test
  void oddColumnNamesArriveAsTheyAre() throws Exception {
    Path file = dir.resolve("odd.fits");
    TestFiles.python("import numpy as np; from astropy.io import fits; import sys;"
        + " names = ['flux (mJy)', 'a.b', 'x,y', 'say \"hi\"', 'list', 'element', 'schema', \"it's\"];"
        + " fits.BinTableHDU.from_columns([fits.Column(n, 'J', array=np.arange(3) + i) for i, n in enumerate(names)])"
        + ".writeto(sys.argv[1])", file.toString());
    try (DuckDbReader duck = new DuckDbReader(); FitsFile fits = Fits.open(file)) {
      Path parquet = dir.resolve("odd.parquet");
      Parquet.writer().write(fits.hdu(1).table(), parquet);
      checker.add(file, 1, "parquet", duck.dump(parquet), null, null, null);
      Path arrow = dir.resolve("odd.arrow");
      ArrowIpc.writer().write(fits.hdu(1).table(), arrow);
      checker.arrow(arrow, file, 1);
    }
    checker.run();
  }

  @Test
  void aTargetThatCannotBeWrittenIsAnErrorThatLeavesNothing() throws Exception {
    Path file = generated("every_type_table");
    Path missing = dir.resolve("no such folder").resolve("out.parquet");
    try (FitsFile fits = Fits.open(file)) {
      TableReader reader = fits.hdu(1).table();
      IOException parquet = assertThrows(IOException.class, () -> Parquet.writer().write(reader, missing));
      assertTrue(parquet.getMessage().contains("no such folder"), parquet.getMessage());
      IOException arrow = assertThrows(IOException.class, () -> ArrowIpc.writer().write(reader,
          missing.resolveSibling("out.arrow")));
      assertTrue(arrow.getMessage().contains("no such folder"), arrow.getMessage());
      Path folder = Files.createDirectories(dir.resolve("taken.parquet").resolve("inside"));
      assertThrows(IOException.class, () -> Parquet.writer().write(reader, folder.getParent()));
      assertTrue(Files.isDirectory(folder));
      try (Stream<Path> left = Files.list(dir)) {
        assertEquals(List.of("every_type_table.fits", "taken.parquet"), left.map(p -> p.getFileName().toString())
            .sorted().collect(Collectors.toList()), "no temporary file is left behind");
      }
    }
    assertFalse(Files.exists(missing));
  }

  /** A float statistic against DuckDB's aggregate of the values; DuckDB shows an infinite statistic as null. */
  private static void sameFloat(Object aggregate, Object statistic, String where) {
    double value = number((String) aggregate);
    if (statistic == null) {
      assertTrue(Double.isInfinite(value), where + ": no statistic, and the values give " + aggregate);
    } else {
      assertEquals(value, number((String) statistic), 0.0, where);
    }
  }

  private static double number(String text) {
    return text.equals("inf") ? Double.POSITIVE_INFINITY : text.equals("-inf") ? Double.NEGATIVE_INFINITY
        : Double.parseDouble(text);
  }

  private Path generated(String function) throws Exception {
    Path file = dir.resolve(function + ".fits");
    return Files.exists(file) ? file : ColumnarChecker.generated(function, file);
  }

  private Path astropyTypes() throws Exception {
    Path file = dir.resolve("astropy_types.fits");
    TestFiles.python("import sys; sys.path.insert(0, sys.argv[1]); from astropy_table_reference import"
        + " generated_table; generated_table(sys.argv[2])",
        Path.of(System.getProperty("basedir", "."), "src/test/python").toString(),
        file.toString());
    return file;
  }

  /** The table HDUs of a file: not tile-compressed images (ZIMAGE) nor compressed tables (ZTABLE). */
  private static List<Integer> tableHdus(Path file) throws IOException {
    List<Integer> tables = new ArrayList<>();
    try (FitsFile fits = Fits.open(file)) {
      for (Hdu hdu : fits) {
        if (hdu.type().isTable() && !hdu.header().getBoolean("ZIMAGE", false)
            && !hdu.header().getBoolean("ZTABLE", false)) {
          tables.add(hdu.index());
        }
      }
    }
    return tables;
  }

  private static List<Path> testDataFiles() throws IOException {
    try (Stream<Path> walk = Stream.concat(Files.list(TestFiles.testData().resolve("real")),
        Files.list(TestFiles.testData().resolve("derived")))) {
      return walk.filter(p -> p.getFileName().toString().matches(".*\\.fits(\\.gz)?$")).sorted()
          .collect(Collectors.toList());
    }
  }
}
