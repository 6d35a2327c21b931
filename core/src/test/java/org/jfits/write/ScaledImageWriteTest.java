package org.jfits.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.jfits.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Float data written as scaled BITPIX 16/32 integers: astropy's reading of the stored integers,
 * scaled in float64 by numpy with the header's BSCALE/BZERO, is compared with the original data (written
 * unscaled beside it): the maximum error numpy finds is the one {@code maxError()} reported, NaN
 * pixels are BLANK and nothing else is.
 */
class ScaledImageWriteTest {
  @TempDir
  Path dir;

  private static final String CHECK = String.join("\n",
      "import sys, warnings", "import numpy as np", "from astropy.io import fits", "warnings.simplefilter('error')",
      "with fits.open(sys.argv[1], do_not_scale_image_data=True) as h:",
      "  raw, original = h[0].data, h[1].data.astype(np.float64)",
      "  head = h[0].header",
      "  blank = raw == head['BLANK']",
      "  phys = raw.astype(np.float64) * head['BSCALE'] + head['BZERO']",
      "  err = np.abs(phys - original)[~blank].max()",
      "  print(raw.dtype.name, head['BITPIX'], bool((blank == np.isnan(original)).all()), int(blank.sum()), err.hex())",
      "with fits.open(sys.argv[1]) as h:",
      "  print(h[0].data.dtype.name, bool((np.isnan(h[0].data) == np.isnan(h[1].data)).all()))", "");

  private static INDArray data(int n, double spread, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = i % 97 == 5 ? Double.NaN : 1000 + spread * random.nextGaussian();
    }
    return Nd4j.createFromArray(values).reshape(n / 100, 100);
  }

  private String writeAndCheck(ScaledImageHdu scaled, INDArray original) throws Exception {
    Path file = dir.resolve("scaled" + System.nanoTime() + ".fits");
    try (FitsWriter out = FitsWriter.create(file)) {
      out.write(scaled).write(ImageHdu.of(original));
    }
    WriteChecks.assertFitsverifyClean(file);
    return TestFiles.python(CHECK, file.toString());
  }

  @Test
  void fromRangeUsesTheWholeIntegerRangeAndReportsTheError() throws Exception {
    INDArray original = data(20_000, 50, 1);
    ScaledImageHdu scaled = ScaledImageHdu.fromRange(original, 16);
    String[] lines = writeAndCheck(scaled, original).split("\n");
    assertEquals("int16 16 True " + scaled.blankCount(), lines[0].substring(0, lines[0].lastIndexOf(' ')));
    assertEquals(scaled.maxError(), Double.parseDouble(lines[0].substring(lines[0].lastIndexOf(' ') + 1)));
    assertEquals("float32 True", lines[1]);
    assertEquals(20_000 / 97 + 1, scaled.blankCount());
    assertTrue(scaled.maxError() <= scaled.bscale() / 2 * (1 + 1e-9), scaled.maxError() + " vs " + scaled.bscale());
  }

  @Test
  void aToleranceBoundsTheErrorInBitpix16And32() throws Exception {
    INDArray original = data(10_000, 20, 2).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
    for (int bitpix : new int[] {16, 32}) {
      double tolerance = bitpix == 16 ? 0.01 : 1e-6;
      ScaledImageHdu scaled = ScaledImageHdu.withTolerance(original, bitpix, tolerance);
      String[] lines = writeAndCheck(scaled, original).split("\n");
      String[] f = lines[0].split(" ");
      assertEquals(bitpix == 16 ? "int16" : "int32", f[0]);
      assertEquals("True", f[2]);
      double numpyError = Double.parseDouble(f[4]);
      assertEquals(scaled.maxError(), numpyError, "bitpix " + bitpix);
      assertTrue(numpyError <= tolerance, numpyError + " > " + tolerance);
      assertTrue(numpyError > tolerance / 4, "the whole tolerance is used: " + numpyError);
    }
  }

  @Test
  void aChosenScaleIsKeptAndValuesOutsideItsRangeAreRefused() throws Exception {
    INDArray original = Nd4j.createFromArray(new float[] {0f, 1.5f, -2.25f, Float.NaN, 100f});
    ScaledImageHdu scaled = ScaledImageHdu.of(original, 16, 0.25, 10);
    assertEquals(0.0, scaled.maxError());
    Path file = dir.resolve("chosen.fits");
    try (FitsWriter out = FitsWriter.create(file)) {
      out.write(scaled);
    }
    String raw = TestFiles.python("import sys\nfrom astropy.io import fits\n"
        + "h = fits.open(sys.argv[1], do_not_scale_image_data=True)[0]\n"
        + "print(h.data.tolist(), h.header['BSCALE'], h.header['BZERO'], h.header['BLANK'])\n", file.toString());
    assertEquals("[-40, -34, -49, -32768, 360] 0.25 10.0 -32768\n", raw);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ScaledImageHdu.of(original, 16, 0.001, 0));
    assertTrue(e.getMessage().contains("100.0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ScaledImageHdu.withTolerance(data(10_000, 1e6, 3), 16, 0.01));
    assertThrows(IllegalArgumentException.class,
        () -> ScaledImageHdu.fromRange(Nd4j.createFromArray(1.0, Double.POSITIVE_INFINITY), 16));
  }
}
