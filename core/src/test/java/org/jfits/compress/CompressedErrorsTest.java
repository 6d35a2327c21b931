package org.jfits.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jfits.Fits;
import org.jfits.FitsException;
import org.jfits.FitsFile;
import org.jfits.FitsFormatException;
import org.jfits.FitsUnsupportedException;
import org.jfits.Hdu;
import org.jfits.HduType;
import org.jfits.TestFiles;
import org.jfits.image.ImageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken tile-compressed images: copies of real compressed files (and a PLIO file made with fpack)
 * with one thing damaged each. Every case must end, within seconds, in a {@link FitsException} that
 * names the file, the HDU and the keyword (and, for tile data, the byte offset), never a hang, a JVM
 * crash or wrong pixels; listing the file must keep working.
 */
class CompressedErrorsTest {
  private static final Duration LIMIT = Duration.ofSeconds(20);

  @TempDir
  Path dir;

  /** A copy of a compressed file of the test data, with its bytes. */
  private byte[] copy(String relative) throws Exception {
    return Files.readAllBytes(TestFiles.real(relative));
  }

  /** The offset of the first table row (the data start) of HDU 1. */
  private static long dataStart(Path file) {
    try (FitsFile fits = Fits.open(file)) {
      return fits.hdu(1).dataOffset();
    }
  }

  /** The file offset of the heap of HDU 1 (THEAP, by default right after the rows). */
  private static long heapStart(Path file) {
    try (FitsFile fits = Fits.open(file)) {
      Hdu hdu = fits.hdu(1);
      long rows = hdu.storedHeader().getLong("NAXIS1") * hdu.storedHeader().getLong("NAXIS2");
      return hdu.dataOffset() + hdu.storedHeader().getLong("THEAP", rows);
    }
  }

  /** Overwrites the bytes of tile 1 from {@code from} on with a pattern that is not valid data. */
  private static void damageFirstTile(byte[] bytes, Path file, int from) {
    ByteBuffer table = ByteBuffer.wrap(bytes);
    int start = (int) dataStart(file);
    int count = table.getInt(start);
    long tile = heapStart(file) + table.getInt(start + 4);
    for (int i = from; i < count; i++) {
      bytes[(int) (tile + i)] = (byte) (i * 37 + 11);
    }
  }

  private static <T extends FitsException> T failsReading(Path file, Class<T> type) {
    return assertTimeoutPreemptively(LIMIT, () -> {
      try (FitsFile fits = Fits.open(file)) {
        return assertThrows(type, () -> fits.hdu(1).image().read());
      }
    });
  }

  private static void assertNames(FitsException e, Path file, String keyword) {
    assertEquals(file.toString(), e.file(), e.getMessage());
    assertEquals(1, e.hdu().orElse(-1), e.getMessage());
    assertEquals(keyword, e.keyword().orElse(null), e.getMessage());
    assertTrue(e.getMessage().contains(keyword), e.getMessage());
  }

  @Test
  void truncatedRiceTileBytesAreAFormatErrorAtTheTileOffset() throws Exception {
    byte[] bytes = copy("real/astropy_comp.fits");
    Path file = TestFiles.write(dir, "short_tile.fits", bytes);
    int row = (int) dataStart(file) + 8 * 5;  // tile 6: descriptor (count, offset) of 1PB
    ByteBuffer.wrap(bytes).putInt(row, 3);
    Files.write(file, bytes);
    FitsFormatException e = failsReading(file, FitsFormatException.class);
    assertNames(e, file, "ZCMPTYPE");
    long heapTile = ByteBuffer.wrap(bytes).getInt(row + 4);
    assertTrue(e.offset().isPresent() && e.offset().getAsLong() > heapTile, e.getMessage());
    assertTrue(e.getMessage().contains("tile 6"), e.getMessage());
  }

  @Test
  void corruptGzipTileIsAFormatError() throws Exception {
    byte[] bytes = copy("derived/ngc1316_gzip1.fits.fz");
    Path file = TestFiles.write(dir, "bad_gzip.fits", bytes);
    damageFirstTile(bytes, file, 12);
    Files.write(file, bytes);
    assertNames(failsReading(file, FitsFormatException.class), file, "ZCMPTYPE");
  }

  @Test
  void aSectionDecodesOnlyTheTilesItTouches() throws Exception {
    byte[] bytes = copy("derived/ngc1316_gzip1.fits.fz");
    Path file = TestFiles.write(dir, "bad_first_row.fits", bytes);
    damageFirstTile(bytes, file, 12);
    Files.write(file, bytes);
    assertTimeoutPreemptively(LIMIT, () -> {
      try (FitsFile fits = Fits.open(file)) {
        ImageReader image = fits.hdu(1).image();
        assertThrows(FitsFormatException.class, () -> image.read(new long[] {0, 0}, new long[] {2, 5}));
        assertEquals(5 * 7, image.read(new long[] {1, 10}, new long[] {5, 7}).length());
      }
    });
  }

  @Test
  void hcompressTileOfGarbageIsAFormatError() throws Exception {
    byte[] bytes = copy("derived/ngc1316_hcompress.fits.fz");
    Path file = TestFiles.write(dir, "bad_hcompress.fits", bytes);
    damageFirstTile(bytes, file, 14);
    Files.write(file, bytes);
    assertNames(failsReading(file, FitsFormatException.class), file, "ZCMPTYPE");
  }

  @Test
  void heapPointerPastTheEndIsAFormatErrorNamingTheColumn() throws Exception {
    byte[] bytes = copy("real/astropy_comp.fits");
    Path file = TestFiles.write(dir, "far_pointer.fits", bytes);
    int row = (int) dataStart(file) + 8 * 2;
    ByteBuffer.wrap(bytes).putInt(row + 4, 1 << 30);
    Files.write(file, bytes);
    FitsFormatException e = failsReading(file, FitsFormatException.class);
    assertNames(e, file, "TFORM1");
    assertEquals(row, e.offset().orElse(-1), e.getMessage());
    assertTrue(e.getMessage().contains("outside the heap"), e.getMessage());
  }

  @Test
  void unknownCompressionIsUnsupportedAndTheFileStillLists() throws Exception {
    byte[] bytes = copy("real/astropy_comp.fits");
    int at = TestFiles.cardOffset(bytes, "ZCMPTYPE", 2880);
    TestFiles.replaceCard(bytes, at, TestFiles.value("ZCMPTYPE", "'LZ4_1   '"));
    Path file = TestFiles.write(dir, "lz4.fits", bytes);
    FitsUnsupportedException e = failsReading(file, FitsUnsupportedException.class);
    assertNames(e, file, "ZCMPTYPE");
    assertEquals(at, e.offset().orElse(-1));
    try (FitsFile fits = Fits.open(file)) {
      assertEquals(HduType.COMPRESSED_IMAGE, fits.hdu(1).type());
      assertTrue(fits.info().contains("CompImageHDU"), fits.info());
    }
  }

  @Test
  void riceWithEightBytesPerPixelIsUnsupportedNamingItsZval() throws Exception {
    byte[] bytes = copy("real/astropy_comp.fits");
    int at = TestFiles.cardOffset(bytes, "ZVAL2", 2880);
    TestFiles.replaceCard(bytes, at, TestFiles.value("ZVAL2", "8"));
    Path file = TestFiles.write(dir, "bytepix8.fits", bytes);
    FitsUnsupportedException e = failsReading(file, FitsUnsupportedException.class);
    assertNames(e, file, "ZVAL2");
    assertEquals(at, e.offset().orElse(-1));
  }

  @Test
  void missingZbitpixListsTheHduAsATableAndReadingNamesTheKeyword() throws Exception {
    byte[] bytes = copy("real/astropy_comp.fits");
    int at = TestFiles.cardOffset(bytes, "ZBITPIX", 2880);
    TestFiles.replaceCard(bytes, at, TestFiles.card("COMMENT ZBITPIX removed"));
    Path file = TestFiles.write(dir, "no_zbitpix.fits", bytes);
    FitsFormatException e = failsReading(file, FitsFormatException.class);
    assertNames(e, file, "ZBITPIX");
    try (FitsFile fits = Fits.open(file)) {
      Hdu hdu = fits.hdu(1);
      assertEquals(HduType.BINTABLE, hdu.type());
      assertTrue(fits.info().contains("BinTableHDU"), fits.info());
      assertEquals(300, hdu.table().read().rowCount());
    }
  }

  @Test
  void missingZtileMakesATileCountThatDisagreesWithTheTable() throws Exception {
    byte[] bytes = copy("derived/ngc1316_rice_t100.fits.fz");
    for (String key : List.of("ZTILE1", "ZTILE2")) {
      int at = TestFiles.cardOffset(bytes, key, 2880);
      TestFiles.replaceCard(bytes, at, TestFiles.card("COMMENT " + key + " removed"));
    }
    Path file = TestFiles.write(dir, "no_ztile.fits", bytes);
    FitsFormatException e = failsReading(file, FitsFormatException.class);
    assertNames(e, file, "NAXIS2");
    assertTrue(e.getMessage().contains("ZTILEn"), e.getMessage());
  }

  @Test
  void plioListLongerThanItsTileIsAFormatError() throws Exception {
    byte[] image = TestFiles.concat(TestFiles.header(TestFiles.value("SIMPLE", "T"), TestFiles.value("BITPIX", "16"),
        TestFiles.value("NAXIS", "2"), TestFiles.value("NAXIS1", "64"), TestFiles.value("NAXIS2", "8")),
        TestFiles.padded(mask(64 * 8)));
    Path source = TestFiles.write(dir, "mask.fits", image);
    Path packed = dir.resolve("mask.fits.fz");
    TestFiles.Run run = TestFiles.run(List.of("fpack", "-p", "-O", packed.toString(), source.toString()), 60);
    assertEquals(0, run.exit(), run.stderr());
    byte[] bytes = Files.readAllBytes(packed);
    long start = dataStart(packed);
    ByteBuffer table = ByteBuffer.wrap(bytes);
    int count = table.getInt((int) start);  // 1PI: 16-bit words
    table.putInt((int) start, 2);
    assertTrue(count > 2);
    Path file = TestFiles.write(dir, "short_plio.fits", bytes);
    assertNames(failsReading(file, FitsFormatException.class), file, "ZCMPTYPE");
  }

  /** Big-endian shorts 0..7 in runs: a small mask. */
  private static byte[] mask(int pixels) {
    ByteBuffer out = ByteBuffer.allocate(pixels * 2);
    for (int i = 0; i < pixels; i++) {
      out.putShort((short) ((i / 5) % 8));
    }
    return out.array();
  }
}
