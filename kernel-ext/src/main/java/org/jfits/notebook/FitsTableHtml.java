package org.jfits.notebook;

import java.util.Arrays;
import org.jfits.table.ColumnInfo;
import org.jfits.table.FitsTable;
import org.jfits.table.RaggedColumn;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link FitsTable} as HTML: one line per column (name, TFORM, unit, shape, missing values), then
 * the rows of the scalar columns as {@link TableHtml} shows them.
 */
final class FitsTableHtml {
  private FitsTableHtml() {}

  static String html(FitsTable table) {
    StringBuilder html = new StringBuilder("<div class=\"jfits-fitstable\"><p>FitsTable: ")
        .append(table.rowCount()).append(" rows &times; ").append(table.columns().size()).append(" columns</p>");
    html.append("<table><thead><tr><th>#</th><th>name</th><th>format</th><th>unit</th><th>shape</th>"
        + "<th>missing</th></tr></thead><tbody>");
    for (ColumnInfo column : table.columns()) {
      html.append("<tr><td>").append(column.number()).append("</td><td>").append(Html.escape(column.name()))
          .append("</td><td>").append(Html.escape(column.format().text())).append("</td><td>")
          .append(Html.escape(column.unit())).append("</td><td>").append(Html.escape(shape(table, column)))
          .append("</td><td>").append(missing(table, column)).append("</td></tr>");
    }
    html.append("</tbody></table>");
    if (table.table().columnCount() > 0) {
      html.append("<p>Scalar columns:</p>");
      TableHtml.appendTable(html, table.table());
    }
    return html.append("</div>").toString();
  }

  static String text(FitsTable table) {
    StringBuilder text = new StringBuilder("FitsTable: ").append(table.rowCount()).append(" rows x ")
        .append(table.columns().size()).append(" columns\n");
    for (ColumnInfo column : table.columns()) {
      text.append(String.format("%3d  %-16s %-10s %-10s %s%n", column.number(), column.name(),
          column.format().text(), column.unit(), shape(table, column)));
    }
    return text.toString();
  }

  /** "scalar", the array shape {@code (rows, ...)}, or the longest row of a variable-length column. */
  private static String shape(FitsTable table, ColumnInfo column) {
    RaggedColumn ragged = table.ragged(column.name());
    if (ragged != null) {
      long longest = 0;
      for (int row = 0; row < ragged.size(); row++) {
        longest = Math.max(longest, ragged.length(row));
      }
      return "variable-length, " + ragged.size() + " rows, longest " + longest;
    }
    INDArray array = table.array(column.name());
    if (array != null) {
      String dims = Arrays.toString(array.shape());
      return "(" + dims.substring(1, dims.length() - 1) + ") " + array.dataType().name().toLowerCase(java.util.Locale.ROOT);
    }
    return "scalar";
  }

  private static String missing(FitsTable table, ColumnInfo column) {
    return table.table().containsColumn(column.name())
        ? Integer.toString(table.table().column(column.name()).countMissing())
        : "";
  }
}
