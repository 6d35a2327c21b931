package org.jfits.table;

/**
 * What the header says about one table column: TTYPE, TFORM and the optional TUNIT, TDISP, TUCD,
 * TNULL, TSCAL, TZERO and TDIM keywords. Units and display formats travel with the data so that a
 * table written back keeps them.
 *
 * @param number the 1-based FITS column number (the {@code n} of {@code TTYPEn})
 * @param name TTYPE, trimmed; {@code col<n>} when absent, as astropy names it
 * @param format the parsed TFORM
 * @param unit TUNIT, or "" when absent
 * @param display TDISP, or "" when absent
 * @param ucd TUCD, or "" when absent
 * @param nullValue TNULL as written ({@link Long} for binary tables, {@link String} for ASCII tables),
 *     or {@code null} when absent
 * @param scale TSCAL, 1 when absent
 * @param zero TZERO, 0 when absent
 * @param dims TDIM in numpy order (slowest axis first), or the repeat count as one axis when absent;
 *     empty for scalar columns
 */
public record ColumnInfo(int number, String name, ColumnFormat format, String unit, String display, String ucd,
    Object nullValue, double scale, double zero, long[] dims) {}
