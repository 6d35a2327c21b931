package org.jfits.table.filter;

/**
 * One token of an expression.
 *
 * @param kind what it is
 * @param text the text as written (for strings: the value, quotes removed; for quoted names: the name)
 * @param position the 0-based character position where it starts
 */
record Token(Kind kind, String text, int position) {

  enum Kind {
    INTEGER, REAL, STRING, NAME, QUOTED_NAME, OPERATOR, LEFT, RIGHT, COMMA, END
  }

  /** True for an operator token written as {@code symbol}, or a word operator ({@code AND}, {@code OR}, {@code NOT}). */
  boolean is(String symbol) {
    return (kind == Kind.OPERATOR || kind == Kind.NAME) && text.equalsIgnoreCase(symbol);
  }

  /** How the token reads in an error message. */
  String quoted() {
    switch (kind) {
      case END:
        return "end of expression";
      case STRING:
        return "string '" + text + "'";
      case QUOTED_NAME:
        return "`" + text + "`";
      default:
        return "'" + text + "'";
    }
  }
}
