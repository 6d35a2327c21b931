package org.jfits.table;

import org.jfits.table.filter.Values;

/**
 * A decoder whose decoded rows a row filter can read: the values of the cells {@code [0, count)} in
 * the filter's types, with the reader's nulls.
 */
interface FilterValues extends ColumnDecoder {

  /** The values of the first {@code count} decoded cells. */
  Values values(int count);

  /** The first {@code count} strings as filter values, the empty ones (missing in a read) null. */
  static Values strings(String[] values, int count) {
    boolean[] nulls = null;
    for (int i = 0; i < count; i++) {
      if (values[i].isEmpty()) {
        nulls = nulls == null ? new boolean[count] : nulls;
        nulls[i] = true;
      }
    }
    return Values.ofStrings(values, nulls);
  }
}
