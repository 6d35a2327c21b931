package org.jfits.table.filter;

/**
 * The rows of one chunk as an expression sees them: the values of each column the expression names,
 * in the order of {@link RowFilter#columns()}, and the number of rows.
 */
record Batch(Values[] columns, int count) {}
