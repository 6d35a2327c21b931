package org.jfits.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.jfits.table.ColumnInfo;
import org.jfits.table.FitsTable;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code table}: the schema of a table HDU (name, TFORM, unit, TNULL, dimensions) and its first rows
 * ({@code -n}, 10 by default; array and variable-length columns are listed in the schema only).
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
      int shown = (int) Math.min(rows, options.shownRows < 0 ? DEFAULT_ROWS : options.shownRows);
      FitsTable table = hdu.table().rows(0, shown).read();
      List<Map<String, Object>> records = new ArrayList<>();
      StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s[%d] %s: %d rows, %d columns%n", file,
          hdu.index(), hdu.name(), rows, table.columns().size()));
      for (ColumnInfo c : table.columns()) {
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
      Table scalars = table.table();
      for (int row = 0; row < scalars.rowCount(); row++) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Column<?> column : scalars.columns()) {
          values.put(column.name(), column.isMissing(row) ? null : column.get(row));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("file", file);
        r.put("hdu", hdu.index());
        r.put("kind", "row");
        r.put("row", row);
        r.put("values", values);
        records.add(r);
      }
      if (scalars.columnCount() > 0 && scalars.rowCount() > 0) {
        text.append(scalars.print(shown)).append('\n');
      }
      return new FileReport(records, text.toString());
    }
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
