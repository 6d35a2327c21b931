package org.jfits.bench.table;

import java.nio.file.Path;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.bench.RequestLoop;
import org.jfits.table.FitsTable;

/**
 * The JVM side of the row filter comparison (benchmarks/where/run.py drives it): filters the
 * generated 2M-row table with jfits and times it in this process.
 *
 * <p>{@code serve} answers one request per stdin line {@code LIB OP FILE} with {@code OK seconds
 * count}: {@code LIB} is {@code jfits} (threads chosen by jfits) or {@code jfits-1t} (one thread);
 * {@code OP} is {@code sel-read} / {@code wide-read} (the selective / non-selective filter, then the
 * five columns of {@link #COLUMNS} of the selected rows decoded into a {@link FitsTable}) or
 * {@code sel-idx} / {@code wide-idx} (the selected row numbers only).
 */
public final class WhereHarness {
  /** About 1% of the rows: MAG_G is normal (20, 2), QUALITY null on every 17th row. */
  static final String SELECTIVE = "MAG_G < 15.4 && QUALITY >= 0";
  /** About 90% of the rows. */
  static final String WIDE = "MAG_G < 23.3 && QUALITY >= 0";
  static final String[] COLUMNS = {"RA", "DEC", "MAG_G", "MAG_R", "QUALITY"};

  private WhereHarness() {}

  public static void main(String[] args) throws Exception {
    RequestLoop.serve(p -> RequestLoop.timed(() -> run(p[0], p[1], Path.of(p[2])), WhereHarness::count));
  }

  /** The selected row numbers ({@code idx} ops) or the selected rows of {@link #COLUMNS}. */
  private static Object run(String lib, String op, Path file) {
    int threads = lib.equals("jfits-1t") ? 1 : 0;
    String expression = op.startsWith("sel") ? SELECTIVE : WIDE;
    try (FitsFile fits = Fits.open(file)) {
      var reader = fits.hdu(1).table().threads(threads).where(expression);
      return op.endsWith("idx") ? reader.rowIndices() : reader.columns(COLUMNS).read();
    }
  }

  /** The number of rows a request selected, the checksum the driver compares between libraries. */
  private static long count(Object result) {
    return result instanceof long[] rows ? rows.length : ((FitsTable) result).rowCount();
  }
}
