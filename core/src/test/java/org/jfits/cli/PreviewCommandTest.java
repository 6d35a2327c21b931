package org.jfits.cli;

import static org.jfits.cli.MainTest.jfits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.jfits.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jfits preview}: the PNG it writes decodes, is drawn from the chosen HDU and plane with the
 * chosen stretch, and bad options are usage errors. The drawing itself (intervals, stretches, colour
 * maps) is checked against astropy and matplotlib in {@code render/AstropyVisualizationParityTest}.
 */
class PreviewCommandTest {
  @TempDir
  Path dir;

  private BufferedImage preview(String... args) throws Exception {
    Path out = dir.resolve("p" + Arrays.hashCode(args) + ".png");
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--out";
    all[args.length + 1] = out.toString();
    MainTest.Result r = jfits(all);
    assertEquals(Main.OK, r.exit(), r.err());
    BufferedImage image = ImageIO.read(out.toFile());
    assertTrue(image != null, "a PNG");
    return image;
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  @Test
  void drawsTheChosenImagePlaneAndStretch() throws Exception {
    String ngc = TestFiles.real("real/fv_ngc1316o.fits").toString();
    BufferedImage linear = preview("preview", ngc);
    assertTrue(linear.getWidth() > 440 && linear.getHeight() >= 300, "the 440 x 300 image with axes and colour bar");
    BufferedImage asinh = preview("preview", ngc, "--scale", "asinh", "--interval", "percentile=99.5");
    assertFalse(Arrays.equals(pixels(linear), pixels(asinh)), "another stretch draws another picture");
    String cube = TestFiles.real("real/fv_datacube.fits").toString();
    assertFalse(Arrays.equals(pixels(preview("preview", cube)), pixels(preview("preview", cube, "--plane", "5"))),
        "another plane");
    BufferedImage section = preview("preview", TestFiles.real("real/astropy_test0.fits") + "[SCI]");
    assertTrue(section.getWidth() > 40);
  }

  @Test
  void badOptionsAreUsageErrors() {
    String ngc = TestFiles.real("real/fv_ngc1316o.fits").toString();
    assertEquals(Main.USAGE, jfits("preview", ngc, "--out", dir.resolve("x.jpg").toString()).exit());
    assertEquals(Main.USAGE, jfits("preview", ngc, "--interval", "wide", "--out", dir.resolve("x.png").toString())
        .exit());
    assertEquals(Main.USAGE, jfits("preview", TestFiles.real("real/fv_datacube.fits").toString(), "--plane", "999",
        "--out", dir.resolve("x.png").toString()).exit());
    assertTrue(Files.notExists(dir.resolve("x.png")));
  }
}
