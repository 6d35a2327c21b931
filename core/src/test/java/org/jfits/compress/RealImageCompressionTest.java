package org.jfits.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.TestFiles;
import org.jfits.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Real images compressed by jfits: funpack's output, read by astropy, equals astropy's reading of the
 * original file (within the quantisation error for floats), and the header metadata travels along.
 */
class RealImageCompressionTest {
  @TempDir
  Path dir;

  @Test
  void realImagesDecompressToTheOriginalPixels() throws Exception {
    CompressionChecks checks = new CompressionChecks(dir);
    Path ngc = TestFiles.real("real/fv_ngc1316o.fits");
    Path m51 = TestFiles.real("real/pdl_m51.fits");
    Path isaac = TestFiles.real("real/eso_isaac_1024.fits");
    Path cube = TestFiles.real("real/astropy_arange.fits");
    INDArray ngcPixels = Fits.read(ngc);
    INDArray m51Pixels = Fits.read(m51);
    INDArray isaacPixels = Fits.read(isaac);
    checks.addReal("ngc_rice", ngc, CompressedImageHdu.of(ngcPixels), true);
    checks.addReal("ngc_gzip2_tiles", ngc, CompressedImageHdu.of(ngcPixels).algorithm(TileCompression.GZIP_2)
        .tile(100, 64), true);
    checks.addReal("ngc_hcompress", ngc, CompressedImageHdu.of(ngcPixels).algorithm(TileCompression.HCOMPRESS_1),
        true);
    checks.addReal("m51_plio", m51, CompressedImageHdu.of(m51Pixels).algorithm(TileCompression.PLIO_1), true);
    checks.addReal("m51_gzip1", m51, CompressedImageHdu.of(m51Pixels).algorithm(TileCompression.GZIP_1), true);
    checks.addReal("cube_rice", cube, CompressedImageHdu.of(Fits.read(cube)).tile(11, 10, 7), true);
    checks.addReal("isaac_gzip2_lossless", isaac, CompressedImageHdu.of(isaacPixels)
        .algorithm(TileCompression.GZIP_2).lossless(), true);
    CompressedImageHdu isaacRice = CompressedImageHdu.of(isaacPixels).tile(128, 128);
    checks.addReal("isaac_rice_quantised", isaac, isaacRice, false);
    try (FitsFile fits = Fits.open(TestFiles.real("real/skimage_multi.fits"))) {
      INDArray unsigned = fits.hdu(1).image().read();
      checks.addReal("skimage_uint16_rice", TestFiles.real("real/skimage_multi.fits"),
          CompressedImageHdu.of(unsigned), true);
    }
    Map<String, CompressionChecks.Verdict> verdicts = checks.verify();
    CompressionChecks.Verdict quantised = verdicts.get("isaac_rice_quantised");
    assertTrue(quantised.error() > 0 && quantised.error() <= quantised.halfStep() + Math.ulp(70000f),
        quantised::line);
    assertEquals(quantised.error(), isaacRice.maxQuantizationError(), 1e-9 * quantised.error());
  }

  @Test
  void headerMetadataTravelsWithTheCompressedImage() throws Exception {
    Path ngc = TestFiles.real("real/fv_ngc1316o.fits");
    Path out = dir.resolve("ngc.fits.fz");
    try (FitsFile fits = Fits.open(ngc); org.jfits.write.FitsWriter writer = org.jfits.write.FitsWriter.create(out)) {
      Header header = fits.hdu(0).header();
      writer.write(CompressedImageHdu.of(fits.hdu(0).image().read()).metadata(header).name("SCI"));
    }
    String script = String.join("\n",
        "import sys",
        "from astropy.io import fits",
        "source = fits.getheader(sys.argv[1])",
        "with fits.open(sys.argv[2]) as hdul:",
        "    ours = hdul[1].header",
        "    for key in ['OBJECT', 'TELESCOP', 'EQUINOX', 'CTYPE1', 'CRVAL1', 'CDELT2', 'CRPIX2', 'DATAMAX']:",
        "        print(key, source[key] == ours[key])",
        "    print('COMMENT', list(source['COMMENT']) == list(ours['COMMENT']))",
        "    print('EXTNAME', ours['EXTNAME'])",
        "    print('BITPIX', ours['BITPIX'], hdul[1].data.dtype)");
    String printed = TestFiles.python(script, ngc.toString(), out.toString());
    assertEquals(String.join("\n", "OBJECT True", "TELESCOP True", "EQUINOX True", "CTYPE1 True", "CRVAL1 True",
        "CDELT2 True", "CRPIX2 True", "DATAMAX True", "COMMENT True", "EXTNAME SCI", "BITPIX 16 int16") + "\n",
        printed);
  }
}
