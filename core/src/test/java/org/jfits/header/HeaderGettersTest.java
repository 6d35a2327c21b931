package org.jfits.header;

import static org.jfits.TestFiles.card;
import static org.jfits.TestFiles.header;
import static org.jfits.TestFiles.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.FitsKeywordException;
import org.jfits.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typed header look-ups on a synthetic header written card by card (so every card's byte offset is
 * known), and a few values of real headers checked against astropy.
 */
class HeaderGettersTest {
  /** The cards after SIMPLE, BITPIX and NAXIS; card {@code i} of this list starts at byte 80 * (i + 3). */
  private static final List<String> CARDS = List.of(
      value("EXPTIME", "1500.5") + "",                           // 3
      value("NCOMBINE", "12"),                                   // 4
      value("OBJECT", "'NGC 1316'"),                             // 5
      value("FLAG", "T"),                                        // 6
      value("BIGINT", "3000000000"),                             // 7
      value("HUGEINT", "123456789012345678901234567890"),        // 8
      card("UNDEF   =                      / no value"),         // 9
      value("BROKEN", "1.2.3"),                                  // 10
      value("DEXP", "1.5D3"),                                    // 11
      value("NEGINT", "-2147483649"),                            // 12
      card("HIERARCH ESO DET CHIP NAME = 'CCD-42' / chip"),      // 13
      card("HIERARCH ESO TEL AIRM START = 1.25"),                // 14
      card("COMMENT first comment"),                             // 15
      card("HISTORY step one"),                                  // 16
      card("LONGSTR = 'This is a long string value that goes on and on and will not fit in&'"), // 17
      card("CONTINUE  'one card, so it continues &'"),           // 18
      card("CONTINUE  'on a third.' / the comment"),             // 19
      card("COMMENT second comment"),                            // 20
      card("HISTORY step two"),                                  // 21
      value("NCOMBINE", "99"),                                   // 22, a duplicate: the first wins
      value("CPLX", "(1.5, -2.0)"));                             // 23

  @TempDir
  Path dir;
  private Path file;
  private FitsFile fits;
  private Header header;

  private static long offsetOf(int card) {
    return 80L * card;
  }

  @BeforeEach
  void writeHeader() throws IOException {
    List<String> all = new ArrayList<>(List.of(value("SIMPLE", "T"), value("BITPIX", "8"), value("NAXIS", "0")));
    all.addAll(CARDS);
    file = TestFiles.write(dir, "keys.fits", header(all.toArray(new String[0])));
    fits = Fits.open(file);
    header = fits.hdu(0).header();
  }

  @org.junit.jupiter.api.AfterEach
  void close() {
    fits.close();
  }

  private FitsKeywordException keywordError(String keyword, Long offset, Executable action) {
    FitsKeywordException e = assertThrows(FitsKeywordException.class, action);
    assertEquals(FitsKeywordException.class, e.getClass());
    String message = e.getMessage();
    assertTrue(message.startsWith(file + ", HDU 0"), message);
    assertTrue(message.contains(", keyword " + keyword), message);
    assertEquals(keyword, e.keyword().orElse(null));
    if (offset == null) {
      assertTrue(e.offset().isEmpty(), message);
      assertFalse(message.contains(", byte "), message);
    } else {
      assertTrue(message.contains(", byte " + offset + ":"), message);
      assertEquals(offset.longValue(), e.offset().orElse(-1));
    }
    return e;
  }

  @Test
  void typedGettersReturnValuesOfTheirType() {
    assertEquals(1500.5, header.getDouble("EXPTIME"));
    assertEquals(12, header.getInt("NCOMBINE"));
    assertEquals(12L, header.getLong("NCOMBINE"));
    assertEquals(12.0, header.getDouble("NCOMBINE"));
    assertEquals("NGC 1316", header.getString("OBJECT"));
    assertTrue(header.getBoolean("FLAG"));
    assertEquals(3000000000L, header.getLong("BIGINT"));
    assertEquals(1500.0, header.getDouble("DEXP"));
    assertEquals(1.2345678901234568e29, header.getDouble("HUGEINT"), 1e15);
  }

  @Test
  void lookUpIsCaseInsensitiveAndTheFirstDuplicateWins() {
    assertEquals(12, header.getInt("ncombine"));
    assertEquals("NGC 1316", header.getString(" object "));
  }

  @Test
  void missingKeywordNamesTheKeywordAndNoOffset() {
    FitsKeywordException e = keywordError("GAIN", null, () -> header.getDouble("GAIN"));
    assertTrue(e.problem().contains("missing"), e.getMessage());
    keywordError("GAIN", null, () -> header.getInt("GAIN"));
    keywordError("GAIN", null, () -> header.getLong("GAIN"));
    keywordError("GAIN", null, () -> header.getString("gain"));
    keywordError("GAIN", null, () -> header.getBoolean("GAIN"));
  }

  @Test
  void wrongTypeNamesTheKeywordAndTheOffsetOfItsCard() {
    keywordError("OBJECT", offsetOf(5), () -> header.getInt("OBJECT"));
    keywordError("OBJECT", offsetOf(5), () -> header.getDouble("OBJECT"));
    keywordError("OBJECT", offsetOf(5), () -> header.getBoolean("OBJECT"));
    keywordError("EXPTIME", offsetOf(3), () -> header.getInt("EXPTIME"));
    keywordError("EXPTIME", offsetOf(3), () -> header.getLong("EXPTIME"));
    keywordError("EXPTIME", offsetOf(3), () -> header.getString("EXPTIME"));
    keywordError("FLAG", offsetOf(6), () -> header.getInt("FLAG"));
    keywordError("FLAG", offsetOf(6), () -> header.getDouble("FLAG"));
    keywordError("NCOMBINE", offsetOf(4), () -> header.getBoolean("NCOMBINE"));
    keywordError("CPLX", offsetOf(23), () -> header.getDouble("CPLX"));
    FitsKeywordException e = keywordError("OBJECT", offsetOf(5), () -> header.getInt("OBJECT"));
    assertTrue(e.problem().contains("'NGC 1316'") && e.problem().contains("integer"), e.getMessage());
  }

  @Test
  void unparseableValueNamesTheKeywordAndOffset() {
    FitsKeywordException e = keywordError("BROKEN", offsetOf(10), () -> header.getDouble("BROKEN"));
    assertTrue(e.problem().contains("1.2.3"), e.getMessage());
    keywordError("BROKEN", offsetOf(10), () -> header.getDouble("BROKEN", 0.0));
    assertEquals("1.2.3", header.get("BROKEN"));
  }

  @Test
  void getIntRejectsValuesOutsideTheIntRange() {
    FitsKeywordException e = keywordError("BIGINT", offsetOf(7), () -> header.getInt("BIGINT"));
    assertTrue(e.problem().contains("3000000000"), e.getMessage());
    keywordError("BIGINT", offsetOf(7), () -> header.getInt("BIGINT", 0));
    keywordError("NEGINT", offsetOf(12), () -> header.getInt("NEGINT"));
    assertEquals(-2147483649L, header.getLong("NEGINT"));
  }

  @Test
  void getLongRejectsValuesBeyond64Bits() {
    keywordError("HUGEINT", offsetOf(8), () -> header.getLong("HUGEINT"));
    keywordError("HUGEINT", offsetOf(8), () -> header.getInt("HUGEINT"));
    keywordError("HUGEINT", offsetOf(8), () -> header.getLong("HUGEINT", 1L));
  }

  @Test
  void defaultsApplyOnlyToMissingOrUndefinedKeywords() {
    assertEquals(7, header.getInt("MISSING", 7));
    assertEquals(7L, header.getLong("MISSING", 7L));
    assertEquals(2.5, header.getDouble("MISSING", 2.5));
    assertEquals("none", header.getString("MISSING", "none"));
    assertTrue(header.getBoolean("MISSING", true));
    assertEquals(7, header.getInt("UNDEF", 7));
    assertEquals("none", header.getString("UNDEF", "none"));
    assertEquals(12, header.getInt("NCOMBINE", 7));
    assertEquals(1500.5, header.getDouble("EXPTIME", 0.0));
    assertTrue(header.containsKey("UNDEF"));
    assertNull(header.get("UNDEF"));
    keywordError("UNDEF", offsetOf(9), () -> header.getInt("UNDEF"));
    keywordError("OBJECT", offsetOf(5), () -> header.getInt("OBJECT", 0));
    keywordError("OBJECT", offsetOf(5), () -> header.getBoolean("OBJECT", false));
    keywordError("FLAG", offsetOf(6), () -> header.getString("FLAG", ""));
  }

  @Test
  void hierarchKeywordsAreFoundWithAndWithoutThePrefix() {
    assertEquals("CCD-42", header.getString("ESO DET CHIP NAME"));
    assertEquals("CCD-42", header.getString("HIERARCH ESO DET CHIP NAME"));
    assertEquals("CCD-42", header.getString("hierarch eso det chip name"));
    assertEquals(1.25, header.getDouble("ESO TEL AIRM START"));
    assertEquals(1.25, header.getDouble("HIERARCH ESO TEL AIRM START"));
    assertEquals("chip", header.card("ESO DET CHIP NAME").orElseThrow().comment());
    assertEquals(offsetOf(13), header.card("HIERARCH ESO DET CHIP NAME").orElseThrow().offset());
    keywordError("ESO DET CHIP NAME", offsetOf(13), () -> header.getInt("HIERARCH ESO DET CHIP NAME"));
    keywordError("ESO DET MISSING", null, () -> header.getString("HIERARCH ESO DET MISSING"));
  }

  @Test
  void continuedStringIsOneValue() {
    assertEquals("This is a long string value that goes on and on and will not fit in"
        + "one card, so it continues on a third.", header.getString("LONGSTR"));
    Card longstr = header.card("LONGSTR").orElseThrow();
    assertEquals(offsetOf(17), longstr.offset());
    assertEquals(3 * 80, longstr.image().length());
    assertEquals("the comment", longstr.comment());
    assertFalse(header.containsKey("CONTINUE"));
    keywordError("LONGSTR", offsetOf(17), () -> header.getDouble("LONGSTR"));
  }

  @Test
  void commentAndHistoryAreListsInFileOrder() {
    assertEquals(List.of("first comment", "second comment"), header.comments());
    assertEquals(List.of("step one", "step two"), header.history());
    assertFalse(header.containsKey("COMMENT"));
    keywordError("HISTORY", null, () -> header.getString("HISTORY"));
  }

  @Test
  void sizeCountsLogicalCards() {
    // SIMPLE, BITPIX, NAXIS and the list, with the three LONGSTR card images as one card
    assertEquals(3 + CARDS.size() - 2, header.size());
  }

  @Test
  void realHeaderValuesMatchAstropy() throws Exception {
    String script = String.join("\n",
        "import sys",
        "from astropy.io import fits",
        "for spec in sys.argv[1:]:",
        "    path, ext, key = spec.split('|')",
        "    v = fits.getheader(path, int(ext))[key]",
        "    print(type(v).__name__ + '|' + (repr(v) if isinstance(v, float) else str(v)))");
    String[][] checks = {
        {"real/fv_ngc1316o.fits", "0", "OBJECT"},
        {"real/fv_ngc1316o.fits", "0", "CRVAL1"},
        {"real/fv_ngc1316o.fits", "0", "NAXIS1"},
        {"real/astropy_test0.fits", "1", "EXTNAME"},
        {"real/astropy_test0.fits", "2", "CD1_1"},
        {"real/astropy_scale.fits", "0", "BSCALE"},
        {"real/eso_isaac_1024.fits", "0", "ESO OBS NAME"},
        {"real/eso_isaac_1024.fits", "0", "HIERARCH ESO OBS ID"},
        {"real/eso_isaac_1024.fits", "0", "ESO TEL AIRM START"},
        {"real/astropy_chandra_time.fits", "1", "TFORM1"},
    };
    List<String> args = new ArrayList<>();
    for (String[] c : checks) {
      args.add(TestFiles.real(c[0]) + "|" + c[1] + "|" + c[2]);
    }
    String[] expected = TestFiles.python(script, args.toArray(new String[0])).split("\n");
    assertEquals(checks.length, expected.length);
    for (int i = 0; i < checks.length; i++) {
      String[] c = checks[i];
      String type = expected[i].substring(0, expected[i].indexOf('|'));
      String text = expected[i].substring(type.length() + 1);
      try (FitsFile real = Fits.open(TestFiles.real(c[0]))) {
        Header h = real.hdu(Integer.parseInt(c[1])).header();
        String where = String.join(" ", c);
        switch (type) {
          case "str":
            assertEquals(text, h.getString(c[2]), where);
            break;
          case "int":
            assertEquals(Long.parseLong(text), h.getLong(c[2]), where);
            break;
          case "float":
            assertEquals(Double.parseDouble(text), h.getDouble(c[2]), where);
            break;
          default:
            throw new AssertionError("unexpected astropy type " + type + " for " + where);
        }
      }
    }
  }

  @Test
  void realHistoryAndContinueMatchAstropy() throws Exception {
    String script = String.join("\n",
        "import sys, json",
        "from astropy.io import fits",
        "h = fits.getheader(sys.argv[1], int(sys.argv[2]))",
        "longs = {c.keyword: c.value for c in h.cards",
        "         if c.keyword not in ('COMMENT', 'HISTORY', '') and isinstance(c.value, str) and len(c.value) > 68}",
        "print(json.dumps({'history': list(h['HISTORY']) if 'HISTORY' in h else [],",
        "                  'comment': list(h['COMMENT']) if 'COMMENT' in h else [], 'long': longs}))");
    // chandra_time HDU 1 has an 82-character TITLE in CONTINUE cards; ngc1316o has 102 HISTORY cards
    for (String spec : List.of("real/astropy_chandra_time.fits:1", "real/astropy_memtest.fits:0",
        "real/fv_ngc1316o.fits:0")) {
      String name = spec.substring(0, spec.indexOf(':'));
      int hdu = Integer.parseInt(spec.substring(name.length() + 1));
      Path path = TestFiles.real(name);
      String json = TestFiles.python(script, path.toString(), String.valueOf(hdu)).strip();
      if (name.contains("chandra")) {
        assertTrue(json.contains("\"TITLE\": "), json);
      }
      if (name.contains("ngc1316")) {
        assertTrue(json.contains("\"history\": [\""), json);
      }
      try (FitsFile real = Fits.open(path)) {
        Header h = real.hdu(hdu).header();
        StringBuilder mine = new StringBuilder("{\"history\": ");
        appendJson(mine, h.history());
        mine.append(", \"comment\": ");
        appendJson(mine, h.comments());
        mine.append(", \"long\": {");
        boolean first = true;
        for (Card c : h) {
          if (!c.isCommentary() && c.value() instanceof String s && s.length() > 68) {
            mine.append(first ? "" : ", ");
            appendJson(mine, c.keyword());
            mine.append(": ");
            appendJson(mine, s);
            first = false;
          }
        }
        mine.append("}}");
        assertEquals(json, mine.toString(), name);
      }
    }
  }

  private static void appendJson(StringBuilder out, List<String> texts) {
    out.append('[');
    for (int i = 0; i < texts.size(); i++) {
      out.append(i == 0 ? "" : ", ");
      appendJson(out, texts.get(i));
    }
    out.append(']');
  }

  /** A JSON string as Python's json.dumps writes it (ASCII input). */
  private static void appendJson(StringBuilder out, String text) {
    out.append('"');
    for (char ch : text.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        out.append('\\');
      }
      out.append(ch);
    }
    out.append('"');
  }
}
