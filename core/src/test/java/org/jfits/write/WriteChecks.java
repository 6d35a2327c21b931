package org.jfits.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfits.TestFiles;

/** Independent checks of written files: fitsverify's verdict and astropy's reading of the cards. */
final class WriteChecks {
  private static final Path CARDS_SCRIPT = Path.of("src/test/python/header_cards.py");

  private WriteChecks() {}

  /** One card as astropy reads it: keyword, value type (bool/int/float/str), value text, comment. */
  record AstropyCard(String keyword, String type, String value, String comment) {
    /** The real value, exactly (astropy printed it as {@code float.hex}). */
    double real() {
      return Double.parseDouble(value);
    }
  }

  /** Fails unless fitsverify reports 0 warnings and 0 errors (checksums included, when present). */
  static void assertFitsverifyClean(Path file) throws IOException, InterruptedException {
    TestFiles.Run run = TestFiles.run(List.of("fitsverify", file.toString()), 120);
    assertTrue(run.stdout().contains("**** Verification found 0 warning(s) and 0 error(s). ****"),
        () -> "fitsverify found problems in " + file + ":\n" + run.stdout() + run.stderr());
  }

  /** The cards of HDU {@code hdu} as astropy reads them; fails if astropy warns about the file. */
  static List<AstropyCard> astropyCards(Path file, int hdu) throws IOException, InterruptedException {
    TestFiles.Run run = TestFiles.run(List.of(TestFiles.python(), CARDS_SCRIPT.toString(), file.toString(),
        Integer.toString(hdu)), 120);
    assertEquals(0, run.exit(), () -> "astropy could not read " + file + " without warnings:\n" + run.stderr());
    List<AstropyCard> cards = new ArrayList<>();
    for (String line : run.stdout().split("\n")) {
      if (!line.isEmpty()) {
        String[] f = line.split("\t", -1);
        cards.add(new AstropyCard(f[0], f[1], f[2], f[3]));
      }
    }
    return cards;
  }
}
