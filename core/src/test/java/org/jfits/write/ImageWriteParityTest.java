package org.jfits.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.jfits.TestFiles;
import org.jfits.image.NativeWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Images written from every ND4J element type and several shapes, read back by astropy: dtype,
 * shape, every value (reals bit for bit), EXTNAME/EXTVER and extra cards; fitsverify reports no
 * warning and no error on any file. Arrays are filled through their raw bytes, with the extremes of
 * each type, and the expected values are derived from those bytes, not from ND4J's getters.
 */
class ImageWriteParityTest {
  @TempDir
  Path dir;

  /** The element types written, their numpy names as astropy reads them back. */
  enum Type {
    UBYTE("uint8", false), BYTE("int8", true), SHORT("int16", true), UINT16("uint16", false), INT("int32", true),
    UINT32("uint32", false), LONG("int64", true), UINT64("uint64", false), FLOAT("float32", true),
    DOUBLE("float64", true);

    final String numpy;
    final boolean signed;

    Type(String numpy, boolean signed) {
      this.numpy = numpy;
      this.signed = signed;
    }

    DataType nd4j() {
      return DataType.valueOf(name());
    }
  }

  /** An array of {@code type} and {@code shape} whose element i has the raw bits {@code bits[i]}. */
  private static INDArray filled(Type type, long[] shape, long[] bits) {
    INDArray array = Nd4j.create(type.nd4j(), shape);
    int width = type.nd4j().width();
    if (bits.length > 0) {
      ByteBuffer b = new NativeWindow(array).bytes(0, bits.length * width);
      for (int i = 0; i < bits.length; i++) {
        switch (width) {
          case 1 -> b.put(i, (byte) bits[i]);
          case 2 -> b.putShort(i * 2, (short) bits[i]);
          case 4 -> b.putInt(i * 4, (int) bits[i]);
          default -> b.putLong(i * 8, bits[i]);
        }
      }
    }
    return array;
  }

  /** Raw bits with the extremes of the type first, then pseudo-random ones. */
  private static long[] bits(Type type, int n, long seed) {
    int width = type.nd4j().width();
    long[] special = type == Type.FLOAT
        ? new long[] {Float.floatToIntBits(Float.NaN), Float.floatToIntBits(Float.POSITIVE_INFINITY),
            Float.floatToIntBits(-0.0f), Float.floatToIntBits(Float.MIN_VALUE), Float.floatToIntBits(Float.MAX_VALUE)}
        : type == Type.DOUBLE
        ? new long[] {Double.doubleToLongBits(Double.NaN), Double.doubleToLongBits(Double.NEGATIVE_INFINITY),
            Double.doubleToLongBits(-0.0), Double.doubleToLongBits(Double.MIN_VALUE),
            Double.doubleToLongBits(Double.MAX_VALUE)}
        : new long[] {0, -1, 1L << (8 * width - 1), (1L << (8 * width - 1)) - 1, 1};
    SplittableRandom random = new SplittableRandom(seed);
    long[] bits = new long[n];
    for (int i = 0; i < n; i++) {
      bits[i] = i < special.length ? special[i] : random.nextLong();
    }
    return bits;
  }

  /** The value of raw bits as astropy prints it (image_readback.py): decimal, or float.hex. */
  private static double real(Type type, long bits) {
    return type == Type.FLOAT ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
  }

  private static String integer(Type type, long bits) {
    int shift = 64 - 8 * type.nd4j().width();
    return type.signed ? Long.toString(bits << shift >> shift) : Long.toUnsignedString(bits << shift >>> shift);
  }

  private static void assertValues(Type type, long[] bits, String line) {
    List<String> actual = new ArrayList<>(Arrays.asList(line.split(" ")));
    assertEquals("values", actual.remove(0));
    assertEquals(bits.length, actual.size(), type + ": number of values");
    for (int i = 0; i < bits.length; i++) {
      if (type == Type.FLOAT || type == Type.DOUBLE) {
        double expected = real(type, bits[i]);
        String a = actual.get(i);
        double value = a.equals("nan") ? Double.NaN : a.equals("inf") ? Double.POSITIVE_INFINITY
            : a.equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(a);
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(value), type + " element " + i);
      } else {
        assertEquals(integer(type, bits[i]), actual.get(i), type + " element " + i);
      }
    }
  }

  private List<String> readBack(Path file, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of(TestFiles.python(), "src/test/python/image_readback.py",
        file.toString()));
    args.addAll(List.of(options));
    TestFiles.Run run = TestFiles.run(args, 120);
    assertEquals(0, run.exit(), () -> "astropy failed or warned on " + file + ":\n" + run.stderr());
    return List.of(run.stdout().split("\n"));
  }

  @ParameterizedTest
  @EnumSource(Type.class)
  void everyElementTypeRoundTripsThroughAstropy(Type type) throws Exception {
    long[] cube = bits(type, 2 * 3 * 4, 1);
    long[] line = bits(type, 7, 2);
    Path file = dir.resolve(type.numpy + ".fits");
    HeaderBuilder extra = new HeaderBuilder().add("EXPTIME", 30.5, "seconds").add("OBSERVER", "Hubble", "")
        .add("ESO DET DIT", 1.25, "HIERARCH");
    try (FitsWriter out = FitsWriter.create(file)) {
      out.write(ImageHdu.of(filled(type, new long[] {2, 3, 4}, cube)));
      out.write(ImageHdu.of(filled(type, new long[] {7}, line)).name("SCI").version(2).cards(extra));
    }
    WriteChecks.assertFitsverifyClean(file);
    List<String> lines = readBack(file);
    assertEquals("hdu 0 - - " + type.numpy + " 2,3,4", lines.get(0));
    assertValues(type, cube, lines.get(1));
    assertEquals("hdu 1 SCI 2 " + type.numpy + " 7", lines.get(2));
    assertValues(type, line, lines.get(3));
    Map<String, String> cards = WriteChecks.astropyCards(file, 1).stream()
        .collect(Collectors.toMap(WriteChecks.AstropyCard::keyword, WriteChecks.AstropyCard::value, (a, b) -> a));
    assertEquals(30.5, Double.parseDouble(cards.get("EXPTIME")));
    assertEquals("Hubble", cards.get("OBSERVER"));
    assertEquals(1.25, Double.parseDouble(cards.get("ESO DET DIT")));
  }

  @Test
  void shapesScalarEmptyViewsAndFortranOrder() throws Exception {
    long[] bits = bits(Type.INT, 24, 3);
    INDArray base = filled(Type.INT, new long[] {4, 6}, bits);
    INDArray transposed = base.transpose();
    INDArray fortran = base.dup('f');
    INDArray slice = base.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3),
        org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 5));
    INDArray scalar = Nd4j.scalar(DataType.INT32, 0).addi(42);
    INDArray empty = Nd4j.create(DataType.FLOAT, 0, 3);
    INDArray fourD = filled(Type.SHORT, new long[] {2, 1, 3, 2}, bits(Type.SHORT, 12, 4));
    Path file = dir.resolve("shapes.fits");
    try (FitsWriter out = FitsWriter.create(file)) {
      out.write(ImageHdu.of(transposed)).write(ImageHdu.of(fortran)).write(ImageHdu.of(slice))
          .write(ImageHdu.of(scalar)).write(ImageHdu.of(empty)).write(ImageHdu.of(fourD));
    }
    WriteChecks.assertFitsverifyClean(file);
    List<String> lines = readBack(file);
    long[] t = new long[24];
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 4; j++) {
        t[i * 4 + j] = bits[j * 6 + i];
      }
    }
    assertEquals("hdu 0 - - int32 6,4", lines.get(0));
    assertValues(Type.INT, t, lines.get(1));
    assertEquals("hdu 1 - - int32 4,6", lines.get(2));
    assertValues(Type.INT, bits, lines.get(3));
    assertEquals("hdu 2 - - int32 2,3", lines.get(4));
    assertValues(Type.INT, new long[] {bits[8], bits[9], bits[10], bits[14], bits[15], bits[16]}, lines.get(5));
    assertEquals("hdu 3 - - int32 1", lines.get(6));
    assertEquals("values 42", lines.get(7));
    assertEquals("hdu 4 - - float32 0,3", lines.get(8));
    assertEquals("hdu 5 - - int16 2,1,3,2", lines.get(10));
    List<WriteChecks.AstropyCard> empties = WriteChecks.astropyCards(file, 4);
    assertEquals("0", empties.stream().filter(c -> c.keyword().equals("NAXIS2")).findFirst().orElseThrow().value());
    assertEquals("3", empties.stream().filter(c -> c.keyword().equals("NAXIS1")).findFirst().orElseThrow().value());
  }

  @Test
  void largeImagesSpanManyChunks() throws Exception {
    int n = 3_000_001;
    long[] bits = bits(Type.UINT16, n, 5);
    Path file = dir.resolve("large.fits");
    try (FitsWriter out = FitsWriter.create(file)) {
      out.write(ImageHdu.of(filled(Type.UINT16, new long[] {n}, bits)));
    }
    String sum = TestFiles.python("import sys\nimport numpy as np\nfrom astropy.io import fits\n"
        + "d = fits.getdata(sys.argv[1])\n"
        + "print(d.dtype.name, int((d.astype(np.int64) * (np.arange(d.size) % 1000)).sum()))\n",
        file.toString());
    long expected = 0;
    for (int i = 0; i < n; i++) {
      expected += (bits[i] & 0xffff) * (i % 1000);
    }
    assertEquals("uint16 " + expected, sum.strip());
  }

  @Test
  void structuralExtraCardsAreRefused() {
    ImageHdu hdu = ImageHdu.of(Nd4j.create(DataType.FLOAT, 2)).cards(new HeaderBuilder().add("BZERO", 1.0, ""));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> hdu.header(true));
    assertTrue(e.getMessage().contains("BZERO"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ImageHdu.of(Nd4j.create(DataType.BOOL, 2)));
  }
}
