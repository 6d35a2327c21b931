package org.jfits.table;

import java.util.HashSet;
import java.util.Set;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.strings.ByteDictionaryMap;
import tech.tablesaw.columns.strings.NoKeysAvailableException;
import tech.tablesaw.columns.strings.NullDictionaryMap;

/**
 * Builds Tablesaw string columns in the storage that suits their values. Tablesaw keeps a string
 * column as a dictionary (one small key per row) and moves it to plain storage (one {@code String}
 * per row, its {@link NullDictionaryMap}) when more than half its values differ. Building a dictionary
 * row by row and then dropping it costs far more than decoding the strings, so a column whose sample
 * of values is mostly distinct (names, identifiers) starts in plain storage; one of few distinct
 * values (bands, flags) keeps the dictionary, which is what makes it small.
 */
final class StringColumns {
  /** Rows looked at to judge how many values differ. */
  private static final int SAMPLE = 1024;

  private StringColumns() {}

  /** The column {@code name} holding {@code values} in row order; empty strings are missing values. */
  static StringColumn of(String name, String[] values) {
    if (!mostlyDistinct(values)) {
      return StringColumn.create(name, values);
    }
    NullDictionaryMap plain = new NullDictionaryMap(new ByteDictionaryMap());
    try {
      for (String value : values) {
        plain.append(value);
      }
    } catch (NoKeysAvailableException e) {
      throw new IllegalStateException("plain string storage has no keys to run out of", e);
    }
    return StringColumn.createInternal(name, plain);
  }

  private static boolean mostlyDistinct(String[] values) {
    int sample = Math.min(SAMPLE, values.length);
    if (sample < 2) {
      return false;
    }
    Set<String> distinct = new HashSet<>();
    int stride = values.length / sample;
    for (int i = 0; i < sample; i++) {
      distinct.add(values[i * stride]);
    }
    return 2 * distinct.size() > sample;
  }
}
