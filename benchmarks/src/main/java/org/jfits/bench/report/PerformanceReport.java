package org.jfits.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the performance report from the latest result files: plots under
 * {@code benchmarks/results/plots/} and the generated part of {@code docs/performance.md}.
 *
 * <p>Usage: {@code PerformanceReport RESULTS_DIR PAGE [TARGET]} (target speed-up, default 1.5).
 */
public final class PerformanceReport {
  private static final double DEFAULT_TARGET = 1.5;

  private PerformanceReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: PerformanceReport RESULTS_DIR PAGE [TARGET]");
      System.exit(2);
    }
    Path results = Path.of(args[0]).toAbsolutePath().normalize();
    Path page = Path.of(args[1]).toAbsolutePath().normalize();
    double target = args.length > 2 ? Double.parseDouble(args[2]) : DEFAULT_TARGET;
    List<SuiteRun> runs = ResultFiles.latest(results);
    List<Comparison> comparisons = new ArrayList<>();
    List<Path> plots = new ArrayList<>();
    Path plotFolder = results.resolve("plots");
    for (SuiteRun run : runs) {
      comparisons.addAll(Comparison.of(run.timings()));
      plots.addAll(Charts.times(run, plotFolder));
    }
    plots.add(0, Charts.speedUps(comparisons, target, plotFolder));
    PerformancePage.update(page, runs, comparisons, plots, target);
    System.out.println("wrote " + plots.size() + " plots to " + plotFolder + " and updated " + page);
  }
}
