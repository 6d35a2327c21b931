package org.jfits.notebook;

import org.jfits.header.Card;
import org.jfits.header.Header;

/**
 * A header as an HTML card table (index, keyword, value, comment) under a search box that hides the
 * cards not containing the typed text. The filter is a few lines of inline JavaScript: no external
 * resources.
 */
final class HeaderHtml {
  private static final String FILTER = "var q=this.value.toLowerCase();"
      + "this.parentNode.querySelectorAll('tbody tr').forEach(function(r){"
      + "r.style.display=r.textContent.toLowerCase().indexOf(q)>=0?'':'none';});";

  private HeaderHtml() {}

  static String html(Header header) {
    StringBuilder html = new StringBuilder("<div class=\"jfits-header\">");
    html.append("<input type=\"search\" placeholder=\"filter ").append(header.size())
        .append(" cards\" oninput=\"").append(FILTER).append("\">");
    html.append("<table><thead><tr><th>#</th><th>keyword</th><th>value</th><th>comment</th></tr></thead><tbody>");
    int index = 0;
    for (Card card : header) {
      html.append("<tr><td>").append(index++).append("</td><td>").append(Html.escape(card.keyword()))
          .append("</td><td>").append(Html.escape(value(card))).append("</td><td>")
          .append(Html.escape(card.comment())).append("</td></tr>");
    }
    return html.append("</tbody></table></div>").toString();
  }

  /** Values as astropy shows them: True/False for logicals, reals as Python's repr, text as it is. */
  private static String value(Card card) {
    Object value = card.value();
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof Double d) {
      return PythonNumbers.repr(d);
    }
    if (value instanceof Card.Complex c) {
      return "(" + PythonNumbers.repr(c.real()) + (c.imaginary() < 0 ? "-" : "+") + PythonNumbers.repr(Math.abs(c.imaginary()))
          + "j)";
    }
    return value == null ? "" : value.toString();
  }
}
