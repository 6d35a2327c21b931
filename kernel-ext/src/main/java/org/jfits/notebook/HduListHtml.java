package org.jfits.notebook;

import java.util.List;
import org.jfits.FitsFile;
import org.jfits.HduSummary;

/** The HDU list of a file as an HTML table with the columns of astropy's {@code info()}. */
final class HduListHtml {
  private HduListHtml() {}

  static String html(FitsFile file) {
    List<HduSummary> rows = file.summaries();
    StringBuilder html = new StringBuilder("<div class=\"jfits-info\"><p>Filename: ")
        .append(Html.escape(file.name())).append("</p><table><thead><tr><th>No.</th><th>Name</th><th>Ver</th>"
            + "<th>Type</th><th>Cards</th><th>Dimensions</th><th>Format</th><th></th></tr></thead><tbody>");
    for (HduSummary row : rows) {
      html.append("<tr><td>").append(row.index()).append("</td><td>").append(Html.escape(row.name()))
          .append("</td><td>").append(row.version()).append("</td><td>").append(Html.escape(row.type()))
          .append("</td><td>").append(row.cards()).append("</td><td>").append(Html.escape(row.dimensions()))
          .append("</td><td>").append(Html.escape(row.format())).append("</td><td>")
          .append(Html.escape(row.extra())).append("</td></tr>");
    }
    return html.append("</tbody></table></div>").toString();
  }
}
