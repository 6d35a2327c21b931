package org.jfits.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jfits.FitsUnsupportedException;
import org.jfits.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Header updates (in place and by rewriting) and appends, checked with astropy (values, data, HDU
 * list) and fitsverify (structure and the recomputed checksums), and with the original bytes.
 */
class HeaderUpdateTest {
  @TempDir
  Path dir;

  private Path writtenWithChecksums() throws Exception {
    Path file = dir.resolve("file.fits");
    try (FitsWriter out = FitsWriter.create(file).checksums(true)) {
      out.write(ImageHdu.of(Nd4j.createFromArray(new float[] {1.5f, 2.5f, -3f}))
          .cards(new HeaderBuilder().add("OBJECT", "M31", "").add("TEMP", 20.5, "").add("KEEP", 1, "")));
      out.write(ImageHdu.of(Nd4j.createFromArray(new int[] {7, 8, 9})).name("SCI"));
    }
    return file;
  }

  private static Map<String, String> cards(Path file, int hdu) throws Exception {
    return WriteChecks.astropyCards(file, hdu).stream()
        .collect(Collectors.toMap(WriteChecks.AstropyCard::keyword, WriteChecks.AstropyCard::value, (a, b) -> a));
  }

  private static String data(Path file) throws Exception {
    return TestFiles.python("import sys\nfrom astropy.io import fits\n"
        + "print([h.data.tolist() for h in fits.open(sys.argv[1])])\n", file.toString());
  }

  @Test
  void aHeaderThatFitsIsReplacedInPlaceWithChecksumsKeptRight() throws Exception {
    Path file = writtenWithChecksums();
    byte[] before = Files.readAllBytes(file);
    HeaderUpdate.Result result = HeaderUpdate.of(file, 0).inPlaceFrom(0).set("OBJECT", "NGC 224", "Andromeda")
        .remove("TEMP").set("EXPTIME", 12.25, "s").history("updated in place").apply();
    assertEquals(HeaderUpdate.Result.IN_PLACE, result);
    byte[] after = Files.readAllBytes(file);
    assertEquals(before.length, after.length);
    assertArrayEquals(Arrays.copyOfRange(before, 2880, before.length), Arrays.copyOfRange(after, 2880, after.length),
        "only the header blocks change");
    WriteChecks.assertFitsverifyClean(file);
    Map<String, String> c = cards(file, 0);
    assertEquals("NGC 224", c.get("OBJECT"));
    assertFalse(c.containsKey("TEMP"));
    assertEquals(12.25, Double.parseDouble(c.get("EXPTIME")));
    assertEquals("1", c.get("KEEP"));
    assertEquals("[[1.5, 2.5, -3.0], [7, 8, 9]]\n", data(file));
    assertEquals(List.of("file.fits"), folder());
  }

  @Test
  void repeatedInPlaceUpdatesReuseThePaddingCards() throws Exception {
    Path file = writtenWithChecksums();
    for (int i = 0; i < 20; i++) {
      assertEquals(HeaderUpdate.Result.IN_PLACE, HeaderUpdate.of(file, 0).inPlaceFrom(0).set("N" + i, i, "").apply());
    }
    WriteChecks.assertFitsverifyClean(file);
    assertEquals("19", cards(file, 0).get("N19"));
    assertEquals(4 * 2880, Files.size(file));
  }

  @Test
  void aHeaderThatGrowsRewritesTheFile() throws Exception {
    Path file = writtenWithChecksums();
    HeaderUpdate update = HeaderUpdate.of(file, 1).inPlaceFrom(0);
    for (int i = 0; i < 40; i++) {
      update.set("KEY" + i, i, "card " + i);
    }
    assertEquals(HeaderUpdate.Result.REWRITTEN, update.apply());
    WriteChecks.assertFitsverifyClean(file);
    Map<String, String> c = cards(file, 1);
    assertEquals("39", c.get("KEY39"));
    assertEquals("SCI", c.get("EXTNAME"));
    assertEquals("[[1.5, 2.5, -3.0], [7, 8, 9]]\n", data(file));
    assertEquals(5 * 2880, Files.size(file));
    assertEquals(List.of("file.fits"), folder());
  }

  @Test
  void smallFilesAreRewrittenByDefault() throws Exception {
    Path file = writtenWithChecksums();
    assertEquals(HeaderUpdate.Result.REWRITTEN, HeaderUpdate.of(file, 1).set("OBJECT", "x", "").apply());
    WriteChecks.assertFitsverifyClean(file);
    assertEquals("x", cards(file, 1).get("OBJECT"));
  }

  @Test
  void anInterruptedInPlaceUpdateIsUndone() throws Exception {
    Path file = writtenWithChecksums();
    byte[] before = Files.readAllBytes(file);
    // the state a crash between journal and header write leaves: journal complete, header half new
    ByteBuffer journal = ByteBuffer.allocate(16 + 2880).putLong(0).putLong(2880).put(before, 0, 2880);
    Files.write(dir.resolve(".file.fits.header-undo"), journal.array());
    byte[] torn = before.clone();
    Arrays.fill(torn, 0, 1000, (byte) 'X');
    Files.write(file, torn);
    assertTrue(HeaderUpdate.recover(file));
    assertArrayEquals(before, Files.readAllBytes(file));
    assertEquals(List.of("file.fits"), folder());
    assertFalse(HeaderUpdate.recover(file));
  }

  @Test
  void layoutKeywordsAndCompressedFilesAreRefused() throws Exception {
    Path file = writtenWithChecksums();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HeaderUpdate.of(file, 0).set("NAXIS1", 4, ""));
    assertTrue(e.getMessage().contains("NAXIS1"), e.getMessage());
    Path gz = TestFiles.real("real/astropy_dss.fits.gz");
    Path copy = TestFiles.write(dir, "copy.fits.gz", Files.readAllBytes(gz));
    assertThrows(FitsUnsupportedException.class, () -> HeaderUpdate.of(copy, 0).set("A", 1, "").apply());
    assertThrows(FitsUnsupportedException.class, () -> FitsWriter.append(copy));
    assertArrayEquals(Files.readAllBytes(gz), Files.readAllBytes(copy));
  }

  @Test
  void appendingKeepsTheOriginalBytesAndAddsTheHdus() throws Exception {
    Path source = TestFiles.real("real/fv_rate.fits");
    Path file = TestFiles.write(dir, "rate.fits", Files.readAllBytes(source));
    byte[] before = Files.readAllBytes(file);
    try (FitsWriter out = FitsWriter.append(file).checksums(true)) {
      assertEquals(2, out.hdus());
      out.write(ImageHdu.of(Nd4j.createFromArray(new short[] {4, 5, 6})).name("EXTRA"));
    }
    byte[] after = Files.readAllBytes(file);
    assertArrayEquals(before, Arrays.copyOf(after, before.length));
    assertEquals(before.length + 2 * 2880, after.length);
    WriteChecks.assertFitsverifyClean(file);
    String out = TestFiles.python("import sys\nfrom astropy.io import fits\nh = fits.open(sys.argv[1], checksum=True)\n"
        + "print(len(h), h[2].name, h[2].data.tolist(), h[1].data['RATE'][:3].tolist() == fits.getdata(sys.argv[2], 1)"
        + "['RATE'][:3].tolist())\n", file.toString(), source.toString());
    assertEquals("3 EXTRA [4, 5, 6] True\n", out);
    assertEquals(List.of("rate.fits"), folder());
    String header = new String(after, before.length, 80, StandardCharsets.US_ASCII);
    assertTrue(header.startsWith("XTENSION= 'IMAGE   '"), header);
  }

  private List<String> folder() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
