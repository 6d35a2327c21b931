package org.jfits.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfits.io.AtomicOutput;
import org.jfits.table.ColumnInfo;
import org.jfits.table.FitsTable;
import org.jfits.table.RaggedColumn;
import org.jfits.table.TableReader;
import org.nd4j.linalg.api.ndarray.INDArray;
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

  /** Rows read and written per chunk (65536 by default). */
  public DelimitedText chunkRows(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("chunks need 1 or more rows, not " + rows);
    }
    this.chunkRows = rows;
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
        for (FitsTable chunk : reader.chunks(chunkRows)) {
          if (header) {
            List<String> names = new ArrayList<>();
            chunk.columns().forEach(c -> names.add(c.name()));
            line(out, names);
            header = false;
          }
          write(chunk, out);
          rows[0] += chunk.rowCount();
        }
      }
    });
    return rows[0];
  }

  private void write(FitsTable chunk, Writer out) throws IOException {
    List<ColumnInfo> columns = chunk.columns();
    List<String> fields = new ArrayList<>(columns.size());
    for (int row = 0; row < chunk.rowCount(); row++) {
      fields.clear();
      for (ColumnInfo c : columns) {
        fields.add(field(chunk, c.name(), row));
      }
      line(out, fields);
    }
  }

  private static String field(FitsTable t, String name, int row) {
    if (t.table().containsColumn(name)) {
      Column<?> column = t.table().column(name);
      if (column.isMissing(row)) {
        return "";
      }
      Object value = column.get(row);
      return value instanceof Boolean b ? (b ? "True" : "False") : value instanceof Number n ? number(n)
          : String.valueOf(value);
    }
    RaggedColumn ragged = t.raggedColumns().get(name);
    if (ragged != null) {
      return list(ragged.row(row));
    }
    INDArray array = t.array(name);
    return array == null ? "" : array.rank() == 1 ? element(array, row) : list(array.slice(row));
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
      case FLOAT -> number(flat.getFloat(i));
      case DOUBLE -> number(flat.getDouble(i));
      case BOOL -> flat.getDouble(i) != 0 ? "True" : "False";
      case UTF8 -> flat.getString(i);
      default -> String.valueOf(flat.getLong(i));
    };
  }

  /**
   * The shortest digits that read back as the same float or double, without an exponent between
   * 1e-4 and 1e16 ({@code 87315745.026}, not {@code 8.7315745026E7}), as Python prints them.
   */
  private static String number(Number n) {
    String shortest = n.toString();
    double magnitude = Math.abs(n.doubleValue());
    if (!(n instanceof Double || n instanceof Float) || !shortest.contains("E") || magnitude < 1e-4
        || magnitude >= 1e16) {
      return shortest;
    }
    return new BigDecimal(shortest).toPlainString();
  }

  private void line(Writer out, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(delimiter);
      }
      out.write(quoted(fields.get(i)));
    }
    out.write('\n');
  }

  private String quoted(String field) {
    boolean needs = false;
    for (int i = 0; i < field.length() && !needs; i++) {
      char c = field.charAt(i);
      needs = c == delimiter || c == '"' || c == '\n' || c == '\r';
    }
    return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }
}
