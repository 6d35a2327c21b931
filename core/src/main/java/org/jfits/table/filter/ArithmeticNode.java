package org.jfits.table.filter;

/**
 * {@code + - * / %} on numbers. Integer operands give integer results for {@code + - * %} (64-bit,
 * wrapping on overflow as numpy's int64); {@code /} always divides as reals. {@code %} is the
 * remainder of truncated division (sign of the dividend, as C, Java and cfitsio; numpy's {@code %}
 * floors instead), and an integer remainder by zero is null. A null operand makes the result null.
 */
final class ArithmeticNode extends Node {
  private final char op;
  private final Node left;
  private final Node right;

  ArithmeticNode(int position, char op, Node left, Node right) {
    super(op != '/' && left.type == FilterType.INTEGER && right.type == FilterType.INTEGER ? FilterType.INTEGER
        : FilterType.REAL, position);
    this.op = op;
    this.left = left;
    this.right = right;
  }


  @Override
  Values eval(Batch batch) {
    int n = batch.count();
    Values a = left.eval(batch);
    Values b = right.eval(batch);
    boolean[] nulls = Values.either(a.nulls, b.nulls, n);
    if (type == FilterType.INTEGER) {
      return integers(a.longs, b.longs, nulls, n);
    }
    double[] x = a.asDoubles(n);
    double[] y = b.asDoubles(n);
    double[] out = new double[n];
    switch (op) {
      case '+':
        for (int i = 0; i < n; i++) {
          out[i] = x[i] + y[i];
        }
        break;
      case '-':
        for (int i = 0; i < n; i++) {
          out[i] = x[i] - y[i];
        }
        break;
      case '*':
        for (int i = 0; i < n; i++) {
          out[i] = x[i] * y[i];
        }
        break;
      case '/':
        for (int i = 0; i < n; i++) {
          out[i] = x[i] / y[i];
        }
        break;
      default:
        for (int i = 0; i < n; i++) {
          out[i] = x[i] % y[i];
        }
    }
    return Values.ofDoubles(out, nulls);
  }

  private Values integers(long[] x, long[] y, boolean[] nulls, int n) {
    long[] out = new long[n];
    switch (op) {
      case '+':
        for (int i = 0; i < n; i++) {
          out[i] = x[i] + y[i];
        }
        break;
      case '-':
        for (int i = 0; i < n; i++) {
          out[i] = x[i] - y[i];
        }
        break;
      case '*':
        for (int i = 0; i < n; i++) {
          out[i] = x[i] * y[i];
        }
        break;
      default:
        boolean[] zero = null;
        for (int i = 0; i < n; i++) {
          if (y[i] == 0) {
            if (zero == null) {
              zero = Values.copyOf(nulls, n);
            }
            zero[i] = true;
          } else {
            out[i] = x[i] % y[i];
          }
        }
        if (zero != null) {
          nulls = zero;
        }
    }
    return Values.ofLongs(out, nulls);
  }
}
