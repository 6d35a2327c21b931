package org.jfits.table.filter;

/**
 * A row filter expression that cannot be used: a syntax error, an unknown column or function, or
 * operands of the wrong type. Thrown by {@link RowFilter#parse} before any row is read.
 *
 * <p>An {@link IllegalArgumentException}, as for an unknown column name in a column list: the
 * expression is an argument of the caller, not a fault of the file. The message names the token and
 * its character position (0-based) and repeats the expression with a caret under the position:
 * <pre>
 * unknown column 'MAGG' at 0 (columns: RA, DEC, MAG_G)
 *   MAGG &lt; 20
 *   ^
 * </pre>
 */
public final class ExpressionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String problem;
  private final String expression;
  private final int position;

  /**
   * @param problem what is wrong, naming the token and its position
   * @param expression the whole expression
   * @param position the 0-based character position of the offending token
   */
  ExpressionException(String problem, String expression, int position) {
    this("", problem, expression, position);
  }

  private ExpressionException(String prefix, String problem, String expression, int position) {
    super(prefix + problem + "\n  " + expression + "\n  " + " ".repeat(Math.max(0, position)) + "^");
    this.problem = problem;
    this.expression = expression;
    this.position = position;
  }

  /**
   * This problem with a location in front, such as the file and HDU of the table: {@code where} is
   * prepended to the message as given.
   */
  public ExpressionException locatedIn(String where) {
    return new ExpressionException(where, problem, expression, position);
  }

  /** The problem alone, without location prefix or caret line. */
  public String problem() {
    return problem;
  }

  /** The expression as written. */
  public String expression() {
    return expression;
  }

  /** The 0-based character position of the offending token. */
  public int position() {
    return position;
  }
}
