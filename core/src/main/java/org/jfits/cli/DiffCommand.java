package org.jfits.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.jfits.header.Card;
import org.jfits.table.FitsTable;
import org.jfits.table.RaggedColumn;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.columns.Column;

/**
 * {@code diff}: compares two FITS files as astropy's {@code FITSDiff} does: the number of HDUs, each
 * HDU's header keywords and values (COMMENT, HISTORY and blank cards left out, CHECKSUM and DATASUM
 * too unless asked) and its data (images value by value, tables column by column), numbers equal
 * within {@code |a - b| <= atol + rtol * |b|} and NaN equal to NaN. Prints a readable report; the exit
 * status says whether they differ (0 no, 1 yes; 2 when a file cannot be read, as GNU diff).
 */
final class DiffCommand {
  /** Keywords whose values change with every write, left out unless {@code --ignore-keywords} says otherwise. */
  private static final Set<String> IGNORED_BY_DEFAULT = Set.of("CHECKSUM", "DATASUM");
  /** Differences printed before the rest are only counted. */
  private static final int SHOWN = 100;

  private final PrintStream out;
  private final double rtol;
  private final double atol;
  private final Set<String> ignored;
  private int differences;

  private DiffCommand(PrintStream out, double rtol, double atol, Set<String> ignored) {
    this.out = out;
    this.rtol = rtol;
    this.atol = atol;
    this.ignored = ignored;
  }

  /** Compares the two files of {@code options}; 0 when identical, 1 when they differ. */
  static int run(Main.Options options, PrintStream out) {
    if (options.files.size() != 2) {
      throw new Main.UsageException("diff needs two FILEs, got " + options.files.size());
    }
    Set<String> ignored = options.ignoreKeywords == null ? IGNORED_BY_DEFAULT
        : Set.copyOf(List.of(options.ignoreKeywords.toUpperCase(Locale.ROOT).split(",")));
    DiffCommand diff = new DiffCommand(out, options.rtol, options.atol, ignored);
    try (FitsFile a = Fits.open(options.files.get(0)); FitsFile b = Fits.open(options.files.get(1))) {
      diff.files(a, b);
    }
    if (diff.differences == 0) {
      out.println("No differences found.");
      return Main.OK;
    }
    out.println(diff.differences + " difference(s) found" + (diff.differences > SHOWN ? " (the first " + SHOWN
        + " shown)." : "."));
    return Main.DIFFERENT;
  }

  private void files(FitsFile a, FitsFile b) {
    out.println("a: " + a.name());
    out.println("b: " + b.name());
    if (a.size() != b.size()) {
      report("the files have different numbers of HDUs: a " + a.size() + ", b " + b.size());
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      Hdu x = a.hdu(i);
      Hdu y = b.hdu(i);
      int before = differences;
      headers(i, x, y);
      data(i, x, y);
      if (differences == before) {
        out.println("HDU " + i + ": identical");
      }
    }
  }

  private void headers(int index, Hdu a, Hdu b) {
    Map<String, List<Object>> x = values(a);
    Map<String, List<Object>> y = values(b);
    for (String k : x.keySet()) {
      if (!y.containsKey(k)) {
        report("HDU " + index + ": keyword " + k + " only in a (" + x.get(k).get(0) + ")");
      } else if (!sameValues(x.get(k), y.get(k))) {
        report("HDU " + index + ": keyword " + k + " has different values: a " + show(x.get(k)) + ", b "
            + show(y.get(k)));
      }
    }
    for (String k : y.keySet()) {
      if (!x.containsKey(k)) {
        report("HDU " + index + ": keyword " + k + " only in b (" + y.get(k).get(0) + ")");
      }
    }
  }

  private Map<String, List<Object>> values(Hdu hdu) {
    Map<String, List<Object>> values = new LinkedHashMap<>();
    for (Card card : hdu.header()) {
      if (!card.isCommentary() && !card.keyword().isEmpty() && !ignored.contains(card.keyword())) {
        values.computeIfAbsent(card.keyword(), k -> new ArrayList<>()).add(card.value());
      }
    }
    return values;
  }

  private boolean sameValues(List<Object> a, List<Object> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!same(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static String show(List<Object> values) {
    return values.size() == 1 ? String.valueOf(values.get(0)) : values.toString();
  }

  private void data(int index, Hdu a, Hdu b) {
    if (a.hasData() != b.hasData() || a.type().isTable() != b.type().isTable()) {
      report("HDU " + index + ": a has " + describe(a) + ", b has " + describe(b));
    } else if (!a.hasData()) {
      return;
    } else if (a.type().isTable()) {
      tables(index, a.table().read(), b.table().read());
    } else if (a.type().isImage()) {
      arrays("HDU " + index + ": data", a.image().read(), b.image().read());
    }
  }

  private static String describe(Hdu hdu) {
    return hdu.hasData() ? (hdu.type().isTable() ? "a table" : "image data") : "no data";
  }

  private void tables(int index, FitsTable a, FitsTable b) {
    if (a.rowCount() != b.rowCount()) {
      report("HDU " + index + ": a has " + a.rowCount() + " rows, b " + b.rowCount());
      return;
    }
    for (Column<?> x : a.table().columns()) {
      if (!b.table().containsColumn(x.name())) {
        report("HDU " + index + ": column " + x.name() + " only in a");
        continue;
      }
      Column<?> y = b.table().column(x.name());
      List<Integer> rows = new ArrayList<>();
      for (int r = 0; r < x.size(); r++) {
        if (!same(x.isMissing(r) ? null : x.get(r), y.isMissing(r) ? null : y.get(r))) {
          rows.add(r);
        }
      }
      if (!rows.isEmpty()) {
        report("HDU " + index + ": column " + x.name() + " differs in " + rows.size() + " row(s), e.g. row "
            + rows.get(0) + ": a " + x.getString(rows.get(0)) + ", b " + y.getString(rows.get(0)));
      }
    }
    b.table().columns().stream().filter(y -> !a.table().containsColumn(y.name()))
        .forEach(y -> report("HDU " + index + ": column " + y.name() + " only in b"));
    a.arrays().forEach((name, x) -> {
      if (b.arrays().containsKey(name)) {
        arrays("HDU " + index + ": column " + name, x, b.array(name));
      }
    });
    for (Map.Entry<String, RaggedColumn> e : a.raggedColumns().entrySet()) {
      RaggedColumn y = b.raggedColumns().get(e.getKey());
      if (y != null && !Arrays.equals(e.getValue().offsets(), y.offsets())) {
        report("HDU " + index + ": variable-length column " + e.getKey() + " has rows of other lengths");
      } else if (y != null) {
        arrays("HDU " + index + ": column " + e.getKey(), e.getValue().values(), y.values());
      }
    }
  }

  private void arrays(String what, INDArray a, INDArray b) {
    if (!Arrays.equals(a.shape(), b.shape())) {
      report(what + " have different shapes: a " + Arrays.toString(a.shape()) + ", b "
          + Arrays.toString(b.shape()));
      return;
    }
    double[] x = a.castTo(DataType.DOUBLE).data().asDouble();
    double[] y = b.castTo(DataType.DOUBLE).data().asDouble();
    long count = 0;
    long first = -1;
    double largest = 0;
    for (int i = 0; i < x.length; i++) {
      if (!same(x[i], y[i])) {
        count++;
        first = first < 0 ? i : first;
        if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
          largest = Math.max(largest, Math.abs(x[i] - y[i]));
        }
      }
    }
    if (count > 0) {
      report(String.format(Locale.ROOT, "%s differ at %d of %d values (%.4g%%), largest difference %s; first at"
          + " flat index %d: a %s, b %s", what, count, x.length, 100.0 * count / x.length, largest, first,
          x[(int) first], y[(int) first]));
    }
  }

  private boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y && !(a instanceof Long && b instanceof Long)) {
      return same(x.doubleValue(), y.doubleValue());
    }
    return Objects.equals(a, b);
  }

  private boolean same(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.isNaN(a) && Double.isNaN(b);
    }
    return a == b || Math.abs(a - b) <= atol + rtol * Math.abs(b);
  }

  private void report(String line) {
    differences++;
    if (differences <= SHOWN) {
      out.println("  " + line);
    }
  }
}
