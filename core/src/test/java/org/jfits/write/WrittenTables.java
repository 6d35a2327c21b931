package org.jfits.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfits.TestFiles;

/**
 * Helpers for tests of written tables: write an HDU to a file and compare astropy's reading of it
 * ({@code src/test/python/check_written_table.py}) with the values it was written from, described
 * by {@link Expected}.
 */
final class WrittenTables {
  private WrittenTables() {}

  /**
   * Writes {@code hdu} as the only extension of a new file {@code dir/name}, with CHECKSUM and DATASUM
   * (which fitsverify then checks over the rows and the heap).
   */
  static Path write(Path dir, String name, TableHdu hdu) {
    Path path = dir.resolve(name);
    try (FitsWriter out = FitsWriter.create(path).checksums(true)) {
      out.write(hdu);
    }
    return path;
  }

  /** Fails unless astropy reads HDU 1 of {@code file} as {@code expected} says. */
  static void assertAstropyReads(Path file, Expected expected) throws IOException, InterruptedException {
    Path json = file.resolveSibling(file.getFileName() + ".expected.json");
    Files.writeString(json, expected.json());
    TestFiles.Run run = TestFiles.run(List.of(TestFiles.python(), script("check_written_table.py").toString(),
        file.toString(), json.toString()), 300);
    assertEquals(0, run.exit(), () -> "check_written_table.py failed:\n" + run.stderr());
    assertEquals("OK", run.stdout().strip(), "astropy differs from the values written");
  }

  /** A script of {@code src/test/python}. */
  static Path script(String name) {
    return Path.of("src/test/python", name).toAbsolutePath();
  }

  /** The expected reading of a written table, as {@code check_written_table.py} takes it. */
  static final class Expected {
    private final Map<String, Object> root = new LinkedHashMap<>();
    private final List<Object> columns = new ArrayList<>();
    private final Map<String, Object> header = new LinkedHashMap<>();

    Expected(long rows, String extname) {
      root.put("nrows", rows);
      root.put("extname", extname);
      root.put("header", header);
      root.put("columns", columns);
    }

    /** A header card expected with this value. */
    Expected card(String keyword, Object value) {
      header.put(keyword, value);
      return this;
    }

    /**
     * A column expected, in order: its TFORM, kind and values; {@code keywords} alternate field and
     * value ({@code "unit", "m", "null", -32768L}).
     */
    Expected column(String name, String format, String kind, List<?> values, Object... keywords) {
      Map<String, Object> column = new LinkedHashMap<>();
      column.put("name", name);
      column.put("format", format);
      column.put("kind", kind);
      column.put("values", values);
      for (int i = 0; i < keywords.length; i += 2) {
        column.put((String) keywords[i], keywords[i + 1]);
      }
      columns.add(column);
      return this;
    }

    String json() {
      StringBuilder text = new StringBuilder();
      append(text, root);
      return text.toString();
    }

    private static void append(StringBuilder text, Object value) {
      if (value == null) {
        text.append("null");
      } else if (value instanceof Map<?, ?> map) {
        text.append('{');
        String sep = "";
        for (Map.Entry<?, ?> e : map.entrySet()) {
          text.append(sep);
          append(text, e.getKey().toString());
          text.append(": ");
          append(text, e.getValue());
          sep = ", ";
        }
        text.append('}');
      } else if (value instanceof List<?> list) {
        text.append('[');
        for (int i = 0; i < list.size(); i++) {
          text.append(i == 0 ? "" : ", ");
          append(text, list.get(i));
        }
        text.append(']');
      } else if (value instanceof String s) {
        text.append('"');
        for (char c : s.toCharArray()) {
          if (c == '"' || c == '\\') {
            text.append('\\');
          }
          text.append(c);
        }
        text.append('"');
      } else if (value instanceof Unsigned u) {
        text.append(Long.toUnsignedString(u.bits()));
      } else {
        text.append(value);
      }
    }
  }

  /** A 64-bit unsigned value, written to JSON as its unsigned decimal. */
  record Unsigned(long bits) {}
}
