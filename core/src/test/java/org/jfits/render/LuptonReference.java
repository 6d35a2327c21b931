package org.jfits.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.TestFiles;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * astropy's {@code make_lupton_rgb} on sections of real files, run by
 * {@code src/test/python/lupton_reference.py}, and the same sections read by jfits.
 */
public final class LuptonReference {
  /** The script, from the core module or from a module beside it. */
  private static final Path SCRIPT = Files.exists(Path.of("src/test/python/lupton_reference.py"))
      ? Path.of("src/test/python/lupton_reference.py") : Path.of("../core/src/test/python/lupton_reference.py");

  /**
   * Where the exact result is a whole count (integer images scaled down by their brightest band),
   * the last bit of numpy's vectorised arcsinh (SVML on AVX-512 machines, libm elsewhere) decides
   * which side of it astropy lands; jfits' asinh then gives the neighbouring count. Measured with
   * numpy 1.24 on AVX-512: up to 12 of 12288 bytes (1 per mille) on integer bands, none on float32.
   */
  public static final int OFF_BY_ONE_PER_MILLE = 2;

  private LuptonReference() {}

  /**
   * A 2-D section of an image HDU of the test data.
   *
   * @param file the file, relative to the test data folder
   * @param start the first pixel, numpy order
   * @param shape the section's size, numpy order; its last two axes are the image, the others 1
   */
  public record Band(String file, int hdu, long[] start, long[] shape) {

    /** A whole 2-D image HDU. */
    public static Band image(String file, int hdu, long rows, long columns) {
      return new Band(file, hdu, new long[] {0, 0}, new long[] {rows, columns});
    }

    /** The section as jfits reads it, shape {@code [rows, columns]}. */
    public INDArray read() throws IOException {
      try (FitsFile fits = Fits.open(TestFiles.real(file))) {
        return fits.hdu(hdu).image().read(start, shape).reshape(shape[shape.length - 2], shape[shape.length - 1]);
      }
    }

    /** The section as a FILE[HDU] argument of {@code jfits preview}, when it is the whole image. */
    public String argument() {
      return TestFiles.real(file) + "[" + hdu + "]";
    }

    String spec() {
      return TestFiles.real(file) + "|" + hdu + "|" + join(start) + "|" + join(shape);
    }

    private static String join(long[] values) {
      return Arrays.stream(values).mapToObj(Long::toString).collect(Collectors.joining(","));
    }
  }

  /**
   * astropy's RGB bytes ({@code uint8}, shape {@code [rows, columns, 3]}, row-major) for the bands.
   *
   * @param minimum one number or three, comma-separated
   * @param png where astropy also writes its picture (matplotlib, origin lower), or null
   */
  public static byte[] rgb(Path dir, String minimum, double stretch, double q, Path png, Band... bands)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "astropy", ".rgb");
    List<String> args = new ArrayList<>(List.of(out.toString(), minimum, Double.toString(stretch), Double.toString(q)));
    for (Band b : bands) {
      args.add(b.spec());
    }
    if (png != null) {
      args.add(png.toString());
    }
    TestFiles.python(Files.readString(SCRIPT), args.toArray(String[]::new));
    return Files.readAllBytes(out);
  }

  /**
   * Checks that {@code actual} differs from astropy's {@code expected} by at most 1 count, on at most
   * {@link #OFF_BY_ONE_PER_MILLE} per mille of the bytes.
   */
  public static void assertNearlyEqual(byte[] expected, byte[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    int differ = 0;
    for (int i = 0; i < expected.length; i++) {
      int d = Math.abs((expected[i] & 0xff) - (actual[i] & 0xff));
      assertTrue(d <= 1, what + ", byte " + i + ": astropy " + (expected[i] & 0xff) + ", jfits " + (actual[i] & 0xff));
      differ += d;
    }
    System.out.println(what + ": " + differ + " of " + expected.length + " bytes off by 1");
    assertTrue(differ * 1000L <= OFF_BY_ONE_PER_MILLE * expected.length, what + ": " + differ + " bytes off by 1");
  }

  /** The red, green and blue bytes of a picture, top line first. */
  public static byte[] rgbBytes(BufferedImage picture) {
    int[] argb = picture.getRGB(0, 0, picture.getWidth(), picture.getHeight(), null, 0, picture.getWidth());
    byte[] rgb = new byte[3 * argb.length];
    for (int i = 0; i < argb.length; i++) {
      rgb[3 * i] = (byte) (argb[i] >> 16);
      rgb[3 * i + 1] = (byte) (argb[i] >> 8);
      rgb[3 * i + 2] = (byte) argb[i];
    }
    return rgb;
  }
}
