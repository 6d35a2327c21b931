package org.jfits.table.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses and type-checks an expression in one pass (recursive descent), lowest precedence first:
 * {@code || OR}, {@code && AND}, one comparison ({@code a < b < c} is refused), {@code + -},
 * {@code * / %}, then the unary {@code - ! NOT} and the operands: numbers, strings, {@code true},
 * {@code false}, column names, function calls and parenthesised expressions.
 */
final class Parser {
  private static final List<String> COMPARISONS = List.of("<", "<=", ">", ">=", "==", "!=");

  private final String text;
  private final List<Token> tokens;
  private final List<FilterColumn> columns;
  /** The schema indices of the columns used, in order of first use; a column's slot is its index here. */
  private final List<Integer> used = new ArrayList<>();
  private int at;

  private Parser(String text, List<FilterColumn> columns) {
    this.text = text;
    this.tokens = Lexer.tokens(text);
    this.columns = columns;
  }

  /** The expression's tree and the schema indices of the columns it uses. */
  record Result(Node root, List<Integer> used) {}

  static Result parse(String text, List<FilterColumn> columns) {
    Parser parser = new Parser(text, columns);
    if (parser.peek().kind() == Token.Kind.END) {
      throw parser.error("empty expression at 0", 0);
    }
    Node root = parser.or();
    Token end = parser.peek();
    if (end.kind() != Token.Kind.END) {
      throw parser.error("unexpected " + end.quoted() + " at " + end.position() + "; expected an operator or the end",
          end.position());
    }
    if (root.type != FilterType.BOOLEAN) {
      throw parser.error("the expression gives " + root.type.words() + ", not a boolean, at 0; compare it with"
          + " something (such as 'MAG < 20')", 0);
    }
    return new Result(root, List.copyOf(parser.used));
  }

  private Token peek() {
    return tokens.get(at);
  }

  private Token take() {
    return tokens.get(at++);
  }

  private Node or() {
    Node left = and();
    while (peek().is("||") || peek().is("OR")) {
      Token op = take();
      left = new LogicalNode(op.position(), false, booleanOperand(op, left), booleanOperand(op, and()));
    }
    return left;
  }

  private Node and() {
    Node left = comparison();
    while (peek().is("&&") || peek().is("AND")) {
      Token op = take();
      left = new LogicalNode(op.position(), true, booleanOperand(op, left), booleanOperand(op, comparison()));
    }
    return left;
  }

  private Node comparison() {
    Node left = additive();
    if (!isComparison(peek())) {
      return left;
    }
    Token op = take();
    Node right = additive();
    if (isComparison(peek())) {
      Token next = peek();
      throw error("comparisons do not chain: " + next.quoted() + " at " + next.position() + " follows "
          + op.quoted() + "; join them with '&&'", next.position());
    }
    boolean numbers = left.type.numeric() && right.type.numeric();
    if (!numbers && left.type != right.type) {
      throw error(op.quoted() + " at " + op.position() + " compares " + left.type.words() + " with "
          + right.type.words(), op.position());
    }
    if (left.type == FilterType.BOOLEAN && !op.text().equals("==") && !op.text().equals("!=")) {
      throw error(op.quoted() + " at " + op.position() + " does not order booleans; use '==' or '!='",
          op.position());
    }
    return new ComparisonNode(op.position(), op.text(), left, right);
  }

  private static boolean isComparison(Token t) {
    return t.kind() == Token.Kind.OPERATOR && COMPARISONS.contains(t.text());
  }

  private Node additive() {
    Node left = multiplicative();
    while (peek().is("+") || peek().is("-")) {
      Token op = take();
      left = new ArithmeticNode(op.position(), op.text().charAt(0), numberOperand(op, left),
          numberOperand(op, multiplicative()));
    }
    return left;
  }

  private Node multiplicative() {
    Node left = unary();
    while (peek().is("*") || peek().is("/") || peek().is("%")) {
      Token op = take();
      left = new ArithmeticNode(op.position(), op.text().charAt(0), numberOperand(op, left),
          numberOperand(op, unary()));
    }
    return left;
  }

  private Node unary() {
    Token t = peek();
    if (t.is("-")) {
      take();
      Node operand = unary();
      if (operand instanceof ConstantNode c && operand.type.numeric()) {
        return negated(t, c);
      }
      return new NegateNode(t.position(), numberOperand(t, operand));
    }
    if (t.is("+")) {
      take();
      return numberOperand(t, unary());
    }
    if (t.is("!") || t.is("NOT")) {
      take();
      return new NotNode(t.position(), booleanOperand(t, unary()));
    }
    return operand();
  }

  /** A negated number literal stays a literal, so that {@code -1e-3} costs no extra pass. */
  private Node negated(Token minus, ConstantNode literal) {
    Object value = literal.value();
    if (value instanceof Long v) {
      return new ConstantNode(FilterType.INTEGER, minus.position(), -v);
    }
    return new ConstantNode(FilterType.REAL, minus.position(), -(Double) value);
  }

  private Node operand() {
    Token t = take();
    switch (t.kind()) {
      case INTEGER:
        return integer(t.position(), t.text());
      case REAL:
        return new ConstantNode(FilterType.REAL, t.position(), Double.parseDouble(t.text()));
      case STRING:
        return new ConstantNode(FilterType.STRING, t.position(), t.text());
      case QUOTED_NAME:
        return column(t);
      case LEFT: {
        Node inner = or();
        expect(Token.Kind.RIGHT, "')' to close the '(' at " + t.position());
        return inner;
      }
      case NAME:
        if (peek().kind() == Token.Kind.LEFT) {
          return call(t);
        }
        if (t.is("true") || t.is("false")) {
          return new ConstantNode(FilterType.BOOLEAN, t.position(), t.is("true"));
        }
        if (t.is("AND") || t.is("OR") || t.is("NOT")) {
          throw error("unexpected " + t.quoted() + " at " + t.position() + "; expected a value (quote a column of"
              + " that name in backquotes: `" + t.text() + "`)", t.position());
        }
        return column(t);
      default:
        throw error("unexpected " + t.quoted() + " at " + t.position() + "; expected a value", t.position());
    }
  }

  private Node integer(int position, String digits) {
    try {
      return new ConstantNode(FilterType.INTEGER, position, Long.parseLong(digits));
    } catch (NumberFormatException e) {
      return new ConstantNode(FilterType.REAL, position, Double.parseDouble(digits));
    }
  }

  private Node column(Token t) {
    String name = t.text().strip();
    for (int i = 0; i < columns.size(); i++) {
      FilterColumn c = columns.get(i);
      if (c.name().equalsIgnoreCase(name)) {
        if (c.type() == null) {
          throw error("column " + t.quoted() + " at " + t.position() + " cannot be filtered on: " + c.unusable(),
              t.position());
        }
        int slot = used.indexOf(i);
        if (slot < 0) {
          slot = used.size();
          used.add(i);
        }
        return new ColumnNode(c.type(), t.position(), slot);
      }
    }
    List<String> names = new ArrayList<>();
    for (FilterColumn c : columns) {
      names.add(c.name());
    }
    throw error("unknown column " + t.quoted() + " at " + t.position() + " (columns: " + String.join(", ", names)
        + ")", t.position());
  }

  private Node call(Token name) {
    take(); // '('
    List<Node> args = new ArrayList<>();
    if (peek().kind() != Token.Kind.RIGHT) {
      args.add(or());
      while (peek().kind() == Token.Kind.COMMA) {
        take();
        args.add(or());
      }
    }
    expect(Token.Kind.RIGHT, "')' to close the call of " + name.quoted() + " at " + name.position());
    String lower = name.text().toLowerCase(Locale.ROOT);
    int p = name.position();
    if (lower.equals("isnull")) {
      arity(name, args, 1);
      return new IsNullNode(p, args.get(0));
    }
    if (lower.equals("startswith")) {
      arity(name, args, 2);
      for (Node a : args) {
        if (a.type != FilterType.STRING) {
          throw error("startswith at " + p + " takes two strings, not " + a.type.words() + " (at " + a.position + ")",
              a.position);
        }
      }
      return new StartsWithNode(p, args.get(0), args.get(1));
    }
    MathNode.Function f = MathNode.Function.named(lower);
    if (f == null) {
      List<String> known = new ArrayList<>();
      for (MathNode.Function each : MathNode.Function.values()) {
        known.add(each.lower());
      }
      known.add("isnull");
      known.add("startswith");
      throw error("unknown function " + name.quoted() + " at " + p + " (functions: " + String.join(", ", known) + ")",
          p);
    }
    arity(name, args, f.arguments);
    for (Node a : args) {
      if (!a.type.numeric()) {
        throw error(f.lower() + " at " + p + " takes numbers, not " + a.type.words() + " (at " + a.position + ")",
            a.position);
      }
    }
    return new MathNode(p, f, args);
  }

  private void arity(Token name, List<Node> args, int wanted) {
    if (args.size() != wanted) {
      throw error(name.quoted() + " at " + name.position() + " takes " + wanted + " argument" + (wanted == 1 ? "" : "s")
          + ", not " + args.size(), name.position());
    }
  }

  private void expect(Token.Kind kind, String what) {
    Token t = peek();
    if (t.kind() != kind) {
      throw error("expected " + what + ", found " + t.quoted() + " at " + t.position(), t.position());
    }
    take();
  }

  private Node numberOperand(Token op, Node operand) {
    if (!operand.type.numeric()) {
      throw error(op.quoted() + " at " + op.position() + " needs numbers, not " + operand.type.words()
          + " (at " + operand.position + ")", operand.position);
    }
    return operand;
  }

  private Node booleanOperand(Token op, Node operand) {
    if (operand.type != FilterType.BOOLEAN) {
      throw error(op.quoted() + " at " + op.position() + " needs booleans, not " + operand.type.words()
          + " (at " + operand.position + ")", operand.position);
    }
    return operand;
  }

  private ExpressionException error(String problem, int position) {
    return new ExpressionException(problem, text, position);
  }
}
