package org.jfits.table.filter;

import java.util.Arrays;

/**
 * A literal: a number, a string or {@code true}/{@code false}. Its value is spread over an array as
 * long as the largest chunk seen, made once and then shared read-only.
 */
final class ConstantNode extends Node {
  private final Object value;
  private volatile Values filled;

  ConstantNode(FilterType type, int position, Object value) {
    super(type, position);
    this.value = value;
  }

  /** The literal's value: a Long, Double, Boolean or String. */
  Object value() {
    return value;
  }


  @Override
  Values eval(Batch batch) {
    Values values = filled;
    if (values == null || values.length() < batch.count()) {
      values = fill(Math.max(batch.count(), 1024));
      filled = values;
    }
    return values;
  }

  private Values fill(int length) {
    switch (type) {
      case INTEGER:
        long[] longs = new long[length];
        Arrays.fill(longs, (Long) value);
        return Values.ofLongs(longs, null);
      case REAL:
        double[] doubles = new double[length];
        Arrays.fill(doubles, (Double) value);
        return Values.ofDoubles(doubles, null);
      case BOOLEAN:
        boolean[] booleans = new boolean[length];
        Arrays.fill(booleans, (Boolean) value);
        return Values.ofBooleans(booleans, null);
      default:
        String[] strings = new String[length];
        Arrays.fill(strings, (String) value);
        return Values.ofStrings(strings, null);
    }
  }
}
