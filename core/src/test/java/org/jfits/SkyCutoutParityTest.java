package org.jfits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jfits.image.Box;
import org.jfits.image.CutoutFlag;
import org.jfits.image.CutoutStrategy;
import org.jfits.image.Cutouts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Sky cutouts against astropy's {@code Cutout2D} with a {@code SkyCoord} and an angular size, on real
 * files with a celestial WCS (TAN with plain and rotated CD matrices, TAN-SIP with a rotated PC
 * matrix, SIN, AZP, a DSS plate solution, pixels slightly off square) and on a generated RA/DEC/FREQ
 * cube and an image with clearly non-square pixels, at three radii each, for positions inside, on
 * edges and corners, partly and wholly off the image, and positions the WCS cannot convert
 * ({@code src/test/python/sky_cutout_reference.py}, run into {@code target/sky-cutout-reference/}).
 * The pixel boxes, flags and every value (NaN bit for bit) must equal astropy's, and the pixel scales
 * astropy's {@code proj_plane_pixel_scales}.
 */
class SkyCutoutParityTest {
  private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
  private static final Path SCRIPT = MODULE.resolve("src/test/python/sky_cutout_reference.py");
  private static final Path REFERENCE = MODULE.resolve("target/sky-cutout-reference");

  private static List<Map<String, Object>> cases;

  @BeforeAll
  static void runAstropy() throws Exception {
    TestFiles.runReferenceScript(SCRIPT, REFERENCE);
    Map<String, Object> index = cast(Json.parse(Files.readString(REFERENCE.resolve("cases.json"))));
    cases = cast(index.get("cases"));
    assertTrue(cases.size() >= 30, "the reference lists only " + cases.size() + " cases");
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object o) {
    return (T) o;
  }

  @TestFactory
  Stream<DynamicNode> skyCutoutsEqualAstropysCutout2D() {
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.get("key") + " HDU " + c.get("hdu") + " radius "
        + c.get("radius") + "\"", () -> check(c)));
  }

  private static double[] numbers(Object list) {
    List<String> texts = cast(list);
    return texts.stream().mapToDouble(Double::parseDouble).toArray();
  }

  private static void check(Map<String, Object> c) throws Exception {
    double[] ra = numbers(c.get("ra"));
    double[] dec = numbers(c.get("dec"));
    double radius = ((BigDecimal) c.get("radius")).doubleValue();
    long[] shape = SkyCutoutParityTest.<List<BigDecimal>>cast(c.get("shape")).stream()
        .mapToLong(BigDecimal::longValueExact).toArray();
    int height = (int) shape[shape.length - 2];
    int width = (int) shape[shape.length - 1];
    List<Box> expectedBoxes = new ArrayList<>();
    for (List<BigDecimal> b : SkyCutoutParityTest.<List<List<BigDecimal>>>cast(c.get("boxes"))) {
      // a position astropy cannot convert: the documented box just before the first pixel
      expectedBoxes.add(b == null ? new Box(-width, -height, width, height)
          : new Box(b.get(0).longValueExact(), b.get(1).longValueExact(), b.get(2).intValueExact(),
              b.get(3).intValueExact()));
    }
    List<String> flags = cast(c.get("flags"));
    Npy expected = Npy.read(REFERENCE.resolve((String) c.get("npy")));
    assertEquals(c.get("dtype"), expected.dtype());
    try (FitsFile fits = Fits.open(Path.of((String) c.get("file")))) {
      Hdu hdu = fits.hdu(((BigDecimal) c.get("hdu")).intValueExact());
      assertArrayEquals(numbers(c.get("scales")), hdu.wcs().pixelScales(), 1e-15, "pixel scales");
      Map<String, Cutouts> results = Map.of(
          "image", hdu.image().skyCutouts(ra, dec, radius),
          "row-bands", hdu.image().cutouts().strategy(CutoutStrategy.ROW_BANDS).skyCutouts(ra, dec, radius));
      for (Map.Entry<String, Cutouts> r : results.entrySet()) {
        Cutouts cutouts = r.getValue();
        String where = r.getKey();
        assertEquals(expectedBoxes, cutouts.boxes(), where + ": boxes");
        for (int i = 0; i < flags.size(); i++) {
          assertEquals(CutoutFlag.valueOf(flags.get(i)), cutouts.flags().get(i), where + ": flag of position " + i);
        }
        long[] all = new long[shape.length + 1];
        all[0] = ra.length;
        System.arraycopy(shape, 0, all, 1, shape.length);
        assertArrayEquals(all, cutouts.array().shape(), where + ": shape");
        byte[] actual = Npy.littleEndianBytes(cutouts.array(), expected.width());
        if (!java.util.Arrays.equals(expected.data(), actual)) {
          assertEquals(expected.data().length, actual.length, where + ": bytes");
          long perCutout = expected.data().length / ra.length;
          for (int at = 0; at < actual.length; at++) {
            if (expected.data()[at] != actual[at]) {
              throw new AssertionError(where + ": position " + (at / perCutout) + " element "
                  + (at % perCutout) / expected.width() + " differs from astropy's");
            }
          }
        }
      }
    }
  }
}
