package org.jfits.table.filter;

/** A column named in the expression: its values in the batch. */
final class ColumnNode extends Node {
  private final int slot;

  ColumnNode(FilterType type, int position, int slot) {
    super(type, position);
    this.slot = slot;
  }

  @Override
  Values eval(Batch batch) {
    return batch.columns()[slot];
  }
}
