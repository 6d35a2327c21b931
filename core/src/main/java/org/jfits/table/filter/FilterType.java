package org.jfits.table.filter;

/** The types of values in a row filter expression. */
public enum FilterType {
  /** Whole numbers, evaluated as 64-bit {@code long}. */
  INTEGER,
  /** Real numbers, evaluated as 64-bit {@code double} with IEEE rules (NaN compares false except {@code !=}). */
  REAL,
  /** Truth values, with null as a third value (see {@link RowFilter}). */
  BOOLEAN,
  /** Character strings, compared character by character. */
  STRING;

  boolean numeric() {
    return this == INTEGER || this == REAL;
  }

  /** The type in words, for error messages. */
  String words() {
    switch (this) {
      case INTEGER:
        return "an integer";
      case REAL:
        return "a real number";
      case BOOLEAN:
        return "a boolean";
      default:
        return "a string";
    }
  }
}
