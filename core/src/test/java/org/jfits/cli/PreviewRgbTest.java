package org.jfits.cli;

import static org.jfits.cli.MainTest.jfits;
import static org.jfits.render.LuptonReference.assertNearlyEqual;
import static org.jfits.render.LuptonReference.rgbBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfits.TestFiles;
import org.jfits.render.LuptonReference;
import org.jfits.render.LuptonReference.Band;
import org.jfits.render.LuptonRgb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jfits preview --rgb}: the PNG of three images or of cube planes decodes to the picture
 * astropy's {@code make_lupton_rgb(..., filename=...)} writes itself (matplotlib, first row at the
 * bottom), and to exactly the pixels of {@link LuptonRgb}; wrong file counts, shapes and options are
 * usage errors that write nothing.
 */
class PreviewRgbTest {
  private static final String MULTI = "real/skimage_multi.fits";
  private static final String CUBE = "real/fv_datacube.fits";

  @TempDir
  Path dir;

  /** Runs {@code jfits preview ARGS --rgb --out OUT.png} and decodes OUT.png. */
  private BufferedImage preview(String... args) throws Exception {
    Path out = dir.resolve("jfits.png");
    List<String> all = new ArrayList<>(List.of("preview"));
    all.addAll(List.of(args));
    all.addAll(List.of("--rgb", "--out", out.toString()));
    MainTest.Result r = jfits(all.toArray(String[]::new));
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals("wrote " + out + "\n", r.out());
    return ImageIO.read(out.toFile());
  }

  /** The picture astropy writes for the bands: {@code make_lupton_rgb(..., filename=astropy.png)}. */
  private BufferedImage astropy(String minimum, double stretch, double q, Band... bands) throws Exception {
    Path png = dir.resolve("astropy.png");
    LuptonReference.rgb(dir, minimum, stretch, q, png, bands);
    return ImageIO.read(png.toFile());
  }

  private static Band plane(int plane) {
    return new Band(CUBE, 0, new long[] {plane, 0, 0}, new long[] {1, 64, 64});
  }

  @Test
  void threeFilesGiveAstropysPictureAndLuptonRgbsPixels() throws Exception {
    Band[] bands = {Band.image(MULTI, 1, 288, 132), Band.image(MULTI, 2, 288, 132), Band.image(MULTI, 3, 288, 132)};
    BufferedImage jfits = preview(bands[0].argument(), bands[1].argument(), bands[2].argument(),
        "--minimum", "746,631,384", "--stretch", "3000", "--q", "8");
    assertEquals(132, jfits.getWidth());
    assertEquals(288, jfits.getHeight());
    assertNearlyEqual(rgbBytes(astropy("746,631,384", 3000, 8, bands)), rgbBytes(jfits), "preview of three files");
    BufferedImage library = LuptonRgb.create().minimum(746, 631, 384).stretch(3000).q(8)
        .combine(bands[0].read(), bands[1].read(), bands[2].read()).picture();
    assertArrayEquals(rgbBytes(library), rgbBytes(jfits));
  }

  @Test
  void sectionsOfFloat32ImagesGiveAstropysPicture() throws Exception {
    String isaac = "real/eso_isaac_1024.fits";
    Band[] bands = {new Band(isaac, 0, new long[] {0, 10}, new long[] {200, 300}),
        new Band(isaac, 0, new long[] {500, 400}, new long[] {200, 300}),
        new Band(isaac, 0, new long[] {800, 700}, new long[] {200, 300})};
    String file = TestFiles.real(isaac).toString();
    // CFITSIO sections: 1-based, inclusive, NAXIS1 (columns) first
    BufferedImage jfits = preview(file + "[0][11:310,1:200]", file + "[401:700,501:700]", file + "[0][701:1000,801:1000]",
        "--minimum", "350", "--stretch", "800", "--q", "10");
    assertEquals(300, jfits.getWidth());
    assertEquals(200, jfits.getHeight());
    assertNearlyEqual(rgbBytes(astropy("350", 800, 10, bands)), rgbBytes(jfits), "preview of float32 sections");
  }

  @Test
  void cubePlanesChosenWithPlanesGiveAstropysPicture() throws Exception {
    BufferedImage jfits = preview(TestFiles.real(CUBE).toString(), "--planes", "10,15,20", "--minimum", "-5",
        "--stretch", "50", "--q", "3");
    assertNearlyEqual(rgbBytes(astropy("-5", 50, 3, plane(10), plane(15), plane(20))), rgbBytes(jfits),
        "preview of cube planes 10,15,20");
  }

  @Test
  void cubeOfThreePlanesNeedsNoPlanesAndTakesAstropysDefaults() throws Exception {
    Path cube = dir.resolve("three.fits");
    TestFiles.python("import sys\nfrom astropy.io import fits\n"
        + "fits.PrimaryHDU(fits.getdata(sys.argv[1])[12:15]).writeto(sys.argv[2])", TestFiles.real(CUBE).toString(),
        cube.toString());
    BufferedImage jfits = preview(cube + "[0]");
    assertNearlyEqual(rgbBytes(astropy("0", 5, 8, plane(12), plane(13), plane(14))), rgbBytes(jfits),
        "preview of a cube of three planes, defaults");
  }

  @Test
  void wrongFilesShapesAndOptionsAreUsageErrors() {
    String multi = TestFiles.real(MULTI).toString();
    String image = TestFiles.real("real/fv_ngc1316o.fits").toString();
    String cube = TestFiles.real(CUBE).toString();
    String out = dir.resolve("x.png").toString();
    String[][] cases = {
        {"or one cube, got 2", multi + "[1]", multi + "[2]", "--rgb"},
        {"differ in shape", multi + "[1]", image, multi + "[3]", "--rgb"},
        {"differ in shape", multi + "[1][1:132,1:288]", multi + "[2][1:132,2:288]", multi + "[3]", "--rgb"},
        {"not a cube", image, "--rgb"},
        {"30 planes", cube, "--rgb"},
        {"planes 0 to 29", cube, "--rgb", "--planes", "1,2,30"},
        {"three plane numbers", cube, "--rgb", "--planes", "1,2"},
        {"--planes and --hdu are for one cube", multi + "[1]", multi + "[2]", multi + "[3]", "--rgb", "--planes", "0,1,2"},
        {"need --rgb", image, "--q", "3"},
        {"stretch must be positive", cube, "--rgb", "--planes", "0,1,2", "--stretch", "0"},
        {"1 or 3 values", cube, "--rgb", "--planes", "0,1,2", "--minimum", "1,2"},
        {"Q 'eight' is not a number", cube, "--rgb", "--planes", "0,1,2", "--q", "eight"},
        {"single images", cube, "--rgb", "--planes", "0,1,2", "--cmap", "viridis"},
    };
    for (String[] c : cases) {
      List<String> args = new ArrayList<>(List.of("preview"));
      args.addAll(List.of(c).subList(1, c.length));
      args.addAll(List.of("--out", out));
      MainTest.Result r = jfits(args.toArray(String[]::new));
      assertEquals(Main.USAGE, r.exit(), c[0] + ": " + r.err());
      assertTrue(r.err().contains(c[0]), c[0] + ": " + r.err());
      assertTrue(Files.notExists(Path.of(out)), c[0]);
    }
  }
}
