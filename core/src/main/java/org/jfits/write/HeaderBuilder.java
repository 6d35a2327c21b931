package org.jfits.write;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jfits.header.Card;
import org.jfits.header.Header;

/**
 * Header cards in order, formatted as FITS 80-character card images, as astropy writes them.
 *
 * <p>Values: logicals as {@code T}/{@code F}, integers and reals right-aligned to column 30 (reals
 * with as many digits as the shortest exact round trip needs; a real longer than 20 characters is
 * written in free format from column 11); strings quoted from column 11, quotes doubled, padded to 8
 * characters. A string too long for one card is split over {@code CONTINUE} cards (the OGIP long
 * string convention; a {@code LONGSTRN} card announcing it is added before the first such card).
 * A comment that does not fit beside a one-card value is cut at column 80, as astropy does; the
 * comment of a long string continues on {@code CONTINUE} cards.
 *
 * <p>Keywords of at most 8 characters from {@code [A-Z0-9_-]} (lower case is upper-cased) are
 * standard keywords; others (longer, or with blanks or other printable characters) are written with
 * the {@code HIERARCH} convention, their case kept and their values right after {@code = }, as
 * astropy does. A value that cannot be written
 * (an invalid keyword, a string or comment with characters outside printable ASCII, a NaN or
 * infinite real) is refused with an {@link IllegalArgumentException} naming the keyword.
 *
 * <p>Not thread-safe. {@link #cards()} never includes END; the writer adds it.
 */
public final class HeaderBuilder {
  static final int CARD = 80;
  static final int BLOCK = 2880;
  private static final int KEYWORD_LENGTH = 8;
  private static final int VALUE_WIDTH = 20;
  private static final int COMMENTARY_TEXT = CARD - KEYWORD_LENGTH;
  private static final int LONG_CHUNK = 67;
  private static final int LONG_COMMENT_CHUNK = 64;
  private static final String CONTINUE = "CONTINUE  ";
  private static final String HIERARCH = "HIERARCH ";
  private static final Pattern STANDARD_KEYWORD = Pattern.compile("[A-Z0-9_-]{1,8}");
  private static final Pattern INDEXED_STRUCTURAL = Pattern.compile(
      "(NAXIS|TFORM|TTYPE|TUNIT|TNULL|TSCAL|TZERO|TDIM|TDISP|TBCOL|PTYPE|PSCAL|PZERO"
          + "|ZNAXIS|ZTILE|ZNAME|ZVAL|ZFORM|ZCTYP)[0-9]+");
  private static final List<String> STRUCTURAL = List.of("SIMPLE", "XTENSION", "BITPIX", "NAXIS", "EXTEND",
      "PCOUNT", "GCOUNT", "GROUPS", "END", "BSCALE", "BZERO", "BLANK", "TFIELDS", "THEAP", "CHECKSUM",
      "DATASUM", "ZIMAGE", "ZTABLE", "ZBITPIX", "ZCMPTYPE", "ZQUANTIZ", "ZDITHER0", "ZSIMPLE", "ZEXTEND",
      "ZTENSION", "ZPCOUNT", "ZGCOUNT", "ZHECKSUM", "ZDATASUM", "ZBLANK", "ZSCALE", "ZZERO", "ZMASKCMP",
      "ZHEAPPTR");

  /** One logical card: its look-up key (null for commentary cards) and its card images. */
  private record Entry(String key, String images) {}

  private final List<Entry> entries = new ArrayList<>();

  /**
   * A header that starts a table extension: XTENSION ({@code TABLE} for an ASCII table, else
   * {@code BINTABLE}), BITPIX, NAXIS, NAXIS1 (bytes a row), NAXIS2 (rows), PCOUNT (heap bytes),
   * GCOUNT and TFIELDS; the column keywords follow.
   */
  public static HeaderBuilder tableExtension(boolean ascii, long rowBytes, long rows, long heapBytes, int fields) {
    return new HeaderBuilder()
        .add("XTENSION", ascii ? "TABLE" : "BINTABLE", ascii ? "ASCII table extension" : "binary table extension")
        .add("BITPIX", 8, "array data type")
        .add("NAXIS", 2, "number of array dimensions")
        .add("NAXIS1", rowBytes, "length of dimension 1")
        .add("NAXIS2", rows, "length of dimension 2")
        .add("PCOUNT", heapBytes, "number of group parameters")
        .add("GCOUNT", 1, "number of groups")
        .add("TFIELDS", fields, "number of table fields");
  }

  /** Appends a logical ({@code T}/{@code F}) card. */
  public HeaderBuilder add(String keyword, boolean value, String comment) {
    return append(keyword, value ? "T" : "F", comment);
  }

  /** Appends an integer card. */
  public HeaderBuilder add(String keyword, long value, String comment) {
    return append(keyword, Long.toString(value), comment);
  }

  /** Appends an integer card of any size (BZERO = 2^63 of unsigned 64-bit images, for one). */
  public HeaderBuilder add(String keyword, BigInteger value, String comment) {
    return append(keyword, value.toString(), comment);
  }

  /**
   * Appends a real card, written with the digits of its shortest exact representation, so that
   * reading it back gives the same {@code double}.
   *
   * @throws IllegalArgumentException for NaN or infinite values, which FITS headers cannot hold
   */
  public HeaderBuilder add(String keyword, double value, String comment) {
    return append(keyword, real(keyword, value), comment);
  }

  /**
   * Appends a string card; quotes are doubled, and a string too long for one card continues on
   * {@code CONTINUE} cards. Trailing blanks are not significant in FITS strings and are lost.
   *
   * @throws IllegalArgumentException if the string holds characters outside printable ASCII
   */
  public HeaderBuilder add(String keyword, String value, String comment) {
    Name name = name(keyword);
    checkText(name.text, value, "string value");
    String images = stringImages(name, value.replace("'", "''"), comment(name.text, comment));
    if (images.length() > CARD && !containsKey("LONGSTRN")) {
      entries.add(new Entry("LONGSTRN", valueImage(name("LONGSTRN"), "'OGIP 1.0'",
          "The OGIP long string convention may be used")));
    }
    entries.add(new Entry(name.key(), images));
    return this;
  }

  /** Appends COMMENT cards: the text split over as many cards as it needs (72 characters each). */
  public HeaderBuilder comment(String text) {
    return commentary("COMMENT", text);
  }

  /** Appends HISTORY cards: the text split over as many cards as it needs (72 characters each). */
  public HeaderBuilder history(String text) {
    return commentary("HISTORY", text);
  }

  /** Replaces the value and comment of the first card with this keyword in place, or appends one. */
  public HeaderBuilder set(String keyword, boolean value, String comment) {
    return replaceOrAdd(keyword, () -> add(keyword, value, comment));
  }

  /** Replaces the value and comment of the first card with this keyword in place, or appends one. */
  public HeaderBuilder set(String keyword, long value, String comment) {
    return replaceOrAdd(keyword, () -> add(keyword, value, comment));
  }

  /** Replaces the value and comment of the first card with this keyword in place, or appends one. */
  public HeaderBuilder set(String keyword, double value, String comment) {
    return replaceOrAdd(keyword, () -> add(keyword, value, comment));
  }

  /** Replaces the value and comment of the first card with this keyword in place, or appends one. */
  public HeaderBuilder set(String keyword, String value, String comment) {
    return replaceOrAdd(keyword, () -> add(keyword, value, comment));
  }

  /** Removes every value card with this keyword (not COMMENT/HISTORY text); true if one was there. */
  public boolean remove(String keyword) {
    String key = name(keyword).key();
    return entries.removeIf(e -> key.equals(e.key));
  }

  /** True if a value card with this keyword is present (case-insensitive, HIERARCH prefix optional). */
  public boolean containsKey(String keyword) {
    String key = name(keyword).key();
    return entries.stream().anyMatch(e -> key.equals(e.key));
  }

  /**
   * Appends the user metadata of a header that was read: every card whose keyword {@code keep}
   * accepts, minus the structural keywords ({@link #isStructural}) that describe the layout of the
   * data the header came with. Cards are copied verbatim (their images, CONTINUE'd strings whole);
   * {@code keep} sees the keyword as {@link Card#keyword()} gives it ("" for blank cards).
   */
  public HeaderBuilder copyFrom(Header header, Predicate<String> keep) {
    for (Card card : header.cards()) {
      String keyword = card.keyword();
      if (!keep.test(keyword) || (!card.isCommentary() && isStructural(keyword))) {
        continue;
      }
      String key = card.isCommentary() ? null : keyword.toUpperCase(Locale.ROOT);
      if ("LONGSTRN".equals(key) && containsKey(key)) {
        continue;
      }
      entries.add(new Entry(key, card.image()));
    }
    return this;
  }

  /** The keywords of the value cards, upper case, in order (COMMENT/HISTORY text left out). */
  List<String> keywords() {
    List<String> keys = new ArrayList<>();
    for (Entry e : entries) {
      if (e.key != null) {
        keys.add(e.key);
      }
    }
    return keys;
  }

  /**
   * Every card of a read header, verbatim, structural ones included (for header updates), except
   * the blank cards just before END: they are padding, which {@link #toBlocks(int)} adds again.
   */
  static HeaderBuilder verbatim(Header header) {
    List<Card> cards = header.cards();
    int end = cards.size();
    while (end > 0 && cards.get(end - 1).image().isBlank()) {
      end--;
    }
    HeaderBuilder h = new HeaderBuilder();
    for (Card card : cards.subList(0, end)) {
      h.entries.add(new Entry(card.isCommentary() ? null : card.keyword().toUpperCase(Locale.ROOT), card.image()));
    }
    return h;
  }

  /**
   * Appends a card of a read header as it is stored, under {@code keyword}: its own, or a standard
   * keyword that replaces it (a renumbered column keyword).
   */
  HeaderBuilder copy(Card card, String keyword) {
    String image = card.image();
    if (!keyword.equals(card.keyword())) {
      image = pad(name(keyword).text, KEYWORD_LENGTH) + image.substring(KEYWORD_LENGTH);
    }
    entries.add(new Entry(card.isCommentary() ? null : keyword.toUpperCase(Locale.ROOT), image));
    return this;
  }

  /** Appends every card of {@code other}, in order. */
  public HeaderBuilder addAll(HeaderBuilder other) {
    for (Entry e : other.entries) {
      if (!("LONGSTRN".equals(e.key) && containsKey(e.key))) {
        entries.add(e);
      }
    }
    return this;
  }

  /**
   * Whether a keyword describes the layout of an HDU's data rather than its meaning: the mandatory
   * keywords, scaling and null conventions (BSCALE/BZERO/BLANK, TSCALn/TZEROn/TNULLn), table column
   * layout, checksums, and tile-compression keywords. Such keywords are written by the HDU itself.
   */
  public static boolean isStructural(String keyword) {
    String k = keyword.strip().toUpperCase(Locale.ROOT);
    return STRUCTURAL.contains(k) || INDEXED_STRUCTURAL.matcher(k).matches();
  }

  /** The 80-character card images in order, without END; CONTINUE'd strings as several images. */
  public List<String> cards() {
    List<String> cards = new ArrayList<>();
    for (Entry e : entries) {
      for (int i = 0; i < e.images.length(); i += CARD) {
        cards.add(e.images.substring(i, i + CARD));
      }
    }
    return cards;
  }

  /** The header as written in a file: the cards, END, blanks up to a whole number of 2880-byte blocks. */
  byte[] toBlocks() {
    String text = images() + pad("END", CARD);
    int blocks = (text.length() + BLOCK - 1) / BLOCK;
    return (text + " ".repeat(blocks * BLOCK - text.length())).getBytes(StandardCharsets.US_ASCII);
  }

  /** The number of 2880-byte blocks the header needs, END included. */
  int blocks() {
    return (images().length() + CARD + BLOCK - 1) / BLOCK;
  }

  /**
   * The header as written, padded with blank cards before END to exactly {@code blocks} blocks (at
   * least {@link #blocks()}), so that it can replace a longer header in place.
   */
  byte[] toBlocks(int blocks) {
    String text = images();
    int blanks = blocks * BLOCK / CARD - 1 - text.length() / CARD;
    if (blanks < 0) {
      throw new IllegalStateException("the header needs more than " + blocks + " blocks");
    }
    return (text + " ".repeat(blanks * CARD) + pad("END", CARD)).getBytes(StandardCharsets.US_ASCII);
  }

  private String images() {
    StringBuilder text = new StringBuilder();
    for (Entry e : entries) {
      text.append(e.images);
    }
    return text.toString();
  }

  private HeaderBuilder replaceOrAdd(String keyword, Runnable add) {
    String key = name(keyword).key();
    int at = -1;
    for (int i = 0; i < entries.size(); i++) {
      if (key.equals(entries.get(i).key)) {
        at = i;
        break;
      }
    }
    int before = entries.size();
    add.run();
    if (at >= 0) {
      Entry added = entries.remove(entries.size() - 1);
      entries.set(at, added);
      if (entries.size() > before) {
        // a LONGSTRN card was appended for the new value: keep it before the card it announces
        entries.add(at, entries.remove(entries.size() - 1));
      }
    }
    return this;
  }

  private HeaderBuilder append(String keyword, String value, String comment) {
    Name name = name(keyword);
    entries.add(new Entry(name.key(), valueImage(name, value, comment(name.text, comment))));
    return this;
  }

  private HeaderBuilder commentary(String keyword, String text) {
    checkText(keyword, text, "text");
    int i = 0;
    do {
      String piece = text.substring(i, Math.min(text.length(), i + COMMENTARY_TEXT));
      entries.add(new Entry(null, pad(pad(keyword, KEYWORD_LENGTH) + piece, CARD)));
      i += COMMENTARY_TEXT;
    } while (i < text.length());
    return this;
  }

  /** A keyword as written: standard (upper-cased) or HIERARCH (case kept). */
  private record Name(String text, boolean hierarch) {
    String key() {
      return text.toUpperCase(Locale.ROOT);
    }

    /** The card start up to and including the value indicator. */
    String head() {
      return hierarch ? HIERARCH + text + " = " : pad(text, KEYWORD_LENGTH) + "= ";
    }
  }

  private static Name name(String keyword) {
    if (keyword == null) {
      throw new IllegalArgumentException("a keyword is required");
    }
    String k = keyword.strip();
    if (k.toUpperCase(Locale.ROOT).startsWith(HIERARCH)) {
      k = k.substring(HIERARCH.length()).strip();
    }
    String upper = k.toUpperCase(Locale.ROOT);
    if (upper.equals("COMMENT") || upper.equals("HISTORY") || upper.equals("CONTINUE") || upper.equals("END")
        || upper.isEmpty()) {
      throw new IllegalArgumentException("keyword '" + keyword + "' cannot hold a value"
          + (upper.isEmpty() ? "" : "; use comment() or history() for commentary text"));
    }
    if (STANDARD_KEYWORD.matcher(upper).matches()) {
      return new Name(upper, false);
    }
    for (int i = 0; i < k.length(); i++) {
      char c = k.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '=') {
        throw new IllegalArgumentException("keyword '" + keyword + "' has character " + describe(c)
            + "; keywords hold printable ASCII other than '='");
      }
    }
    return new Name(k.replaceAll(" +", " "), true);
  }

  private static String real(String keyword, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("keyword " + keyword + ": " + value + " cannot be written; FITS headers "
          + "have no NaN or infinite values");
    }
    return Double.toString(value);
  }

  private static String comment(String keyword, String comment) {
    String c = comment == null ? "" : comment;
    checkText(keyword, c, "comment");
    return c;
  }

  private static void checkText(String keyword, String text, String what) {
    if (text == null) {
      throw new IllegalArgumentException("keyword " + keyword + ": the " + what + " is null");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new IllegalArgumentException("keyword " + keyword + ": the " + what + " has character "
            + describe(c) + " at index " + i + "; FITS headers hold printable ASCII only");
      }
    }
  }

  private static String describe(char c) {
    return String.format("U+%04X", (int) c);
  }

  /**
   * A one-card value card; numbers and logicals right-aligned to column 30 when they fit, except on
   * HIERARCH cards, whose values follow the {@code = } at once (as astropy writes them, to leave room).
   */
  private static String valueImage(Name name, String value, String comment) {
    String head = name.head();
    String field = name.hierarch() ? value
        : value.startsWith("'") ? pad(value, VALUE_WIDTH) : leftPad(value, VALUE_WIDTH);
    if (head.length() + field.length() > CARD) {
      field = value;
    }
    if (head.length() + field.length() > CARD) {
      throw new IllegalArgumentException("keyword " + name.text + ": keyword and value do not fit in one card");
    }
    String image = head + field;
    if (!comment.isEmpty()) {
      image += " / " + comment;
    }
    return pad(image.length() > CARD ? image.substring(0, CARD) : image, CARD);
  }

  /** The card images of a string value (already escaped): one card, or a CONTINUE'd sequence. */
  private static String stringImages(Name name, String escaped, String comment) {
    String head = name.head();
    String quoted = "'" + pad(escaped, KEYWORD_LENGTH) + "'";
    if (head.length() + quoted.length() <= CARD) {
      return valueImage(name, quoted, comment);
    }
    StringBuilder images = new StringBuilder();
    int first = CARD - head.length() - 3;
    if (first < 2) {
      throw new IllegalArgumentException("keyword " + name.text + " is too long for a string value");
    }
    int i = 0;
    String prefix = head;
    int width = first;
    while (i < escaped.length()) {
      int end = Math.min(escaped.length(), i + width);
      if (end < escaped.length() && splitsQuotePair(escaped, i, end)) {
        end--;
      }
      String piece = prefix + "'" + escaped.substring(i, end);
      i = end;
      prefix = CONTINUE;
      width = LONG_CHUNK;
      if (i == escaped.length()) {
        // the comment goes on the last piece when it fits there, as cfitsio writes and reads it
        String last = piece + "'" + (comment.isEmpty() ? "" : " / " + comment);
        if (last.length() <= CARD) {
          images.append(pad(last, CARD));
          return images.toString();
        }
      }
      images.append(pad(piece + "&'", CARD));
    }
    // readers join comment pieces with one blank, so pieces end at a blank, which is left out
    int c = 0;
    while (c < comment.length()) {
      int end = Math.min(comment.length(), c + LONG_COMMENT_CHUNK);
      int next = end;
      if (end < comment.length()) {
        int blank = comment.lastIndexOf(' ', end);
        if (blank > c) {
          end = blank;
          next = blank + 1;
        }
      }
      String marker = next >= comment.length() ? "''" : "'&'";
      images.append(pad(CONTINUE + marker + " / " + comment.substring(c, end), CARD));
      c = next;
    }
    return images.toString();
  }

  /** True if {@code escaped[start, end)} ends with an odd run of quotes, i.e. half of a {@code ''} pair. */
  private static boolean splitsQuotePair(String escaped, int start, int end) {
    int quotes = 0;
    for (int j = end - 1; j >= start && escaped.charAt(j) == '\''; j--) {
      quotes++;
    }
    return quotes % 2 == 1;
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  private static String leftPad(String text, int width) {
    return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
  }
}
