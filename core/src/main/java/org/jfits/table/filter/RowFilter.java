package org.jfits.table.filter;

import java.util.List;

/**
 * A parsed, type-checked row filter expression such as {@code MAG_G < 20.0 && FLAGS == 0}, evaluated
 * over chunks of rows: every operator runs one loop over primitive arrays for the whole chunk. The
 * language is described in {@code docs/where.md}; in short:
 * <ul>
 *   <li>values: integer and real literals ({@code 12}, {@code 1.5}, {@code 1e-3}), strings in single
 *       or double quotes, {@code true}/{@code false}, column names (ignoring case; other names in
 *       backquotes, {@code `MAG-G`});
 *   <li>operators, loosest first: {@code || OR}, {@code && AND}, one comparison
 *       {@code < <= > >= == !=}, {@code + -}, {@code * / %}, unary {@code - ! NOT} (word operators
 *       in any case); {@code =} is refused (write {@code ==});
 *   <li>functions: {@code abs sqrt log log10 exp sin cos tan asin acos atan atan2 min max floor ceil
 *       round pow}, {@code isnull(x)}, {@code startswith(s, prefix)}.
 * </ul>
 *
 * <p>Nulls: a column value may be null (TNULL, an undefined logical, an empty string). Arithmetic
 * and functions of a null are null, a comparison with a null is null, and {@code && || !} follow
 * three-valued logic ({@code false && null} is false, {@code true || null} is true, {@code !null} is
 * null), as cfitsio does. A row is selected only where the expression is true, so both
 * {@code X > 1} and {@code !(X > 1)} leave out the rows where {@code X} is null; {@code isnull(X)}
 * finds them. NaN is a value, not a null: it compares false, except with {@code !=}.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class RowFilter {
  private final String text;
  private final Node root;
  private final List<Integer> columns;

  private RowFilter(String text, Node root, List<Integer> columns) {
    this.text = text;
    this.root = root;
    this.columns = columns;
  }

  /**
   * Parses and type-checks {@code text} against the columns of a table.
   *
   * @param columns every column of the table, in order, with the type of its values
   * @throws ExpressionException on a syntax error, an unknown column or function, a column that
   *     cannot be filtered on, operands of the wrong type, or an expression that is not a boolean
   */
  public static RowFilter parse(String text, List<FilterColumn> columns) {
    Parser.Result result = Parser.parse(text, columns);
    return new RowFilter(text, result.root(), result.used());
  }

  /** The expression as written. */
  public String text() {
    return text;
  }

  /**
   * The columns the expression reads, as indices into the list given to {@link #parse}, in the order
   * {@link #select} expects their values.
   */
  public List<Integer> columns() {
    return columns;
  }

  /**
   * Evaluates the expression over one chunk of {@code count} rows and writes the indices (within the
   * chunk, ascending) of the rows where it is true into {@code selected}.
   *
   * @param values the values of each column of {@link #columns()}, in that order, each covering at
   *     least {@code count} rows
   * @param selected receives the selected row indices; at least {@code count} long
   * @return the number of selected rows
   */
  public int select(Values[] values, int count, int[] selected) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException("expected the values of " + columns.size() + " columns, not "
          + values.length);
    }
    boolean[] pass = root.eval(new Batch(values, count)).booleans;
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (pass[i]) {
        selected[n++] = i;
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return text;
  }
}
