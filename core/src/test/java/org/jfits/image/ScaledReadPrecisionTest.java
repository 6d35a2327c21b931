package org.jfits.image;

import static org.jfits.TestFiles.header;
import static org.jfits.TestFiles.padded;
import static org.jfits.TestFiles.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.jfits.TestFiles;
import org.jfits.write.FitsWriter;
import org.jfits.write.ScaledImageHdu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The precision of scaled reads (docs/precision.md): jfits and astropy values compared with the exact
 * {@code stored * BSCALE + BZERO} (BigDecimal arithmetic on the stored integers and the header's
 * doubles), on a real file and on generated BITPIX 8, 16 and 32 data. Asserts the bounds the page
 * documents and prints the measured table (relative errors are relative to |stored * BSCALE| + |BZERO|).
 */
class ScaledReadPrecisionTest {
  @TempDir
  Path dir;

  /** One row of the table: maximum absolute and relative errors of jfits and astropy. */
  private record Row(String name, int bitpix, String type, double jfitsAbs, double jfitsRel, double astropyAbs,
      double astropyRel) {}

  private static final List<Row> ROWS = new ArrayList<>();

  private Row measure(String name, Path file, int index) throws Exception {
    double[] values;
    long[] stored;
    double bscale;
    double bzero;
    String type;
    int bitpix;
    try (FitsFile fits = Fits.open(file)) {
      Hdu hdu = fits.hdu(index);
      bitpix = hdu.bitpix();
      bscale = hdu.header().getDouble("BSCALE", 1);
      bzero = hdu.header().getDouble("BZERO", 0);
      INDArray read = hdu.image().read();
      type = hdu.image().elementType().numpyName();
      values = read.ravel().toDoubleVector();
      stored = hdu.image().raw().read().ravel().toLongVector();
    }
    String out = TestFiles.python("import sys\nfrom astropy.io import fits\n"
        + "d = fits.open(sys.argv[1])[int(sys.argv[2])].data\n"
        + "print(d.dtype.name)\nprint(' '.join(float(v).hex() for v in d.ravel()))\n", file.toString(),
        Integer.toString(index));
    String[] lines = out.split("\n");
    String[] hex = lines[1].split(" ");
    assertEquals(stored.length, hex.length);
    double[] errors = new double[4];
    BigDecimal scale = new BigDecimal(bscale);
    BigDecimal zero = new BigDecimal(bzero);
    for (int i = 0; i < stored.length; i++) {
      BigDecimal exact = new BigDecimal(stored[i]).multiply(scale).add(zero);
      double product = Math.abs(stored[i] * bscale);
      double jfits = error(values[i], exact);
      double astropy = error(Double.parseDouble(hex[i]), exact);
      double magnitude = Math.abs(exact.doubleValue());
      // the documented bounds: the double arithmetic rounds the product and the sum (half an ulp
      // each), and a float32 result rounds once more
      double bound = (Math.ulp(product) + Math.ulp(magnitude)) / 2
          + (type.equals("float32") ? Math.ulp((float) magnitude) / 2 : 0);
      assertTrue(jfits <= bound, name + " element " + i + ": error " + jfits + " > " + bound);
      // relative to the size of the terms: a value that cancels to ~0 has no small relative error
      double terms = product + Math.abs(bzero);
      errors[0] = Math.max(errors[0], jfits);
      errors[2] = Math.max(errors[2], astropy);
      if (terms > 0) {
        errors[1] = Math.max(errors[1], jfits / terms);
        errors[3] = Math.max(errors[3], astropy / terms);
      }
    }
    assertEquals(type, lines[0], name + ": astropy's dtype");
    Row row = new Row(name, bitpix, type, errors[0], errors[1], errors[2], errors[3]);
    ROWS.add(row);
    System.out.printf("| %s | %d | %s | %.3g | %.3g | %.3g | %.3g |%n", name, bitpix, type, errors[0], errors[1],
        errors[2], errors[3]);
    return row;
  }

  private static double error(double value, BigDecimal exact) {
    return new BigDecimal(value).subtract(exact).abs().round(MathContext.DECIMAL64).doubleValue();
  }

  @Test
  void realFileWithBscaleAndBzero() throws Exception {
    Row row = measure("astropy_scale.fits", TestFiles.real("real/astropy_scale.fits"), 0);
    assertTrue(row.jfitsRel() <= 0x1p-24, row.toString());
  }

  @Test
  void generatedBitpix8() throws Exception {
    byte[] data = new byte[256 * 40];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    Path file = TestFiles.write(dir, "b8.fits", TestFiles.concat(header(value("SIMPLE", "T"), value("BITPIX", "8"),
        value("NAXIS", "1"), value("NAXIS1", Integer.toString(data.length)), value("BSCALE", "0.1"),
        value("BZERO", "-3.3")), padded(data)));
    Row row = measure("generated, BSCALE 0.1, BZERO -3.3", file, 0);
    assertTrue(row.jfitsRel() <= 0x1p-24, row.toString());
  }

  private Path generated(int bitpix, double offset, double spread) throws Exception {
    SplittableRandom random = new SplittableRandom(bitpix);
    double[] values = new double[40_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = offset + spread * random.nextGaussian();
    }
    Path file = dir.resolve("b" + bitpix + "-" + offset + ".fits");
    try (FitsWriter out = FitsWriter.create(file)) {
      out.write(ScaledImageHdu.fromRange(Nd4j.createFromArray(values), bitpix));
    }
    return file;
  }

  @Test
  void generatedBitpix16() throws Exception {
    Row near = measure("generated, range 0 ± 400", generated(16, 0, 100), 0);
    Row far = measure("generated, range 1e6 ± 400", generated(16, 1e6, 100), 0);
    assertTrue(near.jfitsRel() <= 0x1p-24 && far.jfitsRel() <= 0x1p-24, near + " " + far);
  }

  @Test
  void generatedBitpix32() throws Exception {
    Row row = measure("generated, range 1e6 ± 400", generated(32, 1e6, 100), 0);
    assertTrue(row.jfitsRel() <= 0x1p-53, row.toString());
  }

  @Test
  void keepPrecisionReadsFloat64OnlyWhereFloat32WouldMergeStoredValues() throws Exception {
    Path far = generated(16, 1e6, 100);
    Path near = generated(16, 0, 100);
    String script = "import sys, numpy as np\nfrom astropy.io import fits\n"
        + "h = fits.open(sys.argv[1], do_not_scale_image_data=True)[0]\n"
        + "v = h.data.astype(np.float64) * h.header['BSCALE'] + h.header['BZERO']\n"
        + "print(' '.join(float(x).hex() for x in v.ravel()))\n";
    try (FitsFile fits = Fits.open(far)) {
      ImageReader image = fits.hdu(0).image().keepPrecision();
      assertEquals("float64", image.elementType().numpyName(), "float32 spacing at 1e6 (0.0625) > BSCALE");
      double[] values = image.read().ravel().toDoubleVector();
      String[] numpy = TestFiles.python(script, far.toString()).strip().split(" ");
      assertEquals(numpy.length, values.length);
      for (int i = 0; i < values.length; i++) {
        assertEquals(Double.parseDouble(numpy[i]), values[i], 0.0, "element " + i + ": numpy's float64 scaling");
      }
    }
    for (Path file : List.of(near, TestFiles.real("real/astropy_scale.fits"))) {
      try (FitsFile fits = Fits.open(file)) {
        ImageReader kept = fits.hdu(0).image().keepPrecision();
        assertEquals("float32", kept.elementType().numpyName(), file + ": float32 keeps every stored value apart");
        assertEquals(fits.hdu(0).image().read(), kept.read());
      }
    }
  }
}
