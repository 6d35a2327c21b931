package org.jfits.render;

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
  private static final Path SCRIPT = Path.of("src/test/python/lupton_reference.py");

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
}
