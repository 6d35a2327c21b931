package org.jfits.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.jfits.HduType;
import org.jfits.TestFiles;
import org.jfits.header.CompressedImageHeader;
import org.jfits.table.FitsTable;
import org.jfits.table.RaggedColumn;
import org.junit.jupiter.api.Test;

/**
 * What a tile-compressed HDU says about itself, against astropy: the image it describes
 * ({@code CompImageHDU.name}, {@code header['BITPIX']}, {@code shape}), its Z-keywords, and the raw
 * table of compressed tiles ({@code fits.open(f, disable_image_compression=True)}).
 */
class CompressedHduTest {
  private static final String ASTROPY = String.join("\n",
      "import sys",
      "from astropy.io import fits",
      "with fits.open(sys.argv[1]) as h:",
      "    c = h[1]",
      "    print(c.name, c.header['BITPIX'], ' '.join(str(n) for n in c.shape), len(c.header))",
      "with fits.open(sys.argv[1], disable_image_compression=True) as h:",
      "    t = h[1]",
      "    cell = t.data['COMPRESSED_DATA'][5]",
      "    print(len(t.data), len(t.header), len(cell), ' '.join(str(b) for b in cell[:6]))");

  @Test
  void describesTheImageAndKeepsTheStoredTable() throws Exception {
    Path file = TestFiles.real("real/astropy_comp.fits");
    String[] lines = TestFiles.python(ASTROPY, file.toString()).strip().split("\n");
    String[] image = lines[0].split(" ");
    String[] table = lines[1].split(" ");
    try (FitsFile fits = Fits.open(file)) {
      Hdu hdu = fits.hdu(1);
      assertEquals(HduType.COMPRESSED_IMAGE, hdu.type());
      assertTrue(hdu.type().isImage());
      assertFalse(hdu.type().isTable());
      assertEquals(image[0], hdu.name());
      assertEquals(Integer.parseInt(image[1]), hdu.bitpix());
      assertArrayEquals(new long[] {Long.parseLong(image[2]), Long.parseLong(image[3])}, hdu.shape());
      assertEquals(Integer.parseInt(image[4]), hdu.header().size());
      assertEquals(16L, hdu.header().getLong("BITPIX"));
      assertFalse(hdu.header().containsKey("ZCMPTYPE"));
      assertEquals("RICE_1", hdu.storedHeader().getString("ZCMPTYPE").strip());
      assertEquals(Integer.parseInt(table[1]), hdu.storedHeader().size());

      CompressedImageHeader z = hdu.compression();
      assertEquals("RICE_1", z.compression());
      assertArrayEquals(new long[] {440, 1}, z.tiles());
      assertEquals(Map.of("BLOCKSIZE", 32L, "BYTEPIX", 2L), z.parameters());

      FitsTable tiles = hdu.table().read();
      assertEquals(Long.parseLong(table[0]), tiles.rowCount());
      RaggedColumn cells = tiles.ragged("COMPRESSED_DATA");
      assertEquals(Long.parseLong(table[2]), cells.row(5).length());
      for (int i = 0; i < 6; i++) {
        assertEquals(Integer.parseInt(table[3 + i]), cells.row(5).getInt(i), "byte " + i + " of tile 6");
      }
      assertTrue(fits.info().contains("CompImageHDU"));
      assertEquals(List.of("PRIMARY", image[0]), fits.summaries().stream().map(s -> s.name()).toList());
    }
  }
}
