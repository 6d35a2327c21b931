package org.jfits.checksum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.TestFiles;
import org.jfits.write.FitsWriter;
import org.jfits.write.HeaderBuilder;
import org.jfits.write.ImageHdu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checksum verification against astropy's {@code verify_datasum()}/{@code verify_checksum()} on the
 * real files that carry CHECKSUM (good, wrong and CHECKSUM-only ones) and some that do not, and on
 * written files and deliberately corrupted copies of them (where fitsverify must complain too).
 */
class ChecksumTest {
  @TempDir
  Path dir;

  private static final List<String> REAL = List.of("real/astropy_checksum.fits", "real/astropy_checksum_false.fits",
      "real/astropy_chandra_time.fits", "real/astropy_memtest.fits", "real/eso_F1_PZPI_fhis.fits",
      "real/fv_rate.fits", "real/astropy_arange.fits",
      "real/fv_datacube.fits", "derived/ngc1316_rice_t100.fits.fz", "derived/rate_ztable.fits.fz");

  /** Our verdicts, one line per HDU. */
  private static String ours(Path file) {
    StringBuilder text = new StringBuilder();
    try (FitsFile fits = Fits.open(file)) {
      for (HduChecksum c : fits.verifyChecksums()) {
        text.append(file).append(' ').append(c.hdu()).append(' ').append(c.status()).append('\n');
      }
    }
    return text.toString();
  }

  /** astropy's verdicts in our terms: no cards → MISSING, bad DATASUM → BAD_DATA, bad CHECKSUM → BAD_HEADER. */
  private static String astropy(List<Path> files) throws Exception {
    List<String> command = new ArrayList<>(List.of(TestFiles.python(), "src/test/python/checksum_reference.py"));
    files.forEach(f -> command.add(f.toString()));
    TestFiles.Run run = TestFiles.run(command, 300);
    assertEquals(0, run.exit(), run.stderr());
    StringBuilder text = new StringBuilder();
    for (String line : run.stdout().split("\n")) {
      String[] f = line.split(" ");
      int datasum = Integer.parseInt(f[2]);
      int checksum = Integer.parseInt(f[3]);
      ChecksumStatus status = datasum == 2 && checksum == 2 ? ChecksumStatus.MISSING
          : datasum == 0 ? ChecksumStatus.BAD_DATA : checksum == 0 ? ChecksumStatus.BAD_HEADER : ChecksumStatus.OK;
      text.append(f[0]).append(' ').append(f[1]).append(' ').append(status).append('\n');
    }
    return text.toString();
  }

  @Test
  void realFilesGetAstropysVerdicts() throws Exception {
    List<Path> files = REAL.stream().map(TestFiles::real).toList();
    StringBuilder ours = new StringBuilder();
    files.forEach(f -> ours.append(ours(f)));
    String expected = astropy(files);
    assertEquals(expected, ours.toString());
    for (ChecksumStatus s : List.of(ChecksumStatus.OK, ChecksumStatus.MISSING, ChecksumStatus.BAD_DATA)) {
      assertTrue(expected.contains(" " + s + "\n"), "the real files include " + s);
    }
  }

  /** fitsverify's checksum warnings for HDU 1 of a file (its numbering starts at 1). */
  private static String fitsverifyFirstHdu(Path file) throws Exception {
    String out = TestFiles.run(List.of("fitsverify", file.toString()), 60).stdout();
    int from = out.indexOf("=== HDU 1:");
    int to = out.indexOf("=== HDU 2:") > 0 ? out.indexOf("=== HDU 2:") : out.indexOf("Error Summary");
    String section = out.substring(from, to);
    return (section.contains("Data checksum is not consistent") ? "data " : "")
        + (section.contains("HDU checksum is not in agreement") ? "hdu" : "");
  }

  /**
   * Files astropy cannot judge: it fixes a non-standard card of eso_isaac_1024 before summing (and
   * then finds its own fix wrong), and cannot open eso_ntt_trailing (bytes after the last HDU). For
   * them fitsverify, which sums the bytes as they are, is the reference.
   */
  @Test
  void filesAstropyMisjudgesGetFitsverifysVerdicts() throws Exception {
    Path isaac = TestFiles.real("real/eso_isaac_1024.fits");
    Path ntt = TestFiles.real("real/eso_ntt_trailing.fits");
    assertEquals("", fitsverifyFirstHdu(isaac));
    assertEquals(isaac + " 0 OK\n", ours(isaac));
    assertEquals("hdu", fitsverifyFirstHdu(ntt));
    assertEquals(ntt + " 0 BAD_HEADER\n", ours(ntt));
  }

  private Path written() throws Exception {
    Path file = dir.resolve("sums.fits");
    SplittableRandom random = new SplittableRandom(7);
    float[] pixels = new float[50_000];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) random.nextGaussian();
    }
    try (FitsWriter out = FitsWriter.create(file).checksums(true)) {
      out.write(ImageHdu.of(Nd4j.createFromArray(pixels).reshape(100, 500)));
      out.write(ImageHdu.of(Nd4j.createFromArray(new short[] {1, 2, 3})).name("SMALL")
          .cards(new HeaderBuilder().add("NOTE", "checksummed", "")));
    }
    return file;
  }

  @Test
  void writtenFilesVerifyAndCorruptedCopiesAreCaught() throws Exception {
    Path file = written();
    Path badData = dir.resolve("bad-data.fits");
    Path badHeader = dir.resolve("bad-header.fits");
    byte[] bytes = Files.readAllBytes(file);
    byte[] data = bytes.clone();
    data[2880 + 1000] ^= 0x10;
    Files.write(badData, data);
    byte[] header = bytes.clone();
    int note = TestFiles.cardOffset(header, "NOTE", 0);
    header[note + 12] = (byte) 'C';
    Files.write(badHeader, header);
    String ours = ours(file) + ours(badData) + ours(badHeader);
    assertEquals(file + " 0 OK\n" + file + " 1 OK\n" + badData + " 0 BAD_DATA\n" + badData + " 1 OK\n"
        + badHeader + " 0 OK\n" + badHeader + " 1 BAD_HEADER\n", ours);
    assertEquals(astropy(List.of(file, badData, badHeader)), ours);
    for (Path corrupted : List.of(badData, badHeader)) {
      TestFiles.Run run = TestFiles.run(List.of("fitsverify", corrupted.toString()), 60);
      String expected = corrupted == badData ? "Data checksum is not consistent"
          : "Invalid CHECKSUM means header has been modified";
      assertTrue(run.stdout().contains(expected), run.stdout());
    }
  }

  @Test
  void theSumDoesNotDependOnHowTheBytesAreCut() {
    byte[] bytes = new byte[10_007];
    new SplittableRandom(3).nextBytes(bytes);
    long whole = FitsChecksum.of(bytes);
    FitsChecksum pieces = new FitsChecksum();
    int at = 0;
    for (int n : new int[] {1, 2, 3, 5, 8, 13, 1000, 4096}) {
      pieces.update(ByteBuffer.wrap(bytes, at, n));
      at += n;
    }
    pieces.update(ByteBuffer.wrap(bytes, at, bytes.length - at));
    assertEquals(whole, pieces.value());
    long slow = 0;
    for (int i = 0; i < bytes.length; i += 4) {
      long word = 0;
      for (int j = 0; j < 4; j++) {
        word = word << 8 | (i + j < bytes.length ? bytes[i + j] & 0xff : 0);
      }
      slow += word;
      slow = (slow & 0xFFFFFFFFL) + (slow >>> 32);
    }
    assertEquals(slow, whole);
  }

  /** A card-sized buffer with {@code value} at column 12, where a CHECKSUM card holds it (byte 11). */
  private static long cardSum(String value) {
    byte[] card = new byte[80];
    System.arraycopy(value.getBytes(StandardCharsets.US_ASCII), 0, card, 11, value.length());
    return FitsChecksum.of(card);
  }

  @Test
  void theEncodingCompletesTheSumWhereTheCardHoldsIt() {
    // a unit that sums to S with CHECKSUM = '0000000000000000' must sum to negative zero once the
    // zeros are replaced by encode(S): S - zeros + code, in ones' complement S + ~zeros + code
    for (long sum : new long[] {0, 1, 0xFFFFFFFEL, 0x12345678L, 0x89ABCDEFL, 0xFFFFFFFFL}) {
      String encoded = FitsChecksum.encode(sum);
      assertEquals(16, encoded.length());
      assertTrue(encoded.chars().allMatch(Character::isLetterOrDigit), encoded);
      long unit = FitsChecksum.add(FitsChecksum.add(sum, ~cardSum("0000000000000000") & 0xFFFFFFFFL),
          cardSum(encoded));
      assertTrue(FitsChecksum.isComplete(unit), Long.toHexString(sum) + " -> " + encoded);
    }
  }
}
