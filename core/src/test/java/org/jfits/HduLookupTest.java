package org.jfits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** HDUs found by EXTNAME (and EXTVER) in a freshly opened file, at the index astropy gives. */
class HduLookupTest {
  private static final String INDEX_OF = String.join("\n",
      "import sys",
      "from astropy.io import fits",
      "with fits.open(sys.argv[1]) as h:",
      "    for key in sys.argv[2:]:",
      "        name, _, ver = key.partition(',')",
      "        print(h.index_of((name, int(ver)) if ver else name))");

  @Test
  void extensionsAreFoundByNameBeforeTheyHaveBeenListed() throws Exception {
    Path path = TestFiles.real("real/astropy_test0.fits");
    String[] expected = TestFiles.python(INDEX_OF, path.toString(), "SCI", "SCI,2", "SCI,3", "SCI,4", "PRIMARY")
        .split("\n");
    try (FitsFile fits = Fits.open(path)) {
      assertEquals(Integer.parseInt(expected[0]), fits.hdu("SCI").index());
    }
    for (int version = 2; version <= 4; version++) {
      try (FitsFile fits = Fits.open(path)) {
        assertEquals(Integer.parseInt(expected[version - 1]), fits.hdu("sci", version).index(), "EXTVER " + version);
      }
    }
    try (FitsFile fits = Fits.open(path)) {
      assertEquals(Integer.parseInt(expected[4]), fits.hdu("PRIMARY").index());
      assertThrows(IllegalArgumentException.class, () -> fits.hdu("SCI", 5));
      assertEquals(5, fits.size());
    }
  }

  @Test
  void laterExtensionIsFoundByNameInAFileOfManyHdus() throws Exception {
    Path path = TestFiles.real("real/skimage_multi.fits");
    String[] expected = TestFiles.python(INDEX_OF, path.toString(), "SCI,3").split("\n");
    try (FitsFile fits = Fits.open(path)) {
      assertEquals(Integer.parseInt(expected[0]), fits.hdu("SCI", 3).index());
    }
  }
}
