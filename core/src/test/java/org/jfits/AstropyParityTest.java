package org.jfits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jfits.header.Card;
import org.jfits.header.Header;
import org.jfits.image.ImageReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checks that jfits reads every file of the shared test data ({@code -Djfits.testdata}, real files
 * under {@code real/} and files derived from them under {@code derived/}) as astropy does: the HDU
 * listing, every header card, and every uncompressed image, whole, raw and in sections.
 *
 * <p>The references are written by astropy at test time ({@code src/test/python/astropy_reference.py},
 * run once per test run with the Python of {@code -Djfits.python} into
 * {@code target/astropy-reference/}); nothing in them comes from jfits. The script's notes explain
 * its choices; the ones that matter here:
 * <ul>
 *   <li>Scaled images are compared with raw * BSCALE + BZERO computed in float64 and rounded once to
 *       astropy's output dtype (astropy 5.2 scales 8- and 16-bit data in float32 and may be one ulp
 *       off; the script asserts it is within one ulp of the reference). Comparisons here are exact:
 *       same bits, NaN at the same places.
 *   <li>Tile-compressed images (CompImageHDU) are left out of the image checks here
 *       ({@code compress/CompressedParityTest} compares their pixels). Their {@code header()} is
 *       compared with the image header astropy rebuilds, and {@code storedHeader()} with the stored
 *       binary-table header (astropy with {@code disable_image_compression=True}).
 *   <li>Record-valued keyword cards ({@code D2IM1 = 'EXTVER: 1'}), which astropy alone shows as
 *       {@code D2IM1.EXTVER = 1.0}, are compared with the card as stored (astropy's raw keyword and
 *       value), as the FITS standard and cfitsio read it. Cards astropy cannot parse at all must be
 *       kept verbatim by jfits and marked invalid.
 *   <li>Random-groups HDUs get listing and header checks only; neither library reads them as images.
 *   <li>{@code eso_ntt_trailing.fits} ends with an extra block holding a bare END card, which astropy
 *       5.2 cannot open; the script opens a copy without it, and checks the pixels against fitsio.
 * </ul>
 *
 * <p>Run alone with {@code mvn -B -o -q -pl core test -Dtest=AstropyParityTest}; the references stay in
 * {@code core/target/astropy-reference/} for inspection ({@code index.json}, one JSON per file and
 * {@code .npy} images).
 */
class AstropyParityTest {
  private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
  private static final Path SCRIPT = MODULE.resolve("src/test/python/astropy_reference.py");
  private static final Path REFERENCE = MODULE.resolve("target/astropy-reference");
  private static final long SEED = 20261125L;

  private static Path data;
  private static List<Reference> files;

  /** One file's reference: its path in the test data and astropy's description of it. */
  private record Reference(String file, Map<String, Object> json) {
    Path path() {
      return data.resolve(file);
    }

    List<Map<String, Object>> info() {
      return list(json.get("info"));
    }

    List<Map<String, Object>> hdus() {
      return list(json.get("hdus"));
    }
  }

  @BeforeAll
  static void runAstropy() throws Exception {
    String dataProperty = System.getProperty("jfits.testdata");
    assertTrue(dataProperty != null && Files.isDirectory(Path.of(dataProperty)),
        "the shared FITS test data is missing: set -Djfits.testdata=DIR (the fits-data folder), got " + dataProperty);
    data = Path.of(dataProperty).toRealPath();
    checkAstropy(TestFiles.python());

    TestFiles.runReferenceScript(SCRIPT, REFERENCE);

    Map<String, Object> index = map(Json.parse(Files.readString(REFERENCE.resolve("index.json"))));
    files = new ArrayList<>();
    for (Map<String, Object> entry : AstropyParityTest.<Map<String, Object>>list(index.get("files"))) {
      String json = Files.readString(REFERENCE.resolve((String) entry.get("json")));
      files.add(new Reference((String) entry.get("file"), map(Json.parse(json))));
    }
    assertFalse(files.isEmpty(), "the astropy reference lists no files in " + data);
  }

  private static void checkAstropy(String python) throws Exception {
    String output;
    int status;
    try {
      Process check = new ProcessBuilder(python, "-c", "import astropy, numpy, fitsio; print(astropy.__version__)")
          .redirectErrorStream(true).start();
      output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      check.waitFor(1, TimeUnit.MINUTES);
      status = check.exitValue();
    } catch (IOException e) {
      output = e.toString();
      status = -1;
    }
    if (status != 0) {
      fail("these tests compare jfits with astropy, but " + python + " cannot import astropy, numpy and fitsio ("
          + output.strip() + "). Run the project's setup script, or install them (Debian: apt-get install"
          + " python3-astropy python3-numpy python3-fitsio), or point -Djfits.python at a Python that has them.");
    }
  }

  @Test
  void hasAnAstropyReferenceForEveryFileInTheTestData() throws IOException {
    List<String> inData = new ArrayList<>();
    for (String folder : new String[] {"real", "derived"}) {
      try (Stream<Path> listing = Files.list(data.resolve(folder))) {
        listing.filter(Files::isRegularFile).map(p -> folder + "/" + p.getFileName()).forEach(inData::add);
      }
    }
    List<String> referenced = files.stream().map(Reference::file).sorted().toList();
    inData.sort(null);
    assertEquals(inData, referenced, "every file of the test data must have an astropy reference");
  }

  @TestFactory
  Stream<DynamicNode> listsEveryHduLikeAstropy() {
    return files.stream().map(ref -> DynamicTest.dynamicTest(ref.file(), () -> {
      try (FitsFile fits = Fits.open(ref.path())) {
        List<Map<String, Object>> expected = ref.info();
        List<HduSummary> actual = fits.summaries();
        assertEquals(expected.size(), actual.size(), ref.file() + ": number of HDUs");
        for (int i = 0; i < expected.size(); i++) {
          Map<String, Object> row = expected.get(i);
          HduSummary summary = actual.get(i);
          String where = ref.file() + " HDU " + i + ": ";
          assertEquals(integer(row.get("index")), summary.index(), where + "index");
          assertEquals(row.get("name"), summary.name(), where + "name");
          assertEquals(integer(row.get("ver")), summary.version(), where + "version");
          assertEquals(integer(row.get("cards")), summary.cards(), where + "cards");
          assertEquals(row.get("type"), summary.type(), where + "type");
          assertEquals(row.get("dimensions"), summary.dimensions(), where + "dimensions");
          assertEquals(row.get("format"), summary.format(), where + "format");
          assertEquals(row.get("extra"), summary.extra(), where + "extra");
        }
      }
    }));
  }

  @TestFactory
  Stream<DynamicNode> readsEveryHeaderLikeAstropy() {
    return files.stream().map(ref -> DynamicContainer.dynamicContainer(ref.file(), ref.hdus().stream()
        .map(hdu -> DynamicTest.dynamicTest("HDU " + integer(hdu.get("index")) + " " + hdu.get("type"), () -> {
          int index = integer(hdu.get("index"));
          try (FitsFile fits = Fits.open(ref.path())) {
            assertHeader(ref.file() + " HDU " + index, list(hdu.get("cards")), fits.hdu(index).header());
            if (hdu.containsKey("storedCards")) {
              assertHeader(ref.file() + " HDU " + index + " stored", list(hdu.get("storedCards")),
                  fits.hdu(index).storedHeader());
            }
          }
        }))));
  }

  private static void assertHeader(String where, List<Map<String, Object>> expected, Header header) {
    List<Card> cards = header.cards();
    for (int i = 0; i < Math.min(expected.size(), cards.size()); i++) {
      Map<String, Object> want = expected.get(i);
      if (want.containsKey("stored")) {
        // a record-valued keyword card: astropy's 'D2IM1.EXTVER' = 1.0 is the string card
        // D2IM1 = 'EXTVER: 1' in the file, which is how jfits (and cfitsio) read it
        want = map(want.get("stored"));
      }
      Card card = cards.get(i);
      String at = where + " card " + i + " (" + want.get("keyword") + "): ";
      assertEquals(want.get("keyword"), card.keyword(), at + "keyword");
      List<Object> value = list(want.get("value"));
      assertValue(at, (String) value.get(0), value.get(1), card);
      if (want.get("comment") != null) {
        assertEquals(want.get("comment"), card.comment(), at + "comment");
      }
    }
    assertEquals(expected.size(), cards.size(), where + ": number of cards");
  }

  private static void assertValue(String at, String type, Object text, Card card) {
    Object value = card.value();
    switch (type) {
      case "bool":
        assertEquals(Boolean.valueOf((String) text), value, at + "logical value");
        break;
      case "int":
        assertTrue(value instanceof Long || value instanceof BigInteger, at + "integer expected, got " + describe(value));
        assertEquals(new BigInteger((String) text), new BigInteger(value.toString()), at + "integer value");
        break;
      case "float": {
        assertTrue(value instanceof Double, at + "real expected, got " + describe(value));
        double want = Double.parseDouble((String) text);
        assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits((Double) value),
            at + "real value: astropy " + want + ", jfits " + value);
        break;
      }
      case "complex": {
        assertTrue(value instanceof Card.Complex, at + "complex expected, got " + describe(value));
        List<Object> parts = list(text);
        Card.Complex c = (Card.Complex) value;
        assertEquals(Double.parseDouble((String) parts.get(0)), c.real(), 0.0, at + "real part");
        assertEquals(Double.parseDouble((String) parts.get(1)), c.imaginary(), 0.0, at + "imaginary part");
        break;
      }
      case "str":
        assertEquals(text, value, at + "string value");
        break;
      case "undefined":
        assertNull(value, at + "undefined value expected, got " + describe(value));
        assertFalse(card.isCommentary(), at + "an undefined value card is not commentary");
        break;
      case "unparsable":
        // astropy refuses the value; jfits keeps the raw value field and marks the card invalid
        assertFalse(card.isValid(), at + "astropy cannot parse this value; jfits should mark it invalid");
        assertEquals(text, value, at + "raw value text");
        break;
      default:
        fail(at + "unknown value type " + type);
    }
  }

  private static String describe(Object value) {
    return value == null ? "undefined" : value.getClass().getSimpleName() + " " + value;
  }

  @TestFactory
  Stream<DynamicNode> readsEveryImageLikeAstropy() {
    return imageTests((ref, hdu, image) -> {
      try (FitsFile fits = Fits.open(ref.path())) {
        ImageReader reader = fits.hdu(integer(hdu.get("index"))).image();
        Npy expected = Npy.read(REFERENCE.resolve((String) image.get("scaled")));
        assertImage(ref.file() + " HDU " + hdu.get("index") + " scaled", expected, reader, reader.read());
      }
    });
  }

  @TestFactory
  Stream<DynamicNode> readsEveryRawImageLikeAstropy() {
    return imageTests((ref, hdu, image) -> {
      try (FitsFile fits = Fits.open(ref.path())) {
        ImageReader reader = fits.hdu(integer(hdu.get("index"))).image().raw();
        Npy expected = Npy.read(REFERENCE.resolve((String) image.get("raw")));
        assertImage(ref.file() + " HDU " + hdu.get("index") + " raw", expected, reader, reader.read());
      }
    });
  }

  @TestFactory
  Stream<DynamicNode> readsSectionsLikeAstropySlices() {
    return imageTests((ref, hdu, image) -> {
      int index = integer(hdu.get("index"));
      try (FitsFile fits = Fits.open(ref.path())) {
        for (boolean raw : new boolean[] {false, true}) {
          ImageReader reader = raw ? fits.hdu(index).image().raw() : fits.hdu(index).image();
          Npy whole = Npy.read(REFERENCE.resolve((String) image.get(raw ? "raw" : "scaled")));
          Random random = new Random(SEED ^ ref.file().hashCode() ^ index);
          for (long[][] section : sections(whole.shape(), random)) {
            String where = ref.file() + " HDU " + index + (raw ? " raw" : " scaled") + " section start "
                + Arrays.toString(section[0]) + " shape " + Arrays.toString(section[1]);
            assertImage(where, slice(whole, section[0], section[1]), reader, reader.read(section[0], section[1]));
          }
        }
      }
    });
  }

  /** HDUs that hold no data: astropy gives None, jfits must say there is no data. */
  @TestFactory
  Stream<DynamicNode> findsNoDataWhereAstropyHasNone() {
    return files.stream().flatMap(ref -> ref.hdus().stream()
        .filter(hdu -> hdu.get("image") == null && Arrays.asList("PrimaryHDU", "ImageHDU").contains(hdu.get("type")))
        .map(hdu -> DynamicTest.dynamicTest(ref.file() + " HDU " + hdu.get("index"), () -> {
          try (FitsFile fits = Fits.open(ref.path())) {
            Hdu h = fits.hdu(integer(hdu.get("index")));
            assertFalse(h.hasData(), ref.file() + " HDU " + h.index() + ": astropy finds no data, jfits does");
          }
        })));
  }

  private interface ImageCheck {
    void run(Reference ref, Map<String, Object> hdu, Map<String, Object> image) throws Exception;
  }

  private static Stream<DynamicNode> imageTests(ImageCheck check) {
    return files.stream()
        .filter(ref -> ref.hdus().stream().anyMatch(h -> h.get("image") != null))
        .map(ref -> DynamicContainer.dynamicContainer(ref.file(), ref.hdus().stream()
            .filter(hdu -> hdu.get("image") != null)
            .map(hdu -> DynamicTest.dynamicTest("HDU " + hdu.get("index"),
                () -> check.run(ref, hdu, map(hdu.get("image")))))));
  }

  /** Corners, single rows and columns, and a random interior box, as {start, shape} pairs. */
  private static List<long[][]> sections(long[] shape, Random random) {
    int n = shape.length;
    List<long[][]> sections = new ArrayList<>();
    if (Arrays.stream(shape).anyMatch(s -> s == 0)) {
      return sections; // an empty image (astropy_zerowidth.fits has NAXIS2 = 0) has no sections
    }
    for (int corner = 0; corner < Math.min(1 << n, 16); corner++) {
      long[] start = new long[n];
      long[] size = new long[n];
      for (int i = 0; i < n; i++) {
        size[i] = Math.min(3, shape[i]);
        start[i] = ((corner >> i) & 1) == 1 ? shape[i] - size[i] : 0;
      }
      sections.add(new long[][] {start, size});
    }
    // the first, a middle and the last row (all of the fastest axis), other axes at random places
    for (long row : new long[] {0, -1, -2}) {
      long[] start = new long[n];
      long[] size = new long[n];
      for (int i = 0; i < n; i++) {
        size[i] = 1;
        start[i] = row == 0 ? 0 : row == -2 ? shape[i] - 1 : random.nextInt((int) shape[i]);
      }
      start[n - 1] = 0;
      size[n - 1] = shape[n - 1];
      sections.add(new long[][] {start, size});
    }
    if (n >= 2) {
      // one column: every element of the second-fastest axis, one of the fastest
      long[] start = new long[n];
      long[] size = new long[n];
      Arrays.fill(size, 1);
      start[n - 1] = random.nextInt((int) shape[n - 1]);
      size[n - 2] = shape[n - 2];
      sections.add(new long[][] {start, size});
    }
    for (int box = 0; box < 2; box++) {
      long[] start = new long[n];
      long[] size = new long[n];
      for (int i = 0; i < n; i++) {
        start[i] = random.nextInt((int) shape[i]);
        size[i] = 1 + random.nextInt((int) (shape[i] - start[i]));
      }
      sections.add(new long[][] {start, size});
    }
    return sections;
  }

  /** The elements of {@code whole} in the box {@code start, shape}, in C order. */
  private static Npy slice(Npy whole, long[] start, long[] shape) {
    int n = shape.length;
    int width = whole.width();
    long[] strides = new long[n];
    long stride = 1;
    for (int i = n - 1; i >= 0; i--) {
      strides[i] = stride;
      stride *= whole.shape()[i];
    }
    long count = 1;
    for (long s : shape) {
      count *= s;
    }
    byte[] out = new byte[(int) (count * width)];
    long[] index = new long[n];
    for (long k = 0; k < count; k++) {
      long source = 0;
      for (int i = 0; i < n; i++) {
        source += (start[i] + index[i]) * strides[i];
      }
      System.arraycopy(whole.data(), (int) (source * width), out, (int) (k * width), width);
      for (int i = n - 1; i >= 0; i--) {
        if (++index[i] < shape[i]) {
          break;
        }
        index[i] = 0;
      }
    }
    return new Npy(whole.dtype(), shape, out);
  }

  /** Shape, element type and every element equal: same bits, or NaN in both. */
  private static void assertImage(String where, Npy expected, ImageReader reader, INDArray actual) {
    assertEquals(expected.dtype(), reader.elementType().numpyName(), where + ": element type");
    assertEquals(nd4jType(expected.dtype()), actual.dataType(), where + ": ND4J data type");
    assertArrayEquals(expected.shape(), actual.shape(), where + ": shape");
    byte[] bytes = Npy.littleEndianBytes(actual, expected.width());
    if (Arrays.equals(expected.data(), bytes)) {
      return;
    }
    ByteBuffer want = ByteBuffer.wrap(expected.data()).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer got = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int width = expected.width();
    int mismatches = 0;
    String first = null;
    for (int k = 0; k < expected.length(); k++) {
      if (!sameElement(expected.dtype(), want, got, k * width)) {
        if (first == null) {
          first = "element " + k + " (flat, C order): astropy " + element(expected.dtype(), want, k * width)
              + ", jfits " + element(expected.dtype(), got, k * width);
        }
        mismatches++;
      }
    }
    assertEquals(0, mismatches, where + ": " + mismatches + " of " + expected.length()
        + " elements differ; first: " + first);
  }

  private static boolean sameElement(String dtype, ByteBuffer a, ByteBuffer b, int at) {
    switch (dtype) {
      case "float32": {
        float x = a.getFloat(at);
        float y = b.getFloat(at);
        return Float.floatToRawIntBits(x) == Float.floatToRawIntBits(y) || (Float.isNaN(x) && Float.isNaN(y));
      }
      case "float64": {
        double x = a.getDouble(at);
        double y = b.getDouble(at);
        return Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(y) || (Double.isNaN(x) && Double.isNaN(y));
      }
      default:
        return a.slice(at, widthOf(dtype)).equals(b.slice(at, widthOf(dtype)));
    }
  }

  private static String element(String dtype, ByteBuffer b, int at) {
    switch (dtype) {
      case "uint8":
        return Integer.toString(Byte.toUnsignedInt(b.get(at)));
      case "int8":
        return Byte.toString(b.get(at));
      case "int16":
        return Short.toString(b.getShort(at));
      case "uint16":
        return Integer.toString(Short.toUnsignedInt(b.getShort(at)));
      case "int32":
        return Integer.toString(b.getInt(at));
      case "uint32":
        return Integer.toUnsignedString(b.getInt(at));
      case "int64":
        return Long.toString(b.getLong(at));
      case "uint64":
        return Long.toUnsignedString(b.getLong(at));
      case "float32":
        return Float.toString(b.getFloat(at)) + String.format(" (0x%08x)", Float.floatToRawIntBits(b.getFloat(at)));
      default:
        return Double.toString(b.getDouble(at)) + String.format(" (0x%016x)", Double.doubleToRawLongBits(b.getDouble(at)));
    }
  }

  private static int widthOf(String dtype) {
    return Integer.parseInt(dtype.replaceAll("\\D", "")) / 8;
  }

  private static DataType nd4jType(String dtype) {
    switch (dtype) {
      case "uint8":
        return DataType.UINT8;
      case "int8":
        return DataType.INT8;
      case "int16":
        return DataType.INT16;
      case "uint16":
        return DataType.UINT16;
      case "int32":
        return DataType.INT32;
      case "uint32":
        return DataType.UINT32;
      case "int64":
        return DataType.INT64;
      case "uint64":
        return DataType.UINT64;
      case "float32":
        return DataType.FLOAT;
      case "float64":
        return DataType.DOUBLE;
      default:
        throw new IllegalArgumentException("dtype " + dtype);
    }
  }

  private static int integer(Object json) {
    return ((BigDecimal) json).intValueExact();
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> list(Object json) {
    return (List<T>) json;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object json) {
    return (Map<String, Object>) json;
  }
}
