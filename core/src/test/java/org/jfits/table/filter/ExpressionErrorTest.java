package org.jfits.table.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Syntax and type errors are refused before any row is read, with the offending token, its
 * character position and a caret under it.
 */
class ExpressionErrorTest {
  private static final List<FilterColumn> COLUMNS = List.of(
      new FilterColumn("MAG_G", FilterType.REAL, ""),
      new FilterColumn("FLAGS", FilterType.INTEGER, ""),
      new FilterColumn("NAME", FilterType.STRING, ""),
      new FilterColumn("GOOD", FilterType.BOOLEAN, ""),
      new FilterColumn("MAG-R", FilterType.REAL, ""),
      new FilterColumn("SPEC", null, "it holds arrays (TFORM6 = '10E')"));

  private static ExpressionException refused(String expression) {
    return assertThrows(ExpressionException.class, () -> RowFilter.parse(expression, COLUMNS), expression);
  }

  /** Checks the problem text and that the caret line points at {@code position}. */
  private static void assertRefused(String expression, String problem, int position) {
    ExpressionException e = refused(expression);
    assertEquals(problem, e.problem(), expression);
    assertEquals(position, e.position(), expression);
    assertEquals(problem + "\n  " + expression + "\n  " + " ".repeat(position) + "^", e.getMessage());
  }

  @Test
  void namesUnknownColumnsWithTheirPositionAndTheTablesColumns() {
    assertRefused("MAGG < 20", "unknown column 'MAGG' at 0 (columns: MAG_G, FLAGS, NAME, GOOD, MAG-R, SPEC)", 0);
    assertRefused("FLAGS == 0 && `MAG R` < 1", "unknown column `MAG R` at 14 (columns: MAG_G, FLAGS, NAME, GOOD,"
        + " MAG-R, SPEC)", 14);
  }

  @Test
  void refusesColumnsAFilterCannotUse() {
    assertRefused("SPEC > 1", "column 'SPEC' at 0 cannot be filtered on: it holds arrays (TFORM6 = '10E')", 0);
  }

  @Test
  void refusesSyntaxErrorsAtTheirToken() {
    assertRefused("MAG_G < ", "unexpected end of expression at 8; expected a value", 8);
    assertRefused("MAG_G < 20 )", "unexpected ')' at 11; expected an operator or the end", 11);
    assertRefused("(MAG_G < 20", "expected ')' to close the '(' at 0, found end of expression at 11", 11);
    assertRefused("MAG_G = 20", "'=' is not an operator at 6; compare with '=='", 6);
    assertRefused("GOOD & FLAGS > 1", "'&' is not an operator at 5; use '&&'", 5);
    assertRefused("GOOD | FLAGS > 1", "'|' is not an operator at 5; use '||'", 5);
    assertRefused("NAME == 'abc", "unclosed string at 8", 8);
    assertRefused("`MAG-R < 1", "unclosed backquote at 0", 0);
    assertRefused("MAG_G < 1e+", "malformed number '1e+' at 8", 8);
    assertRefused("MAG_G < 12abc", "malformed number '12a' at 8", 8);
    assertRefused("MAG_G # 1", "unexpected character '#' at 6", 6);
    assertRefused("  ", "empty expression at 0", 0);
    assertRefused("1 < MAG_G < 2", "comparisons do not chain: '<' at 10 follows '<'; join them with '&&'", 10);
    assertRefused("GOOD AND OR FLAGS > 0", "unexpected 'OR' at 9; expected a value (quote a column of that name in"
        + " backquotes: `OR`)", 9);
  }

  @Test
  void refusesOperandsOfTheWrongType() {
    assertRefused("NAME < 20", "'<' at 5 compares a string with an integer", 5);
    assertRefused("GOOD > false", "'>' at 5 does not order booleans; use '==' or '!='", 5);
    assertRefused("MAG_G + NAME > 1", "'+' at 6 needs numbers, not a string (at 8)", 8);
    assertRefused("FLAGS && GOOD", "'&&' at 6 needs booleans, not an integer (at 0)", 0);
    assertRefused("NOT FLAGS == 0", "'NOT' at 0 needs booleans, not an integer (at 4)", 4);
    assertRefused("-GOOD", "'-' at 0 needs numbers, not a boolean (at 1)", 1);
    assertRefused("MAG_G + 1", "the expression gives a real number, not a boolean, at 0; compare it with something"
        + " (such as 'MAG < 20')", 0);
  }

  @Test
  void refusesUnknownFunctionsAndWrongArguments() {
    assertRefused("sqr(MAG_G) > 1", "unknown function 'sqr' at 0 (functions: abs, sqrt, log, log10, exp, sin, cos, tan,"
        + " asin, acos, atan, floor, ceil, round, atan2, min, max, pow, isnull, startswith)", 0);
    assertRefused("atan2(MAG_G) > 1", "'atan2' at 0 takes 2 arguments, not 1", 0);
    assertRefused("sqrt(NAME) > 1", "sqrt at 0 takes numbers, not a string (at 5)", 5);
    assertRefused("startswith(NAME, 1)", "startswith at 0 takes two strings, not an integer (at 17)", 17);
    assertRefused("isnull(MAG_G, FLAGS)", "'isnull' at 0 takes 1 argument, not 2", 0);
  }

  @Test
  void acceptsTheDocumentedForms() {
    for (String ok : List.of("mag_g < 20.0 && flags == 0", "MAG_G<20&&FLAGS==0", "`MAG-R` >= .5e1 or not GOOD",
        "NAME == \"it's\" || NAME == 'say ''hi'''", "isnull(NAME) AND startswith(NAME, 'NGC')",
        "abs(-MAG_G) % 2 != -1e-3", "GOOD == true", "true", "!(GOOD) || -(-1) == 1")) {
      RowFilter filter = RowFilter.parse(ok, COLUMNS);
      assertEquals(ok, filter.text());
    }
    assertEquals(List.of(1, 0), RowFilter.parse("FLAGS == 0 && MAG_G < 1 && flags < 3", COLUMNS).columns());
    assertTrue(RowFilter.parse("true", COLUMNS).columns().isEmpty());
  }
}
