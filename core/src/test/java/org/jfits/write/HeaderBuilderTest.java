package org.jfits.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.TestFiles;
import org.jfits.header.Card;
import org.jfits.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Card formatting, checked by reading written files back with astropy, with our own header parser
 * and with fitsverify: every value type, reals that need all 17 digits, quotes, long strings on
 * CONTINUE cards (standard and HIERARCH keywords), long comments, HIERARCH names, commentary text.
 */
class HeaderBuilderTest {
  @TempDir
  Path dir;

  /**
   * A long string for astropy: without quotes, since astropy 5.2 unescapes {@code ''} in each
   * CONTINUE piece before joining them and misreads long strings with quotes (its own too).
   */
  private static final String LONG_TEXT = "The quick brown fox jumps over the lazy dog, ".repeat(4) + "and so on";
  /** A long string with quotes where pieces end, for cfitsio and our parser. */
  private static final String LONG_QUOTED = "The quick brown fox 'jumps' over the lazy dog, ".repeat(4)
      + "''''' and a run of quotes at the end ''";
  private static final String LONG_COMMENT = "a comment that goes on and on, ".repeat(5);

  /** The value cards written, in order, with the value each reader must give back. */
  private static Map<String, Object> expectedValues() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("FLAG", true);
    v.put("NOFLAG", false);
    v.put("COUNT", 42L);
    v.put("MINLONG", Long.MIN_VALUE);
    v.put("MAXLONG", Long.MAX_VALUE);
    v.put("TENTH", 0.1);
    v.put("TINY", 1e-300);
    v.put("DIGITS17", -1.2345678901234567e-300);
    v.put("AVOGADRO", 6.02214076e23);
    v.put("NEGZERO", -0.0);
    v.put("MINREAL", Double.MIN_NORMAL); // cfitsio refuses subnormal reals (ERANGE from strtod)
    v.put("MAXREAL", Double.MAX_VALUE);
    v.put("THIRD", 1.0 / 3);
    v.put("OBJECT", "NGC 1316");
    v.put("QUOTED", "it's \"quoted\" ''");
    v.put("EMPTY", "");
    v.put("LONGSTR", LONG_TEXT);
    v.put("ESO DET CHIP NAME", "CCD-42");
    v.put("ESO TEL Temp", 12.5);
    v.put("ESO LONG STRING VALUE", LONG_TEXT);
    v.put("EXPOSURE_TIME", 30L);
    v.put("QUOTLONG", LONG_QUOTED);
    return v;
  }

  private static HeaderBuilder extraCards() {
    HeaderBuilder h = new HeaderBuilder();
    expectedValues().forEach((k, value) -> {
      String comment = k.equals("LONGSTR") ? LONG_COMMENT : "comment of " + k;
      if (value instanceof Boolean b) {
        h.add(k, b, comment);
      } else if (value instanceof Long l) {
        h.add(k, l, comment);
      } else if (value instanceof Double d) {
        h.add(k, d, comment);
      } else {
        h.add(k, (String) value, comment);
      }
    });
    h.comment("short comment");
    h.comment("x".repeat(100));
    h.history("written by the header builder test");
    return h;
  }

  private Path writeFile() throws Exception {
    Path file = dir.resolve("cards.fits");
    ShortImageHdu hdu = new ShortImageHdu(new short[] {1, 2, 3}, 3);
    hdu.extra().addAll(extraCards());
    try (FitsWriter out = FitsWriter.create(file)) {
      out.write(hdu);
    }
    return file;
  }

  @Test
  void astropyReadsEveryValueAndCommentBack() throws Exception {
    Path file = writeFile();
    WriteChecks.assertFitsverifyClean(file);
    Map<String, WriteChecks.AstropyCard> byKey = new LinkedHashMap<>();
    List<String> comments = new ArrayList<>();
    for (WriteChecks.AstropyCard c : WriteChecks.astropyCards(file, 0)) {
      if (c.keyword().equals("COMMENT") || c.keyword().equals("HISTORY")) {
        comments.add(c.keyword() + ":" + c.value());
      } else {
        byKey.put(c.keyword(), c);
      }
    }
    for (Map.Entry<String, Object> e : expectedValues().entrySet()) {
      if (e.getKey().equals("QUOTLONG")) {
        continue;
      }
      WriteChecks.AstropyCard card = byKey.get(e.getKey().toUpperCase(java.util.Locale.ROOT));
      if (card == null) {
        card = byKey.get(e.getKey());
      }
      assertTrue(card != null, "astropy has no card " + e.getKey() + " in " + byKey.keySet());
      Object expected = e.getValue();
      if (expected instanceof Double d) {
        assertEquals("float", card.type(), e.getKey());
        assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(card.real()), e.getKey());
      } else if (expected instanceof Boolean b) {
        assertEquals(b ? "T" : "F", card.value(), e.getKey());
      } else {
        assertEquals(expected.toString(), card.value(), e.getKey());
      }
      String comment = e.getKey().equals("LONGSTR") ? LONG_COMMENT.strip() : "comment of " + e.getKey();
      assertEquals(comment, card.comment(), e.getKey());
    }
    assertEquals("OGIP 1.0", byKey.get("LONGSTRN").value());
    assertEquals(List.of("COMMENT:short comment", "COMMENT:" + "x".repeat(72), "COMMENT:" + "x".repeat(28),
        "HISTORY:written by the header builder test"), comments);
  }

  @Test
  void cfitsioReadsLongStringsWithQuotesAndHierarchLongStrings() throws Exception {
    Path file = writeFile();
    String out = TestFiles.python("import fitsio, sys\n"
        + "h = fitsio.read_header(sys.argv[1])\n"
        + "print(h['QUOTLONG'])\n"
        + "print(h['ESO LONG STRING VALUE'])\n", file.toString());
    assertEquals(LONG_QUOTED + "\n" + LONG_TEXT + "\n", out);
  }

  @Test
  void ourParserReadsEveryValueBack() throws Exception {
    Path file = writeFile();
    try (FitsFile fits = Fits.open(file)) {
      Header header = fits.hdu(0).header();
      for (Map.Entry<String, Object> e : expectedValues().entrySet()) {
        Object expected = e.getValue();
        Object actual = header.get(e.getKey());
        assertEquals(expected, actual, e.getKey());
      }
      assertEquals(List.of("short comment", "x".repeat(72), "x".repeat(28)), header.comments());
      assertEquals(LONG_COMMENT.strip(), header.card("LONGSTR").orElseThrow().comment());
      assertEquals(1, fits.size());
    }
  }

  @Test
  void cardsAreEightyCharactersInStandardColumns() {
    List<String> cards = new HeaderBuilder().add("naxis1", 100, "width").add("BSCALE", 1.5, "")
        .add("OBJECT", "M31", "").add("SIMPLE", true, "").cards();
    for (String c : cards) {
      assertEquals(80, c.length(), c);
    }
    assertEquals(TestFiles.card("NAXIS1  =                  100 / width"), cards.get(0));
    assertEquals(TestFiles.card("BSCALE  =                  1.5"), cards.get(1));
    assertEquals(TestFiles.card("OBJECT  = 'M31     '"), cards.get(2));
    assertEquals(TestFiles.card("SIMPLE  =                    T"), cards.get(3));
  }

  @Test
  void setReplacesInPlaceOrAppends() {
    HeaderBuilder h = new HeaderBuilder().add("A", 1, "").add("B", 2, "").add("C", 3, "");
    h.set("B", "two", "now a string").set("D", 4.5, "new");
    List<String> cards = h.cards();
    assertEquals(4, cards.size());
    assertEquals(TestFiles.card("B       = 'two     '           / now a string"), cards.get(1));
    assertTrue(cards.get(3).startsWith("D       =                  4.5 / new"));
    h.set("C", "y".repeat(100), "");
    assertTrue(h.cards().get(2).startsWith("LONGSTRN= 'OGIP 1.0'"), h.cards().toString());
    assertTrue(h.cards().get(3).startsWith("C       = 'yyy"), h.cards().toString());
    assertTrue(h.remove("b"));
    assertFalse(h.containsKey("B"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"NAN", "INF", "NONASCII", "CONTROL", "EQUALS", "COMMENT", "BADCOMMENT", "EMPTY"})
  void unwritableValuesAreRefusedNamingTheKeyword(String what) {
    HeaderBuilder h = new HeaderBuilder();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
      switch (what) {
        case "NAN" -> h.add("NANKEY", Double.NaN, "");
        case "INF" -> h.add("INFKEY", Double.NEGATIVE_INFINITY, "");
        case "NONASCII" -> h.add("NONASCII", "café", "");
        case "CONTROL" -> h.add("CONTROL", "tab\there", "");
        case "EQUALS" -> h.add("A=B", 1, "");
        case "COMMENT" -> h.add("COMMENT", 1, "");
        case "BADCOMMENT" -> h.add("BADCOMMENT", 1, "µm");
        default -> h.add(" ", 1, "");
      }
    });
    String keyword = switch (what) {
      case "EQUALS" -> "A=B";
      case "EMPTY" -> "' '";
      case "NAN" -> "NANKEY";
      case "INF" -> "INFKEY";
      default -> what;
    };
    assertTrue(e.getMessage().contains(keyword), e.getMessage());
    assertTrue(h.cards().isEmpty());
  }

  @Test
  void copyFromKeepsUserMetadataAndDropsStructuralKeywords() throws Exception {
    Path source = TestFiles.real("real/eso_isaac_1024.fits");
    Path file = dir.resolve("copy.fits");
    ShortImageHdu hdu = new ShortImageHdu(new short[] {7}, 1, 1);
    Header original;
    try (FitsFile fits = Fits.open(source)) {
      original = fits.hdu(0).header();
    }
    hdu.extra().copyFrom(original, k -> !k.equals("ORIGIN"));
    try (FitsWriter out = FitsWriter.create(file)) {
      out.write(hdu);
    }
    WriteChecks.assertFitsverifyClean(file);
    List<WriteChecks.AstropyCard> written = WriteChecks.astropyCards(file, 0);
    Map<String, WriteChecks.AstropyCard> byKey = new LinkedHashMap<>();
    written.forEach(c -> byKey.putIfAbsent(c.keyword(), c));
    int copied = 0;
    for (Card card : original) {
      String k = card.keyword();
      if (card.isCommentary() || HeaderBuilder.isStructural(k) || k.equals("ORIGIN")) {
        continue;
      }
      WriteChecks.AstropyCard c = byKey.get(k);
      assertTrue(c != null, "card " + k + " was not copied");
      Object v = card.value();
      String expected = v instanceof Double d ? Double.toHexString(d).replace("0x", "") : String.valueOf(v);
      String actual = c.type().equals("float") ? Double.toHexString(c.real()).replace("0x", "") : c.value();
      assertEquals(v instanceof Boolean b ? (b ? "T" : "F") : expected, actual, k);
      copied++;
    }
    assertTrue(copied > 50, "only " + copied + " cards compared");
    assertFalse(byKey.containsKey("ORIGIN"));
    assertEquals(16L, Long.parseLong(byKey.get("BITPIX").value()));
    assertEquals(2L, Long.parseLong(byKey.get("NAXIS").value()));
    assertEquals(original.comments().size(), written.stream().filter(c -> c.keyword().equals("COMMENT")).count());
  }

  @Test
  void hierarchCardsAreWrittenAsAstropyWritesThem() throws Exception {
    HeaderBuilder header = new HeaderBuilder()
        .add("ESO DET CHIP NX", 2048, "pixels")
        .add("ESO TEL AIRM START", 1.25, "")
        .add("ESO INS FLAG", true, "a flag")
        .add("ESO OBS NAME", "abc", "the name")
        .add("ESO OBS TARG NAME", "NGC 1316 field", "");
    String astropy = TestFiles.python("import warnings; warnings.simplefilter('ignore')\n"
        + "from astropy.io import fits\n"
        + "for k, v, c in [('ESO DET CHIP NX', 2048, 'pixels'), ('ESO TEL AIRM START', 1.25, ''),"
        + " ('ESO INS FLAG', True, 'a flag'), ('ESO OBS NAME', 'abc', 'the name'),"
        + " ('ESO OBS TARG NAME', 'NGC 1316 field', '')]:\n"
        + "    print(str(fits.Card(k, v, c)))\n");
    assertEquals(astropy, String.join("\n", header.cards()) + "\n");
  }
}
