package org.jfits;

import static org.jfits.TestFiles.card;
import static org.jfits.TestFiles.cardOffset;
import static org.jfits.TestFiles.concat;
import static org.jfits.TestFiles.header;
import static org.jfits.TestFiles.padded;
import static org.jfits.TestFiles.replaceCard;
import static org.jfits.TestFiles.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import org.jfits.header.HeaderReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Broken files give a {@link FitsException} subclass whose message names the file, the HDU and the
 * keyword or byte offset; never a hang, a wrong array or a crash.
 *
 * <p>What is listed and what fails: {@link Fits#open} reads the primary header, so a broken primary
 * header fails on open; later headers are read when listed ({@code size()}, {@code info()},
 * {@code hdu(i)}), so a broken extension header fails there; a data section that the file does not
 * hold in full is listed (it is the last HDU listed) and fails only when its data is read.
 *
 * <p>Layout of the two real files used (offsets checked in {@link #baseFilesHaveTheExpectedLayout}):
 * {@code fv_ngc1316o.fits} is one int16 image of 440 x 300 with a 4-block header (data from byte
 * 11520 to 275520); {@code astropy_test0.fits} has a data-less primary HDU of 4 blocks and four
 * 40 x 40 int16 SCI images, each 2 header blocks and 2 data blocks, from byte 11520 on.
 */
class MalformedFileTest {
  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static final int NGC_DATA = 11520;
  private static final int NGC_END = 11520 + 440 * 300 * 2;
  private static final int TEST0_HDU1 = 11520;
  private static final int TEST0_HDU_SPAN = 4 * 2880;
  private static final int TEST0_HDU1_DATA = TEST0_HDU1 + 5760;
  private static final int TEST0_HDU2_DATA = TEST0_HDU1_DATA + TEST0_HDU_SPAN;

  @TempDir
  Path dir;

  private static byte[] ngc() throws IOException {
    return Files.readAllBytes(TestFiles.real("real/fv_ngc1316o.fits"));
  }

  private static byte[] test0() throws IOException {
    return Files.readAllBytes(TestFiles.real("real/astropy_test0.fits"));
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return TestFiles.write(dir, name, bytes);
  }

  /**
   * Runs {@code action} under a time limit and checks that it throws exactly {@code type}, with a
   * message and context naming {@code file}, HDU {@code hdu}, and {@code keyword} and {@code offset}
   * where those are not null.
   */
  private static <T extends FitsException> T fails(Class<T> type, Path file, int hdu, String keyword, Long offset,
      Executable action) {
    FitsException e = assertTimeoutPreemptively(LIMIT, () -> assertThrows(FitsException.class, action));
    assertEquals(type, e.getClass(), () -> "wrong exception type: " + e);
    String message = e.getMessage();
    assertTrue(message.startsWith(file.toString() + ", "), () -> "message does not start with the file: " + message);
    assertTrue(message.matches("^\\Q" + file + "\\E, HDU " + hdu + "\\b.*"),
        () -> "message does not name HDU " + hdu + ": " + message);
    assertEquals(file.toString(), e.file());
    assertEquals(hdu, e.hdu().orElse(-1), () -> "HDU in context: " + message);
    if (keyword != null) {
      assertTrue(message.contains(", keyword " + keyword + ",") || message.contains(", keyword " + keyword + ":"),
          () -> "message does not name keyword " + keyword + ": " + message);
      assertEquals(keyword, e.keyword().orElse(null));
    }
    if (offset != null) {
      assertTrue(message.contains(", byte " + offset + ":"), () -> "message does not name byte " + offset + ": " + message);
      assertEquals(offset.longValue(), e.offset().orElse(-1));
    }
    assertTrue(keyword != null || offset != null, "a test must expect a keyword or an offset");
    assertTrue(e.problem().length() > 10, () -> "no explanation: " + message);
    return type.cast(e);
  }

  private static <T> T quickly(org.junit.jupiter.api.function.ThrowingSupplier<T> action) {
    return assertTimeoutPreemptively(LIMIT, action);
  }

  /** The int16 big-endian value at {@code offset}. */
  private static short int16(byte[] bytes, int offset) {
    return ByteBuffer.wrap(bytes, offset, 2).getShort();
  }

  @Test
  void baseFilesHaveTheExpectedLayout() throws IOException {
    byte[] ngc = ngc();
    assertEquals(276480, ngc.length);
    assertEquals(NGC_DATA - 2880, cardOffset(ngc, "END", 0) / 2880 * 2880);
    assertEquals("440", new String(ngc, cardOffset(ngc, "NAXIS1", 0) + 10, 20, StandardCharsets.US_ASCII).strip());
    assertEquals("300", new String(ngc, cardOffset(ngc, "NAXIS2", 0) + 10, 20, StandardCharsets.US_ASCII).strip());
    byte[] test0 = test0();
    assertEquals(57600, test0.length);
    assertEquals(TEST0_HDU1, cardOffset(test0, "XTENSION", 0));
    assertEquals(TEST0_HDU1 + TEST0_HDU_SPAN, cardOffset(test0, "XTENSION", TEST0_HDU1 + 80));
    assertEquals(TEST0_HDU1_DATA - 2880, cardOffset(test0, "END", TEST0_HDU1) / 2880 * 2880);
  }

  // ---- truncated data ----

  @Test
  void headerOfBlanksWithoutEndStopsAtTheCardLimit() throws IOException {
    byte[] start = TestFiles.header(value("SIMPLE", "T"), value("BITPIX", "8"), value("NAXIS", "0"));
    int endCard = cardOffset(start, "END", 0);
    long limitOffset = (long) HeaderReader.MAX_CARDS * TestFiles.CARD;
    Path file = dir.resolve("no-end.fits");
    try (FileChannel out = FileChannel.open(file,
        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      out.write(ByteBuffer.wrap(start, 0, endCard));
      ByteBuffer blanks = ByteBuffer.wrap(" ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII));
      for (long written = endCard; written < limitOffset + TestFiles.BLOCK; written += blanks.capacity()) {
        out.write(blanks.clear());
      }
    }
    fails(FitsFormatException.class, file, 0, null, limitOffset, () -> Fits.open(file));
  }

  @Test
  void numericExtnameDoesNotHideTheRealProblem() throws IOException {
    byte[] primary = TestFiles.header(value("SIMPLE", "T"), value("BITPIX", "8"), value("NAXIS", "0"));
    byte[] extension = TestFiles.header(value("XTENSION", "'IMAGE   '"), value("BITPIX", "16"),
        value("NAXIS", "1"), value("NAXIS1", "100"), value("PCOUNT", "0"), value("GCOUNT", "1"),
        value("EXTNAME", "42"));
    Path file = write("numeric-extname.fits", TestFiles.concat(primary, extension, new byte[10]));
    FitsFormatException e = fails(FitsFormatException.class, file, 1, "NAXIS", null, () -> Fits.read(file, 1));
    assertTrue(e.getMessage().contains("HDU 1 (42)"), e::getMessage);
  }

  @Test
  void truncatedPrimaryDataIsListedButReadingItFailsWhereTheFileEnds() throws IOException {
    int cut = 100_000;
    Path file = write("cut-data.fits", Arrays.copyOf(ngc(), cut));
    try (FitsFile fits = quickly(() -> Fits.open(file))) {
      assertEquals(1, quickly(fits::size));
      String info = quickly(fits::info);
      assertTrue(info.contains("PRIMARY") && info.contains("(440, 300)"), info);
      Hdu hdu = fits.hdu(0);
      fails(FitsFormatException.class, file, 0, "NAXIS", (long) cut, () -> hdu.image().read());
      fails(FitsFormatException.class, file, 0, "NAXIS", (long) cut, () -> hdu.image().raw().read());
      fails(FitsFormatException.class, file, 0, "NAXIS", (long) cut,
          () -> hdu.image().read(new long[] {290, 400}, new long[] {10, 40}));
    }
    fails(FitsFormatException.class, file, 0, "NAXIS", (long) cut, () -> Fits.read(file));
    fails(FitsFormatException.class, file, 0, "NAXIS", (long) cut, () -> Fits.read(file, 0));
  }

  @Test
  void fileCutOneByteShortOfTheDataFailsOnRead() throws IOException {
    Path file = write("one-short.fits", Arrays.copyOf(ngc(), NGC_END - 1));
    fails(FitsFormatException.class, file, 0, "NAXIS", (long) NGC_END - 1, () -> Fits.read(file, 0));
    // the padding after the data is not needed: a file that ends right after the data reads in full
    Path unpadded = write("unpadded.fits", Arrays.copyOf(ngc(), NGC_END));
    INDArray whole = quickly(() -> Fits.read(unpadded, 0));
    byte[] bytes = ngc();
    assertEquals(int16(bytes, NGC_END - 2), whole.getInt(299, 439));
  }

  @Test
  void truncatedDataOfALaterHduEndsTheListingThereAndEarlierHdusStillRead() throws IOException {
    byte[] original = test0();
    int cut = TEST0_HDU2_DATA + 1000;
    Path file = write("cut-hdu2.fits", Arrays.copyOf(original, cut));
    try (FitsFile fits = quickly(() -> Fits.open(file))) {
      assertEquals(3, quickly(fits::size));
      assertEquals(3, fits.summaries().size());
      INDArray first = quickly(() -> fits.hdu(1).image().raw().read());
      assertArrayEquals(new long[] {40, 40}, first.shape());
      assertEquals(int16(original, TEST0_HDU1_DATA), first.getInt(0, 0));
      assertEquals(int16(original, TEST0_HDU1_DATA + 2 * 41), first.getInt(1, 1));
      assertEquals(int16(original, TEST0_HDU1_DATA + 3198), first.getInt(39, 39));
      Hdu second = fits.hdu(2);
      assertEquals("SCI", second.name());
      FitsException e = fails(FitsFormatException.class, file, 2, "NAXIS", (long) cut, () -> second.image().read());
      assertTrue(e.getMessage().contains("HDU 2 (SCI)"), e.getMessage());
      assertThrows(IndexOutOfBoundsException.class, () -> fits.hdu(3));
    }
  }

  // ---- truncated headers and missing END ----

  @Test
  void primaryHeaderCutInsideABlockFailsOnOpen() throws IOException {
    Path file = write("cut-header.fits", Arrays.copyOf(ngc(), 1000));
    fails(FitsFormatException.class, file, 0, null, 1000L, () -> Fits.open(file));
  }

  @Test
  void primaryHeaderCutInsideItsSecondBlockFailsOnOpen() throws IOException {
    Path file = write("cut-header2.fits", Arrays.copyOf(ngc(), 2880 + 500));
    fails(FitsFormatException.class, file, 0, null, 3380L, () -> Fits.open(file));
  }

  @Test
  void laterHeaderCutInsideABlockOpensButFailsWhenThatHduIsListed() throws IOException {
    int cut = TEST0_HDU1 + 1000;
    Path file = write("cut-header-hdu1.fits", Arrays.copyOf(test0(), cut));
    try (FitsFile fits = quickly(() -> Fits.open(file))) {
      assertEquals("PRIMARY", fits.hdu(0).name());
      fails(FitsFormatException.class, file, 1, null, (long) cut, fits::size);
      fails(FitsFormatException.class, file, 1, null, (long) cut, () -> fits.hdu(1));
      fails(FitsFormatException.class, file, 1, null, (long) cut, fits::info);
      fails(FitsFormatException.class, file, 1, null, (long) cut, () -> fits.hdu("SCI"));
    }
  }

  @Test
  void headerWithoutEndCardFailsWhereTheFileEnds() throws IOException {
    byte[] bytes = Arrays.copyOf(ngc(), NGC_DATA);
    replaceCard(bytes, cardOffset(bytes, "END", 0), card("COMMENT END was here"));
    Path file = write("no-end.fits", bytes);
    FitsException e = fails(FitsFormatException.class, file, 0, null, (long) NGC_DATA, () -> Fits.open(file));
    assertTrue(e.problem().contains("END"), e.getMessage());
  }

  @Test
  void headerWithoutEndCardFollowedByDataFailsAtTheFirstNonAsciiByte() throws IOException {
    byte[] bytes = ngc();
    replaceCard(bytes, cardOffset(bytes, "END", 0), card("COMMENT END was here"));
    int firstBad = NGC_DATA;
    while (bytes[firstBad] >= 0x20 && bytes[firstBad] <= 0x7e) {
      firstBad++;
    }
    Path file = write("no-end-data.fits", bytes);
    fails(FitsFormatException.class, file, 0, null, (long) firstBad, () -> Fits.open(file));
  }

  @Test
  void laterHeaderWithoutEndCardAtTheEndOfTheFileFails() throws IOException {
    byte[] bytes = Arrays.copyOf(test0(), TEST0_HDU1_DATA);
    replaceCard(bytes, cardOffset(bytes, "END", TEST0_HDU1), card(""));
    Path file = write("no-end-hdu1.fits", bytes);
    try (FitsFile fits = quickly(() -> Fits.open(file))) {
      fails(FitsFormatException.class, file, 1, null, (long) TEST0_HDU1_DATA, fits::size);
    }
  }

  // ---- bytes that are not header text ----

  @ParameterizedTest
  @ValueSource(ints = {0x00, 0xff, 0x0a, 0x80})
  void nonAsciiByteInsidePrimaryHeaderCardFailsOnOpenAtThatByte(int garbage) throws IOException {
    byte[] bytes = ngc();
    int at = cardOffset(bytes, "NAXIS2", 0) + 45;
    bytes[at] = (byte) garbage;
    Path file = write("garbage.fits", bytes);
    FitsException e = fails(FitsFormatException.class, file, 0, null, (long) at, () -> Fits.open(file));
    assertTrue(e.problem().contains(String.format("0x%02x", garbage)), e.getMessage());
  }

  @Test
  void nonAsciiBytesInsideALaterHeaderFailWhenListedAtTheFirstOfThem() throws IOException {
    byte[] bytes = test0();
    int at = TEST0_HDU1 + 3 * 80 + 20;
    bytes[at] = (byte) 0xff;
    bytes[at + 1] = 0;
    Path file = write("garbage-hdu1.fits", bytes);
    try (FitsFile fits = quickly(() -> Fits.open(file))) {
      fails(FitsFormatException.class, file, 1, null, (long) at, fits::size);
    }
  }

  // ---- mandatory keywords ----

  @Test
  void naxis2LargerThanTheDataIsListedButReadingFails() throws IOException {
    byte[] bytes = ngc();
    replaceCard(bytes, cardOffset(bytes, "NAXIS2", 0), value("NAXIS2", "3000"));
    Path file = write("naxis2-large.fits", bytes);
    try (FitsFile fits = quickly(() -> Fits.open(file))) {
      assertArrayEquals(new long[] {3000, 440}, fits.hdu(0).shape());
      fails(FitsFormatException.class, file, 0, "NAXIS", (long) bytes.length, () -> fits.hdu(0).image().read());
    }
  }

  @Test
  void hugeAxesInASmallFileFailBeforeAnythingIsAllocated() throws IOException {
    byte[] bytes = concat(header(value("SIMPLE", "T"), value("BITPIX", "-64"), value("NAXIS", "2"),
        value("NAXIS1", "1048576"), value("NAXIS2", "1048576")), new byte[2880]);
    Path file = write("huge.fits", bytes);
    try (FitsFile fits = quickly(() -> Fits.open(file))) {
      assertEquals(1, fits.size());
      fails(FitsFormatException.class, file, 0, "NAXIS", (long) bytes.length, () -> fits.hdu(0).image().read());
    }
  }

  @Test
  void naxisMinusOneFailsOnOpenNamingNaxis() throws IOException {
    byte[] bytes = ngc();
    int at = cardOffset(bytes, "NAXIS", 0);
    replaceCard(bytes, at, value("NAXIS", "-1"));
    Path file = write("naxis-1.fits", bytes);
    fails(FitsFormatException.class, file, 0, "NAXIS", (long) at, () -> Fits.open(file));
  }

  @Test
  void naxisAbove999FailsOnOpenNamingNaxis() throws IOException {
    byte[] bytes = ngc();
    int at = cardOffset(bytes, "NAXIS", 0);
    replaceCard(bytes, at, value("NAXIS", "1000"));
    Path file = write("naxis1000.fits", bytes);
    fails(FitsFormatException.class, file, 0, "NAXIS", (long) at, () -> Fits.open(file));
  }

  @Test
  void naxis1WithAStringValueFailsOnOpenNamingNaxis1() throws IOException {
    byte[] bytes = ngc();
    int at = cardOffset(bytes, "NAXIS1", 0);
    replaceCard(bytes, at, value("NAXIS1", "'abc'"));
    Path file = write("naxis1-abc.fits", bytes);
    FitsException e = fails(FitsKeywordException.class, file, 0, "NAXIS1", (long) at, () -> Fits.open(file));
    assertTrue(e.problem().contains("'abc'"), e.getMessage());
  }

  @Test
  void negativeNaxis2FailsOnOpenNamingNaxis2() throws IOException {
    byte[] bytes = ngc();
    int at = cardOffset(bytes, "NAXIS2", 0);
    replaceCard(bytes, at, value("NAXIS2", "-300"));
    Path file = write("naxis2-negative.fits", bytes);
    fails(FitsFormatException.class, file, 0, "NAXIS2", (long) at, () -> Fits.open(file));
  }

  @Test
  void negativeNaxis1InALaterHduFailsWhenListed() throws IOException {
    byte[] bytes = test0();
    int at = cardOffset(bytes, "NAXIS1", TEST0_HDU1);
    replaceCard(bytes, at, value("NAXIS1", "-40"));
    Path file = write("naxis1-negative-hdu1.fits", bytes);
    try (FitsFile fits = quickly(() -> Fits.open(file))) {
      fails(FitsFormatException.class, file, 1, "NAXIS1", (long) at, fits::size);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"12", "0", "-16", "7", "'16'"})
  void unsupportedBitpixFailsOnOpenNamingBitpix(String bitpix) throws IOException {
    byte[] bytes = ngc();
    int at = cardOffset(bytes, "BITPIX", 0);
    assertEquals(80, at);
    replaceCard(bytes, at, value("BITPIX", bitpix));
    Path file = write("bitpix.fits", bytes);
    Class<? extends FitsException> type = bitpix.startsWith("'") ? FitsKeywordException.class : FitsFormatException.class;
    fails(type, file, 0, "BITPIX", 80L, () -> Fits.open(file));
  }

  @Test
  void missingBitpixFailsOnOpenNamingBitpix() throws IOException {
    byte[] bytes = ngc();
    replaceCard(bytes, cardOffset(bytes, "BITPIX", 0), card("COMMENT no BITPIX here"));
    Path file = write("no-bitpix.fits", bytes);
    FitsException e = fails(FitsKeywordException.class, file, 0, "BITPIX", null, () -> Fits.open(file));
    assertTrue(e.problem().contains("missing"), e.getMessage());
  }

  @Test
  void badBitpixInALaterHduFailsWhenListedNamingThatHdu() throws IOException {
    byte[] bytes = test0();
    int at = cardOffset(bytes, "BITPIX", TEST0_HDU1 + TEST0_HDU_SPAN);
    replaceCard(bytes, at, value("BITPIX", "12"));
    Path file = write("bitpix-hdu2.fits", bytes);
    try (FitsFile fits = quickly(() -> Fits.open(file))) {
      assertEquals("SCI", fits.hdu(1).name());
      fails(FitsFormatException.class, file, 2, "BITPIX", (long) at, () -> fits.hdu(2));
      fails(FitsFormatException.class, file, 2, "BITPIX", (long) at, fits::info);
    }
  }

  // ---- files that are not FITS ----

  @Test
  void emptyFileFailsOnOpen() throws IOException {
    Path file = write("empty.fits", new byte[0]);
    FitsException e = fails(FitsFormatException.class, file, 0, null, 0L, () -> Fits.open(file));
    assertTrue(e.problem().contains("empty"), e.getMessage());
  }

  @Test
  void pngFileFailsOnOpen() throws IOException {
    byte[] png = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'},
        new byte[5000]);
    Path file = write("picture.fits", png);
    fails(FitsFormatException.class, file, 0, null, 0L, () -> Fits.open(file));
  }

  @Test
  void textFileFailsOnOpen() throws IOException {
    Path file = write("notes.fits", "SIMPLE is what this file is not\n".repeat(200).getBytes(StandardCharsets.US_ASCII));
    fails(FitsFormatException.class, file, 0, null, 0L, () -> Fits.open(file));
  }

  @Test
  void fileShorterThanTheSimpleCardFailsOnOpen() throws IOException {
    Path file = write("short.fits", "SIMPLE ".getBytes(StandardCharsets.US_ASCII));
    fails(FitsFormatException.class, file, 0, null, 0L, () -> Fits.open(file));
  }

  // ---- gzip-compressed files ----

  @Test
  void gzipFileListsAsManyHdusAsAstropy() throws Exception {
    Path gz = TestFiles.real("real/astropy_dss.fits.gz");
    String count = TestFiles.python("import sys\nfrom astropy.io import fits\nprint(len(fits.open(sys.argv[1])))",
        gz.toString()).strip();
    try (FitsFile fits = quickly(() -> Fits.open(gz))) {
      assertEquals(Integer.parseInt(count), fits.size());
      assertTrue(fits.hdu(0).hasData());
    }
  }

  @Test
  void truncatedGzipFileFailsOnOpenWhereItEnds() throws IOException {
    byte[] gz = Files.readAllBytes(TestFiles.real("real/astropy_dss.fits.gz"));
    Path file = write("cut.fits.gz", Arrays.copyOf(gz, gz.length / 2));
    fails(FitsFormatException.class, file, 0, null, (long) gz.length / 2, () -> Fits.open(file));
  }

  @Test
  void corruptGzipFileFailsOnOpenAsAFormatError() throws IOException {
    byte[] gz = Files.readAllBytes(TestFiles.real("real/astropy_dss.fits.gz"));
    Arrays.fill(gz, 20, 2000, (byte) 0xff);
    Path file = write("corrupt.fits.gz", gz);
    FitsException e = assertTimeoutPreemptively(LIMIT, () -> assertThrows(FitsException.class, () -> Fits.open(file)));
    assertEquals(FitsFormatException.class, e.getClass(), e::toString);
    assertTrue(e.getMessage().startsWith(file + ", HDU 0: "), e.getMessage());
    assertTrue(e.problem().contains("gzip"), e.getMessage());
  }

  // ---- sizes beyond 64 bits ----

  @ParameterizedTest
  @ValueSource(strings = {"8:4294967296:4294967296", "-64:2305843009213693952:1", "16:9223372036854775807:1"})
  void dataSizeOverflowing64BitsFailsOnOpenNamingNaxis(String spec) throws IOException {
    String[] s = spec.split(":");
    byte[] bytes = header(value("SIMPLE", "T"), value("BITPIX", s[0]), value("NAXIS", "2"), value("NAXIS1", s[1]),
        value("NAXIS2", s[2]));
    Path file = write("overflow.fits", bytes);
    FitsException e = fails(FitsFormatException.class, file, 0, "NAXIS", null, () -> Fits.open(file));
    assertTrue(e.problem().contains("64 bits"), e.getMessage());
  }

  @Test
  void dataSizeWhoseEndOverflows64BitsFailsWhenListed() throws IOException {
    // 2^63 - 1 bytes of data fit in a long, but the offset of their end (and of the next HDU) does not
    byte[] bytes = concat(header(value("SIMPLE", "T"), value("BITPIX", "8"), value("NAXIS", "0"), value("EXTEND", "T")),
        header(value("XTENSION", "'IMAGE   '"), value("BITPIX", "8"), value("NAXIS", "1"),
            value("NAXIS1", "9223372036854775807"), value("PCOUNT", "0"), value("GCOUNT", "1")),
        padded(new byte[100]));
    Path file = write("end-overflow.fits", bytes);
    try (FitsFile fits = quickly(() -> Fits.open(file))) {
      fails(FitsFormatException.class, file, 1, "NAXIS", null, fits::size);
      fails(FitsFormatException.class, file, 1, "NAXIS", null, () -> fits.hdu(1));
    }
  }

  @Test
  void primaryDataSizeNearTheLimitFailsOnReadNotWithAnAllocation() throws IOException {
    byte[] bytes = concat(header(value("SIMPLE", "T"), value("BITPIX", "8"), value("NAXIS", "1"),
        value("NAXIS1", "4611686018427387904")), padded(new byte[10]));
    Path file = write("near-limit.fits", bytes);
    try (FitsFile fits = quickly(() -> Fits.open(file))) {
      assertEquals(1, fits.size());
      fails(FitsFormatException.class, file, 0, "NAXIS", (long) bytes.length, () -> fits.hdu(0).image().read());
    }
  }
}
