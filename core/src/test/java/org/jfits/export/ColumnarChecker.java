package org.jfits.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfits.TestFiles;

/**
 * Collects what DuckDB or Arrow's reader found in exported files, with the FITS table each came from,
 * and runs {@code check_columnar_export.py} over them all, which compares them with astropy.
 */
public final class ColumnarChecker {
  private static final Path PYTHON = Path.of(System.getProperty("basedir", ".")).resolve("src/test/python");

  private final Path dir;
  private final List<Map<String, Object>> manifest = new ArrayList<>();

  /** A checker that keeps its files in {@code dir}. */
  public ColumnarChecker(Path dir) {
    this.dir = dir;
  }

  /** Reads a Parquet file with DuckDB and queues the check of the whole HDU {@code hdu} of {@code fits}. */
  public void parquet(Path file, Path fits, int hdu) throws Exception {
    parquet(file, fits, hdu, null, null, null);
  }

  /**
   * Reads a Parquet file with DuckDB and queues its check against a selection of HDU {@code hdu} of
   * {@code fits}: rows {@code [rows[0], rows[1])} (all if null), these columns (all if null), and the
   * rows where the numpy expression {@code mask} over astropy's columns is true (all if null).
   */
  public void parquet(Path file, Path fits, int hdu, List<Integer> rows, List<String> columns, String mask)
      throws Exception {
    try (DuckDbReader duck = new DuckDbReader()) {
      add(fits, hdu, "parquet", duck.dump(file), rows, columns, mask);
    }
  }

  /** Reads an Arrow IPC file with Arrow's Java reader and queues the check of the whole HDU. */
  public void arrow(Path file, Path fits, int hdu) throws Exception {
    arrow(file, fits, hdu, null, null, null);
  }

  /** As {@link #parquet(Path, Path, int, List, List, String)}, for an Arrow IPC file. */
  public void arrow(Path file, Path fits, int hdu, List<Integer> rows, List<String> columns, String mask)
      throws Exception {
    add(fits, hdu, "arrow", ArrowReference.read(file).dump(), rows, columns, mask);
  }

  /** Queues the check of a dump. */
  void add(Path fits, int hdu, String format, Map<String, Object> dump, List<Integer> rows, List<String> columns,
      String mask) throws Exception {
    Path json = dir.resolve("dump" + manifest.size() + ".json");
    Files.writeString(json, JsonOut.of(dump));
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("fits", fits.toString());
    entry.put("hdu", hdu);
    entry.put("dump", json.toString());
    entry.put("format", format);
    entry.put("rows", rows);
    entry.put("columns", columns);
    entry.put("mask", mask);
    manifest.add(entry);
  }

  /** The number of checks queued. */
  public int size() {
    return manifest.size();
  }

  /** Runs the checks; fails the test with the checker's message on the first difference. Returns its report. */
  public String run() throws Exception {
    Path path = dir.resolve("manifest.json");
    Files.writeString(path, JsonOut.of(manifest));
    return TestFiles.python("import sys; sys.path.insert(0, sys.argv[1]); from check_columnar_export import main;"
        + " main([None, sys.argv[2]])", PYTHON.toString(), path.toString());
  }

  /** Writes a table of {@code check_columnar_export.py} ({@code every_type_table}, ...) to {@code file}. */
  public static Path generated(String function, Path file) throws Exception {
    TestFiles.python("import sys; sys.path.insert(0, sys.argv[1]); from check_columnar_export import " + function
        + "; " + function + "(sys.argv[2])", PYTHON.toString(), file.toString());
    return file;
  }
}
