package org.jfits.notebook;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as HTML and as text: column names and types, the first {@value #HEAD} and last
 * {@value #TAIL} rows with an ellipsis row between them when the table is longer than
 * {@value #FULL} rows, and the number of missing values per column. Cells read as astropy prints
 * them (floating-point values as Python's repr).
 */
final class TableHtml {
  static final int HEAD = 10;
  static final int TAIL = 5;
  static final int FULL = 20;
  /** Missing values are shown as astropy shows masked ones. */
  static final String MISSING = "--";

  private TableHtml() {}

  static String html(Table table) {
    StringBuilder html = new StringBuilder("<div class=\"jfits-table\">");
    html.append("<p>").append(Html.escape(table.name() == null || table.name().isEmpty() ? "Table" : table.name()))
        .append(": ").append(table.rowCount()).append(" rows &times; ").append(table.columnCount())
        .append(" columns</p>");
    appendTable(html, table);
    return html.append("</div>").toString();
  }

  /** The {@code <table>} element alone, for embedding in other displays. */
  static void appendTable(StringBuilder html, Table table) {
    html.append("<table><thead><tr><th></th>");
    for (Column<?> column : table.columns()) {
      html.append("<th>").append(Html.escape(column.name())).append("<br><small>")
          .append(Html.escape(column.type().name().toLowerCase(java.util.Locale.ROOT))).append("</small></th>");
    }
    html.append("</tr></thead><tbody>");
    int rows = table.rowCount();
    boolean cut = rows > FULL;
    for (int row = 0; row < rows; row++) {
      if (cut && row == HEAD) {
        html.append("<tr class=\"jfits-ellipsis\"><th>&hellip;</th>");
        html.append("<td>&hellip;</td>".repeat(table.columnCount())).append("</tr>");
        row = rows - TAIL;
      }
      html.append("<tr><th>").append(row).append("</th>");
      for (Column<?> column : table.columns()) {
        html.append("<td>").append(Html.escape(cell(column, row))).append("</td>");
      }
      html.append("</tr>");
    }
    html.append("</tbody><tfoot><tr><th>missing</th>");
    for (Column<?> column : table.columns()) {
      html.append("<td>").append(column.countMissing()).append("</td>");
    }
    html.append("</tr></tfoot></table>");
  }

  /** Plain text: the same rows, one line per row, columns separated by two blanks. */
  static String text(Table table) {
    StringBuilder text = new StringBuilder();
    text.append(table.name() == null || table.name().isEmpty() ? "Table" : table.name()).append(": ")
        .append(table.rowCount()).append(" rows x ").append(table.columnCount()).append(" columns\n");
    StringBuilder header = new StringBuilder();
    for (Column<?> column : table.columns()) {
      header.append(header.length() == 0 ? "" : "  ").append(column.name());
    }
    text.append(header).append('\n');
    int rows = table.rowCount();
    boolean cut = rows > FULL;
    for (int row = 0; row < rows; row++) {
      if (cut && row == HEAD) {
        text.append("...\n");
        row = rows - TAIL;
      }
      StringBuilder line = new StringBuilder();
      for (Column<?> column : table.columns()) {
        line.append(line.length() == 0 ? "" : "  ").append(cell(column, row));
      }
      text.append(line).append('\n');
    }
    return text.toString();
  }

  /** A cell as astropy prints it: floating-point values as Python's repr, missing values as {@value #MISSING}. */
  private static String cell(Column<?> column, int row) {
    if (column.isMissing(row)) {
      return MISSING;
    }
    if (column instanceof DoubleColumn doubles) {
      return PythonNumbers.repr(doubles.getDouble(row));
    }
    if (column instanceof FloatColumn floats) {
      return PythonNumbers.repr(floats.getFloat(row));
    }
    return column.getString(row);
  }
}
