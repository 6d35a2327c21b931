package org.jfits.table.filter;

/**
 * {@code &&} and {@code ||} with null as "unknown" (Kleene's three-valued logic, as SQL and
 * cfitsio): {@code false && null} is false, {@code true || null} is true, every other combination
 * with a null is null.
 */
final class LogicalNode extends Node {
  private final boolean and;
  private final Node left;
  private final Node right;

  LogicalNode(int position, boolean and, Node left, Node right) {
    super(FilterType.BOOLEAN, position);
    this.and = and;
    this.left = left;
    this.right = right;
  }


  @Override
  Values eval(Batch batch) {
    int n = batch.count();
    Values a = left.eval(batch);
    Values b = right.eval(batch);
    boolean[] x = a.booleans;
    boolean[] y = b.booleans;
    boolean[] out = new boolean[n];
    if (and) {
      for (int i = 0; i < n; i++) {
        out[i] = x[i] & y[i];
      }
    } else {
      for (int i = 0; i < n; i++) {
        out[i] = x[i] | y[i];
      }
    }
    boolean[] nulls = null;
    if (a.nulls != null || b.nulls != null) {
      // values are false where null, so "known false" is !value & !null and "known true" is value
      boolean[] p = Values.copyOf(a.nulls, n);
      boolean[] q = b.nulls == null ? new boolean[n] : b.nulls;
      nulls = p;
      if (and) {
        for (int i = 0; i < n; i++) {
          boolean falseA = !x[i] & !p[i];
          boolean falseB = !y[i] & !q[i];
          nulls[i] = (p[i] | q[i]) & !falseA & !falseB;
        }
      } else {
        for (int i = 0; i < n; i++) {
          nulls[i] = (p[i] | q[i]) & !out[i];
        }
      }
    }
    return Values.ofBooleans(out, nulls);
  }
}
