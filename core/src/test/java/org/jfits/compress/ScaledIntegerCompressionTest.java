package org.jfits.compress;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.TestFiles;
import org.jfits.header.Header;
import org.jfits.image.NativeWindow;
import org.jfits.write.FitsWriter;
import org.jfits.write.ImageHdu;
import org.jfits.write.IntegerScaling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Tile-compressed images of scaled integers (BSCALE/BZERO, BLANK): jfits reads fpack's compressions of
 * astropy-made images to the physical values numpy computes from the stored integers, and
 * {@link CompressedImageHdu#scaling} writes files that fitsverify
 * accepts and funpack and astropy read back as the original.
 */
class ScaledIntegerCompressionTest {
  private static final Path SCRIPT = Path.of("src/test/python/scaled_integers.py");
  private static final List<String> FPACK_ALGORITHMS = List.of("-r", "-g1", "-g2", "-h");

  @TempDir
  Path dir;

  /** The astropy-made images (name and whether PLIO_1 can store them) in {@code dir}. */
  private List<String[]> makeImages() throws Exception {
    TestFiles.Run make = TestFiles.run(List.of(TestFiles.python(), SCRIPT.toString(), "make", dir.toString()), 120);
    assertEquals(0, make.exit(), make.stderr());
    List<String[]> images = new ArrayList<>();
    for (String line : make.stdout().strip().split("\n")) {
      images.add(line.split(" "));
    }
    return images;
  }

  @Test
  void readsFpackCompressionsToThePhysicalValues() throws Exception {
    List<String[]> originals = new ArrayList<>();
    for (String[] image : makeImages()) {
      originals.add(new String[] {dir.resolve(image[0] + ".fits").toString(), image[1]});
    }
    originals.add(new String[] {TestFiles.real("real/astropy_scale.fits").toString(), "false"});
    StringBuilder cases = new StringBuilder();
    for (String[] original : originals) {
      List<String> algorithms = new ArrayList<>(FPACK_ALGORITHMS);
      if (Boolean.parseBoolean(original[1])) {
        algorithms.add("-p");
      }
      for (String algorithm : algorithms) {
        Path packed = dir.resolve(Path.of(original[0]).getFileName() + algorithm + ".fz");
        TestFiles.Run fpack = TestFiles.run(List.of("fpack", algorithm, "-O", packed.toString(), original[0]), 60);
        assertEquals(0, fpack.exit(), fpack.stderr());
        Path raw = dir.resolve(packed.getFileName() + ".raw");
        try (FitsFile fits = Fits.open(packed)) {
          INDArray values = fits.hdu(1).image().read().dup('c');
          try (FileChannel out = FileChannel.open(raw, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            out.write(new NativeWindow(values).bytes(0, (int) (values.length() * values.dataType().width())));
          }
          String dtype = values.dataType() == DataType.FLOAT ? "float32" : "float64";
          cases.append(String.join(" ", original[0], raw.toString(), dtype)).append('\n');
        }
      }
    }
    Path list = Files.writeString(dir.resolve("references.txt"), cases);
    TestFiles.Run check = TestFiles.run(List.of(TestFiles.python(), SCRIPT.toString(), "reference", list.toString()),
        300);
    assertEquals(0, check.exit(), check.stderr());
    String[] verdicts = check.stdout().strip().split("\n");
    assertEquals(6 * 4 + 2, verdicts.length);
    for (String verdict : verdicts) {
      assertTrue(verdict.startsWith("OK"), verdict);
    }
  }

  @Test
  void writesWhatFunpackAndAstropyReadAsTheOriginal() throws Exception {
    StringBuilder cases = new StringBuilder();
    List<String> verify = new ArrayList<>(List.of("fitsverify", "-q"));
    for (String[] image : makeImages()) {
      Path original = dir.resolve(image[0] + ".fits");
      TileCompression algorithm = Boolean.parseBoolean(image[1]) ? TileCompression.PLIO_1 : TileCompression.GZIP_2;
      Path packed = dir.resolve(image[0] + ".jfits.fz");
      try (FitsFile in = Fits.open(original); FitsWriter out = FitsWriter.create(packed)) {
        Header header = in.hdu(0).header();
        IntegerScaling scaling = new IntegerScaling(header.getDouble("BSCALE", 1), header.getDouble("BZERO", 0),
            header.containsKey("BLANK") ? header.getLong("BLANK") : null);
        out.write(CompressedImageHdu.of(in.hdu(0).image().raw().read()).algorithm(algorithm).scaling(scaling)
            .metadata(header));
      }
      Path unpacked = dir.resolve(image[0] + ".funpack.fits");
      TestFiles.Run funpack = TestFiles.run(List.of("funpack", "-O", unpacked.toString(), packed.toString()), 60);
      assertEquals(0, funpack.exit(), funpack.stderr());
      verify.add(packed.toString());
      cases.append(String.join(" ", original.toString(), algorithm.name(), packed.toString(), unpacked.toString()))
          .append('\n');
    }
    TestFiles.Run fitsverify = TestFiles.run(verify, 120);
    for (String line : fitsverify.stdout().strip().split("\n")) {
      assertTrue(line.startsWith("verification OK"), line);
    }
    Path list = Files.writeString(dir.resolve("cases.txt"), cases);
    TestFiles.Run check = TestFiles.run(List.of(TestFiles.python(), SCRIPT.toString(), "check", list.toString()), 300);
    assertEquals(0, check.exit(), check.stderr());
    assertEquals("OK\n".repeat(5).strip(), check.stdout().strip());
  }

  @Test
  void refusesScalingWhereTheArrayIsNotStoredIntegers() {
    // the compressed and the uncompressed writer take the same declarations
    IntegerScaling scaled = new IntegerScaling(0.5, 3, null);
    INDArray floats = Nd4j.zeros(DataType.FLOAT, 4, 5);
    IllegalArgumentException onFloats = assertThrows(IllegalArgumentException.class,
        () -> CompressedImageHdu.of(floats).scaling(scaled));
    assertTrue(onFloats.getMessage().contains("float32"), onFloats.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ImageHdu.of(floats).scaling(scaled));
    INDArray unsigned = Nd4j.zeros(DataType.UINT16, 4, 5);
    assertThrows(IllegalArgumentException.class, () -> CompressedImageHdu.of(unsigned).scaling(scaled));
    assertThrows(IllegalArgumentException.class, () -> ImageHdu.of(unsigned).scaling(scaled));
    INDArray shorts = Nd4j.zeros(DataType.SHORT, 4, 5);
    IntegerScaling wideBlank = new IntegerScaling(0.5, 3, 40000L);
    IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
        () -> CompressedImageHdu.of(shorts).scaling(wideBlank));
    assertTrue(wide.getMessage().contains("BLANK = 40000 is outside the integers of BITPIX 16"), wide.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ImageHdu.of(shorts).scaling(wideBlank));
    assertThrows(IllegalArgumentException.class, () -> new IntegerScaling(0, 1, null));
    assertThrows(IllegalArgumentException.class, () -> new IntegerScaling(1, Double.NaN, null));
    IntegerScaling lowestBlank = new IntegerScaling(0.5, 3, -32768L);
    assertDoesNotThrow(() -> CompressedImageHdu.of(shorts).scaling(lowestBlank));
    assertDoesNotThrow(() -> ImageHdu.of(shorts).scaling(lowestBlank));
    assertThrows(IllegalArgumentException.class,
        () -> ImageHdu.of(Nd4j.zeros(DataType.UBYTE, 2, 2)).scaling(new IntegerScaling(2, 0, -1L)));
  }
}
