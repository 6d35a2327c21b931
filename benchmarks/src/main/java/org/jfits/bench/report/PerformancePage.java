package org.jfits.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The generated part of {@code docs/performance.md}: where each figure came from, the plots and the
 * table of ratios. It replaces the text between {@value #START} and {@value #END}; the rest of the
 * page (method, known exceptions) is written by hand.
 */
public final class PerformancePage {
  static final String START = "<!-- generated:start -->";
  static final String END = "<!-- generated:end -->";

  private PerformancePage() {}

  /** Replaces the generated part of {@code page} (which must hold both markers). */
  public static void update(Path page, List<SuiteRun> runs, List<Comparison> comparisons, List<Path> plots,
      double target) throws IOException {
    String text = Files.readString(page);
    int start = text.indexOf(START);
    int end = text.indexOf(END);
    if (start < 0 || end < start) {
      throw new IOException(page + " lacks the markers " + START + " and " + END);
    }
    String generated = render(runs, comparisons, plots, page.getParent(), target);
    Files.writeString(page, text.substring(0, start + START.length()) + "\n" + generated + text.substring(end));
  }

  static String render(List<SuiteRun> runs, List<Comparison> comparisons, List<Path> plots, Path pageFolder,
      double target) {
    StringBuilder md = new StringBuilder();
    md.append("\n| suite | result file | run (UTC) | commit | machine |\n| --- | --- | --- | --- | --- |\n");
    for (SuiteRun run : runs) {
      md.append(row(run.suite(), "`" + run.file().getFileName() + "`", run.date(), "`" + run.commit() + "`",
          run.machine()));
    }
    long met = comparisons.stream().filter(c -> c.speedUp() >= target).count();
    long slower = comparisons.stream().filter(c -> c.versusSlowest() > 1).count();
    double[] speedUps = comparisons.stream().mapToDouble(Comparison::speedUp).sorted().toArray();
    md.append(String.format(Locale.ROOT, "%n%d ops: median speed-up against the fastest peer %.2f×; %d of %d at or "
        + "above the target %.1f×; jfits slower than every peer on %d.%n%n", comparisons.size(),
        median(speedUps), met, comparisons.size(), target, slower));
    for (Path plot : plots) {
      md.append("![").append(plot.getFileName()).append("](").append(pageFolder.relativize(plot)).append(")\n\n");
    }
    md.append("| suite | op | size | jfits (ms) | fastest peer | its time (ms) | speed-up | slowest peer | "
        + "jfits / slowest | jfits / floor |\n| --- | --- | ---: | ---: | --- | ---: | ---: | --- | ---: | ---: |\n");
    for (Comparison c : comparisons) {
      md.append(row(c.suite(), c.op(), c.size(), ms(c.jfits()), c.fastestPeer(), ms(c.fastestSeconds()),
          String.format(Locale.ROOT, "%.2f×%s", c.speedUp(), c.speedUp() < target ? " (below target)" : ""),
          c.slowestPeer(), String.format(Locale.ROOT, "%.3f", c.versusSlowest()),
          c.floor().map(f -> String.format(Locale.ROOT, "%.2f", c.jfits() / f)).orElse("–")));
    }
    return md.append('\n').toString();
  }

  private static String ms(double seconds) {
    return String.format(Locale.ROOT, "%.3f", seconds * 1e3);
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }
}
