package org.jfits.bench.report;

/**
 * One line of a result file: the median time of one library on one operation of one suite.
 *
 * @param suite the benchmark that measured it ({@code tables}, {@code cutouts}, {@code image-read}, ...)
 * @param op the operation, as the suite names it
 * @param size the data size the suite varies (image side, table rows), as text
 * @param lib the library, or {@code floor} for the plain copy of the same bytes
 * @param seconds the median time of one call
 */
public record Timing(String suite, String op, String size, String lib, double seconds) {

  /** True for the peers jfits is compared with: not jfits itself, its variants, or a floor. */
  public boolean isPeer() {
    return !lib.startsWith("jfits") && !lib.startsWith("floor");
  }

  /** The operation and size, the unit one comparison is made on. */
  public String opKey() {
    return suite + " " + op + " " + size;
  }
}
