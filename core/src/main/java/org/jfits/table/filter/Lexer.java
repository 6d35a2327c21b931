package org.jfits.table.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens: numbers ({@code 12}, {@code 1.5}, {@code .5}, {@code 1e-3}),
 * strings in single or double quotes (a doubled quote stands for itself), names (letters, digits
 * and {@code _}, not starting with a digit), names in backquotes ({@code `MAG-G`}), operators and
 * parentheses. A single {@code =}, {@code &} or {@code |} is refused with the operator meant.
 */
final class Lexer {
  private static final String[] OPERATORS = {"<=", ">=", "==", "!=", "&&", "||", "<", ">", "+", "-", "*", "/", "%",
      "!"};

  private final String text;
  private int at;

  private Lexer(String text) {
    this.text = text;
  }

  static List<Token> tokens(String text) {
    Lexer lexer = new Lexer(text);
    List<Token> out = new ArrayList<>();
    Token t;
    do {
      t = lexer.next();
      out.add(t);
    } while (t.kind() != Token.Kind.END);
    return out;
  }

  private Token next() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    int start = at;
    if (at >= text.length()) {
      return new Token(Token.Kind.END, "", start);
    }
    char c = text.charAt(at);
    if (Character.isDigit(c) || (c == '.' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1)))) {
      return number(start);
    }
    if (c == '\'' || c == '"') {
      return string(start, c);
    }
    if (c == '`') {
      int end = text.indexOf('`', at + 1);
      if (end < 0) {
        throw error("unclosed backquote at " + start, start);
      }
      if (end == at + 1) {
        throw error("empty column name ``", start);
      }
      at = end + 1;
      return new Token(Token.Kind.QUOTED_NAME, text.substring(start + 1, end), start);
    }
    if (Character.isLetter(c) || c == '_') {
      while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
        at++;
      }
      return new Token(Token.Kind.NAME, text.substring(start, at), start);
    }
    if (c == '(' || c == ')' || c == ',') {
      at++;
      return new Token(c == '(' ? Token.Kind.LEFT : c == ')' ? Token.Kind.RIGHT : Token.Kind.COMMA, "" + c, start);
    }
    for (String op : OPERATORS) {
      if (text.startsWith(op, at)) {
        at += op.length();
        return new Token(Token.Kind.OPERATOR, op, start);
      }
    }
    if (c == '=') {
      throw error("'=' is not an operator at " + start + "; compare with '=='", start);
    }
    if (c == '&' || c == '|') {
      throw error("'" + c + "' is not an operator at " + start + "; use '" + c + c + "'", start);
    }
    throw error("unexpected character '" + c + "' at " + start, start);
  }

  private Token number(int start) {
    boolean real = false;
    while (at < text.length() && Character.isDigit(text.charAt(at))) {
      at++;
    }
    if (at < text.length() && text.charAt(at) == '.') {
      real = true;
      at++;
      while (at < text.length() && Character.isDigit(text.charAt(at))) {
        at++;
      }
    }
    if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
      int mark = at;
      at++;
      if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
        at++;
      }
      if (at >= text.length() || !Character.isDigit(text.charAt(at))) {
        throw error("malformed number '" + text.substring(start, at) + "' at " + start, start);
      }
      while (at < text.length() && Character.isDigit(text.charAt(at))) {
        at++;
      }
      real = mark > start;
    }
    if (at < text.length() && (Character.isLetter(text.charAt(at)) || text.charAt(at) == '_')) {
      throw error("malformed number '" + text.substring(start, at + 1) + "' at " + start, start);
    }
    return new Token(real ? Token.Kind.REAL : Token.Kind.INTEGER, text.substring(start, at), start);
  }

  private Token string(int start, char quote) {
    StringBuilder value = new StringBuilder();
    at++;
    while (true) {
      if (at >= text.length()) {
        throw error("unclosed string at " + start, start);
      }
      char c = text.charAt(at++);
      if (c == quote) {
        if (at < text.length() && text.charAt(at) == quote) {
          value.append(quote);
          at++;
        } else {
          return new Token(Token.Kind.STRING, value.toString(), start);
        }
      } else {
        value.append(c);
      }
    }
  }

  private ExpressionException error(String problem, int position) {
    return new ExpressionException(problem, text, position);
  }
}
