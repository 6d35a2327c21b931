package org.jfits.image;

import static org.jfits.TestFiles.header;
import static org.jfits.TestFiles.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.FitsKeywordException;
import org.jfits.FitsUnsupportedException;
import org.jfits.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refusals of sky cutouts and their edge rules, on hand-written headers and real files with
 * hand-derived expectations. Boxes and values against astropy are in
 * {@code org.jfits.SkyCutoutParityTest}.
 */
class SkyCutoutsTest {
  @TempDir
  Path dir;

  /** A 20 x 10 int16 image (zeros) with the given WCS cards. */
  private Path image(String... wcs) throws Exception {
    String[] cards = new String[5 + wcs.length];
    cards[0] = value("SIMPLE", "T");
    cards[1] = value("BITPIX", "16");
    cards[2] = value("NAXIS", "2");
    cards[3] = value("NAXIS1", "20");
    cards[4] = value("NAXIS2", "10");
    System.arraycopy(wcs, 0, cards, 5, wcs.length);
    return TestFiles.write(dir, "wcs.fits", TestFiles.concat(header(cards), TestFiles.padded(new byte[20 * 10 * 2])));
  }

  /** TAN, 2 arcsec pixels (CDELT 2/3600 deg), reference pixel (10, 5) 1-based at RA 30, DEC 0. */
  private Path tan() throws Exception {
    return image(value("CTYPE1", "'RA---TAN'"), value("CTYPE2", "'DEC--TAN'"), value("CRPIX1", "10.0"),
        value("CRPIX2", "5.0"), value("CRVAL1", "30.0"), value("CRVAL2", "0.0"),
        value("CDELT1", "-5.555555555555556E-4"), value("CDELT2", "5.555555555555556E-4"));
  }

  @Test
  void refusesRightAscensionsAndDeclinationsOfDifferentLengths() throws Exception {
    try (FitsFile fits = Fits.open(tan())) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> fits.hdu(0).image().skyCutouts(new double[] {30, 30}, new double[] {0}, 10));
      assertTrue(e.getMessage().contains("2 and 1"), e.getMessage());
    }
  }

  @Test
  void refusesARadiusUnderOnePixelNamingTheRadiusAndThePixelScale() throws Exception {
    try (FitsFile fits = Fits.open(tan())) {
      // 2 * 0.4" / 2" per pixel = 0.4 pixel, rounded to 0
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> fits.hdu(0).image().skyCutouts(new double[] {30}, new double[] {0}, 0.4));
      assertTrue(e.getMessage().contains("radius of 0.4 arcsec"), e.getMessage());
      assertTrue(e.getMessage().contains("pixel scale is 2.0"), e.getMessage());
    }
  }

  @Test
  void refusesARadiusThatIsNotAPositiveNumber() throws Exception {
    try (FitsFile fits = Fits.open(tan())) {
      for (double radius : new double[] {0, -5, Double.NaN, Double.POSITIVE_INFINITY}) {
        assertThrows(IllegalArgumentException.class,
            () -> fits.hdu(0).image().skyCutouts(new double[] {30}, new double[] {0}, radius), "radius " + radius);
      }
    }
  }

  @Test
  void roundsTheDiameterInPixelsHalfToEven() throws Exception {
    try (FitsFile fits = Fits.open(tan())) {
      // 2 * 5" / 2" = 5 pixels; 2 * 4.5" / 2" = 4.5, rounded to 4; 2 * 5.5" / 2" = 5.5, rounded to 6
      assertEquals(5, fits.hdu(0).image().skyCutouts(new double[] {30}, new double[] {0}, 5).boxes().get(0).width());
      assertEquals(4, fits.hdu(0).image().skyCutouts(new double[] {30}, new double[] {0}, 4.5).boxes().get(0).width());
      assertEquals(6, fits.hdu(0).image().skyCutouts(new double[] {30}, new double[] {0}, 5.5).boxes().get(0).width());
    }
  }

  @Test
  void centresTheBoxOnTheReferencePixel() throws Exception {
    try (FitsFile fits = Fits.open(tan())) {
      // CRVAL lies at CRPIX (10, 5) 1-based = (9, 4) 0-based; a 5 x 5 box around it starts at (7, 2)
      Cutouts c = fits.hdu(0).image().skyCutouts(new double[] {30}, new double[] {0}, 5);
      assertEquals(List.of(new Box(7, 2, 5, 5)), c.boxes());
      assertEquals(List.of(CutoutFlag.INSIDE), c.flags());
    }
  }

  @Test
  void flagsUnconvertiblePositionsOutsideAndPadsThem() throws Exception {
    try (FitsFile fits = Fits.open(tan())) {
      // NaN, and the point opposite the tangent point (behind the TAN projection plane)
      Cutouts c = fits.hdu(0).image().skyCutouts(new double[] {Double.NaN, 210}, new double[] {0, 0}, 5);
      assertEquals(List.of(CutoutFlag.OUTSIDE, CutoutFlag.OUTSIDE), c.flags());
      assertEquals(List.of(new Box(-5, -5, 5, 5), new Box(-5, -5, 5, 5)), c.boxes());
      // an int16 image pads with 0
      assertEquals(0.0, c.array().sumNumber().doubleValue());
      assertEquals(2 * 5 * 5, c.array().length());
    }
  }

  @Test
  void refusesOffImagePositionsWhenAskedTo() throws Exception {
    try (FitsFile fits = Fits.open(tan())) {
      CutoutReader strict = fits.hdu(0).image().cutouts().offImage(OffImagePolicy.ERROR);
      assertThrows(IllegalArgumentException.class,
          () -> strict.skyCutouts(new double[] {30, Double.NaN}, new double[] {0, 0}, 5));
    }
  }

  @Test
  void refusesAHeaderWithoutACelestialWcs() throws Exception {
    try (FitsFile fits = Fits.open(image())) {
      assertThrows(FitsKeywordException.class,
          () -> fits.hdu(0).image().skyCutouts(new double[] {30}, new double[] {0}, 5));
    }
  }

  @Test
  void refusesCelestialAxesOtherThanTheFirstTwo() throws Exception {
    // RA on axis 1, a linear axis 2, DEC on axis 3 of a 20 x 10 x 1 cube
    Path cube = TestFiles.write(dir, "cube.fits", TestFiles.concat(header(value("SIMPLE", "T"),
        value("BITPIX", "16"), value("NAXIS", "3"), value("NAXIS1", "20"), value("NAXIS2", "10"),
        value("NAXIS3", "1"), value("CTYPE1", "'RA---TAN'"), value("CTYPE2", "'FREQ'"), value("CTYPE3", "'DEC--TAN'"),
        value("CDELT1", "-1.0E-3"), value("CDELT2", "1.0"), value("CDELT3", "1.0E-3")),
        TestFiles.padded(new byte[20 * 10 * 2])));
    try (FitsFile fits = Fits.open(cube)) {
      FitsUnsupportedException e = assertThrows(FitsUnsupportedException.class,
          () -> fits.hdu(0).image().skyCutouts(new double[] {0}, new double[] {0}, 5));
      assertTrue(e.getMessage().contains("axes 1 and 3"), e.getMessage());
    }
  }
}
