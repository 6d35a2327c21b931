package org.jfits.wcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.FitsKeywordException;
import org.jfits.FitsUnsupportedException;
import org.jfits.TestFiles;
import org.jfits.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares {@link Wcs} with astropy.wcs (WCSLIB) on every header of the test data that has a CTYPE
 * and on generated headers of every supported projection ({@code src/test/python/wcs_reference.py}):
 * sky positions to 1e-8 degree, pixel positions to 1e-6 pixel, NaN exactly where WCSLIB rejects a
 * point, and the refusals the header calls for.
 */
class WcsParityTest {
  private static final double DEGREES = 1.0e-8;
  private static final double PIXELS = 1.0e-6;
  private static List<ReferenceCases.Case> cases;

  @BeforeAll
  static void runAstropy() throws IOException, InterruptedException {
    Path out = Path.of("target", "wcs-reference").toAbsolutePath();
    TestFiles.runReferenceScript(Path.of("src/test/python/wcs_reference.py"), out);
    cases = ReferenceCases.read(out.resolve("cases.txt"));
    assertTrue(cases.size() > 60, "expected the real and generated cases, got " + cases.size());
  }

  private static Header header(ReferenceCases.Case c) throws IOException {
    Path path = TestFiles.testData().resolve(c.file());
    try (FitsFile fits = Fits.open(path)) {
      return fits.hdu(c.hdu()).header();
    }
  }

  private static List<ReferenceCases.Case> expecting(String expect) {
    List<ReferenceCases.Case> selected = new ArrayList<>();
    for (ReferenceCases.Case c : cases) {
      if (c.expect().equals(expect)) {
        selected.add(c);
      }
    }
    assertTrue(!selected.isEmpty(), "no cases expecting " + expect);
    return selected;
  }

  /** The angle between two sky positions, degrees (haversine, accurate for tiny angles). */
  static double separation(double lon1, double lat1, double lon2, double lat2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double h = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
    return Math.toDegrees(2 * Math.asin(Math.min(1.0, Math.sqrt(h))));
  }

  private static void compareSky(String what, double[] lon, double[] lat, double[] refLon, double[] refLat,
      List<String> failures) {
    for (int i = 0; i < refLon.length; i++) {
      boolean refNaN = Double.isNaN(refLon[i]) || Double.isNaN(refLat[i]);
      boolean ourNaN = Double.isNaN(lon[i]) || Double.isNaN(lat[i]);
      if (refNaN || ourNaN) {
        if (refNaN != ourNaN) {
          failures.add(String.format(Locale.ROOT, "%s point %d: astropy (%s, %s), jfits (%s, %s)", what, i,
              refLon[i], refLat[i], lon[i], lat[i]));
        }
        continue;
      }
      double d = separation(lon[i], lat[i], refLon[i], refLat[i]);
      if (!(d <= DEGREES) || lon[i] < 0.0 || lon[i] >= 360.0) {
        failures.add(String.format(Locale.ROOT, "%s point %d: astropy (%.12f, %.12f), jfits (%.12f, %.12f), %.3g deg",
            what, i, refLon[i], refLat[i], lon[i], lat[i], d));
      }
    }
  }

  private static void report(List<String> failures) {
    int shown = Math.min(failures.size(), 40);
    assertEquals(0, failures.size(), failures.size() + " failures:\n" + String.join("\n", failures.subList(0, shown)));
  }

  @Test
  void pixelToWorldMatchesAstropyWithZeroBasedPixels() throws IOException {
    List<String> failures = new ArrayList<>();
    for (ReferenceCases.Case c : expecting("ok")) {
      Wcs wcs = Wcs.from(header(c), c.alt());
      double[] x = c.get("pix_x");
      double[] lon = new double[x.length];
      double[] lat = new double[x.length];
      wcs.pixelToWorld(x, c.get("pix_y"), lon, lat);
      compareSky(c.name(), lon, lat, c.get("lon0"), c.get("lat0"), failures);
    }
    report(failures);
  }

  @Test
  void pixelToWorldMatchesAstropyWithOneBasedPixels() throws IOException {
    List<String> failures = new ArrayList<>();
    for (ReferenceCases.Case c : expecting("ok")) {
      Wcs wcs = Wcs.from(header(c), c.alt());
      double[] x = c.get("pix_x").clone();
      double[] y = c.get("pix_y").clone();
      wcs.pixelToWorld(x, y, x, y, Origin.ONE);
      compareSky(c.name() + " (1-based)", x, y, c.get("lon1"), c.get("lat1"), failures);
    }
    report(failures);
  }

  @Test
  void worldToPixelMatchesAstropyAllWorld2pix() throws IOException {
    List<String> failures = new ArrayList<>();
    for (ReferenceCases.Case c : expecting("ok")) {
      Wcs wcs = Wcs.from(header(c), c.alt());
      double[] lon = c.get("sky_lon");
      double[] x = new double[lon.length];
      double[] y = new double[lon.length];
      wcs.worldToPixel(lon, c.get("sky_lat"), x, y);
      double[] refX = c.get("sky_x");
      double[] refY = c.get("sky_y");
      for (int i = 0; i < lon.length; i++) {
        double d = Math.hypot(x[i] - refX[i], y[i] - refY[i]);
        if (!(d <= PIXELS)) {
          failures.add(String.format(Locale.ROOT, "%s sky point %d: astropy (%.9f, %.9f), jfits (%.9f, %.9f)",
              c.name(), i, refX[i], refY[i], x[i], y[i]));
        }
      }
    }
    report(failures);
  }

  /**
   * Sky positions all over the sphere: NaN exactly where WCSLIB rejects them (the far hemisphere
   * of TAN, SIN...), the same pixels elsewhere (to 1e-6 pixel, or 1e-10 of the value for the huge
   * pixel numbers of far-away points).
   */
  @Test
  void worldToPixelRejectsWhatWcslibRejects() throws IOException {
    List<String> failures = new ArrayList<>();
    int cases = 0;
    int rejected = 0;
    for (ReferenceCases.Case c : expecting("ok")) {
      if (!c.values().containsKey("far_lon")) {
        continue;
      }
      cases++;
      Wcs wcs = Wcs.from(header(c), c.alt());
      double[] lon = c.get("far_lon");
      double[] x = new double[lon.length];
      double[] y = new double[lon.length];
      wcs.worldToPixel(lon, c.get("far_lat"), x, y);
      double[] refX = c.get("far_x");
      double[] refY = c.get("far_y");
      for (int i = 0; i < lon.length; i++) {
        boolean refNaN = Double.isNaN(refX[i]) || Double.isNaN(refY[i]);
        boolean ourNaN = Double.isNaN(x[i]) || Double.isNaN(y[i]);
        rejected += refNaN ? 1 : 0;
        double d = Math.hypot(x[i] - refX[i], y[i] - refY[i]);
        double limit = Math.max(PIXELS, 1.0e-10 * Math.hypot(refX[i], refY[i]));
        if (refNaN != ourNaN || !refNaN && !(d <= limit)) {
          failures.add(String.format(Locale.ROOT, "%s sky (%.6f, %.6f): astropy (%s, %s), jfits (%s, %s)",
              c.name(), lon[i], c.get("far_lat")[i], refX[i], refY[i], x[i], y[i]));
        }
      }
    }
    assertTrue(cases > 40 && rejected > 100, cases + " cases, " + rejected + " rejected points");
    report(failures);
  }

  /**
   * Pixel to sky to pixel returns to the same pixel, for every pixel the transform accepts. Where a
   * projection is not one-to-one (a pole drawn as a line in CAR, the seam at native longitude ±180,
   * the edges of HPX's polar facets) the pixel that comes back may differ; it must then have the
   * same sky position, to 1e-10 degree.
   */
  @Test
  void pixelsRoundTripThroughTheSkyToOneMicropixel() throws IOException {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (ReferenceCases.Case c : expecting("ok")) {
      Wcs wcs = Wcs.from(header(c), c.alt());
      double[] x = c.get("pix_x");
      double[] y = c.get("pix_y");
      int n = x.length;
      double[] lon = new double[n];
      double[] lat = new double[n];
      double[] backX = new double[n];
      double[] backY = new double[n];
      double[] againLon = new double[n];
      double[] againLat = new double[n];
      wcs.pixelToWorld(x, y, lon, lat);
      wcs.worldToPixel(lon, lat, backX, backY);
      wcs.pixelToWorld(backX, backY, againLon, againLat);
      for (int i = 0; i < n; i++) {
        if (Double.isNaN(lon[i])) {
          continue;
        }
        checked++;
        double d = Math.hypot(backX[i] - x[i], backY[i] - y[i]);
        boolean sameSky = separation(lon[i], lat[i], againLon[i], againLat[i]) <= 1.0e-10;
        if (!(d <= PIXELS) && !sameSky) {
          failures.add(String.format(Locale.ROOT, "%s pixel (%.6f, %.6f) -> (%.9f, %.9f) -> (%.9f, %.9f)",
              c.name(), x[i], y[i], lon[i], lat[i], backX[i], backY[i]));
        }
      }
    }
    assertTrue(checked > 5000, "only " + checked + " points checked");
    report(failures);
  }

  @Test
  void refusesLookupTableDistortionsAndAxesWithoutProjection() throws IOException {
    for (ReferenceCases.Case c : expecting("unsupported")) {
      Header header = header(c);
      FitsUnsupportedException e = org.junit.jupiter.api.Assertions.assertThrows(
          FitsUnsupportedException.class, () -> Wcs.from(header), c.name());
      assertTrue(e.keyword().isPresent(), c.name() + ": " + e.getMessage());
    }
  }

  @Test
  void refusesWhatWcslibFindsIllConditionedNamingTheKeyword() throws IOException {
    for (ReferenceCases.Case c : expecting("invalid")) {
      Header header = header(c);
      FitsKeywordException e = org.junit.jupiter.api.Assertions.assertThrows(
          FitsKeywordException.class, () -> Wcs.from(header, c.alt()), c.name());
      assertEquals("LONPOLE", e.keyword().orElse(""), c.name() + ": " + e.getMessage());
    }
  }

  @Test
  void refusesHeadersWithoutACelestialPairNamingTheCtype() throws IOException {
    for (ReferenceCases.Case c : expecting("keyword")) {
      Header header = header(c);
      FitsKeywordException e = org.junit.jupiter.api.Assertions.assertThrows(
          FitsKeywordException.class, () -> Wcs.from(header), c.name());
      assertTrue(e.keyword().orElse("").startsWith("CTYPE"), c.name() + ": " + e.getMessage());
    }
  }
}
