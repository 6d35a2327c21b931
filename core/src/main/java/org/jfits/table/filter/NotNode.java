package org.jfits.table.filter;

/** {@code !} and {@code NOT}: true for false, false for true, null for null. */
final class NotNode extends Node {
  private final Node operand;

  NotNode(int position, Node operand) {
    super(FilterType.BOOLEAN, position);
    this.operand = operand;
  }


  @Override
  Values eval(Batch batch) {
    int n = batch.count();
    Values a = operand.eval(batch);
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      out[i] = !a.booleans[i];
    }
    return Values.ofBooleans(out, a.nulls);
  }
}
