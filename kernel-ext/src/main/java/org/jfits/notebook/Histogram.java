package org.jfits.notebook;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Equal-width bins from the smallest to the largest finite value, counted as numpy's
 * {@code histogram(values, bins)} counts them (the last bin includes its right edge), drawn as an
 * XChart step plot.
 */
final class Histogram {
  private final double[] edges;
  private final long[] counts;

  private Histogram(double[] edges, long[] counts) {
    this.edges = edges;
    this.counts = counts;
  }

  /** The histogram of the finite values of {@code values}; all bins empty when there are none. */
  static Histogram of(double[] values, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be at least 1, got " + bins);
    }
    double first = Double.POSITIVE_INFINITY;
    double last = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        first = Math.min(first, v);
        last = Math.max(last, v);
      }
    }
    if (first > last) {
      first = 0;
      last = 1;
    } else if (first == last) {
      first -= 0.5;
      last += 0.5;
    }
    double[] edges = new double[bins + 1];
    double step = (last - first) / bins;
    for (int i = 0; i < bins; i++) {
      edges[i] = first + i * step;
    }
    edges[bins] = last;
    long[] counts = new long[bins];
    double norm = bins / (last - first);
    for (double v : values) {
      if (!Double.isFinite(v)) {
        continue;
      }
      int index = (int) ((v - first) * norm);
      if (index == bins) {
        index--;
      }
      if (v < edges[index]) {
        index--;
      } else if (index != bins - 1 && v >= edges[index + 1]) {
        index++;
      }
      counts[index]++;
    }
    return new Histogram(edges, counts);
  }

  /** The {@code bins + 1} bin edges. */
  double[] edges() {
    return edges.clone();
  }

  /** The number of values in each bin. */
  long[] counts() {
    return counts.clone();
  }

  /** A step plot of the counts; with {@code logCounts}, a logarithmic count axis without the empty bins. */
  XYChart chart(String title, boolean logCounts) {
    XYChart chart = new XYChartBuilder().width(640).height(400).title(title).xAxisTitle("value")
        .yAxisTitle("count").build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setYAxisLogarithmic(logCounts);
    int n = 0;
    double[] x = new double[counts.length + 1];
    double[] y = new double[counts.length + 1];
    for (int i = 0; i < counts.length; i++) {
      if (!logCounts || counts[i] > 0) {
        x[n] = edges[i];
        y[n++] = counts[i];
      }
    }
    if (n == 0) {
      x[n] = edges[0];
      y[n++] = 1;
    }
    x[n] = edges[counts.length];
    y[n] = y[n - 1];
    n++;
    XYSeries series = chart.addSeries("counts", java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n));
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
    series.setMarker(SeriesMarkers.NONE);
    return chart;
  }
}
