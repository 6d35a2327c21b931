package org.jfits.render;

import static org.jfits.render.LuptonReference.assertNearlyEqual;
import static org.jfits.render.LuptonReference.rgbBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.TestFiles;
import org.jfits.render.LuptonReference.Band;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link LuptonRgb} against astropy 5.2's {@code make_lupton_rgb} on real images: planes of an
 * integer cube and three integer images (double arithmetic), sections of a float32 image (float32
 * arithmetic) and a float32 image with NaN, equal to within one count on a few bytes (see
 * {@link LuptonReference#OFF_BY_ONE_PER_MILLE}); and the picture against the PNG astropy writes itself.
 */
class LuptonRgbTest {
  private static final String CUBE = "real/fv_datacube.fits";
  private static final String ISAAC = "real/eso_isaac_1024.fits";
  private static final String AZP = "real/astropy_1904-66_AZP.fits";
  private static final String MULTI = "real/skimage_multi.fits";

  @TempDir
  Path dir;

  private static Band plane(int plane) {
    return new Band(CUBE, 0, new long[] {plane, 0, 0}, new long[] {1, 64, 64});
  }

  private static Band section(String file, int row, int column, int size) {
    return new Band(file, 0, new long[] {row, column}, new long[] {size, size});
  }

  private static LuptonRgb mapping(String minimum, double stretch, double q) {
    String[] parts = minimum.split(",");
    double[] values = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = Double.parseDouble(parts[i]);
    }
    return LuptonRgb.create().minimum(values).stretch(stretch).q(q);
  }

  private byte[] jfits(String minimum, double stretch, double q, Band... bands) throws Exception {
    return mapping(minimum, stretch, q).combine(bands[0].read(), bands[1].read(), bands[2].read()).values();
  }

  private byte[] astropy(String minimum, double stretch, double q, Band... bands) throws Exception {
    return LuptonReference.rgb(dir, minimum, stretch, q, null, bands);
  }

  @Test
  void integerCubePlanesMatchAstropy() throws Exception {
    Band[] bands = {plane(10), plane(15), plane(20)};
    String[][] settings = {{"0", "5", "8"}, {"-5", "50", "3"}, {"-20,-10,0", "30", "0"}, {"2.5", "1000", "1e12"},
        {"10,-3.25,0.5", "7.5", "-2"}};
    for (String[] s : settings) {
      double stretch = Double.parseDouble(s[1]);
      double q = Double.parseDouble(s[2]);
      assertNearlyEqual(astropy(s[0], stretch, q, bands), jfits(s[0], stretch, q, bands),
          "cube planes, minimum " + s[0] + ", stretch " + s[1] + ", Q " + s[2]);
    }
  }

  @Test
  void cubeOfThreePlanesIsRedGreenBlue() throws Exception {
    INDArray cube;
    try (FitsFile fits = Fits.open(TestFiles.real(CUBE))) {
      cube = fits.hdu(0).image().read(new long[] {12, 0, 0}, new long[] {3, 64, 64});
    }
    assertArrayEquals(jfits("-1", 40, 6, plane(12), plane(13), plane(14)),
        LuptonRgb.create().minimum(-1).stretch(40).q(6).combine(cube).values());
  }

  @Test
  void threeUnsignedImagesWithMinimumPerBandMatchAstropy() throws Exception {
    Band[] bands = {Band.image(MULTI, 1, 288, 132), Band.image(MULTI, 2, 288, 132), Band.image(MULTI, 3, 288, 132)};
    assertNearlyEqual(astropy("746,631,384", 3000, 8, bands), jfits("746,631,384", 3000, 8, bands),
        "three images, minimum 746,631,384");
    assertNearlyEqual(astropy("0", 5, 8, bands), jfits("0", 5, 8, bands), "three images, defaults");
  }

  @Test
  void float32SectionsMatchAstropy() throws Exception {
    Band[] bands = {section(ISAAC, 0, 0, 256), section(ISAAC, 300, 400, 256), section(ISAAC, 700, 600, 256)};
    assertEquals(DataType.FLOAT, bands[0].read().dataType());
    String[][] settings = {{"300", "500", "8"}, {"350,360,370", "2000", "12"}, {"0", "5", "8"}};
    for (String[] s : settings) {
      double stretch = Double.parseDouble(s[1]);
      double q = Double.parseDouble(s[2]);
      assertNearlyEqual(astropy(s[0], stretch, q, bands), jfits(s[0], stretch, q, bands),
          "float32 sections, minimum " + s[0] + ", stretch " + s[1] + ", Q " + s[2]);
    }
  }

  @Test
  void pixelsWithNanInAnyBandAreBlackAsInAstropy() throws Exception {
    Band[] bands = {section(AZP, 0, 0, 160), section(AZP, 16, 16, 160), section(AZP, 32, 32, 160)};
    byte[] actual = jfits("-0.01", 0.5, 8, bands);
    assertNearlyEqual(astropy("-0.01", 0.5, 8, bands), actual, "float32 with NaN");
    double[][] values = {PixelValues.of(bands[0].read()), PixelValues.of(bands[1].read()),
        PixelValues.of(bands[2].read())};
    int nan = 0;
    for (int i = 0; i < values[0].length; i++) {
      if (Double.isNaN(values[0][i]) || Double.isNaN(values[1][i]) || Double.isNaN(values[2][i])) {
        nan++;
        for (int band = 0; band < 3; band++) {
          assertEquals(0, actual[3 * i + band], "pixel " + i);
        }
      }
    }
    assertTrue(nan > 1000, nan + " pixels with NaN");
  }

  @Test
  void pictureIsTheOneAstropyWritesWithTheFirstRowAtTheBottom() throws Exception {
    Band[] bands = {plane(3), plane(17), plane(25)};
    Path png = dir.resolve("astropy.png");
    LuptonReference.rgb(dir, "-2", 25, 5, png, bands);
    BufferedImage astropy = ImageIO.read(png.toFile());
    RgbImage rgb = LuptonRgb.create().minimum(-2).stretch(25).q(5)
        .combine(bands[0].read(), bands[1].read(), bands[2].read());
    BufferedImage jfits = rgb.picture();
    assertEquals(astropy.getWidth(), jfits.getWidth());
    assertEquals(astropy.getHeight(), jfits.getHeight());
    assertNearlyEqual(rgbBytes(astropy), rgbBytes(jfits), "picture");
    assertArrayEquals(rgbBytes(jfits), rgbBytes(ImageIO.read(new ByteArrayInputStream(rgb.png()))), "PNG");
  }

  @Test
  void badBandsAndSettingsAreRefused() {
    INDArray a = Nd4j.zeros(DataType.FLOAT, 4, 5);
    INDArray b = Nd4j.zeros(DataType.FLOAT, 5, 4);
    LuptonRgb rgb = LuptonRgb.create();
    assertTrue(assertThrows(IllegalArgumentException.class, () -> rgb.combine(a, a, b)).getMessage()
        .contains("[5, 4]"));
    assertThrows(IllegalArgumentException.class, () -> rgb.combine(a, a, Nd4j.zeros(DataType.FLOAT, 1, 4, 5)));
    assertThrows(IllegalArgumentException.class, () -> rgb.combine(Nd4j.zeros(DataType.FLOAT, 4, 4, 5)));
    INDArray empty = Nd4j.zeros(DataType.FLOAT, 0, 5);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> rgb.combine(empty, empty, empty)).getMessage()
        .contains("empty"));
    assertThrows(IllegalArgumentException.class, () -> rgb.minimum(1, 2));
    assertThrows(IllegalArgumentException.class, () -> rgb.minimum(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> rgb.stretch(0));
    assertThrows(IllegalArgumentException.class, () -> rgb.q(Double.POSITIVE_INFINITY));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> LuptonRgb.parse("1,x,3", null, null)).getMessage()
        .startsWith("minimum '1,x,3'"));
    assertThrows(IllegalArgumentException.class, () -> LuptonRgb.parse(null, "5,6", null));
  }
}
