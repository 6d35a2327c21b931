package org.jfits.bench.table;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jfits.Fits;
import org.jfits.FitsFile;
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

  /** The last result, held until the next request so that nothing is elided. */
  private static volatile Object keep;

  private WhereHarness() {}

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = System.out;
    out.println("READY");
    out.flush();
    String line;
    while ((line = in.readLine()) != null) {
      String[] p = line.trim().split("\\s+");
      if (p[0].equals("quit")) {
        break;
      }
      try {
        keep = null;
        System.gc();
        long t0 = System.nanoTime();
        long count = run(p[0], p[1], Path.of(p[2]));
        double s = (System.nanoTime() - t0) / 1e9;
        out.println("OK " + s + " " + count);
      } catch (Throwable e) {
        out.println("ERR " + e.toString().replace('\n', ' '));
      }
      out.flush();
    }
  }

  private static long run(String lib, String op, Path file) {
    int threads = lib.equals("jfits-1t") ? 1 : 0;
    String expression = op.startsWith("sel") ? SELECTIVE : WIDE;
    try (FitsFile fits = Fits.open(file)) {
      var reader = fits.hdu(1).table().threads(threads).where(expression);
      if (op.endsWith("idx")) {
        long[] rows = reader.rowIndices();
        keep = rows;
        return rows.length;
      }
      FitsTable table = reader.columns(COLUMNS).read();
      keep = table;
      return table.rowCount();
    }
  }
}
