package org.jfits.notebook;

import static org.jfits.render.LuptonReference.assertNearlyEqual;
import static org.jfits.render.LuptonReference.rgbBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfits.TestFiles;
import org.jfits.render.LuptonReference;
import org.jfits.render.LuptonReference.Band;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %fits show --rgb}: a cube variable, or three 2-D variables, drawn as the picture astropy's
 * {@code make_lupton_rgb(..., filename=...)} writes itself; wrong names and options are one-line errors.
 */
class ShowRgbTest {
  private static final String CUBE = "real/fv_datacube.fits";
  private static final String INDARRAY = "org.nd4j.linalg.api.ndarray.INDArray";
  private static TestKernel kernel;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    kernel = new TestKernel();
    kernel.lineMagic("image", TestFiles.real(CUBE).toString(), "--section", "10:13,:,:", "--as", "cube");
    for (int plane = 0; plane < 3; plane++) {
      kernel.evalRaw(INDARRAY + " p" + plane + " = cube.slice(" + plane + ");");
    }
  }

  @AfterAll
  static void stop() {
    kernel.close();
  }

  private static Band plane(int plane) {
    return new Band(CUBE, 0, new long[] {plane, 0, 0}, new long[] {1, 64, 64});
  }

  private BufferedImage shown(String... words) throws Exception {
    kernel.displayed.clear();
    kernel.lineMagic(words);
    assertEquals(1, kernel.displayed.size());
    return NotebookMagicsTest.png(kernel.displayed.get(0));
  }

  private BufferedImage astropy(String minimum, double stretch, double q, Band... bands) throws Exception {
    Path png = dir.resolve("astropy.png");
    LuptonReference.rgb(dir, minimum, stretch, q, png, bands);
    return ImageIO.read(png.toFile());
  }

  @Test
  void cubeAndThreePlanesAreDrawnAsAstropyDrawsThem() throws Exception {
    BufferedImage expected = astropy("-5", 50, 3, plane(10), plane(11), plane(12));
    assertNearlyEqual(rgbBytes(expected), rgbBytes(shown("show", "cube", "--rgb", "--minimum", "-5", "--stretch", "50",
        "--q", "3")), "%fits show cube --rgb");
    assertNearlyEqual(rgbBytes(expected), rgbBytes(shown("show", "p0,p1,p2", "--rgb", "--minimum=-5", "--stretch=50",
        "--q=3")), "%fits show p0,p1,p2 --rgb");
    BufferedImage swapped = astropy("0", 5, 8, plane(12), plane(10), plane(11));
    assertNearlyEqual(rgbBytes(swapped), rgbBytes(shown("show", "p2,p0,p1", "--rgb")), "%fits show p2,p0,p1 --rgb");
  }

  @Test
  void wrongNamesAndOptionsAreOneLineErrors() {
    String[][] cases = {
        {"--cmap is for single images", "show", "cube", "--rgb", "--cmap", "viridis"},
        {"not 'p0,p1'", "show", "p0,p1", "--rgb"},
        {"[3, rows, columns]", "show", "p0", "--rgb"},
        {"need --rgb", "show", "p0", "--q", "3"},
        {"minimum needs 1 or 3 values", "show", "cube", "--rgb", "--minimum", "1,2"},
        {"stretch '0.5x' is not a number", "show", "cube", "--rgb", "--stretch", "0.5x"},
    };
    for (String[] c : cases) {
      String message = assertThrows(FitsMagicException.class,
          () -> kernel.lineMagic(java.util.Arrays.copyOfRange(c, 1, c.length))).getMessage();
      assertTrue(message.startsWith("%fits show: ") && message.contains(c[0]) && !message.contains("\n"), message);
    }
  }
}
