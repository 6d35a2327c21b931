package org.jfits.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.TestFiles;
import org.jfits.wcs.Wcs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Tick labels in celestial coordinates compared with astropy: the coordinates along the bottom and
 * left edges of real and generated images from astropy.wcs, written by astropy's
 * {@code Angle.to_string} at every precision ({@code src/test/python/tick_label_reference.py}).
 */
class WcsTickLabelsTest {
  private static final Path SCRIPT = Path.of("src/test/python/tick_label_reference.py");
  private static final Path REFERENCE = Path.of("target/tick-label-reference");
  private static final Map<String, Case> CASES = new LinkedHashMap<>();

  /** One image of the reference: where it is, its edges' labels, and whether x shows the latitude. */
  private record Case(String path, int hdu, long x0, long y0, int rows, int columns, boolean decimal, boolean swap,
      Map<TickLabels.Axis, List<String[]>> edges) {}

  @BeforeAll
  static void reference() throws IOException, InterruptedException {
    TestFiles.runReferenceScript(SCRIPT, REFERENCE);
    Case current = null;
    for (String line : Files.readAllLines(REFERENCE.resolve("edges.txt"))) {
      if (line.startsWith("case ")) {
        String[] w = line.split(" ");
        current = new Case(w[2], Integer.parseInt(w[3]), Long.parseLong(w[4]), Long.parseLong(w[5]),
            Integer.parseInt(w[6]), Integer.parseInt(w[7]), w[8].equals("decimal"), w[9].equals("1"),
            new EnumMap<>(TickLabels.Axis.class));
        CASES.put(w[1], current);
      } else if (!line.isEmpty()) {
        String[] cells = line.split("\t", -1);
        current.edges().computeIfAbsent(TickLabels.Axis.valueOf(cells[0]), a -> new ArrayList<>()).add(cells);
      }
    }
    assertEquals(11, CASES.size());
  }

  private static Wcs wcs(Case c) {
    try (FitsFile file = Fits.open(Path.of(c.path()))) {
      return Wcs.from(file.hdu(c.hdu()).header());
    }
  }

  private static WcsTickLabels labels(Case c) {
    return WcsTickLabels.of(wcs(c), c.x0(), c.y0(), c.rows(), c.columns());
  }

  /** astropy's label of reference point {@code cells} in the format {@code labels} chose for {@code axis}. */
  private static String expected(String[] cells, WcsTickLabels labels, TickLabels.Axis axis) {
    boolean latitude = (axis == TickLabels.Axis.X) == labels.xShowsLatitude();
    AngleFormat format = labels.format(axis);
    int variant = format.style().sexagesimal() ? (format.fields() < 3 ? format.fields() - 1 : 2 + format.decimals())
        : format.decimals();
    String text = cells[4 + (latitude ? 7 : 0) + variant];
    return text.equals("-") ? "" : text;
  }

  @Test
  void labelsEqualAstropyAngleToStringAlongBothEdges() {
    for (Map.Entry<String, Case> entry : CASES.entrySet()) {
      Case c = entry.getValue();
      WcsTickLabels labels = labels(c);
      assertEquals(c.swap(), labels.xShowsLatitude(), entry.getKey() + ": which coordinate x shows");
      for (TickLabels.Axis axis : TickLabels.Axis.values()) {
        assertEquals(c.decimal(), !labels.format(axis).style().sexagesimal(), entry.getKey());
        for (String[] cells : c.edges().get(axis)) {
          double pixel = Double.parseDouble(cells[1]);
          assertEquals(expected(cells, labels, axis), labels.label(axis, pixel),
              () -> entry.getKey() + " " + axis + " pixel " + cells[1] + " at " + cells[2] + ", " + cells[3]);
        }
      }
    }
  }

  @Test
  void pointsOffTheSkyHaveEmptyLabels() {
    WcsTickLabels labels = labels(CASES.get("galactic_ait"));
    // a 180 x 90 Hammer-Aitoff map at 1.8 degrees per pixel: its corner (0, 0) lies outside the ellipse
    assertEquals("", labels.label(TickLabels.Axis.X, 0));
    assertEquals("", labels.label(TickLabels.Axis.Y, 0));
    assertFalse(labels.label(TickLabels.Axis.X, 89).isEmpty(), "the bottom centre, at latitude -80, is on the sky");
  }

  @Test
  void rotatedFieldsLabelXWithTheLatitude() {
    // CROTA2 = 90: the declination runs along the columns
    assertTrue(labels(CASES.get("rotated_tan")).xShowsLatitude());
    // DEC on the first axis
    assertTrue(labels(CASES.get("swapped_axes")).xShowsLatitude());
    assertFalse(labels(CASES.get("ngc1316")).xShowsLatitude());
  }

  @Test
  void axisTitlesNameTheCoordinateAndItsSystem() {
    // NGC 1316: EQUINOX 1950 and no RADESYS, which FITS WCS Paper II reads as FK4
    WcsTickLabels ngc1316 = labels(CASES.get("ngc1316"));
    assertEquals("RA (FK4)", ngc1316.title(TickLabels.Axis.X));
    assertEquals("Dec (FK4)", ngc1316.title(TickLabels.Axis.Y));
    // RADESYS = 'ICRS', rotated by 90 degrees: declination along x
    WcsTickLabels rotated = labels(CASES.get("rotated_tan"));
    assertEquals("Dec (ICRS)", rotated.title(TickLabels.Axis.X));
    assertEquals("RA (ICRS)", rotated.title(TickLabels.Axis.Y));
    assertEquals("Galactic longitude", labels(CASES.get("galactic_ait")).title(TickLabels.Axis.X));
    assertEquals("Ecliptic latitude", labels(CASES.get("ecliptic_car")).title(TickLabels.Axis.Y));
  }

  @Test
  void precisionFollowsTheTickSpacing() {
    // right ascension: 20 degrees = 1h20m, 2 degrees = 8m, 0.01 degree = 2.4s, 0.001 degree = 0.24s
    assertFormat(1, 0, AngleFormat.forSpacing(AngleFormat.Style.HOURS, 20));
    assertFormat(2, 0, AngleFormat.forSpacing(AngleFormat.Style.HOURS, 2));
    assertFormat(3, 0, AngleFormat.forSpacing(AngleFormat.Style.HOURS, 0.01));
    assertFormat(3, 1, AngleFormat.forSpacing(AngleFormat.Style.HOURS, 0.001));
    // declination: 2.5 degrees, 6 arcmin, 5 arcsec, 0.05 arcsec
    assertFormat(1, 0, AngleFormat.forSpacing(AngleFormat.Style.DEGREES, 2.5));
    assertFormat(2, 0, AngleFormat.forSpacing(AngleFormat.Style.DEGREES, 0.1));
    assertFormat(3, 0, AngleFormat.forSpacing(AngleFormat.Style.DEGREES, 5 / 3600.0));
    assertFormat(3, 2, AngleFormat.forSpacing(AngleFormat.Style.DEGREES, 0.05 / 3600));
    // decimal degrees: 5, 0.2, 0.003
    assertEquals(0, AngleFormat.forSpacing(AngleFormat.Style.DECIMAL, 5).decimals());
    assertEquals(1, AngleFormat.forSpacing(AngleFormat.Style.DECIMAL, 0.2).decimals());
    assertEquals(3, AngleFormat.forSpacing(AngleFormat.Style.SIGNED_DECIMAL, 0.003).decimals());
    // ISAAC: 0.148 arcsec per pixel, ticks 200 pixels apart: about 30 arcsec, whole seconds
    assertFormat(3, 0, labels(CASES.get("isaac")).format(TickLabels.Axis.Y));
    // the AZP map: 0.0667 degree per pixel, ticks 50 pixels apart, 3.3 degrees: whole degrees
    assertFormat(1, 0, labels(CASES.get("azp")).format(TickLabels.Axis.X));
  }

  private static void assertFormat(int fields, int decimals, AngleFormat format) {
    assertEquals(fields, format.fields(), "fields");
    assertEquals(decimals, format.decimals(), "decimals");
  }

  @Test
  void framedPictureAsksForTheLabelsOfItsTicksAndDrawsThem() {
    Case ngc1316 = CASES.get("ngc1316");
    WcsTickLabels labels = labels(ngc1316);
    Map<String, String> asked = new LinkedHashMap<>();
    TickLabels spy = (axis, pixel) -> {
      String text = labels.label(axis, pixel);
      asked.put(axis + " " + pixel, text);
      return text;
    };
    INDArray image = Fits.read(Path.of(ngc1316.path()), 0);
    BufferedImage framed = ImageRenderer.create().axes(true).tickLabels(spy).render(image);
    BufferedImage pixels = ImageRenderer.create().axes(true).render(image);
    // 440 columns: ticks every 100 pixels; 300 rows: every 50 (at most 8 ticks of 1, 2 or 5 × 10^k)
    for (int x = 0; x <= 400; x += 100) {
      String[] cells = ngc1316.edges().get(TickLabels.Axis.X).get(x);
      assertEquals(expected(cells, labels, TickLabels.Axis.X), asked.get("X " + (double) x), "x tick " + x);
    }
    for (int y = 0; y <= 250; y += 50) {
      String[] cells = ngc1316.edges().get(TickLabels.Axis.Y).get(y);
      assertEquals(expected(cells, labels, TickLabels.Axis.Y), asked.get("Y " + (double) y), "y tick " + y);
    }
    // pixel (0, 0) is at 03h22m59.851s -37°40'05.61" (astropy); ticks 100 columns apart differ by about 59 s of
    // right ascension (whole seconds, rounded up to the minute), 50 rows apart by 5.8 arcmin (minutes)
    assertEquals("03h23m00s", asked.get("X 0.0"));
    assertEquals("-37°40'", asked.get("Y 0.0"));
    assertTrue(framed.getWidth() > pixels.getWidth(), "the wider sexagesimal labels widen the left margin");
  }
}
