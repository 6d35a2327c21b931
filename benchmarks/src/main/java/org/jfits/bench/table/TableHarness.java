package org.jfits.bench.table;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import org.jfits.FitsFile;
import org.jfits.bench.RequestLoop;
import org.jfits.table.FitsTable;
import uk.ac.starlink.table.RowAccess;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;

/**
 * The JVM side of the table peer comparison (benchmarks/tables/run.py drives it): reads the generated
 * tables with jfits, nom-tam-fits and STIL, each decoding the selected columns of the selected rows
 * fully into memory, and times the read in this process.
 *
 * <p>Modes: {@code serve} answers one request per stdin line {@code LIB OP FILE} with one line
 * {@code OK seconds checksum} (so the driver can interleave it with the Python worker); {@code once
 * LIB OP FILE} does one read and prints the peak RSS (VmHWM) of this process, for the memory
 * figures; {@code LIB} {@code none} reads nothing (the JVM baseline).
 *
 * <p>Ops: {@code cols4} = columns RA, DEC, MAG_R, QUALITY, all rows; {@code all} = all columns, all
 * rows; {@code rows} = all columns, rows [n/4, n/4 + n/10).
 */
public final class TableHarness {
  static final String[] COLS4 = {"RA", "DEC", "MAG_R", "QUALITY"};

  /** What the read kept: the decoded columns, held until the next request so nothing is elided. */
  private static volatile Object keep;

  private TableHarness() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("serve")) {
      serve();
    } else if (args[0].equals("once")) {
      long t0 = System.nanoTime();
      Object out = read(args[1], args[2], Path.of(args[3]));
      double s = (System.nanoTime() - t0) / 1e9;
      keep = out;
      System.out.println("OK " + s + " " + checksum(out) + " vmhwm_kb=" + vmhwm());
    } else if (args[0].equals("percol")) {
      perColumn(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 0);
    } else {
      throw new IllegalArgumentException("usage: serve | once LIB OP FILE | percol FILE [THREADS]");
    }
  }

  private static void serve() throws Exception {
    RequestLoop.serve(p -> RequestLoop.timed(() -> read(p[0], p[1], Path.of(p[2])), TableHarness::checksum));
  }

  /**
   * Where jfits' full read spends its time: open and parse the header only ({@code -open}), read one
   * row of all columns ({@code -row0}), each column read alone, then all ({@code *}); median of 7
   * after 5 warm-ups.
   */
  private static void perColumn(Path file, int threads) {
    List<String> names = new ArrayList<>();
    try (FitsFile f = org.jfits.Fits.open(file)) {
      f.hdu(1).table().rows(0, 1).read().columns().forEach(c -> names.add(c.name()));
    }
    names.add("*");
    names.add(0, "-open");
    names.add(1, "-row0");
    for (String name : names) {
      double[] t = new double[12];
      for (int i = 0; i < t.length; i++) {
        keep = null;
        System.gc();
        long t0 = System.nanoTime();
        try (FitsFile f = org.jfits.Fits.open(file)) {
          var r = f.hdu(1).table().threads(threads);
          if (name.equals("-open")) {
            keep = f.hdu(1).header();
          } else if (name.equals("-row0")) {
            keep = r.rows(0, 1).read();
          } else {
            keep = name.equals("*") ? r.read() : r.columns(name).read();
          }
        }
        t[i] = (System.nanoTime() - t0) / 1e9;
      }
      double[] timed = java.util.Arrays.copyOfRange(t, 5, t.length);
      java.util.Arrays.sort(timed);
      System.out.printf("%-10s %.4f s%n", name, timed[timed.length / 2]);
    }
  }

  static Object read(String lib, String op, Path file) throws Exception {
    switch (lib) {
      case "none":
        return null;
      case "jfits":
        return jfits(op, file, 0);
      case "jfits-1t":
        return jfits(op, file, 1);
      case "nomtam":
        return nomTam(op, file);
      case "stil":
        return stil(op, file);
      default:
        throw new IllegalArgumentException("unknown library " + lib);
    }
  }

  /** jfits: the fluent reader; Tablesaw columns for scalars and strings, ragged ND4J for SPEC. */
  static Object jfits(String op, Path file, int threads) {
    try (FitsFile f = org.jfits.Fits.open(file)) {
      var reader = f.hdu(1).table().threads(threads);
      long n = f.hdu(1).header().getLong("NAXIS2");
      if (op.equals("cols4")) {
        reader = reader.columns(COLS4);
      } else if (op.equals("rows")) {
        reader = reader.rows(n / 4, n / 4 + n / 10);
      }
      FitsTable t = reader.read();
      return t;
    }
  }

  /**
   * nom-tam-fits: {@code BinaryTable.getColumn(i)} for each selected column (the whole column as a
   * Java array; SPEC as Object[] of float[]); for the row range, {@code BinaryTable.getRow(r)} for each
   * row of the range (nom-tam reads a deferred table's rows from the file), cells packed into column
   * arrays.
   */
  static Object nomTam(String op, Path file) throws Exception {
    try (Fits f = new Fits(file.toFile())) {
      BinaryTableHDU hdu = (BinaryTableHDU) f.getHDU(1);
      BinaryTable t = hdu.getData();
      int ncols = t.getNCols();
      int nrows = t.getNRows();
      List<Integer> cols = new ArrayList<>();
      if (op.equals("cols4")) {
        for (String c : COLS4) {
          cols.add(hdu.findColumn(c));
        }
      } else {
        for (int c = 0; c < ncols; c++) {
          cols.add(c);
        }
      }
      Object[] out = new Object[cols.size()];
      if (op.equals("rows")) {
        int r0 = nrows / 4;
        int r1 = r0 + nrows / 10;
        Object[][] cells = new Object[cols.size()][];
        for (int k = 0; k < cols.size(); k++) {
          cells[k] = new Object[r1 - r0];
        }
        for (int r = r0; r < r1; r++) {
          Object[] row = t.getRow(r);
          for (int k = 0; k < cols.size(); k++) {
            cells[k][r - r0] = row[cols.get(k)];
          }
        }
        for (int k = 0; k < cols.size(); k++) {
          out[k] = pack(cells[k]);
        }
      } else {
        for (int k = 0; k < cols.size(); k++) {
          out[k] = t.getColumn(cols.get(k));
        }
      }
      return out;
    }
  }

  /**
   * STIL: {@code StarTableFactory.makeStarTable(path, "fits")} (STIL maps the file), then a
   * {@code RowSequence} over all rows (or a {@code RowAccess} over the range), copying the cells of
   * the selected columns into primitive column arrays (nulls, as STIL reports TNULL, into a mask).
   */
  static Object stil(String op, Path file) throws Exception {
    StarTableFactory factory = new StarTableFactory(op.equals("rows"));
    StarTable t = factory.makeStarTable(file.toString(), "fits");
    try {
      int ncols = t.getColumnCount();
      long nrows = t.getRowCount();
      List<Integer> cols = new ArrayList<>();
      if (op.equals("cols4")) {
        for (String c : COLS4) {
          for (int i = 0; i < ncols; i++) {
            if (t.getColumnInfo(i).getName().equalsIgnoreCase(c)) {
              cols.add(i);
            }
          }
        }
      } else {
        for (int c = 0; c < ncols; c++) {
          cols.add(c);
        }
      }
      int[] idx = cols.stream().mapToInt(Integer::intValue).toArray();
      Sink[] sinks = new Sink[idx.length];
      if (op.equals("rows")) {
        long r0 = nrows / 4;
        int n = (int) (nrows / 10);
        for (int k = 0; k < idx.length; k++) {
          sinks[k] = new Sink(t.getColumnInfo(idx[k]).getContentClass(), n);
        }
        try (RowAccess acc = t.getRowAccess()) {
          for (int r = 0; r < n; r++) {
            acc.setRowIndex(r0 + r);
            for (int k = 0; k < idx.length; k++) {
              sinks[k].put(r, acc.getCell(idx[k]));
            }
          }
        }
      } else {
        int n = (int) nrows;
        for (int k = 0; k < idx.length; k++) {
          sinks[k] = new Sink(t.getColumnInfo(idx[k]).getContentClass(), n);
        }
        try (RowSequence seq = t.getRowSequence()) {
          int r = 0;
          while (seq.next()) {
            for (int k = 0; k < idx.length; k++) {
              sinks[k].put(r, seq.getCell(idx[k]));
            }
            r++;
          }
        }
      }
      return sinks;
    } finally {
      t.close();
    }
  }

  /** A column array of the type STIL reports, filled one cell at a time. */
  static final class Sink {
    final Object values;
    final boolean[] nulls;

    Sink(Class<?> type, int n) {
      if (type == Double.class) {
        values = new double[n];
      } else if (type == Float.class) {
        values = new float[n];
      } else if (type == Long.class) {
        values = new long[n];
      } else if (type == Integer.class) {
        values = new int[n];
      } else if (type == Short.class) {
        values = new short[n];
      } else if (type == Byte.class) {
        values = new byte[n];
      } else {
        values = new Object[n];
      }
      nulls = new boolean[n];
    }

    void put(int i, Object v) {
      if (v == null) {
        nulls[i] = true;
      } else if (values instanceof double[] a) {
        a[i] = (Double) v;
      } else if (values instanceof float[] a) {
        a[i] = (Float) v;
      } else if (values instanceof long[] a) {
        a[i] = (Long) v;
      } else if (values instanceof int[] a) {
        a[i] = (Integer) v;
      } else if (values instanceof short[] a) {
        a[i] = (Short) v;
      } else if (values instanceof byte[] a) {
        a[i] = (Byte) v;
      } else {
        ((Object[]) values)[i] = v;
      }
    }
  }

  /** nom-tam's row cells (1-element arrays for scalars) packed into one column array. */
  static Object pack(Object[] cells) {
    Object first = cells[0];
    if (first != null && first.getClass().isArray() && Array.getLength(first) == 1
        && first.getClass().getComponentType().isPrimitive()) {
      Class<?> c = first.getClass().getComponentType();
      Object out = Array.newInstance(c, cells.length);
      for (int i = 0; i < cells.length; i++) {
        System.arraycopy(cells[i], 0, out, i, 1);
      }
      return out;
    }
    return cells;
  }

  /** A cheap fingerprint of the result, printed so the JIT cannot drop the reads. */
  static long checksum(Object r) {
    if (r == null) {
      return 0;
    }
    if (r instanceof FitsTable t) {
      return t.rowCount() * 31 + t.columns().size();
    }
    if (r instanceof Object[] a) {
      long h = a.length;
      for (Object o : a) {
        h = h * 31 + (o instanceof Sink s ? Array.getLength(s.values) : o == null ? 0
            : o.getClass().isArray() ? Array.getLength(o) : 1);
      }
      return h;
    }
    return r.hashCode();
  }

  static long vmhwm() throws IOException {
    for (String l : Files.readAllLines(new File("/proc/self/status").toPath())) {
      if (l.startsWith("VmHWM:")) {
        return Long.parseLong(l.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
