package org.jfits.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.jfits.TestFiles;
import org.jfits.image.Box;
import org.jfits.image.CutoutFlag;
import org.jfits.image.Cutouts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code %fits cutout} and {@code %fits sky} through the kernel's magic registry: the pixels they
 * bind equal astropy's slice and {@code Cutout2D} of the same real files, and their errors are one
 * line.
 */
class CutoutMagicsTest {
  private static TestKernel kernel;

  /** Prints astropy's padded slice data[y:y+h, x:x+w] of FILE HDU for "x,y,w,h", one value a line. */
  private static final String SLICE = String.join("\n",
      "import sys, numpy as np",
      "from astropy.io import fits",
      "path, ext, box = sys.argv[1], int(sys.argv[2]), sys.argv[3]",
      "x, y, w, h = (int(v) for v in box.split(','))",
      "data = fits.getdata(path, ext).astype(np.float64)",
      "out = np.full((h, w), np.nan)",
      "rows, cols = data.shape",
      "x0, x1, y0, y1 = max(x, 0), min(x + w, cols), max(y, 0), min(y + h, rows)",
      "out[y0 - y:y1 - y, x0 - x:x1 - x] = data[y0:y1, x0:x1]",
      "print('\\n'.join(repr(float(v)) for v in out.ravel()))");

  /**
   * For FILE, RADIUS and pixel positions "x,y": "pos RA DEC" (astropy's all_pix2world), then per
   * position "box X Y W H" of Cutout2D(SkyCoord, 2 * RADIUS arcsec, mode='partial') and its values.
   */
  private static final String SKY = String.join("\n",
      "import sys, warnings, numpy as np",
      "warnings.simplefilter('ignore')",
      "import astropy.units as u",
      "from astropy.coordinates import SkyCoord",
      "from astropy.io import fits",
      "from astropy.nddata import Cutout2D",
      "from astropy.wcs import WCS",
      "from astropy.wcs.utils import wcs_to_celestial_frame",
      "path, radius = sys.argv[1], float(sys.argv[2])",
      "data = fits.getdata(path).astype(np.float64)",
      "w = WCS(fits.getheader(path))",
      "for xy in sys.argv[3:]:",
      "    x, y = (float(v) for v in xy.split(','))",
      "    ra, dec = w.all_pix2world([[x, y]], 0)[0]",
      "    print('pos %r %r' % (float(ra), float(dec)))",
      "    c = Cutout2D(data, SkyCoord(ra, dec, unit='deg', frame=wcs_to_celestial_frame(w)), 2 * radius * u.arcsec,",
      "                 wcs=w, mode='partial', fill_value=np.nan)",
      "    y0 = c.slices_original[0].start - c.slices_cutout[0].start",
      "    x0 = c.slices_original[1].start - c.slices_cutout[1].start",
      "    print('box %d %d %d %d' % (x0, y0, c.shape[1], c.shape[0]))",
      "    print('values ' + ' '.join(repr(float(v)) for v in c.data.ravel()))");

  @BeforeAll
  static void start() {
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

  private static double[] numbers(String text) {
    return text.lines().filter(l -> !l.isBlank()).mapToDouble(CutoutMagicsTest::number).toArray();
  }

  /** A number as Python's repr writes it ({@code nan} included). */
  private static double number(String text) {
    return text.equals("nan") ? Double.NaN : Double.parseDouble(text);
  }

  @Test
  void cutoutIsAstropysSliceAndIsBoundAsAnINDArray() throws Exception {
    String eso = file("real/eso_isaac_1024.fits");
    Object result = kernel.lineMagic("cutout", eso, "--box", "100,200,8,6", "--as", "cut");
    INDArray cut = assertInstanceOf(INDArray.class, kernel.evalRaw("cut"));
    assertEquals(result, cut);
    assertArrayEquals(new long[] {6, 8}, cut.shape());
    assertArrayEquals(numbers(TestFiles.python(SLICE, eso, "0", "100,200,8,6")),
        cut.castTo(DataType.DOUBLE).data().asDouble());
    assertEquals(1, kernel.displayed.size());
    assertNotNull(kernel.displayed.get(0).getData(MIMEType.IMAGE_PNG));
  }

  @Test
  void cutoutOffTheEdgeIsPaddedWithANote() throws Exception {
    String eso = file("real/eso_isaac_1024.fits");
    kernel.lineMagic("cutout", eso + "[0]", "--box", "-3,1020,7,9", "--as", "edge");
    INDArray edge = (INDArray) kernel.evalRaw("edge");
    double[] expected = numbers(TestFiles.python(SLICE, eso, "0", "-3,1020,7,9"));
    double[] actual = edge.castTo(DataType.DOUBLE).data().asDouble();
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 0.0, "element " + i);
    }
    String note = (String) kernel.displayed.get(0).getData(MIMEType.TEXT_PLAIN);
    assertTrue(note.contains("box -3,1020,7,9 lies partly outside"), note);
  }

  @Test
  void skyCutoutsEqualAstropysCutout2DAndAreBoundAsCutouts() throws Exception {
    String eso = file("real/eso_isaac_1024.fits");
    // inside, and partly off the lower left corner; 4" radius = 54 pixels of 0.148"
    List<String> lines = TestFiles.python(SKY, eso, "4", "500.3,600.2", "10.3,20.6").lines().toList();
    List<String> at = new ArrayList<>();
    List<Box> boxes = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (String line : lines) {
      String[] f = line.split(" ");
      switch (f[0]) {
        case "pos" -> at.add(f[1] + "," + f[2]);
        case "box" -> boxes.add(new Box(Long.parseLong(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]),
            Integer.parseInt(f[4])));
        default -> values.add(java.util.Arrays.stream(f).skip(1).mapToDouble(CutoutMagicsTest::number).toArray());
      }
    }
    // and a position far off the image (the opposite side of the sky)
    at.add("85.2,30.9");
    Object result = kernel.lineMagic("sky", eso, "--at", String.join(";", at), "--radius", "4", "--as", "stamps");
    Cutouts stamps = assertInstanceOf(Cutouts.class, kernel.evalRaw("stamps"));
    assertEquals(result, stamps);
    assertEquals(3, stamps.size());
    assertEquals(boxes, stamps.boxes().subList(0, 2));
    assertEquals(List.of(CutoutFlag.INSIDE, CutoutFlag.PARTIAL, CutoutFlag.OUTSIDE), stamps.flags());
    for (int i = 0; i < 2; i++) {
      double[] actual = stamps.get(i).castTo(DataType.DOUBLE).dup().data().asDouble();
      assertEquals(values.get(i).length, actual.length);
      for (int k = 0; k < actual.length; k++) {
        assertEquals(values.get(i)[k], actual[k], 0.0, "position " + i + " element " + k);
      }
    }
    // the listing, then the two cutouts not wholly outside
    assertEquals(3, kernel.displayed.size());
    String listing = (String) kernel.displayed.get(0).getData(MIMEType.TEXT_PLAIN);
    assertTrue(listing.contains(boxes.get(1).toString()) && listing.contains("OUTSIDE"), listing);
    assertNotNull(kernel.displayed.get(1).getData(MIMEType.IMAGE_PNG));
  }

  @Test
  void helpListsTheCutoutSubcommands() throws Exception {
    kernel.lineMagic("help");
    String help = (String) kernel.displayed.get(0).getData(MIMEType.TEXT_PLAIN);
    for (String word : List.of("cutout PATH[HDU]", "sky PATH[HDU]", "--box", "--at", "--radius")) {
      assertTrue(help.contains(word), () -> "help lacks " + word);
    }
  }

  @Test
  void errorsFailTheCellWithOneLine() {
    String eso = file("real/eso_isaac_1024.fits");
    List<String> messages = List.of(
        error("%fits cutout: needs --box", "cutout", eso),
        error("%fits cutout: --box '1,2,3' is not x,y,w,h", "cutout", eso, "--box", "1,2,3"),
        error("%fits sky: needs --at", "sky", eso, "--radius", "4"),
        error("%fits sky: needs --radius", "sky", eso, "--at", "265.2,-30.9"),
        error("%fits sky: --at '265.2,-30.9;1': '1' is not ra,dec", "sky", eso, "--at", "265.2,-30.9;1",
            "--radius", "4"),
        error("%fits sky: --radius needs a number", "sky", eso, "--at", "265.2,-30.9", "--radius", "wide"),
        // 0.01" is under a pixel of 0.148"
        error("%fits sky: ", "sky", eso, "--at", "265.2,-30.9", "--radius", "0.01"),
        // an image without a celestial WCS
        error("%fits sky: ", "sky", file("real/astropy_arange.fits"), "--at", "1,2", "--radius", "4"),
        error("%fits cutout: --as needs a Java variable name", "cutout", eso, "--box", "0,0,2,2", "--as", "int"));
    assertTrue(messages.get(6).contains("radius of 0.01 arcsec"), messages.get(6));
    for (String message : messages) {
      assertFalse(message.contains("\n"), message);
    }
    assertTrue(kernel.displayed.isEmpty());
  }

  private static String error(String start, String... words) {
    FitsMagicException e = assertThrows(FitsMagicException.class, () -> kernel.lineMagic(words));
    assertTrue(e.getMessage().startsWith(start), e.getMessage());
    return e.getMessage();
  }
}
