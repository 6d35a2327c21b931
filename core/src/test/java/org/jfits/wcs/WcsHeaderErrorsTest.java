package org.jfits.wcs;

import static org.jfits.TestFiles.header;
import static org.jfits.TestFiles.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfits.Fits;
import org.jfits.FitsException;
import org.jfits.FitsFile;
import org.jfits.FitsKeywordException;
import org.jfits.FitsUnsupportedException;
import org.jfits.TestFiles;
import org.jfits.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headers {@link Wcs} must refuse, each written card by card: the error is of the documented kind
 * and names the keyword at fault, so that no header gives a silent wrong answer.
 */
class WcsHeaderErrorsTest {
  @TempDir
  Path dir;

  private Header read(String... wcsCards) throws IOException {
    List<String> cards = new ArrayList<>(List.of(value("SIMPLE", "T"), value("BITPIX", "8"),
        value("NAXIS", "0")));
    cards.addAll(List.of(wcsCards));
    Path file = TestFiles.write(dir, "wcs.fits", header(cards.toArray(new String[0])));
    try (FitsFile fits = Fits.open(file)) {
      return fits.hdu(0).header();
    }
  }

  private static String[] tan(String lonType, String latType) {
    return new String[] {value("CTYPE1", "'" + lonType + "'"), value("CTYPE2", "'" + latType + "'"),
        value("CRVAL1", "10.0"), value("CRVAL2", "20.0"), value("CRPIX1", "5.0"), value("CRPIX2", "5.0"),
        value("CDELT1", "-0.01"), value("CDELT2", "0.01")};
  }

  private static <T extends FitsException> void assertNames(Class<T> type, String keyword, Header header,
      String text) {
    T e = assertThrows(type, () -> Wcs.from(header));
    assertEquals(keyword, e.keyword().orElse(null), e.getMessage());
    assertTrue(e.getMessage().contains(text), e.getMessage());
  }

  @Test
  void refusesUnsupportedProjectionsNamingTheCtype() throws IOException {
    for (String code : List.of("BON", "QSC", "TSC", "CSC", "SZP", "AIR", "PCO", "XYZ")) {
      Header header = read(tan("RA---" + code, "DEC--" + code));
      assertNames(FitsUnsupportedException.class, "CTYPE1", header, "projection " + code);
    }
  }

  @Test
  void refusesALongitudeWithoutLatitude() throws IOException {
    Header header = read(tan("RA---TAN", "FREQ"));
    assertNames(FitsKeywordException.class, "CTYPE1", header, "no latitude partner");
  }

  @Test
  void refusesHeadersWithoutCelestialAxes() throws IOException {
    Header header = read(tan("LINEAR", "FREQ"));
    assertNames(FitsKeywordException.class, "CTYPE1", header, "no celestial axes");
  }

  @Test
  void refusesAxesWithDifferentProjections() throws IOException {
    Header header = read(tan("RA---TAN", "DEC--SIN"));
    assertNames(FitsKeywordException.class, "CTYPE2", header, "differs");
  }

  @Test
  void refusesMismatchedLongitudeLatitudePairs() throws IOException {
    Header header = read(tan("GLON-TAN", "DEC--TAN"));
    assertNames(FitsKeywordException.class, "CTYPE2", header, "does not pair");
  }

  @Test
  void refusesUnknownCelestialUnits() throws IOException {
    List<String> cards = new ArrayList<>(List.of(tan("RA---TAN", "DEC--TAN")));
    cards.add(value("CUNIT2", "'furlong'"));
    assertNames(FitsUnsupportedException.class, "CUNIT2", read(cards.toArray(new String[0])), "furlong");
  }

  @Test
  void refusesSipWithoutItsOrderKeyword() throws IOException {
    Header header = read(tan("RA---TAN-SIP", "DEC--TAN-SIP"));
    assertNames(FitsKeywordException.class, "A_ORDER", header, "A_ORDER");
  }

  @Test
  void refusesDistortionSuffixesOtherThanSip() throws IOException {
    Header header = read(tan("RA---TAN-TPD", "DEC--TAN-TPD"));
    assertNames(FitsUnsupportedException.class, "CTYPE1", header, "-TPD");
  }

  @Test
  void refusesASingularLinearTransform() throws IOException {
    List<String> cards = new ArrayList<>(List.of(tan("RA---TAN", "DEC--TAN")));
    cards.add(value("CD1_1", "1.0"));
    cards.add(value("CD1_2", "2.0"));
    cards.add(value("CD2_1", "2.0"));
    cards.add(value("CD2_2", "4.0"));
    assertNames(FitsKeywordException.class, "CD1_1", read(cards.toArray(new String[0])), "singular");
  }

  @Test
  void refusesCelestialAxesCoupledToASpectralAxis() throws IOException {
    List<String> cards = new ArrayList<>(List.of(tan("RA---TAN", "DEC--TAN")));
    cards.add(value("CTYPE3", "'FREQ'"));
    cards.add(value("PC1_3", "0.5"));
    assertNames(FitsUnsupportedException.class, "PC1_3", read(cards.toArray(new String[0])), "coupled");
  }

  @Test
  void refusesZpnWithoutCoefficients() throws IOException {
    Header header = read(tan("RA---ZPN", "DEC--ZPN"));
    assertNames(FitsKeywordException.class, "PV2_1", header, "ZPN");
  }

  @Test
  void refusesConicsWithoutTheirStandardParallel() throws IOException {
    Header header = read(tan("RA---COE", "DEC--COE"));
    assertNames(FitsKeywordException.class, "PV2_1", header, "theta_a");
  }

  @Test
  void refusesAFiducialPointOffset() throws IOException {
    List<String> cards = new ArrayList<>(List.of(tan("RA---CAR", "DEC--CAR")));
    cards.add(value("PV1_2", "10.0"));
    assertNames(FitsUnsupportedException.class, "PV1_2", read(cards.toArray(new String[0])), "fiducial");
  }

  @Test
  void refusesAlternateLettersOutsideAToZ() throws IOException {
    Header header = read(tan("RA---TAN", "DEC--TAN"));
    assertThrows(IllegalArgumentException.class, () -> Wcs.from(header, 'a'));
  }

  @Test
  void refusesAnAlternateWcsTheHeaderDoesNotHave() throws IOException {
    Header header = read(tan("RA---TAN", "DEC--TAN"));
    FitsKeywordException e = assertThrows(FitsKeywordException.class, () -> Wcs.from(header, 'B'));
    assertEquals("CTYPE1B", e.keyword().orElse(null), e.getMessage());
  }

  /** Paper II, section 3.1: RADESYS defaults by EQUINOX; galactic axes name their system. */
  @Test
  void reportsTheCelestialSystemAndAxes() throws IOException {
    List<String> cards = new ArrayList<>(List.of(tan("DEC--TAN", "RA---TAN")));
    cards.add(value("EQUINOX", "1950.0"));
    Wcs fk4 = Wcs.from(read(cards.toArray(new String[0])));
    assertEquals("FK4", fk4.celestialSystem());
    assertEquals(1950.0, fk4.equinox());
    assertArrayEquals(new int[] {2, 1}, fk4.celestialAxes());
    assertEquals("TAN", fk4.projectionCode());
    assertEquals(false, fk4.hasDistortion());
    Wcs icrs = Wcs.from(read(tan("RA---SIN", "DEC--SIN")));
    assertEquals("ICRS", icrs.celestialSystem());
    assertTrue(Double.isNaN(icrs.equinox()));
    assertEquals("GALACTIC", Wcs.from(read(tan("GLON-AIT", "GLAT-AIT"))).celestialSystem());
  }

  @Test
  void namesTheDistortionOfRealHeaders() throws IOException {
    for (String[] file : new String[][] {{"real/astropy_sip-wcs.fits", "SIP", "TAN"},
        {"real/astropy_dss.fits.gz", "DSS", "TAN"}, {"real/fv_ngc1316o.fits", "", "SIN"},
        {"real/astropy_1904-66_AZP.fits", "", "AZP"}}) {
      try (FitsFile fits = Fits.open(TestFiles.real(file[0]))) {
        Wcs wcs = Wcs.from(fits.hdu(0).header());
        assertEquals(file[1], wcs.distortion(), file[0]);
        assertEquals(!file[1].isEmpty(), wcs.hasDistortion(), file[0]);
        assertEquals(file[2], wcs.projectionCode(), file[0]);
      }
    }
  }

  @Test
  void rejectsOutputArraysShorterThanTheInput() throws IOException {
    Wcs wcs = Wcs.from(read(tan("RA---TAN", "DEC--TAN")));
    assertThrows(IllegalArgumentException.class,
        () -> wcs.pixelToWorld(new double[3], new double[3], new double[2], new double[3]));
  }
}
