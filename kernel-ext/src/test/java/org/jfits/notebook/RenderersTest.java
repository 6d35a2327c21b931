package org.jfits.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.TestFiles;
import org.jfits.table.FitsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** What each type renders as, on small inputs whose expected display is worked out by hand. */
class RenderersTest {
  private static final Renderer RENDERER = new Renderer();

  static {
    Renderers.register(RENDERER);
  }

  @TempDir
  Path dir;

  /**
   * A table HDU of 25 rows: column {@code a<b} (4A, unit {@code m&s}) holding {@code <i&>} and
   * column {@code n} (1J, TNULL -1) null in rows 3, 10 and 20. The primary header has an OBJECT
   * with markup in its value and comment.
   */
  private Path markupFile() throws IOException {
    byte[] primary = TestFiles.header(TestFiles.value("SIMPLE", "T"), TestFiles.value("BITPIX", "8"),
        TestFiles.value("NAXIS", "0"), TestFiles.value("EXTEND", "T"),
        TestFiles.card("OBJECT  = '<script>alert(1)</script>' / a <b>bold</b> & \"quoted\" comment"));
    int rows = 25;
    byte[] header = TestFiles.header(TestFiles.value("XTENSION", "'BINTABLE'"), TestFiles.value("BITPIX", "8"),
        TestFiles.value("NAXIS", "2"), TestFiles.value("NAXIS1", "8"), TestFiles.value("NAXIS2", "" + rows),
        TestFiles.value("PCOUNT", "0"), TestFiles.value("GCOUNT", "1"), TestFiles.value("TFIELDS", "2"),
        TestFiles.value("TTYPE1", "'a<b'"), TestFiles.value("TFORM1", "'4A'"), TestFiles.value("TUNIT1", "'m&s'"),
        TestFiles.value("TTYPE2", "'n'"), TestFiles.value("TFORM2", "'1J'"), TestFiles.value("TNULL2", "-1"));
    ByteBuffer data = ByteBuffer.allocate(rows * 8);
    for (int i = 0; i < rows; i++) {
      data.put("<i&>".getBytes(StandardCharsets.US_ASCII));
      data.putInt(i == 3 || i == 10 || i == 20 ? -1 : i * 10);
    }
    return TestFiles.write(dir, "markup.fits", TestFiles.concat(primary, header, TestFiles.padded(data.array())));
  }

  @Test
  void headerHtmlEscapesCardTextAndHasASearchBox() throws IOException {
    try (FitsFile file = Fits.open(markupFile())) {
      String html = html(RENDERER.render(file.hdu(0).header()));
      assertTrue(html.contains("<td>OBJECT</td><td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"
          + "<td>a &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; comment</td>"), html);
      assertFalse(html.contains("<script>"));
      assertEquals(5, NotebookMagicsTest.count(html, "<tr><td>"));
      assertTrue(html.contains("<input type=\"search\" placeholder=\"filter 5 cards\" oninput=\""), html);
      assertFalse(html.contains("src=") || html.contains("href="), "no external resources");
    }
  }

  @Test
  void fitsTableHtmlEscapesNamesUnitsAndValuesAndCountsMissing() throws IOException {
    FitsTable table;
    try (FitsFile file = Fits.open(markupFile())) {
      table = file.hdu(1).table().read();
    }
    String html = html(RENDERER.render(table));
    assertTrue(html.contains("<td>1</td><td>a&lt;b</td><td>4A</td><td>m&amp;s</td><td>scalar</td><td>0</td>"), html);
    assertTrue(html.contains("<td>2</td><td>n</td><td>1J</td><td></td><td>scalar</td><td>3</td>"), html);
    assertTrue(html.contains("<tr><th>3</th><td>&lt;i&amp;&gt;</td><td>--</td></tr>"), html);
    assertTrue(html.contains("<tr><th>24</th><td>&lt;i&amp;&gt;</td><td>240</td></tr>"), html);
    assertTrue(html.contains("<tfoot><tr><th>missing</th><td>0</td><td>3</td></tr></tfoot>"), html);
    assertFalse(html.contains("<i&>"));
    assertTrue(text(RENDERER.render(table)).startsWith("FitsTable: 25 rows x 2 columns"));
  }

  @Test
  void tablesawTableShowsTypesMissingCountsAndAllRowsWhenShort() {
    Table table = Table.create("t<1>", DoubleColumn.create("x", 1.5, Double.NaN, 3.0),
        StringColumn.create("s&", "a", "", "<c>"));
    String html = html(RENDERER.render(table));
    assertTrue(html.startsWith("<div class=\"jfits-table\"><p>t&lt;1&gt;: 3 rows &times; 2 columns</p>"), html);
    assertTrue(html.contains("<th>x<br><small>double</small></th><th>s&amp;<br><small>string</small></th>"), html);
    assertTrue(html.contains("<tr><th>1</th><td>--</td><td>--</td></tr>"), html);
    assertTrue(html.contains("<tr><th>2</th><td>3.0</td><td>&lt;c&gt;</td></tr>"), html);
    assertTrue(html.contains("<th>missing</th><td>1</td><td>1</td>"), html);
    assertFalse(html.contains("jfits-ellipsis"));
    String text = text(RENDERER.render(table));
    assertTrue(text.contains("x  s&\n1.5  a\n--  --\n3.0  <c>\n"), text);
  }

  @Test
  void twoDimensionalArraysRenderAsPngAndOneLineSummary() throws IOException {
    DisplayData data = RENDERER.render(Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, Float.NaN, 6}}));
    BufferedImage png = NotebookMagicsTest.png(data);
    assertEquals(255, png.getWidth()); // 3 columns enlarged by 85 to reach 256 at most
    assertEquals(170, png.getHeight());
    assertEquals("INDArray float [2, 3], min 1, max 6, 1 NaN or infinite", text(data));
  }

  @Test
  void otherRanksRenderAsSummaryOnly() {
    DisplayData data = RENDERER.render(Nd4j.arange(24).castTo(DataType.INT).reshape(2, 3, 4));
    assertNull(data.getData(MIMEType.IMAGE_PNG));
    assertEquals("INDArray int [2, 3, 4], min 0, max 23", text(data));
  }

  @Test
  void picturesAndChartsRenderAsPng() throws IOException {
    BufferedImage picture = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
    picture.setRGB(6, 4, 0x123456);
    BufferedImage decoded = NotebookMagicsTest.png(RENDERER.render(picture));
    assertEquals(7, decoded.getWidth());
    assertEquals(0x123456, decoded.getRGB(6, 4) & 0xFFFFFF);
    XYChart chart = new XYChartBuilder().width(300).height(200).build();
    chart.addSeries("s", new double[] {0, 1}, new double[] {1, 2});
    BufferedImage drawn = NotebookMagicsTest.png(RENDERER.render(chart));
    assertEquals(300, drawn.getWidth());
    assertEquals(200, drawn.getHeight());
  }

  private static String html(DisplayData data) {
    return (String) data.getData(MIMEType.TEXT_HTML);
  }

  private static String text(DisplayData data) {
    return (String) data.getData(MIMEType.TEXT_PLAIN);
  }
}
