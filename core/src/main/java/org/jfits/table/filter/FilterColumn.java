package org.jfits.table.filter;

/**
 * A column an expression may name: its name (matched ignoring case) and the type of its values, or
 * why a filter cannot use it (an array, variable-length, complex or bit column).
 *
 * @param name the column name, as in TTYPE
 * @param type the type of its values, or {@code null} when filters cannot use it
 * @param unusable why filters cannot use it when {@code type} is null, otherwise ""
 */
public record FilterColumn(String name, FilterType type, String unusable) {}
