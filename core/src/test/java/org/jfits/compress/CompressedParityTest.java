package org.jfits.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.jfits.HduType;
import org.jfits.Json;
import org.jfits.Npy;
import org.jfits.TestFiles;
import org.jfits.image.Box;
import org.jfits.image.Cutouts;
import org.jfits.image.ImageReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Tile-compressed images against astropy: every compressed image HDU of the shared test data, and
 * images written by the reference script in every BITPIX and compressed by cfitsio's fpack (RICE,
 * GZIP_1, GZIP_2, HCOMPRESS lossless and lossy, PLIO, NOCOMPRESS, odd tile shapes, whole-image tiles,
 * quantised floats with and without dithering, SUBTRACTIVE_DITHER_2, chosen seeds, -i2f, NaNs, cubes)
 * and by astropy's CompImageHDU (HCOMPRESS with SMOOTH, dither seeds). The references are astropy's
 * {@code fits.open(f)[i].data} saved by {@code src/test/python/compressed_reference.py}; where astropy
 * 5.2 is wrong, corrected as the script explains: it ignores ZBLANK in quantised float images (the
 * undefined pixels, NaN in the compressed source image or in funpack's output, are set to NaN in
 * astropy's array), and it cannot read NOCOMPRESS (funpack's output is the reference). Each case's
 * name carries the script's note. Each case compares the whole image
 * (dtype, shape, every value bit for bit, NaN with NaN), the raw integers of integer images, reads on
 * one and on seven threads, sections crossing tile boundaries and cutouts inside, at corners and
 * partly off the image (slices of the reference array, padded with NaN or 0).
 */
class CompressedParityTest {
  private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
  private static final Path SCRIPT = MODULE.resolve("src/test/python/compressed_reference.py");
  private static final Path REFERENCE = MODULE.resolve("target/compressed-reference");

  private static List<Map<String, Object>> cases;

  @BeforeAll
  static void runReferenceScript() throws Exception {
    TestFiles.runReferenceScript(SCRIPT, REFERENCE);
    Map<String, Object> index = cast(Json.parse(Files.readString(REFERENCE.resolve("cases.json"))));
    cases = cast(index.get("cases"));
    long fromTestData = cases.stream().filter(c -> "test data".equals(c.get("how"))).count();
    assertTrue(fromTestData >= 16, "the test data has 16 compressed image HDUs, the reference lists " + fromTestData);
    assertTrue(cases.size() >= 70, "the reference lists only " + cases.size() + " cases");
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object o) {
    return (T) o;
  }

  @TestFactory
  Stream<DynamicTest> decodesEveryCompressedImageLikeAstropy() {
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.get("key") + " HDU " + c.get("hdu") + " ("
        + c.get("how") + (c.get("note") != null ? "; " + c.get("note") : "") + ")", () -> check(c)));
  }

  private static void check(Map<String, Object> c) throws Exception {
    Npy expected = Npy.read(REFERENCE.resolve((String) c.get("npy")));
    String where = c.get("key") + " HDU " + c.get("hdu");
    try (FitsFile fits = Fits.open(Path.of((String) c.get("path")))) {
      Hdu hdu = fits.hdu(((Number) c.get("hdu")).intValue());
      assertEquals(HduType.COMPRESSED_IMAGE, hdu.type(), where);
      assertArrayEquals(expected.shape(), hdu.shape(), where + ": shape");
      ImageReader image = hdu.image();
      assertEquals(expected.dtype(), image.elementType().numpyName(), where + ": dtype");
      assertSame(where + " whole", expected, image.read());
      assertSame(where + " one thread", expected, image.threads(1).read());
      // images of 64 Ki pixels and more are split between threads: seven parts, more than the cores
      assertSame(where + " seven threads", expected, image.threads(7).read());
      if (c.get("rawNpy") != null) {
        Npy raw = Npy.read(REFERENCE.resolve((String) c.get("rawNpy")));
        assertEquals(raw.dtype(), image.raw().elementType().numpyName(), where + ": raw dtype");
        assertSame(where + " raw", raw, image.raw().read());
      }
      for (long[][] section : sections(expected.shape())) {
        String at = where + " section " + java.util.Arrays.toString(section[0]) + " + "
            + java.util.Arrays.toString(section[1]);
        assertSame(at, slice(expected, section[0], section[1]), image.read(section[0], section[1]));
      }
      if (expected.shape().length >= 2) {
        checkCutouts(where, expected, image);
      }
    }
  }

  /** Sections that cross tile boundaries: a middle block, the last pixel, a corner band, a plane range. */
  private static List<long[][]> sections(long[] shape) {
    int n = shape.length;
    List<long[][]> sections = new ArrayList<>();
    long[] start = new long[n];
    long[] size = new long[n];
    for (int i = 0; i < n; i++) {
      start[i] = shape[i] / 3;
      size[i] = Math.max(1, shape[i] / 2 - 1);
    }
    sections.add(new long[][] {start, size});
    long[] last = new long[n];
    long[] one = new long[n];
    for (int i = 0; i < n; i++) {
      last[i] = shape[i] - 1;
      one[i] = 1;
    }
    sections.add(new long[][] {last, one});
    long[] band = new long[n];
    long[] bandSize = shape.clone();
    bandSize[0] = Math.max(1, Math.min(3, shape[0]));
    band[0] = shape[0] - bandSize[0];
    sections.add(new long[][] {band, bandSize});
    return sections;
  }

  /** Boxes inside, at two corners, and partly off the image (padded with NaN, or 0 for integers). */
  private static void checkCutouts(String where, Npy expected, ImageReader image) {
    long[] shape = expected.shape();
    long rows = shape[shape.length - 2];
    long columns = shape[shape.length - 1];
    int w = (int) Math.min(17, columns);
    int h = (int) Math.min(13, rows);
    List<Box> boxes = List.of(new Box(Math.min(columns / 2, columns - w), rows / 3, w, h), new Box(0, 0, w, h),
        new Box(columns - w, rows - h, w, h), new Box(columns - w / 2 - 1, -h / 2 - 1, w, h));
    Cutouts cutouts = image.cutouts(boxes);
    for (int b = 0; b < boxes.size(); b++) {
      Box box = boxes.get(b);
      long[] start = new long[shape.length];
      long[] size = shape.clone();
      start[shape.length - 2] = box.y();
      start[shape.length - 1] = box.x();
      size[shape.length - 2] = box.height();
      size[shape.length - 1] = box.width();
      assertSame(where + " cutout " + box, slice(expected, start, size), cutouts.get(b));
    }
  }

  /**
   * The part {@code [start, start + size)} of a reference array, in C order; elements outside the
   * array are NaN for floating-point arrays and 0 for integers (the cutouts' default padding).
   */
  private static Npy slice(Npy array, long[] start, long[] size) {
    int width = array.width();
    long[] shape = array.shape();
    int n = shape.length;
    long count = 1;
    for (long s : size) {
      count *= s;
    }
    byte[] fill = new byte[width];
    if (array.dtype().equals("float32")) {
      ByteBuffer.wrap(fill).order(ByteOrder.LITTLE_ENDIAN).putFloat(Float.NaN);
    } else if (array.dtype().equals("float64")) {
      ByteBuffer.wrap(fill).order(ByteOrder.LITTLE_ENDIAN).putDouble(Double.NaN);
    }
    byte[] out = new byte[(int) (count * width)];
    long[] index = new long[n];
    for (long k = 0; k < count; k++) {
      long source = 0;
      boolean inside = true;
      for (int i = 0; i < n; i++) {
        long at = start[i] + index[i];
        inside &= at >= 0 && at < shape[i];
        source = source * shape[i] + at;
      }
      if (inside) {
        System.arraycopy(array.data(), (int) (source * width), out, (int) (k * width), width);
      } else {
        System.arraycopy(fill, 0, out, (int) (k * width), width);
      }
      for (int i = n - 1; i >= 0; i--) {
        if (++index[i] < size[i]) {
          break;
        }
        index[i] = 0;
      }
    }
    return new Npy(array.dtype(), size, out);
  }

  /** Same shape and the same values: bits equal, or NaN where the reference has NaN. */
  private static void assertSame(String where, Npy expected, INDArray actual) {
    assertArrayEquals(expected.shape(), actual.shape(), where + ": shape");
    int width = expected.width();
    byte[] bytes = Npy.littleEndianBytes(actual, width);
    assertEquals(expected.data().length, bytes.length, where + ": bytes");
    boolean floating = expected.dtype().startsWith("float");
    ByteBuffer want = ByteBuffer.wrap(expected.data()).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer got = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int differ = 0;
    int first = -1;
    for (int i = 0; i < bytes.length / width; i++) {
      boolean same;
      if (floating && width == 4) {
        float a = want.getFloat(i * 4);
        float b = got.getFloat(i * 4);
        same = Float.floatToRawIntBits(a) == Float.floatToRawIntBits(b) || Float.isNaN(a) && Float.isNaN(b);
      } else if (floating) {
        double a = want.getDouble(i * 8);
        double b = got.getDouble(i * 8);
        same = Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b) || Double.isNaN(a) && Double.isNaN(b);
      } else {
        same = java.util.Arrays.equals(expected.data(), i * width, (i + 1) * width, bytes, i * width, (i + 1) * width);
      }
      if (!same) {
        differ++;
        first = first < 0 ? i : first;
      }
    }
    final int firstDiffering = first;
    final int count = differ;
    assertEquals(0, count, () -> where + ": " + count + " values differ, the first at element " + firstDiffering);
  }
}
