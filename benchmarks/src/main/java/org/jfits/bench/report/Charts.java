package org.jfits.bench.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * The report's plots, PNG with XChart: per suite, the median time of every library on every op
 * (log scale); over all suites, the speed-up of jfits against the fastest peer with the target.
 */
public final class Charts {
  private static final int WIDTH = 1100;
  private static final int HEIGHT = 520;

  private Charts() {}

  /**
   * Writes the time plots of one run into {@code folder}: {@code SUITE-times.png}, and
   * {@code SUITE-times-2.png} and so on when ops were run by different sets of libraries (a log axis
   * cannot show a gap). jfits' forced-strategy variants are left out; jfits, the peers and the floors
   * are shown.
   */
  public static List<Path> times(SuiteRun run, Path folder) throws IOException {
    Map<String, Map<String, Double>> byOp = new LinkedHashMap<>();
    for (Timing t : run.timings()) {
      if (t.lib().equals("jfits") || !t.lib().startsWith("jfits-")) {
        byOp.computeIfAbsent(t.op() + " " + t.size(), k -> new LinkedHashMap<>()).put(t.lib(), t.seconds());
      }
    }
    Map<Set<String>, List<String>> opsByLibraries = new LinkedHashMap<>();
    byOp.forEach((op, libs) -> opsByLibraries.computeIfAbsent(libs.keySet(), k -> new ArrayList<>()).add(op));
    List<Path> plots = new ArrayList<>();
    for (Map.Entry<Set<String>, List<String>> group : opsByLibraries.entrySet()) {
      List<String> ops = group.getValue();
      CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
          .title(run.suite() + ": median time per call (" + run.date() + ")")
          .xAxisTitle("operation and size").yAxisTitle("seconds (log scale)").build();
      logarithmic(chart, ops.stream().flatMap(op -> byOp.get(op).values().stream()).toList());
      chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
      chart.getStyler().setXAxisLabelRotation(45);
      chart.getStyler().setChartBackgroundColor(Color.WHITE);
      for (String lib : group.getKey()) {
        chart.addSeries(lib, ops, ops.stream().map(op -> byOp.get(op).get(lib)).toList());
      }
      String name = run.suite() + "-times" + (plots.isEmpty() ? "" : "-" + (plots.size() + 1));
      plots.add(save(chart, folder.resolve(name)));
    }
    return plots;
  }

  /** Writes {@code speedup.png}: fastest peer / jfits per op, and the target line. */
  public static Path speedUps(List<Comparison> comparisons, double target, Path folder) throws IOException {
    List<String> ops = new ArrayList<>();
    List<Double> speedUps = new ArrayList<>();
    List<Double> targets = new ArrayList<>();
    for (Comparison c : comparisons) {
      ops.add(c.suite() + " " + c.op() + " " + c.size());
      speedUps.add(c.speedUp());
      targets.add(target);
    }
    // wide enough for every label: XChart drops labels that would overlap
    CategoryChart chart = new CategoryChartBuilder().width(Math.max(WIDTH, 24 * ops.size())).height(HEIGHT + 120)
        .title("jfits speed-up against the fastest peer (fastest peer's time / jfits' time)")
        .xAxisTitle("suite, operation and size").yAxisTitle("speed-up (log scale)").build();
    List<Double> all = new ArrayList<>(speedUps);
    all.add(target);
    logarithmic(chart, all);
    chart.getStyler().setXAxisLabelRotation(60);
    chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setOverlapped(true);
    chart.addSeries("speed-up", ops, speedUps);
    chart.addSeries("target " + target + "x", ops, targets).setChartCategorySeriesRenderStyle(
        CategorySeriesRenderStyle.Line);
    return save(chart, folder.resolve("speedup"));
  }

  /** A log Y axis over the values' range: bars start at the axis minimum, which must be above 0. */
  private static void logarithmic(CategoryChart chart, List<Double> values) {
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(1);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
    chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(max))));
  }

  private static Path save(CategoryChart chart, Path withoutExtension) throws IOException {
    Files.createDirectories(withoutExtension.getParent());
    BitmapEncoder.saveBitmap(chart, withoutExtension.toString(), BitmapFormat.PNG);
    return Path.of(withoutExtension + ".png");
  }
}
