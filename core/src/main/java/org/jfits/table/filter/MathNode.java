package org.jfits.table.filter;

import java.util.List;
import java.util.Locale;

/**
 * The numeric functions: {@code abs} (integer for an integer), {@code min} and {@code max} of two
 * numbers (integer when both are; NaN wins, as numpy's {@code minimum}), and the real-valued
 * {@code sqrt log log10 exp sin cos tan asin acos atan floor ceil round atan2 pow}, with Java's
 * {@link Math} rules (IEEE: {@code sqrt(-1)} and {@code log(-1)} are NaN, {@code log(0)} is
 * -Infinity); {@code round} rounds half to even, as numpy. A null argument makes the result null.
 */
final class MathNode extends Node {
  /** The functions, by name, with their number of arguments. */
  enum Function {
    ABS(1), SQRT(1), LOG(1), LOG10(1), EXP(1), SIN(1), COS(1), TAN(1), ASIN(1), ACOS(1), ATAN(1), FLOOR(1), CEIL(1),
    ROUND(1), ATAN2(2), MIN(2), MAX(2), POW(2);

    final int arguments;

    Function(int arguments) {
      this.arguments = arguments;
    }

    /** The function called {@code name} (any case), or null. */
    static Function named(String name) {
      for (Function f : values()) {
        if (f.name().equalsIgnoreCase(name)) {
          return f;
        }
      }
      return null;
    }

    String lower() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Function function;
  private final List<Node> arguments;

  MathNode(int position, Function function, List<Node> arguments) {
    super(type(function, arguments), position);
    this.function = function;
    this.arguments = List.copyOf(arguments);
  }

  private static FilterType type(Function function, List<Node> arguments) {
    boolean integers = arguments.stream().allMatch(a -> a.type == FilterType.INTEGER);
    boolean keepsIntegers = function == Function.ABS || function == Function.MIN || function == Function.MAX;
    return keepsIntegers && integers ? FilterType.INTEGER : FilterType.REAL;
  }


  @Override
  Values eval(Batch batch) {
    int n = batch.count();
    Values a = arguments.get(0).eval(batch);
    if (function.arguments == 2) {
      return two(a, arguments.get(1).eval(batch), n);
    }
    if (type == FilterType.INTEGER) {
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        out[i] = Math.abs(a.longs[i]);
      }
      return Values.ofLongs(out, a.nulls);
    }
    double[] x = a.asDoubles(n);
    double[] out = new double[n];
    switch (function) {
      case ABS:
        for (int i = 0; i < n; i++) {
          out[i] = Math.abs(x[i]);
        }
        break;
      case SQRT:
        for (int i = 0; i < n; i++) {
          out[i] = Math.sqrt(x[i]);
        }
        break;
      case LOG:
        for (int i = 0; i < n; i++) {
          out[i] = Math.log(x[i]);
        }
        break;
      case LOG10:
        for (int i = 0; i < n; i++) {
          out[i] = Math.log10(x[i]);
        }
        break;
      case EXP:
        for (int i = 0; i < n; i++) {
          out[i] = Math.exp(x[i]);
        }
        break;
      case SIN:
        for (int i = 0; i < n; i++) {
          out[i] = Math.sin(x[i]);
        }
        break;
      case COS:
        for (int i = 0; i < n; i++) {
          out[i] = Math.cos(x[i]);
        }
        break;
      case TAN:
        for (int i = 0; i < n; i++) {
          out[i] = Math.tan(x[i]);
        }
        break;
      case ASIN:
        for (int i = 0; i < n; i++) {
          out[i] = Math.asin(x[i]);
        }
        break;
      case ACOS:
        for (int i = 0; i < n; i++) {
          out[i] = Math.acos(x[i]);
        }
        break;
      case ATAN:
        for (int i = 0; i < n; i++) {
          out[i] = Math.atan(x[i]);
        }
        break;
      case FLOOR:
        for (int i = 0; i < n; i++) {
          out[i] = Math.floor(x[i]);
        }
        break;
      case CEIL:
        for (int i = 0; i < n; i++) {
          out[i] = Math.ceil(x[i]);
        }
        break;
      default: // ROUND
        for (int i = 0; i < n; i++) {
          out[i] = Math.rint(x[i]);
        }
    }
    return Values.ofDoubles(out, a.nulls);
  }

  private Values two(Values a, Values b, int n) {
    boolean[] nulls = Values.either(a.nulls, b.nulls, n);
    if (type == FilterType.INTEGER) {
      long[] out = new long[n];
      boolean min = function == Function.MIN;
      for (int i = 0; i < n; i++) {
        out[i] = min ? Math.min(a.longs[i], b.longs[i]) : Math.max(a.longs[i], b.longs[i]);
      }
      return Values.ofLongs(out, nulls);
    }
    double[] x = a.asDoubles(n);
    double[] y = b.asDoubles(n);
    double[] out = new double[n];
    switch (function) {
      case ATAN2:
        for (int i = 0; i < n; i++) {
          out[i] = Math.atan2(x[i], y[i]);
        }
        break;
      case MIN:
        for (int i = 0; i < n; i++) {
          out[i] = Math.min(x[i], y[i]);
        }
        break;
      case MAX:
        for (int i = 0; i < n; i++) {
          out[i] = Math.max(x[i], y[i]);
        }
        break;
      default: // POW
        for (int i = 0; i < n; i++) {
          out[i] = Math.pow(x[i], y[i]);
        }
    }
    return Values.ofDoubles(out, nulls);
  }
}
