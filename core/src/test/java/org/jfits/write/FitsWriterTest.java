package org.jfits.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jfits.FitsIOException;
import org.jfits.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's file handling: layout checked by fitsverify and astropy, empty primary before a
 * table-like first HDU, checksums accepted by both, and the temp-file-and-rename safety rules.
 */
class FitsWriterTest {
  @TempDir
  Path dir;

  private static final short[] PIXELS = {1, -2, 3, Short.MIN_VALUE, Short.MAX_VALUE, 0};

  private List<String> folder() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String astropyData(Path file) throws Exception {
    return TestFiles.python("import sys\nfrom astropy.io import fits\n"
        + "with fits.open(sys.argv[1], checksum=True) as h:\n"
        + "  for u in h: print(type(u).__name__, u.name, None if u.data is None else u.data.dtype.str,"
        + " None if u.data is None else u.data.ravel().tolist())\n", file.toString());
  }

  @Test
  void writesHdusThatFitsverifyAndAstropyRead() throws Exception {
    Path file = dir.resolve("two.fits");
    ShortImageHdu first = new ShortImageHdu(PIXELS, 3, 2);
    ShortImageHdu second = new ShortImageHdu(PIXELS, 6);
    second.extra().add("EXTNAME", "SCI", "");
    try (FitsWriter out = FitsWriter.create(file)) {
      out.write(first).write(second);
      assertEquals(2, out.hdus());
      assertFalse(Files.exists(file), "the file appears only on close");
    }
    WriteChecks.assertFitsverifyClean(file);
    assertEquals(2 * 2880 * 2, Files.size(file));
    assertEquals("PrimaryHDU PRIMARY >i2 [1, -2, 3, -32768, 32767, 0]\n"
        + "ImageHDU SCI >i2 [1, -2, 3, -32768, 32767, 0]\n", astropyData(file));
    assertEquals(List.of("two.fits"), folder());
  }

  @Test
  void smallWritesAreGatheredIntoTheSameBytes() throws Exception {
    Path whole = dir.resolve("whole.fits");
    Path pieces = dir.resolve("pieces.fits");
    short[] many = new short[100_000];
    for (int i = 0; i < many.length; i++) {
      many[i] = (short) (i * 7919);
    }
    try (FitsWriter out = FitsWriter.create(whole)) {
      out.write(new ShortImageHdu(many, many.length));
    }
    ShortImageHdu trickle = new ShortImageHdu(many, many.length);
    trickle.pieceBytes = 3;
    try (FitsWriter out = FitsWriter.create(pieces)) {
      out.write(trickle);
    }
    assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(pieces));
    String sum = TestFiles.python("import sys\nfrom astropy.io import fits\nimport numpy as np\n"
        + "d = fits.getdata(sys.argv[1]).astype(np.int64)\nprint(int((d * np.arange(d.size)).sum()))\n",
        pieces.toString());
    long expected = 0;
    for (int i = 0; i < many.length; i++) {
      expected += (long) many[i] * i;
    }
    assertEquals(expected, Long.parseLong(sum.strip()));
  }

  @Test
  void aFirstHduThatCannotBePrimaryGetsAnEmptyPrimaryBeforeIt() throws Exception {
    Path file = dir.resolve("table-first.fits");
    ShortImageHdu hdu = new ShortImageHdu(PIXELS, 6);
    hdu.primaryAllowed = false;
    try (FitsWriter out = FitsWriter.create(file)) {
      out.write(hdu);
      assertEquals(2, out.hdus());
    }
    WriteChecks.assertFitsverifyClean(file);
    assertEquals("PrimaryHDU PRIMARY None None\nImageHDU  >i2 [1, -2, 3, -32768, 32767, 0]\n", astropyData(file));
  }

  @Test
  void aFirstHduWhosePrimaryHeaderIsAnExtensionGetsAnEmptyPrimaryBeforeIt() throws Exception {
    Path file = dir.resolve("xtension-first.fits");
    ShortImageHdu image = new ShortImageHdu(PIXELS, 6);
    WritableHdu extensionOnly = new WritableHdu() {
      @Override
      public HeaderBuilder header(boolean primary) {
        return image.header(false);
      }

      @Override
      public long dataSize() {
        return image.dataSize();
      }

      @Override
      public void writeData(java.nio.channels.WritableByteChannel out) throws java.io.IOException {
        image.writeData(out);
      }
    };
    try (FitsWriter out = FitsWriter.create(file)) {
      out.write(extensionOnly);
      assertEquals(2, out.hdus());
    }
    WriteChecks.assertFitsverifyClean(file);
    assertEquals("PrimaryHDU PRIMARY None None\nImageHDU  >i2 [1, -2, 3, -32768, 32767, 0]\n", astropyData(file));
  }

  @Test
  void aWriterClosedWithoutHdusWritesAnEmptyPrimary() throws Exception {
    Path file = dir.resolve("empty.fits");
    FitsWriter.create(file).close();
    WriteChecks.assertFitsverifyClean(file);
    assertEquals("PrimaryHDU PRIMARY None None\n", astropyData(file));
  }

  @Test
  void checksumsAreAcceptedByFitsverifyAndAstropy() throws Exception {
    Path file = dir.resolve("sums.fits");
    ShortImageHdu second = new ShortImageHdu(PIXELS, 2, 3);
    second.extra().add("OBJECT", "x".repeat(200), "a long string moves the header over two cards");
    try (FitsWriter out = FitsWriter.create(file).checksums(true)) {
      out.write(new ShortImageHdu(PIXELS, 6)).write(second);
    }
    WriteChecks.assertFitsverifyClean(file);
    // astropy warns (turned into errors by header_cards.py) when a CHECKSUM or DATASUM is wrong
    String out = TestFiles.python("import sys, warnings\nwarnings.simplefilter('error')\n"
        + "from astropy.io import fits\n"
        + "with fits.open(sys.argv[1], checksum=True) as h:\n"
        + "  for u in h: u.data; print(u.header['DATASUM'], len(u.header['CHECKSUM']))\n", file.toString());
    // DATASUM of the six pixels, from the 32-bit words 0x0001fffe, 0x00038000, 0x7fff0000 summed by hand
    long words = 0x0001fffeL + 0x00038000L + 0x7fff0000L;
    assertEquals(words + " 16\n" + words + " 16\n", out);
  }

  @Test
  void createRefusesAFileThatAppearsWhileWriting() throws Exception {
    Path file = dir.resolve("race.fits");
    FitsWriter out = FitsWriter.create(file);
    out.write(new ShortImageHdu(PIXELS, 6));
    Files.write(file, new byte[] {9});
    assertThrows(FitsIOException.class, out::close);
    assertArrayEquals(new byte[] {9}, Files.readAllBytes(file));
    assertEquals(List.of("race.fits"), folder());
  }

  @Test
  void aFailingOverwriteKeepsTheOriginalByteForByte() throws Exception {
    Path file = TestFiles.write(dir, "keep.fits", Files.readAllBytes(TestFiles.real("real/astropy_arange.fits")));
    byte[] before = Files.readAllBytes(file);
    ShortImageHdu broken = new ShortImageHdu(PIXELS, 6);
    broken.missingBytes = 1;
    try (FitsWriter out = FitsWriter.overwrite(file)) {
      assertThrows(IllegalStateException.class, () -> out.write(broken));
    }
    assertArrayEquals(before, Files.readAllBytes(file));
    try (FitsWriter out = FitsWriter.overwrite(file)) {
      out.write(new ShortImageHdu(PIXELS, 6));
      out.abort();
    }
    assertArrayEquals(before, Files.readAllBytes(file));
    assertEquals(List.of("keep.fits"), folder());
  }

  @Test
  void overwriteReplacesTheFileOnClose() throws Exception {
    Path file = TestFiles.write(dir, "replace.fits", Files.readAllBytes(TestFiles.real("real/astropy_arange.fits")));
    try (FitsWriter out = FitsWriter.overwrite(file)) {
      out.write(new ShortImageHdu(PIXELS, 6));
      assertTrue(Files.size(file) > 2 * 2880, "the original stays until close");
    }
    assertEquals(2 * 2880, Files.size(file));
    assertEquals("PrimaryHDU PRIMARY >i2 [1, -2, 3, -32768, 32767, 0]\n", astropyData(file));
    assertEquals(List.of("replace.fits"), folder());
  }

  @Test
  void anHduWhoseHeaderDoesNotStartWithItsMandatoryKeywordIsRefused() throws Exception {
    Path file = dir.resolve("bad.fits");
    WritableHdu noSimple = new WritableHdu() {
      @Override
      public HeaderBuilder header(boolean primary) {
        return new HeaderBuilder().add("BITPIX", 8, "").add("NAXIS", 0, "");
      }

      @Override
      public long dataSize() {
        return 0;
      }

      @Override
      public void writeData(java.nio.channels.WritableByteChannel out) {}
    };
    try (FitsWriter out = FitsWriter.create(file)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> out.write(noSimple));
      assertTrue(e.getMessage().contains("HDU 1") && e.getMessage().contains("must start with XTENSION"),
          e.getMessage());
    }
    assertFalse(Files.exists(file));
  }
}
