package org.jfits.notebook;

/** Escaping of text placed in HTML: everything read from a FITS file goes through here. */
final class Html {
  private Html() {}

  /** {@code text} with {@code & < > " '} replaced by character references; null gives "". */
  static String escape(Object text) {
    if (text == null) {
      return "";
    }
    String s = text.toString();
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          out.append("&amp;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }
}
