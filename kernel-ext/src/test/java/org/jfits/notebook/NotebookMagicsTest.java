package org.jfits.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.jfits.TestFiles;
import org.jfits.render.TickLabels;
import org.jfits.table.FitsTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code %fits} magics run through the kernel's magic registry, in a kernel whose code runs in an
 * in-process JShell; what they display is compared with astropy's view of the same real files
 * ({@code src/test/python/notebook_reference.py}).
 */
class NotebookMagicsTest {
  private static final Path SCRIPT = Path.of("src/test/python/notebook_reference.py");
  private static final Path REFERENCE = Path.of("target/notebook-reference");
  private static TestKernel kernel;

  @BeforeAll
  static void start() throws IOException, InterruptedException {
    TestFiles.runReferenceScript(SCRIPT, REFERENCE);
    kernel = new TestKernel();
  }

  @AfterAll
  static void stop() {
    kernel.close();
  }

  @BeforeEach
  void clear() {
    kernel.displayed.clear();
  }

  private static String file(String name) {
    return TestFiles.real(name).toString();
  }

  @Test
  void infoShowsTheHduListAsAstropyPrintsIt() throws Exception {
    for (String name : List.of("real/astropy_test0.fits", "real/fv_rosat_evt.fits", "real/astropy_dss.fits.gz")) {
      kernel.displayed.clear();
      kernel.lineMagic("info", file(name));
      String html = html();
      int rows = 0;
      for (String[] row : reference("info.txt")) {
        if (row[0].equals(name)) {
          String cells = "<tr><td>" + row[1] + "</td><td>" + Html.escape(row[2]) + "</td><td>" + row[3] + "</td><td>"
              + row[4] + "</td><td>" + row[5] + "</td><td>" + row[6] + "</td><td>" + Html.escape(row.length > 7 ? row[7] : "")
              + "</td>";
          assertTrue(html.contains(cells), () -> "missing " + cells + " in " + html);
          rows++;
        }
      }
      assertEquals(rows, count(html, "<tr><td>"), name);
    }
  }

  @Test
  void headerShowsEveryCardOfTheChosenHdu() throws Exception {
    kernel.lineMagic("header", file("real/astropy_test0.fits") + "[SCI,2]");
    String html = html();
    kernel.displayed.clear();
    kernel.lineMagic("header", file("real/fv_ngc1316o.fits"));
    String primary = html();
    for (String[] row : reference("header.txt")) {
      String shown = row[1].equals("0") ? primary : html;
      assertEquals(Integer.parseInt(row[2]), count(shown, "<tr><td>"), row[0]);
      String cells = "<td>" + row[3] + "</td><td>" + Html.escape(row[4]) + "</td>";
      assertTrue(shown.contains(cells), () -> "missing " + cells);
    }
    assertTrue(html.contains("<input type=\"search\""));
  }

  @Test
  void imageSectionIsBoundToATypedNotebookVariable() throws Exception {
    Object result = kernel.lineMagic("image", file("real/astropy_test0.fits") + "[SCI,3]", "--section", "5:15,10:30",
        "--as", "cut");
    INDArray cut = assertInstanceOf(INDArray.class, kernel.evalRaw("cut"));
    assertEquals(result, cut);
    assertArrayEquals(new long[] {10, 20}, cut.shape());
    byte[] bytes = Files.readAllBytes(REFERENCE.resolve("section.f8"));
    double[] expected = new double[200];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(expected);
    assertArrayEquals(expected, cut.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).data().asDouble());
    // the static type is INDArray: INDArray methods compile in later cells
    assertEquals(20L, kernel.evalRaw("cut.size(1)"));
    BufferedImage png = png(kernel.displayed.get(0));
    // 10 x 20 enlarged 12 times to 120 x 240, framed by axes
    assertTrue(png.getWidth() > 240 && png.getHeight() > 120, png.getWidth() + " x " + png.getHeight());
  }

  @Test
  void rawImagesKeepTheStoredValuesAndType() throws Exception {
    kernel.lineMagic("image", file("real/astropy_scale.fits") + "[0]", "--raw", "--as", "stored");
    INDArray stored = (INDArray) kernel.evalRaw("stored");
    String[] expected = Files.readString(REFERENCE.resolve("raw.txt")).strip().split(" ");
    assertEquals(expected[0], stored.dataType() == org.nd4j.linalg.api.buffer.DataType.SHORT ? "int16" : stored.dataType().toString());
    for (int i = 0; i < 3; i++) {
      assertEquals(Long.parseLong(expected[i + 1]), stored.getLong(0, i));
    }
  }

  @Test
  void tableIsShownWithUnitsAndBoundAsFitsTable() throws Exception {
    kernel.lineMagic("table", file("real/fv_rosat_evt.fits") + "[EVENTS]", "--columns", "PI,TIME", "--rows", "0:100",
        "--as", "events");
    FitsTable events = assertInstanceOf(FitsTable.class, kernel.evalRaw("events"));
    assertEquals(100L, events.rowCount());
    assertEquals(100, kernel.evalRaw("events.table().rowCount()"));
    String html = html();
    assertTrue(html.contains("<td>TIME</td><td>1D</td><td>s</td><td>scalar</td>"), html);
    assertFalse(html.contains("<td>PHA</td>"));
    String pi3 = cell("real/fv_rosat_evt.fits", "PI", "3");
    assertTrue(html.contains("<tr><th>3</th><td>" + pi3 + "</td>"), html);
  }

  @Test
  void tableWhereReadsTheRowsAnAstropyMaskSelects() throws Exception {
    String events = file("real/fv_rosat_evt.fits");
    kernel.cellMagic("table " + events + "[EVENTS] --where \"PHA > 20 && PI < 30\" --columns PI,TIME --as hot");
    FitsTable hot = assertInstanceOf(FitsTable.class, kernel.evalRaw("hot"));
    String expected = TestFiles.python("import sys, numpy as np; from astropy.io import fits\n"
        + "d = fits.getdata(sys.argv[1], 'EVENTS'); m = (d['PHA'] > 20) & (d['PI'] < 30)\n"
        + "print(' '.join(str(v) for v in d['PI'][m]))", events).strip();
    assertTrue(hot.rowCount() > 0 && hot.rowCount() < 2928, "rows: " + hot.rowCount());
    assertEquals(expected, hot.table().shortColumn("PI").asList().stream().map(String::valueOf)
        .collect(java.util.stream.Collectors.joining(" ")));
    FitsMagicException e = assertThrows(FitsMagicException.class,
        () -> kernel.lineMagic("table", events + "[EVENTS]", "--where", "PHA >> 3"));
    assertTrue(e.getMessage().startsWith("%fits table: " + events + ", HDU 2 (EVENTS): unexpected '>' at 5; expected a"
        + " value"), e.getMessage());
  }

  @Test
  void tableColumnsMatchAstropyNamesUnitsFormatsAndShapes() throws Exception {
    String current = null;
    String html = null;
    for (String[] row : reference("table.txt")) {
      if (!row[0].equals("column")) {
        current = row[0];
        kernel.displayed.clear();
        kernel.lineMagic("table", file(current) + "[" + row[1] + "]");
        html = html();
        assertTrue(html.contains("FitsTable: " + row[2] + " rows"), html);
        continue;
      }
      // astropy's shape of an array column includes the rows, as jfits' arrays do
      String shape = row[4].equals("vla") ? "variable-length" : row[4];
      String expected = "<td>" + Html.escape(row[1]) + "</td><td>" + row[3] + "</td><td>" + Html.escape(row[2])
          + "</td><td>" + shape;
      String shown = html;
      assertTrue(html.contains(expected), () -> "missing " + expected + " in " + shown);
    }
  }

  @Test
  void longTablesShowHeadEllipsisAndTailWithAstropyValues() throws Exception {
    kernel.lineMagic("table", file("real/fv_rate.fits") + "[RATE]");
    String html = html();
    assertTrue(html.contains("<tr class=\"jfits-ellipsis\">"));
    assertEquals(TableHtml.HEAD + TableHtml.TAIL, html.split("<tr><th>\\d", -1).length - 1);
    assertTrue(html.contains("<tr><th>0</th><td>" + cell("real/fv_rate.fits", "TIME", "0") + "</td>"), html);
    assertTrue(html.contains("<tr><th>5370</th><td>" + cell("real/fv_rate.fits", "TIME", "5370") + "</td>"), html);
  }

  @Test
  void showDrawsANotebookArrayWithOptions() throws Exception {
    kernel.evalRaw("org.nd4j.linalg.api.ndarray.INDArray ramp = org.nd4j.linalg.factory.Nd4j.linspace(0, 1, 600).reshape(20, 30);");
    kernel.lineMagic("show", "ramp", "--stretch", "percentile=99.5", "--scale", "asinh", "--cmap", "viridis", "--colorbar");
    BufferedImage framed = png(kernel.displayed.get(0));
    kernel.displayed.clear();
    kernel.lineMagic("show", "ramp");
    BufferedImage plain = png(kernel.displayed.get(0));
    assertTrue(framed.getWidth() > plain.getWidth(), "the colour bar widens the picture");
  }

  @Test
  void imageWithACelestialWcsIsDrawnWithTheSkyCoordinatesAstropyGives() throws Exception {
    kernel.lineMagic("image", file("real/fv_ngc1316o.fits"), "--section", "120:170,200:260", "--as", "core");
    INDArray core = (INDArray) kernel.evalRaw("core");
    assertSamePicture(Renderers.ARRAY.axes(true).tickLabels(astropyTicks("section")).render(core), png(kernel.displayed.get(0)));
    kernel.displayed.clear();
    kernel.lineMagic("show", "core");
    assertSamePicture(FitsMagic.SHOW.tickLabels(astropyTicks("section")).render(core), png(kernel.displayed.get(0)));
  }

  @Test
  void cubePlaneIsDrawnWithTheCubesSkyCoordinates() throws Exception {
    kernel.lineMagic("image", file("real/fv_datacube.fits"), "--section", "10:11,:,:", "--as", "plane");
    INDArray plane = ((INDArray) kernel.evalRaw("plane")).reshape(64, 64);
    assertSamePicture(Renderers.ARRAY.axes(true).tickLabels(astropyTicks("cube")).render(plane), png(kernel.displayed.get(0)));
  }

  @Test
  void imagesWithoutAReadableCelestialWcsFallBackToPixelLabels() throws Exception {
    // pdl_m51: CTYPE X and Y; astropy_dist_lookup: distortion lookup tables (CPDIS), which jfits does not read
    for (String name : List.of("real/pdl_m51.fits", "real/astropy_dist_lookup.fits.gz[1]")) {
      kernel.displayed.clear();
      INDArray image = (INDArray) kernel.lineMagic("image", file(name.replace("[1]", "")) + (name.endsWith("]") ? "[1]" : ""));
      assertSamePicture(Renderers.ARRAY.axes(true).render(image), png(kernel.displayed.get(0)));
    }
  }

  @Test
  void showChoosesSkyOrPixelLabels() throws Exception {
    kernel.lineMagic("image", file("real/fv_ngc1316o.fits"), "--section", "120:170,200:260", "--as", "patch");
    INDArray patch = (INDArray) kernel.evalRaw("patch");
    kernel.displayed.clear();
    kernel.lineMagic("show", "patch", "--pixels");
    assertSamePicture(FitsMagic.SHOW.render(patch), png(kernel.displayed.get(0)));
    // the same pixels labelled with the file's WCS from its pixel (0, 0): another part of the sky
    kernel.displayed.clear();
    kernel.lineMagic("show", "patch", "--wcs", file("real/fv_ngc1316o.fits") + "[0]");
    assertSamePicture(FitsMagic.SHOW.tickLabels(astropyTicks("origin")).render(patch), png(kernel.displayed.get(0)));
    // once the variable holds an array of another shape, its sky position is unknown
    kernel.evalRaw("patch = patch.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 10), "
        + "org.nd4j.linalg.indexing.NDArrayIndex.all());");
    INDArray strip = (INDArray) kernel.evalRaw("patch");
    kernel.displayed.clear();
    kernel.lineMagic("show", "patch");
    assertSamePicture(FitsMagic.SHOW.render(strip), png(kernel.displayed.get(0)));
    // a table bound to the name makes it forget the image's sky too
    kernel.lineMagic("image", file("real/fv_ngc1316o.fits"), "--as", "reused");
    kernel.lineMagic("table", file("real/fv_rate.fits") + "[RATE]", "--rows", "0:2", "--as", "reused");
    kernel.evalRaw("org.nd4j.linalg.api.ndarray.INDArray reused = org.nd4j.linalg.factory.Nd4j.rand(300, 440);");
    INDArray noise = (INDArray) kernel.evalRaw("reused");
    kernel.displayed.clear();
    kernel.lineMagic("show", "reused");
    assertSamePicture(FitsMagic.SHOW.render(noise), png(kernel.displayed.get(0)));
  }

  @Test
  void showRejectsAWcsItCannotUse() throws Exception {
    kernel.evalRaw("org.nd4j.linalg.api.ndarray.INDArray small = org.nd4j.linalg.factory.Nd4j.zeros(5, 6);");
    String noSky = error("show", "small", "--wcs", file("real/pdl_m51.fits"));
    assertTrue(noSky.startsWith("%fits show: ") && !noSky.contains("\n"), noSky);
    assertEquals("%fits show: give --pixels or --wcs, not both",
        error("show", "small", "--pixels", "--wcs", file("real/fv_ngc1316o.fits")));
    assertTrue(kernel.displayed.isEmpty());
  }

  /**
   * Tick labels from astropy for reference case {@code name}, titled RA and Dec in FK4 (both files have
   * EQUINOX 1950 and no RADESYS); a tick the reference lacks fails the test.
   */
  private static TickLabels astropyTicks(String name) throws IOException {
    java.util.Map<String, String> labels = new java.util.HashMap<>();
    for (String[] row : reference("ticks.txt")) {
      if (row[0].equals(name)) {
        labels.put(row[1] + " " + row[2], row[3]);
      }
    }
    return new TickLabels() {
      @Override
      public String label(Axis axis, double pixel) {
        String label = labels.get(axis + " " + Math.round(pixel));
        if (label == null) {
          throw new AssertionError("no astropy label for the tick at " + axis + " " + pixel);
        }
        return label;
      }

      @Override
      public String title(Axis axis) {
        return axis == Axis.X ? "RA (FK4)" : "Dec (FK4)";
      }
    };
  }

  private static void assertSamePicture(BufferedImage expected, BufferedImage actual) {
    assertEquals(expected.getWidth(), actual.getWidth(), "width");
    assertEquals(expected.getHeight(), actual.getHeight(), "height");
    for (int y = 0; y < expected.getHeight(); y++) {
      for (int x = 0; x < expected.getWidth(); x++) {
        if (expected.getRGB(x, y) != actual.getRGB(x, y)) {
          throw new AssertionError("pictures differ first at (" + x + ", " + y + ")");
        }
      }
    }
  }

  @Test
  void histCountsEqualNumpyAndDrawsAChart() throws Exception {
    kernel.lineMagic("image", file("real/pdl_m51.fits"), "--as", "m51");
    kernel.displayed.clear();
    kernel.lineMagic("hist", "m51", "--bins", "50", "--log");
    BufferedImage chart = png(kernel.displayed.get(0));
    assertEquals(640, chart.getWidth());
    assertEquals(400, chart.getHeight());
    INDArray m51 = (INDArray) kernel.evalRaw("m51");
    long[] counts = Histogram.of(org.jfits.render.PixelValues.of(m51), 50).counts();
    String[] expected = Files.readString(REFERENCE.resolve("hist.txt")).strip().split(" ");
    assertEquals(expected.length, counts.length);
    for (int i = 0; i < counts.length; i++) {
      assertEquals(Long.parseLong(expected[i]), counts[i], "bin " + i);
    }
  }

  @Test
  void cellMagicRunsOneCommandPerLine() throws Exception {
    kernel.cellMagic("# two commands\n" + "info " + file("real/astropy_test0.fits") + "\n\n"
        + "image " + file("real/astropy_test0.fits") + "[4] --as sci4\n");
    assertEquals(2, kernel.displayed.size());
    assertArrayEquals(new long[] {40, 40}, ((INDArray) kernel.evalRaw("sci4")).shape());
  }

  @Test
  void helpListsEverySubcommandAndOption() throws Exception {
    kernel.lineMagic("help");
    String help = (String) kernel.displayed.get(0).getData(MIMEType.TEXT_PLAIN);
    for (String word : List.of("help", "info PATH", "header PATH[HDU]", "image PATH[HDU]", "table PATH[HDU]",
        "show NAME", "hist NAME", "--section", "--raw", "--as", "--columns", "--rows", "--stretch", "--scale",
        "--cmap", "--colorbar", "--wcs PATH[HDU]", "--pixels", "--bins", "--log")) {
      assertTrue(help.contains(word), () -> "help lacks " + word);
    }
  }

  @Test
  void errorsFailTheCellWithOneLine() {
    String missing = error("info", "/no/such/file.fits");
    assertTrue(missing.contains("/no/such/file.fits"), missing);
    String hdu = error("image", file("real/astropy_test0.fits") + "[NOPE]");
    assertTrue(hdu.startsWith("%fits image: ") && hdu.contains("NOPE"), hdu);
    String index = error("header", file("real/astropy_test0.fits") + "[9]");
    assertTrue(index.contains("no HDU 9"), index);
    String option = error("image", file("real/astropy_test0.fits"), "--bogus");
    assertTrue(option.contains("unknown option --bogus"), option);
    String table = error("image", file("real/fv_rate.fits") + "[1]");
    assertTrue(table.contains("not an image"), table);
    String column = error("table", file("real/fv_rate.fits") + "[RATE]", "--columns", "NOPE");
    assertTrue(column.contains("NOPE"), column);
    String variable = error("show", "undefinedVariable");
    assertTrue(variable.contains("undefinedVariable"), variable);
    String badName = error("image", file("real/astropy_test0.fits"), "--as", "class");
    assertTrue(badName.contains("'class'"), badName);
    String subcommand = error("plot", "x");
    assertTrue(subcommand.contains("unknown subcommand 'plot'"), subcommand);
    for (String message : List.of(missing, hdu, index, option, table, column, variable, badName, subcommand)) {
      assertFalse(message.contains("\n"), message);
    }
  }

  @Test
  void showRejectsBadDisplayOptionsAndNonImagesWithOneLine() throws Exception {
    kernel.evalRaw("org.nd4j.linalg.api.ndarray.INDArray flat = org.nd4j.linalg.factory.Nd4j.zeros(2, 3);");
    kernel.evalRaw("org.nd4j.linalg.api.ndarray.INDArray cube = org.nd4j.linalg.factory.Nd4j.zeros(2, 3, 4);");
    kernel.evalRaw("String text = \"abc\";");
    assertEquals("%fits show: --scale: unknown stretch 'cube'; expected linear, sqrt, log or asinh",
        error("show", "flat", "--scale", "cube"));
    assertTrue(error("show", "flat", "--cmap", "jet").startsWith("%fits show: --cmap: unknown colour map 'jet'"));
    assertTrue(error("show", "flat", "--stretch", "percentile=x").contains("percentile=P"));
    assertTrue(error("show", "flat", "--stretch", "percentile=150").contains("(0, 100]"));
    assertEquals("%fits show: cube has shape [2, 3, 4]; show draws 2-D arrays (take a plane first)", error("show", "cube"));
    assertEquals("%fits hist: text is a String, not an INDArray", error("hist", "text"));
    assertTrue(error("hist", "flat", "--bins", "many").contains("--bins needs a whole number"));
    assertTrue(kernel.displayed.isEmpty());
  }

  private static String error(String... words) {
    FitsMagicException e = assertThrows(FitsMagicException.class, () -> kernel.lineMagic(words));
    return e.getMessage();
  }

  private static String html() {
    assertEquals(1, kernel.displayed.size());
    return (String) kernel.displayed.get(0).getData(MIMEType.TEXT_HTML);
  }

  static BufferedImage png(DisplayData data) throws IOException {
    String base64 = (String) data.getData(MIMEType.IMAGE_PNG);
    assertTrue(base64 != null, "no image/png");
    return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
  }

  private static String cell(String file, String column, String row) throws IOException {
    for (String[] line : reference("cells.txt")) {
      if (line[0].equals(file) && line[2].equals(column) && line[3].equals(row)) {
        return line[4];
      }
    }
    throw new AssertionError("no reference cell " + file + " " + column + " " + row);
  }

  private static List<String[]> reference(String name) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(REFERENCE.resolve(name))) {
      if (!line.isEmpty()) {
        rows.add(line.split("\t", -1));
      }
    }
    return rows;
  }

  static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }
}
