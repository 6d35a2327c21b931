package org.jfits.table.filter;

/**
 * A type-checked part of an expression. {@link #eval} computes its values over a whole chunk of rows
 * at once. Nodes are immutable and shared by the threads that filter different chunks.
 */
abstract class Node {
  final FilterType type;
  /** Where the node's operator, function or operand starts in the expression, for error messages. */
  final int position;

  Node(FilterType type, int position) {
    this.type = type;
    this.position = position;
  }

  /** The node's values over the {@code batch.count()} rows of the batch. */
  abstract Values eval(Batch batch);
}
