package org.jfits.table.filter;

/** Unary minus on a number; null stays null. */
final class NegateNode extends Node {
  private final Node operand;

  NegateNode(int position, Node operand) {
    super(operand.type, position);
    this.operand = operand;
  }


  @Override
  Values eval(Batch batch) {
    int n = batch.count();
    Values a = operand.eval(batch);
    if (type == FilterType.INTEGER) {
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        out[i] = -a.longs[i];
      }
      return Values.ofLongs(out, a.nulls);
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = -a.doubles[i];
    }
    return Values.ofDoubles(out, a.nulls);
  }
}
