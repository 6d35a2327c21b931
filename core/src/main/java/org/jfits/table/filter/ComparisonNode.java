package org.jfits.table.filter;

/**
 * {@code < <= > >= == !=} between two numbers (as integers when both are, as reals otherwise, NaN
 * comparing false except with {@code !=}), two strings (character by character) or two booleans
 * ({@code ==} and {@code !=} only). The result is null where either operand is null.
 */
final class ComparisonNode extends Node {
  private final String op;
  private final Node left;
  private final Node right;

  ComparisonNode(int position, String op, Node left, Node right) {
    super(FilterType.BOOLEAN, position);
    this.op = op;
    this.left = left;
    this.right = right;
  }


  @Override
  Values eval(Batch batch) {
    int n = batch.count();
    Values a = left.eval(batch);
    Values b = right.eval(batch);
    boolean[] out = new boolean[n];
    if (a.type == FilterType.INTEGER && b.type == FilterType.INTEGER) {
      integers(a.longs, b.longs, out, n);
    } else if (a.type.numeric()) {
      reals(a.asDoubles(n), b.asDoubles(n), out, n);
    } else if (a.type == FilterType.BOOLEAN) {
      boolean equal = op.equals("==");
      for (int i = 0; i < n; i++) {
        out[i] = (a.booleans[i] == b.booleans[i]) == equal;
      }
    } else {
      strings(a.strings, b.strings, out, n);
    }
    return Values.ofBooleans(out, Values.either(a.nulls, b.nulls, n));
  }

  private void integers(long[] x, long[] y, boolean[] out, int n) {
    switch (op) {
      case "<":
        for (int i = 0; i < n; i++) {
          out[i] = x[i] < y[i];
        }
        break;
      case "<=":
        for (int i = 0; i < n; i++) {
          out[i] = x[i] <= y[i];
        }
        break;
      case ">":
        for (int i = 0; i < n; i++) {
          out[i] = x[i] > y[i];
        }
        break;
      case ">=":
        for (int i = 0; i < n; i++) {
          out[i] = x[i] >= y[i];
        }
        break;
      case "==":
        for (int i = 0; i < n; i++) {
          out[i] = x[i] == y[i];
        }
        break;
      default:
        for (int i = 0; i < n; i++) {
          out[i] = x[i] != y[i];
        }
    }
  }

  private void reals(double[] x, double[] y, boolean[] out, int n) {
    switch (op) {
      case "<":
        for (int i = 0; i < n; i++) {
          out[i] = x[i] < y[i];
        }
        break;
      case "<=":
        for (int i = 0; i < n; i++) {
          out[i] = x[i] <= y[i];
        }
        break;
      case ">":
        for (int i = 0; i < n; i++) {
          out[i] = x[i] > y[i];
        }
        break;
      case ">=":
        for (int i = 0; i < n; i++) {
          out[i] = x[i] >= y[i];
        }
        break;
      case "==":
        for (int i = 0; i < n; i++) {
          out[i] = x[i] == y[i];
        }
        break;
      default:
        for (int i = 0; i < n; i++) {
          out[i] = x[i] != y[i];
        }
    }
  }

  private void strings(String[] x, String[] y, boolean[] out, int n) {
    for (int i = 0; i < n; i++) {
      int c = x[i].compareTo(y[i]);
      switch (op) {
        case "<":
          out[i] = c < 0;
          break;
        case "<=":
          out[i] = c <= 0;
          break;
        case ">":
          out[i] = c > 0;
          break;
        case ">=":
          out[i] = c >= 0;
          break;
        case "==":
          out[i] = c == 0;
          break;
        default:
          out[i] = c != 0;
      }
    }
  }
}
