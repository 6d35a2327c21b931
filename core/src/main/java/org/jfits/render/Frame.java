package org.jfits.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Puts a drawn image on a white canvas with axes (ticks at round pixel coordinates, lower-left
 * origin, and the axis titles of the {@link TickLabels}, if any: below the x labels, and upwards left
 * of the y labels) and a colour bar labelled in data values.
 */
final class Frame {
  private static final int PAD = 8;
  private static final int TICK = 4;
  private static final int LABEL_GAP = 6;
  private static final int TITLE_GAP = 3;
  private static final int BAR_GAP = 12;
  private static final int BAR_WIDTH = 16;
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  private final BufferedImage pixels;
  private final int rows;
  private final int columns;
  private final Interval.Limits limits;
  private final Stretch stretch;
  private final ColorMap colorMap;
  private final TickLabels labels;

  Frame(BufferedImage pixels, int rows, int columns, Interval.Limits limits, Stretch stretch, ColorMap colorMap,
      TickLabels labels) {
    this.pixels = pixels;
    this.rows = rows;
    this.columns = columns;
    this.limits = limits;
    this.stretch = stretch;
    this.colorMap = colorMap;
    this.labels = labels;
  }

  BufferedImage draw(boolean axes, boolean colorBar) {
    FontMetrics metrics = metrics();
    int w = pixels.getWidth();
    int h = pixels.getHeight();
    List<Double> xTicks = ticks(columns);
    List<Double> yTicks = ticks(rows);
    List<Double> barValues = barValues();
    String xTitle = axes ? labels.title(TickLabels.Axis.X) : "";
    String yTitle = axes ? labels.title(TickLabels.Axis.Y) : "";
    int left = PAD + (axes ? widest(metrics, yTicks, TickLabels.Axis.Y) + TICK + 3 : 0)
        + (yTitle.isEmpty() ? 0 : metrics.getHeight() + TITLE_GAP);
    int bottom = PAD + (axes ? metrics.getHeight() + TICK + 2 : 0) + (xTitle.isEmpty() ? 0 : metrics.getHeight() + TITLE_GAP);
    int top = PAD + metrics.getAscent() / 2;
    int right = PAD + (colorBar ? BAR_GAP + BAR_WIDTH + TICK + 3 + widestValue(metrics, barValues) : 0);
    if (axes) {
      right = Math.max(right, PAD + metrics.stringWidth(label(TickLabels.Axis.X, columns - 1.0)) / 2);
    }
    BufferedImage canvas = new BufferedImage(left + w + right, top + h + bottom, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
      g.drawImage(pixels, left, top, null);
      g.setFont(FONT);
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(1));
      if (axes) {
        drawAxes(g, metrics, left, top, w, h, xTicks, yTicks);
        drawTitles(g, metrics, xTitle, yTitle, left, top, w, h);
      }
      if (colorBar) {
        drawBar(g, metrics, left + w + BAR_GAP, top, h, barValues);
      }
    } finally {
      g.dispose();
    }
    return canvas;
  }

  private void drawAxes(Graphics2D g, FontMetrics metrics, int left, int top, int w, int h, List<Double> xTicks,
      List<Double> yTicks) {
    g.drawRect(left - 1, top - 1, w + 1, h + 1);
    int free = Integer.MIN_VALUE; // where the next x label may start without touching the last one drawn
    for (double x : xTicks) {
      int sx = left + (int) Math.round((x + 0.5) * w / columns);
      g.drawLine(sx, top + h, sx, top + h + TICK);
      String text = label(TickLabels.Axis.X, x);
      int start = sx - metrics.stringWidth(text) / 2;
      if (start >= free) { // a label too wide for the tick spacing (sky coordinates) leaves the next tick bare
        g.drawString(text, start, top + h + TICK + 2 + metrics.getAscent());
        free = start + metrics.stringWidth(text) + LABEL_GAP;
      }
    }
    for (double y : yTicks) {
      int sy = top + h - (int) Math.round((y + 0.5) * h / rows);
      g.drawLine(left - 1 - TICK, sy, left - 1, sy);
      String text = label(TickLabels.Axis.Y, y);
      g.drawString(text, left - TICK - 3 - metrics.stringWidth(text), sy + metrics.getAscent() / 2 - 1);
    }
  }

  /** The x title centred under the x labels, the y title written upwards at the left edge, centred on the image. */
  private static void drawTitles(Graphics2D g, FontMetrics metrics, String xTitle, String yTitle, int left, int top, int w,
      int h) {
    if (!xTitle.isEmpty()) {
      int x = Math.max(PAD, left + w / 2 - metrics.stringWidth(xTitle) / 2);
      g.drawString(xTitle, x, top + h + TICK + 2 + metrics.getHeight() + TITLE_GAP + metrics.getAscent());
    }
    if (!yTitle.isEmpty()) {
      AffineTransform saved = g.getTransform();
      g.translate(PAD + metrics.getAscent(), top + h / 2 + metrics.stringWidth(yTitle) / 2);
      g.rotate(-Math.PI / 2);
      g.drawString(yTitle, 0, 0);
      g.setTransform(saved);
    }
  }

  private void drawBar(Graphics2D g, FontMetrics metrics, int x, int top, int h, List<Double> values) {
    for (int i = 0; i < h; i++) {
      double level = h == 1 ? 1 : 1 - (double) i / (h - 1);
      g.setColor(new Color(colorMap.color(level)));
      g.drawLine(x, top + i, x + BAR_WIDTH - 1, top + i);
    }
    g.setColor(Color.BLACK);
    g.drawRect(x - 1, top - 1, BAR_WIDTH + 1, h + 1);
    for (int i = 0; i < values.size(); i++) {
      double level = (double) i / (values.size() - 1);
      int sy = top + h - 1 - (int) Math.round(level * (h - 1));
      g.drawLine(x + BAR_WIDTH, sy, x + BAR_WIDTH + TICK, sy);
      g.drawString(format(values.get(i)), x + BAR_WIDTH + TICK + 3, sy + metrics.getAscent() / 2 - 1);
    }
  }

  /** The data values at display levels 0, 1/4, ..., 1 (the stretch undone). */
  private List<Double> barValues() {
    List<Double> values = new ArrayList<>();
    for (int i = 0; i <= 4; i++) {
      values.add(limits.min() + stretch.invert(i / 4.0) * (limits.max() - limits.min()));
    }
    return values;
  }

  /** Round pixel coordinates from 0 to {@code size - 1}: steps of 1, 2 or 5 times a power of ten, at most 8 ticks. */
  static List<Double> ticks(int size) {
    double span = Math.max(1, size - 1);
    double magnitude = Math.pow(10, Math.floor(Math.log10(span / 10)));
    double step = magnitude;
    for (double m : new double[] {1, 2, 5, 10, 20, 50}) {
      step = m * magnitude;
      if (span / step <= 7) {
        break;
      }
    }
    step = Math.max(1, Math.round(step));
    List<Double> ticks = new ArrayList<>();
    for (double t = 0; t <= size - 1; t += step) {
      ticks.add(t);
    }
    return ticks;
  }

  private String label(TickLabels.Axis axis, double pixel) {
    return labels.label(axis, pixel);
  }

  private int widest(FontMetrics metrics, List<Double> ticks, TickLabels.Axis axis) {
    int widest = 0;
    for (double t : ticks) {
      widest = Math.max(widest, metrics.stringWidth(label(axis, t)));
    }
    return widest;
  }

  private static int widestValue(FontMetrics metrics, List<Double> values) {
    int widest = 0;
    for (double v : values) {
      widest = Math.max(widest, metrics.stringWidth(format(v)));
    }
    return widest;
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.4g", value);
  }

  private static FontMetrics metrics() {
    BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scratch.createGraphics();
    try {
      return g.getFontMetrics(FONT);
    } finally {
      g.dispose();
    }
  }
}
