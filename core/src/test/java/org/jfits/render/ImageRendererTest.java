package org.jfits.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Rendering of tiny images whose colours are worked out by hand. */
class ImageRendererTest {
  private static final ImageRenderer LINEAR_GRAY =
      ImageRenderer.create().interval(Interval.minMax()).stretch(Stretch.linear()).colorMap(ColorMap.gray());

  /** rows [0, 1, 2] and [3, 4, NaN]: min/max limits 0 and 4, gray levels floor(256 v / 4) capped at 255. */
  private static INDArray twoByThree() {
    return Nd4j.createFromArray(new double[][] {{0, 1, 2}, {3, 4, Double.NaN}});
  }

  @Test
  void pngDecodesWithRowZeroAtTheBottomAndNanInTheBadColour() throws IOException {
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(LINEAR_GRAY.png(twoByThree())));
    assertEquals(3, png.getWidth());
    assertEquals(2, png.getHeight());
    assertEquals(gray(0), rgb(png, 0, 1));
    assertEquals(gray(64), rgb(png, 1, 1));
    assertEquals(gray(128), rgb(png, 2, 1));
    assertEquals(gray(192), rgb(png, 0, 0));
    assertEquals(gray(255), rgb(png, 1, 0));
    assertEquals(0xFF0000, rgb(png, 2, 0));
  }

  @Test
  void integerArraysRenderAsTheirValues() {
    INDArray shorts = Nd4j.createFromArray(new short[][] {{0, 1, 2}, {3, 4, 4}});
    BufferedImage image = LINEAR_GRAY.render(shorts);
    assertEquals(gray(64), rgb(image, 1, 1));
    assertEquals(gray(192), rgb(image, 0, 0));
    BufferedImage unsigned = LINEAR_GRAY.render(Nd4j.createFromArray(new int[][] {{0, 40000, 2}, {3, 65535, 4}})
        .castTo(DataType.UINT16));
    assertEquals(gray(156), rgb(unsigned, 1, 1)); // floor(256 * 40000 / 65535)
    assertEquals(gray(255), rgb(unsigned, 1, 0));
  }

  @Test
  void viewsAndColumnMajorArraysRenderInNumpyOrder() {
    INDArray fortran = twoByThree().dup('f');
    assertEquals(gray(192), rgb(LINEAR_GRAY.render(fortran), 0, 0));
    INDArray view = Nd4j.createFromArray(new double[][] {{9, 9, 9, 9}, {9, 0, 1, 2}, {9, 3, 4, 4}})
        .get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3), org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 4));
    BufferedImage image = LINEAR_GRAY.render(view);
    assertEquals(gray(0), rgb(image, 0, 1));
    assertEquals(gray(255), rgb(image, 2, 0));
  }

  @Test
  void viridisColoursComeFromTheTable() {
    BufferedImage image = LINEAR_GRAY.colorMap(ColorMap.viridis()).render(twoByThree());
    assertEquals(0x440154, rgb(image, 0, 1)); // viridis(0) = (68, 1, 84)
    assertEquals(0xfde724, rgb(image, 1, 0)); // viridis(255, bytes=True) = (253, 231, 36)
  }

  @Test
  void largeImagesShrinkByBlockAverageIgnoringNan() {
    // 6 x 8, shrunk by 2 to 3 x 4: block (0, 0) holds 0, 2, 4, NaN -> mean 2
    double[][] values = new double[6][8];
    values[0][0] = 0;
    values[0][1] = 2;
    values[1][0] = 4;
    values[1][1] = Double.NaN;
    values[5][7] = 8;
    BufferedImage image = LINEAR_GRAY.maxSize(4).render(Nd4j.createFromArray(values));
    assertEquals(4, image.getWidth());
    assertEquals(3, image.getHeight());
    // limits from the full image: 0 and 8; block means 2 -> level 64; last block (8, 0, 0, 0) -> 2 -> 64
    assertEquals(gray(64), rgb(image, 0, 2));
    assertEquals(gray(64), rgb(image, 3, 0));
    assertEquals(gray(0), rgb(image, 1, 1));
  }

  @Test
  void smallImagesGrowByWholeFactors() {
    BufferedImage image = LINEAR_GRAY.minSize(30).render(twoByThree());
    assertEquals(30, image.getWidth());
    assertEquals(20, image.getHeight());
    assertEquals(gray(0), rgb(image, 9, 19));
    assertEquals(gray(64), rgb(image, 10, 10));
  }

  @Test
  void axesAndColourBarFrameTheUnchangedPicture() {
    BufferedImage plain = LINEAR_GRAY.minSize(60).render(twoByThree());
    BufferedImage framed = LINEAR_GRAY.minSize(60).axes(true).colorBar(true).render(twoByThree());
    assertTrue(framed.getWidth() > plain.getWidth() + 30);
    assertTrue(framed.getHeight() > plain.getHeight());
    // the picture appears somewhere in the frame, pixel for pixel
    boolean found = false;
    for (int y = 0; y + plain.getHeight() <= framed.getHeight() && !found; y++) {
      for (int x = 0; x + plain.getWidth() <= framed.getWidth() && !found; x++) {
        found = same(plain, framed, x, y);
      }
    }
    assertTrue(found, "the picture is not inside the frame");
  }

  @Test
  void axisTicksFallOnRoundPixelCoordinates() {
    assertEquals(java.util.List.of(0.0, 200.0, 400.0, 600.0, 800.0, 1000.0), Frame.ticks(1024));
    assertEquals(java.util.List.of(0.0, 50.0, 100.0, 150.0, 200.0, 250.0), Frame.ticks(300));
    assertEquals(java.util.List.of(0.0, 1.0, 2.0), Frame.ticks(3));
    assertEquals(java.util.List.of(0.0), Frame.ticks(1));
  }

  @Test
  void xLabelsTooWideForTheirTicksAreLeftOutRatherThanOverlapping() {
    // 100 columns: x ticks every 20 pixels; labels of ten digits are far wider than 20 pixels
    INDArray image = Nd4j.zeros(DataType.FLOAT, 100, 100);
    TickLabels wide = (axis, pixel) -> "0000000000";
    BufferedImage all = LINEAR_GRAY.axes(true).tickLabels(wide).render(image);
    BufferedImage secondChanged = LINEAR_GRAY.axes(true)
        .tickLabels((axis, pixel) -> axis == TickLabels.Axis.X && pixel == 20 ? "1111111111" : "0000000000").render(image);
    BufferedImage firstChanged = LINEAR_GRAY.axes(true)
        .tickLabels((axis, pixel) -> axis == TickLabels.Axis.X && pixel == 0 ? "1111111111" : "0000000000").render(image);
    assertTrue(same(all, secondChanged, 0, 0), "the label of the tick next to the first is not drawn");
    assertTrue(!same(all, firstChanged, 0, 0), "the first label is drawn");
  }

  @Test
  void axisTitlesWidenAndHeightenTheFrame() {
    INDArray image = Nd4j.zeros(DataType.FLOAT, 100, 100);
    BufferedImage untitled = LINEAR_GRAY.axes(true).render(image);
    TickLabels titled = new TickLabels() {
      @Override
      public String label(Axis axis, double pixel) {
        return Long.toString(Math.round(pixel));
      }

      @Override
      public String title(Axis axis) {
        return axis == Axis.X ? "columns" : "rows";
      }
    };
    BufferedImage withTitles = LINEAR_GRAY.axes(true).tickLabels(titled).render(image);
    assertTrue(withTitles.getWidth() > untitled.getWidth(), "room for the y title at the left");
    assertTrue(withTitles.getHeight() > untitled.getHeight(), "room for the x title at the bottom");
    // the untitled frame (less its 8-pixel white margins at the left and bottom) reappears moved right,
    // with the y title drawn in the new left strip and the x title in the new bottom strip
    int pad = 8;
    int shift = withTitles.getWidth() - untitled.getWidth();
    BufferedImage frame = untitled.getSubimage(pad, 0, untitled.getWidth() - pad, untitled.getHeight() - pad);
    assertTrue(same(frame, withTitles, pad + shift, 0), "the frame moves right by the y title's strip");
    assertTrue(hasInk(withTitles, 0, 0, pad + shift, withTitles.getHeight()), "the y title is drawn");
    assertTrue(hasInk(withTitles, pad + shift, untitled.getHeight() - pad, frame.getWidth(),
        withTitles.getHeight() - untitled.getHeight() + pad), "the x title is drawn");
  }

  private static boolean hasInk(BufferedImage picture, int x0, int y0, int width, int height) {
    for (int y = y0; y < y0 + height; y++) {
      for (int x = x0; x < x0 + width; x++) {
        if (rgb(picture, x, y) != 0xffffff) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void rejectsArraysThatAreNotTwoDimensional() {
    INDArray cube = Nd4j.zeros(DataType.FLOAT, 2, 3, 4);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LINEAR_GRAY.render(cube));
    assertTrue(e.getMessage().contains("[2, 3, 4]"), e.getMessage());
  }

  @Test
  void allNanImagesDrawInTheBadColour() {
    BufferedImage image = ImageRenderer.create().render(Nd4j.valueArrayOf(new long[] {2, 2}, Double.NaN));
    assertEquals(0xFF0000, rgb(image, 1, 1));
  }

  private static boolean same(BufferedImage small, BufferedImage big, int x0, int y0) {
    for (int y = 0; y < small.getHeight(); y++) {
      for (int x = 0; x < small.getWidth(); x++) {
        if (rgb(small, x, y) != rgb(big, x0 + x, y0 + y)) {
          return false;
        }
      }
    }
    return true;
  }

  private static int gray(int level) {
    return level << 16 | level << 8 | level;
  }

  private static int rgb(BufferedImage image, int x, int y) {
    return image.getRGB(x, y) & 0xFFFFFF;
  }
}
