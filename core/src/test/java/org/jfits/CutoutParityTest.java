package org.jfits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import org.jfits.image.CutoutReader;
import org.jfits.image.CutoutStrategy;
import org.jfits.image.Cutouts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Cutouts against astropy: every image of the shared test data with two or more axes, and images of
 * every BITPIX, scaling (BSCALE/BZERO/BLANK) and unsigned convention that astropy writes for the
 * test, are cut with boxes inside, on corners and edges, partly and wholly off the image, in batches
 * of one size and of mixed sizes, raw and scaled, with default and chosen fill values and plane ranges
 * of cubes. The expected cutouts are slices of astropy's full array with the off-image parts set to
 * the fill value ({@code src/test/python/cutout_reference.py}, run into
 * {@code target/cutout-reference/}). Each case is read with every {@link CutoutStrategy} (and a tiny
 * read-once size, so that one read becomes many): the strategy may change speed, never a value, a
 * dtype, a shape or a flag. Comparisons are exact, bit for bit.
 */
class CutoutParityTest {
  private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
  private static final Path SCRIPT = MODULE.resolve("src/test/python/cutout_reference.py");
  private static final Path REFERENCE = MODULE.resolve("target/cutout-reference");

  private static List<Map<String, Object>> cases;

  @BeforeAll
  static void runAstropy() throws Exception {
    TestFiles.runReferenceScript(SCRIPT, REFERENCE);
    Map<String, Object> index = cast(Json.parse(Files.readString(REFERENCE.resolve("cases.json"))));
    cases = cast(index.get("cases"));
    assertTrue(cases.size() > 100, "the reference lists only " + cases.size() + " cases");
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object o) {
    return (T) o;
  }

  /** The readers every case goes through: each strategy, and read-once forced into 64 KiB pieces. */
  private static Map<String, CutoutReader> variants(CutoutReader reader) {
    return Map.of(
        "auto", reader.strategy(CutoutStrategy.AUTO),
        "read-once", reader.strategy(CutoutStrategy.READ_ONCE),
        "read-once-64k", reader.strategy(CutoutStrategy.READ_ONCE).readOnceBytes(64 << 10),
        "row-bands", reader.strategy(CutoutStrategy.ROW_BANDS),
        "mapped", reader.strategy(CutoutStrategy.MAPPED),
        "one-thread", reader.threads(1));
  }

  @TestFactory
  Stream<DynamicNode> cutoutsEqualSlicesOfAstropysArrayWithEveryStrategy() {
    return cases.stream().map(c -> DynamicTest.dynamicTest(name(c), () -> check(c)));
  }

  private static String name(Map<String, Object> c) {
    return c.get("key") + " HDU " + c.get("hdu") + " " + (Boolean.TRUE.equals(c.get("raw")) ? "raw " : "")
        + (c.get("fill") != null ? "fill " + c.get("fill") + " " : "") + (c.get("planes") != null ? "planes "
        + c.get("planes") + " " : "") + (c.get("batch") == null ? "(no cutouts)" : c.get("batch"));
  }

  private static void check(Map<String, Object> c) throws Exception {
    int index = ((BigDecimal) c.get("hdu")).intValueExact();
    try (FitsFile fits = Fits.open(Path.of((String) c.get("file")))) {
      Hdu hdu = fits.hdu(index);
      if (c.get("batch") == null) {
        FitsUnsupportedException e = assertThrows(FitsUnsupportedException.class, () -> hdu.image().cutouts());
        assertTrue(e.getMessage().contains("at least 2 axes"), e.getMessage());
        return;
      }
      CutoutReader reader = hdu.image().cutouts();
      if (Boolean.TRUE.equals(c.get("raw"))) {
        reader = reader.raw();
      }
      if (c.get("fill") != null) {
        reader = reader.fill(((BigDecimal) c.get("fill")).doubleValue());
      }
      if (c.get("planes") != null) {
        List<BigDecimal> p = cast(c.get("planes"));
        reader = reader.planes(p.get(0).longValueExact(), p.get(1).longValueExact());
      }
      List<Box> boxes = new ArrayList<>();
      for (List<BigDecimal> b : CutoutParityTest.<List<List<BigDecimal>>>cast(c.get("boxes"))) {
        boxes.add(new Box(b.get(0).longValueExact(), b.get(1).longValueExact(), b.get(2).intValueExact(),
            b.get(3).intValueExact()));
      }
      Npy expected = Npy.read(REFERENCE.resolve((String) c.get("npy")));
      assertEquals(c.get("dtype"), expected.dtype());
      List<String> flags = cast(c.get("flags"));
      List<List<BigDecimal>> shapes = cast(c.get("shapes"));
      boolean uniform = boxes.stream().allMatch(b -> b.width() == boxes.get(0).width()
          && b.height() == boxes.get(0).height());
      for (Map.Entry<String, CutoutReader> v : variants(reader).entrySet()) {
        String where = name(c) + " [" + v.getKey() + "]";
        assertEquals(c.get("dtype"), v.getValue().elementType().numpyName(), where + ": dtype");
        Cutouts cutouts = v.getValue().read(boxes);
        assertEquals(boxes, cutouts.boxes(), where);
        assertEquals(uniform, cutouts.uniform(), where + ": uniform");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < boxes.size(); i++) {
          INDArray cutout = cutouts.get(i);
          long[] shape = shapes.get(i).stream().mapToLong(BigDecimal::longValueExact).toArray();
          assertArrayEquals(shape, cutout.shape(), where + " box " + i + ": shape");
          assertEquals(CutoutFlag.valueOf(flags.get(i)), cutouts.flags().get(i), where + " box " + i + ": flag");
          assertEquals(CutoutFlag.valueOf(flags.get(i)), v.getValue().flag(boxes.get(i)), where + " box " + i);
          bytes.writeBytes(Npy.littleEndianBytes(cutout, expected.width()));
        }
        if (uniform) {
          assertEquals(boxes.size(), cutouts.array().shape()[0], where + ": N");
          assertArrayEquals(bytes.toByteArray(), Npy.littleEndianBytes(cutouts.array(), expected.width()), where);
        }
        assertSameBytes(where, expected, bytes.toByteArray(), shapes);
      }
      Box single = boxes.get(boxes.size() - 1);
      INDArray one = reader.read(single);
      assertFalse(one.isView(), "a single cutout is an array of its own");
    }
  }

  private static void assertSameBytes(String where, Npy expected, byte[] actual, List<List<BigDecimal>> shapes) {
    if (java.util.Arrays.equals(expected.data(), actual)) {
      return;
    }
    assertEquals(expected.data().length, actual.length, where + ": bytes");
    int width = expected.width();
    for (int at = 0; at < actual.length; at += width) {
      for (int k = 0; k < width; k++) {
        if (expected.data()[at + k] != actual[at + k]) {
          long element = at / width;
          int box = 0;
          long first = 0;
          for (List<BigDecimal> s : shapes) {
            long n = s.stream().mapToLong(BigDecimal::longValueExact).reduce(1, (a, b) -> a * b);
            if (element < first + n) {
              break;
            }
            first += n;
            box++;
          }
          fail(where + ": box " + box + " element " + (element - first) + " differs from astropy's");
        }
      }
    }
  }
}
