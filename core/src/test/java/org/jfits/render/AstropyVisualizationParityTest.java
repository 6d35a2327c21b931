package org.jfits.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfits.Fits;
import org.jfits.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Display limits, stretches and colour maps compared with astropy.visualization and matplotlib,
 * computed by {@code src/test/python/render_reference.py} on real images of the test data and on
 * generated arrays with NaN, infinities, outliers, constant and tiny cases.
 */
class AstropyVisualizationParityTest {
  private static final Path SCRIPT = Path.of("src/test/python/render_reference.py");
  private static final Path REFERENCE = Path.of("target/render-reference");

  @BeforeAll
  static void runAstropy() throws IOException, InterruptedException {
    TestFiles.runReferenceScript(SCRIPT, REFERENCE);
  }

  @Test
  void intervalsEqualAstropyOnRealImages() throws IOException {
    int compared = 0;
    for (String[] row : lines("limits.txt")) {
      if (row[0].startsWith("real/")) {
        double[] values = PixelValues.of(Fits.read(TestFiles.real(row[0]), 0));
        assertLimits(row, values);
        compared++;
      }
    }
    assertEquals(20, compared);
  }

  @Test
  void intervalsEqualAstropyOnGeneratedArraysWithNanInfinityAndOutliers() throws IOException {
    Map<String, double[]> arrays = generated();
    int compared = 0;
    for (String[] row : lines("limits.txt")) {
      if (arrays.containsKey(row[0])) {
        assertLimits(row, arrays.get(row[0]));
        compared++;
      }
    }
    assertEquals(20, compared);
  }

  @Test
  void stretchesEqualAstropyIncludingClippingOutsideZeroToOne() throws IOException {
    int compared = 0;
    for (String[] row : lines("stretch.txt")) {
      double x = Double.parseDouble(row[1]);
      double expected = Double.parseDouble(row[2]);
      assertEquals(expected, Stretch.named(row[0]).apply(x), 1e-12, () -> row[0] + " stretch of " + x);
      compared++;
    }
    assertEquals(4 * 66, compared);
  }

  @Test
  void stretchInversesUndoTheStretches() {
    for (String name : List.of("linear", "sqrt", "log", "asinh")) {
      Stretch stretch = Stretch.named(name);
      for (double x = 0; x <= 1; x += 0.05) {
        assertEquals(x, stretch.invert(stretch.apply(x)), 1e-12, name);
      }
    }
  }

  @Test
  void colorMapEntriesEqualMatplotlibAndGrayIsLinear() throws IOException {
    int compared = 0;
    for (String[] row : lines("colormaps.txt")) {
      int index = Integer.parseInt(row[1]);
      int expected = Integer.parseInt(row[2], 16);
      int actual = ColorMap.named(row[0]).entry(index);
      if (row[0].equals("gray")) {
        // matplotlib truncates i / 255 * 255 and lands one level low on some entries; ours is exactly i
        assertEquals(expected & 0xFF, actual & 0xFF, 1, () -> "gray entry " + index);
        assertEquals(index * 0x010101, actual);
      } else {
        assertEquals(expected, actual, () -> row[0] + " entry " + index);
      }
      compared++;
    }
    assertEquals(4 * 256, compared);
  }

  private static void assertLimits(String[] row, double[] values) {
    Interval interval = interval(row[1]);
    Interval.Limits limits = interval.limits(values);
    double min = Double.parseDouble(row[2]);
    double max = Double.parseDouble(row[3]);
    // float32 images: astropy takes the median of float32 samples in float32
    assertEquals(min, limits.min(), 1e-6 * Math.max(1, Math.abs(min)), () -> row[0] + " " + row[1] + " min");
    assertEquals(max, limits.max(), 1e-6 * Math.max(1, Math.abs(max)), () -> row[0] + " " + row[1] + " max");
  }

  private static Interval interval(String name) {
    if (name.equals("minmax")) {
      return Interval.minMax();
    }
    if (name.equals("zscale")) {
      return Interval.zscale();
    }
    assertTrue(name.startsWith("percentile="), name);
    return Interval.percentile(Double.parseDouble(name.substring("percentile=".length())));
  }

  private static Map<String, double[]> generated() throws IOException {
    Map<String, double[]> arrays = new LinkedHashMap<>();
    for (String[] row : lines("generated.txt")) {
      byte[] bytes = Files.readAllBytes(REFERENCE.resolve("generated_" + row[0] + ".f8"));
      double[] values = new double[bytes.length / 8];
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
      assertEquals(Integer.parseInt(row[1]) * Integer.parseInt(row[2]), values.length);
      arrays.put(row[0], values);
    }
    return arrays;
  }

  private static List<String[]> lines(String file) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(REFERENCE.resolve(file))) {
      if (!line.isBlank()) {
        rows.add(line.split(" "));
      }
    }
    return rows;
  }
}
