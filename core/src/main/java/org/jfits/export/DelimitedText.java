package org.jfits.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.jfits.io.AtomicOutput;
import org.jfits.table.ColumnInfo;
import org.jfits.table.FitsTable;
import org.jfits.table.RaggedColumn;
import org.jfits.table.TableReader;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.columns.Column;

/**
 * Writes a FITS table as CSV or TSV text, streaming: the table is read in chunks of rows, so a table
 * larger than memory converts in bounded memory. One header line of column names, then one line per
 * row in FITS column order. Fields follow RFC 4180 (quoted when they hold the delimiter, a quote or a
 * line break; quotes doubled); missing values (TNULL, NaN, undefined logicals, blank ASCII fields)
 * are empty fields; logicals are {@code True}/{@code False} as astropy writes them; numbers are the
 * shortest text that reads back to the same float32 or float64 (no exponent from 1e-4 to 1e16); fixed-size array and
 * variable-length columns are one field each, {@code [v1, v2, ...]} in C order.
 */
public final class DelimitedText {
  private static final int DEFAULT_CHUNK = 65_536;
  private static final int MIN_SLICE_ROWS = 256;

  private final char delimiter;
  private int chunkRows = DEFAULT_CHUNK;

  private DelimitedText(char delimiter) {
    this.delimiter = delimiter;
  }

  /** Comma-separated values. */
  public static DelimitedText csv() {
    return new DelimitedText(',');
  }

  /** Tab-separated values. */
  public static DelimitedText tsv() {
    return new DelimitedText('\t');
  }

  /** Rows read and written per chunk, at most (65536 by default; fewer where they hold over 64 MiB). */
  public DelimitedText chunkRows(int rows) {
    this.chunkRows = ChunkedFile.chunkRows(rows, "chunks");
    return this;
  }

  /**
   * Writes the rows and columns {@code reader} selects to {@code target} (through a temporary file
   * renamed into place) and returns the number of rows written.
   */
  public long write(TableReader reader, Path target) throws IOException {
    long[] rows = {0};
    AtomicOutput.write(target, temp -> {
      try (Writer out = new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8), 1 << 16)) {
        boolean header = true;
        for (FitsTable chunk : reader.chunks(ChunkedFile.rowsWithinBudget(reader, chunkRows))) {
          if (header) {
            StringBuilder names = new StringBuilder();
            List<ColumnInfo> columns = chunk.columns();
            for (int i = 0; i < columns.size(); i++) {
              if (i > 0) {
                names.append(delimiter);
              }
              quote(columns.get(i).name(), names);
            }
            out.append(names.append('\n'));
            header = false;
          }
          write(chunk, out);
          rows[0] += chunk.rowCount();
        }
      }
    });
    return rows[0];
  }

  /**
   * Writes the rows of a chunk: their text is made in slices (a few per core, at least
   * {@link #MIN_SLICE_ROWS} rows each) on the common fork-join pool, then written in order.
   */
  private void write(FitsTable chunk, Writer out) throws IOException {
    List<ColumnInfo> columns = chunk.columns();
    FieldText[] fields = new FieldText[columns.size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = fieldText(chunk, columns.get(i).name());
    }
    int rows = (int) chunk.rowCount();
    int slices = Math.max(1, Math.min(4 * ForkJoinPool.getCommonPoolParallelism(), rows / MIN_SLICE_ROWS));
    String[] text = IntStream.range(0, slices).parallel()
        .mapToObj(k -> lines(fields, (int) ((long) rows * k / slices), (int) ((long) rows * (k + 1) / slices)))
        .toArray(String[]::new);
    for (String lines : text) {
      out.write(lines);
    }
  }

  private String lines(FieldText[] fields, int from, int to) {
    StringBuilder lines = new StringBuilder((to - from) * 16 * fields.length);
    for (int row = from; row < to; row++) {
      for (int i = 0; i < fields.length; i++) {
        if (i > 0) {
          lines.append(delimiter);
        }
        fields[i].append(row, lines);
      }
      lines.append('\n');
    }
    return lines.toString();
  }

  /** Appends the text of one column's field in a row (nothing for a missing value). */
  @FunctionalInterface
  private interface FieldText {
    void append(int row, StringBuilder line);
  }

  /** How the fields of column {@code name} of a chunk are written, chosen once per chunk. */
  private FieldText fieldText(FitsTable t, String name) {
    if (t.table().containsColumn(name)) {
      Column<?> column = t.table().column(name);
      if (column instanceof DoubleColumn c) {
        return (row, line) -> {
          if (!c.isMissing(row)) {
            line.append(number(Double.toString(c.getDouble(row)), c.getDouble(row)));
          }
        };
      }
      if (column instanceof FloatColumn c) {
        return (row, line) -> {
          if (!c.isMissing(row)) {
            line.append(number(Float.toString(c.getFloat(row)), c.getFloat(row)));
          }
        };
      }
      if (column instanceof LongColumn c) {
        return (row, line) -> {
          if (!c.isMissing(row)) {
            line.append(c.getLong(row));
          }
        };
      }
      if (column instanceof IntColumn c) {
        return (row, line) -> {
          if (!c.isMissing(row)) {
            line.append(c.getInt(row));
          }
        };
      }
      if (column instanceof ShortColumn c) {
        return (row, line) -> {
          if (!c.isMissing(row)) {
            line.append(c.getShort(row));
          }
        };
      }
      if (column instanceof BooleanColumn c) {
        return (row, line) -> {
          if (!c.isMissing(row)) {
            line.append(c.get(row) ? "True" : "False");
          }
        };
      }
      return (row, line) -> {
        if (!column.isMissing(row)) {
          quote(String.valueOf(column.get(row)), line);
        }
      };
    }
    RaggedColumn ragged = t.raggedColumns().get(name);
    if (ragged != null) {
      return (row, line) -> quote(list(ragged.row(row)), line);
    }
    INDArray array = t.array(name);
    if (array == null) {
      return (row, line) -> {};
    }
    return array.rank() == 1 ? (row, line) -> quote(element(array, row), line)
        : (row, line) -> quote(list(array.slice(row)), line);
  }

  private static String list(INDArray values) {
    INDArray flat = values.reshape(values.length());
    StringBuilder text = new StringBuilder("[");
    for (long i = 0; i < flat.length(); i++) {
      text.append(i == 0 ? "" : ", ").append(element(flat, i));
    }
    return text.append(']').toString();
  }

  private static String element(INDArray flat, long i) {
    return switch (flat.dataType()) {
      case FLOAT -> number(Float.toString(flat.getFloat(i)), flat.getFloat(i));
      case DOUBLE -> number(Double.toString(flat.getDouble(i)), flat.getDouble(i));
      case BOOL -> flat.getDouble(i) != 0 ? "True" : "False";
      case UTF8 -> flat.getString(i);
      default -> String.valueOf(flat.getLong(i));
    };
  }

  /**
   * {@code shortest}, the shortest digits that read back as the same float or double {@code value},
   * without an exponent between 1e-4 and 1e16 ({@code 87315745.026}, not {@code 8.7315745026E7}), as
   * Python prints them.
   */
  private static String number(String shortest, double value) {
    double magnitude = Math.abs(value);
    if (shortest.indexOf('E') < 0 || magnitude < 1e-4 || magnitude >= 1e16) {
      return shortest;
    }
    return new BigDecimal(shortest).toPlainString();
  }

  /** Appends {@code field}, quoted when it holds the delimiter, a quote or a line break (RFC 4180). */
  private void quote(String field, StringBuilder line) {
    boolean needs = false;
    for (int i = 0; i < field.length() && !needs; i++) {
      char c = field.charAt(i);
      needs = c == delimiter || c == '"' || c == '\n' || c == '\r';
    }
    if (needs) {
      line.append('"').append(field.replace("\"", "\"\"")).append('"');
    } else {
      line.append(field);
    }
  }
}
