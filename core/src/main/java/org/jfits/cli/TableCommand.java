package org.jfits.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.jfits.table.ColumnInfo;
import org.jfits.table.TableReader;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code table}: the schema of a table HDU (name, TFORM, unit, TNULL, dimensions) and its first rows
 * ({@code -n}, 10 by default; array and variable-length columns are listed in the schema only), of
 * the selection {@code --columns}, {@code --rows} and {@code --where} make, if any. Each row record
 * of the JSON output carries the row's number in the table (0-based), as fitsio's {@code where()}
 * gives it.
 */
final class TableCommand {
  private static final int DEFAULT_ROWS = 10;

  private TableCommand() {}

  static FileReport report(String file, Main.Options options) {
    try (FitsFile fits = Fits.open(file)) {
      Hdu hdu = options.hdu == null ? firstTable(fits) : options.hdu(fits);
      if (!hdu.type().isTable()) {
        throw new Main.UsageException("table: HDU " + hdu.index() + " of " + file + " is a " + hdu.type().astropyName()
            + ", not a table");
      }
      long rows = hdu.axes()[1];
      int wanted = options.shownRows < 0 ? DEFAULT_ROWS : options.shownRows;
      TableReader selection = options.tableSelection(hdu);
      List<ColumnInfo> columns = selection.rows(0, 0).read().columns();
      List<Map<String, Object>> records = new ArrayList<>();
      StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s[%d] %s: %d rows, %d columns%n", file,
          hdu.index(), hdu.name(), rows, columns.size()));
      for (ColumnInfo c : columns) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("file", file);
        r.put("hdu", hdu.index());
        r.put("kind", "column");
        r.put("name", c.name());
        r.put("format", c.format().text());
        r.put("unit", c.unit());
        r.put("null", c.nullValue());
        r.put("dims", c.dims());
        records.add(r);
        text.append(String.format(Locale.ROOT, "  %-20s %-10s %-12s%s%n", c.name(), c.format().text(), c.unit(),
            c.nullValue() == null ? "" : "TNULL=" + c.nullValue()));
      }
      long[] numbers = firstRowNumbers(selection, wanted, options, rows);
      Table scalars = numbers.length == 0 ? selection.rows(0, 0).read().table()
          : selection.rows(numbers[0], numbers[numbers.length - 1] + 1).read().table();
      for (int row = 0; row < scalars.rowCount(); row++) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Column<?> column : scalars.columns()) {
          values.put(column.name(), column.isMissing(row) ? null : column.get(row));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("file", file);
        r.put("hdu", hdu.index());
        r.put("kind", "row");
        r.put("row", numbers[row]);
        r.put("values", values);
        records.add(r);
      }
      if (scalars.columnCount() > 0 && scalars.rowCount() > 0) {
        text.append(scalars.print(scalars.rowCount())).append('\n');
      }
      return new FileReport(records, text.toString());
    }
  }

  /**
   * The table row numbers of the first {@code wanted} rows of the selection: those of the --rows
   * range, or the first the --where filter keeps in it (a scan of the filter's columns only).
   */
  private static long[] firstRowNumbers(TableReader selection, int wanted, Main.Options options, long rows) {
    if (options.where != null) {
      long[] kept = selection.rowIndices();
      return Arrays.copyOf(kept, Math.min(wanted, kept.length));
    }
    long[] range = options.rows == null ? new long[] {0, rows} : Main.parseRows(options.rows, rows);
    return LongStream.range(range[0], Math.min(range[1], range[0] + wanted)).toArray();
  }

  static Hdu firstTable(FitsFile fits) {
    for (Hdu hdu : fits) {
      if (hdu.type().isTable()) {
        return hdu;
      }
    }
    throw new Main.UsageException(fits.name() + " has no table HDU");
  }
}
