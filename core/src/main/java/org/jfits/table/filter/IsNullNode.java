package org.jfits.table.filter;

/** {@code isnull(x)}: true where {@code x} is null, never null itself. */
final class IsNullNode extends Node {
  private final Node operand;

  IsNullNode(int position, Node operand) {
    super(FilterType.BOOLEAN, position);
    this.operand = operand;
  }

  @Override
  Values eval(Batch batch) {
    return Values.ofBooleans(Values.copyOf(operand.eval(batch).nulls, batch.count()), null);
  }
}
