package org.jfits.header;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jfits.ErrorContext;
import org.jfits.FitsFormatException;

/**
 * The image described by the Z-keywords of a tile-compressed HDU (a BINTABLE with {@code ZIMAGE = T},
 * the FITS tiled image convention): its BITPIX and axes, the tile size, the compression algorithm and
 * its parameters, the quantisation of floating-point images, and the image header itself.
 *
 * <p>{@link #imageHeader()} is the header of the uncompressed image, rebuilt from the table header as
 * astropy's {@code CompImageHDU.header} rebuilds it: the table and compression keywords are left out,
 * {@code ZSIMPLE}/{@code ZTENSION}, {@code ZBITPIX}, {@code ZNAXISn}, {@code ZPCOUNT}/{@code ZGCOUNT},
 * {@code ZEXTEND}, {@code ZBLOCKED}, {@code ZHECKSUM}/{@code ZDATASUM} become the image's keywords with
 * their comments, an {@code EXTNAME} equal to astropy's default {@code COMPRESSED_IMAGE} is dropped, and
 * the trailing blank cards are as many as in the table header. Every other card is kept in order.
 * Immutable.
 */
public final class CompressedImageHeader {
  /** astropy's name for a compressed image without EXTNAME. */
  public static final String DEFAULT_NAME = "COMPRESSED_IMAGE";

  private static final Pattern TABLE_KEYWORD = Pattern.compile(
      "(TTYPE|TFORM|TUNIT|TNULL|TSCAL|TZERO|TDISP|TBCOL|TDIM|TCTYP|TCUNI|TCRPX|TCRVL|TCDLT|TRPOS)[1-9][0-9]*");
  private static final Pattern INDEXED_Z_KEYWORD = Pattern.compile("(ZNAXIS|ZTILE|ZNAME|ZVAL)[1-9][0-9]*");
  private static final Set<String> Z_KEYWORDS = Set.of("ZSIMPLE", "ZTENSION", "ZBITPIX", "ZNAXIS", "ZEXTEND",
      "ZBLOCKED", "ZPCOUNT", "ZGCOUNT", "ZHECKSUM", "ZDATASUM", "ZIMAGE", "ZCMPTYPE", "ZMASKCMP", "ZQUANTIZ",
      "TFIELDS");
  private static final int MAX_AXES = 999;

  private final Header stored;
  private final Header image;
  private final int bitpix;
  private final long[] axes;
  private final long[] tiles;
  private final String compression;
  private final Map<String, Object> parameters;
  private final String quantize;
  private final long dither0;

  private CompressedImageHeader(Header stored, Header image, int bitpix, long[] axes, long[] tiles,
      String compression, Map<String, Object> parameters, String quantize, long dither0) {
    this.stored = stored;
    this.image = image;
    this.bitpix = bitpix;
    this.axes = axes;
    this.tiles = tiles;
    this.compression = compression;
    this.parameters = parameters;
    this.quantize = quantize;
    this.dither0 = dither0;
  }

  /** True if {@code header} is a binary-table header with {@code ZIMAGE = T}. */
  public static boolean isCompressedImage(Header header) {
    Object xtension = header.get("XTENSION");
    if (!(xtension instanceof String)) {
      return false;
    }
    String kind = ((String) xtension).strip().toUpperCase(Locale.ROOT);
    return (kind.equals("BINTABLE") || kind.equals("A3DTABLE")) && Boolean.TRUE.equals(header.get("ZIMAGE"));
  }

  /**
   * Reads the Z-keywords of a compressed image's table header.
   *
   * @throws FitsFormatException naming the keyword when ZBITPIX, ZNAXIS, ZNAXISn or ZCMPTYPE is missing
   *     or has an impossible value, or a ZTILEn is below 1
   */
  public static CompressedImageHeader of(Header stored) {
    int bitpix = (int) integer(stored, "ZBITPIX");
    if (bitpix != 8 && bitpix != 16 && bitpix != 32 && bitpix != 64 && bitpix != -32 && bitpix != -64) {
      throw error(stored, "ZBITPIX", "ZBITPIX = " + bitpix + "; FITS allows 8, 16, 32, 64, -32 or -64");
    }
    long naxis = integer(stored, "ZNAXIS");
    if (naxis < 0 || naxis > MAX_AXES) {
      throw error(stored, "ZNAXIS", "ZNAXIS = " + naxis + "; FITS allows 0 to " + MAX_AXES);
    }
    long[] axes = new long[(int) naxis];
    long[] tiles = new long[axes.length];
    for (int i = 0; i < axes.length; i++) {
      String key = "ZNAXIS" + (i + 1);
      axes[i] = integer(stored, key);
      if (axes[i] < 0) {
        throw error(stored, key, key + " = " + axes[i] + " is negative");
      }
      String tileKey = "ZTILE" + (i + 1);
      tiles[i] = stored.containsKey(tileKey) ? integer(stored, tileKey) : i == 0 ? axes[0] : 1;
      if (tiles[i] < 1 && axes[i] > 0) {
        throw error(stored, tileKey, tileKey + " = " + tiles[i] + "; a tile is at least 1 pixel long");
      }
    }
    Object type = stored.get("ZCMPTYPE");
    if (!(type instanceof String)) {
      throw error(stored, "ZCMPTYPE", type == null ? "the mandatory keyword ZCMPTYPE is missing"
          : "ZCMPTYPE = " + type + " is not a string");
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    for (int i = 1; stored.containsKey("ZNAME" + i); i++) {
      Object name = stored.get("ZNAME" + i);
      parameters.put(String.valueOf(name).strip().toUpperCase(Locale.ROOT), stored.get("ZVAL" + i));
    }
    Object quantize = stored.get("ZQUANTIZ");
    String method = quantize instanceof String ? ((String) quantize).strip().toUpperCase(Locale.ROOT) : null;
    long dither0 = stored.getLong("ZDITHER0", 1);
    return new CompressedImageHeader(stored, imageHeader(stored, axes.length), bitpix, axes, tiles,
        ((String) type).strip().toUpperCase(Locale.ROOT), Collections.unmodifiableMap(parameters), method, dither0);
  }

  private static long integer(Header stored, String keyword) {
    Object value = stored.get(keyword);
    if (value == null) {
      throw error(stored, keyword, "the mandatory keyword " + keyword + " is missing or has no value");
    }
    if (!(value instanceof Long)) {
      throw error(stored, keyword, keyword + " = " + value + " is not an integer");
    }
    return (Long) value;
  }

  private static FitsFormatException error(Header stored, String keyword, String problem) {
    return new FitsFormatException(at(stored.context(), stored, keyword), "tile-compressed image: " + problem);
  }

  private static ErrorContext at(ErrorContext context, Header stored, String keyword) {
    ErrorContext at = context.withKeyword(keyword);
    return stored.card(keyword).map(c -> at.withOffset(c.offset())).orElse(at);
  }

  private static Header imageHeader(Header stored, int naxis) {
    List<Card> cards = new ArrayList<>();
    boolean defaultName = false;
    for (Card card : stored.cards()) {
      String keyword = card.keyword().toUpperCase(Locale.ROOT);
      if (card.isCommentary() || !reserved(keyword)) {
        boolean isDefault = keyword.equals("EXTNAME") && DEFAULT_NAME.equals(card.value());
        if (isDefault && (defaultName || stored.get("EXTNAME") instanceof String && hasOtherName(stored))) {
          continue;
        }
        defaultName |= isDefault;
        cards.add(card);
      }
    }
    Cards image = new Cards(cards);
    if (stored.containsKey("ZSIMPLE")) {
      image.remove("XTENSION");
      image.put(0, copy(stored, "ZSIMPLE", "SIMPLE"));
    } else if (stored.containsKey("ZTENSION")) {
      image.put(0, copy(stored, "ZTENSION", "XTENSION"));
    } else {
      image.put(0, image.with("XTENSION", "IMAGE", null, -1));
    }
    image.put(1, copy(stored, "ZBITPIX", "BITPIX"));
    image.put(2, copy(stored, "ZNAXIS", "NAXIS"));
    String last = "NAXIS";
    for (int i = 1; i <= naxis; i++) {
      image.putAfter(last, copy(stored, "ZNAXIS" + i, "NAXIS" + i));
      last = "NAXIS" + i;
    }
    image.removeIf(keyword -> keyword.matches("NAXIS[0-9]+") && Integer.parseInt(keyword.substring(5)) > naxis);
    image.putAfter(last, stored.containsKey("ZPCOUNT") ? copy(stored, "ZPCOUNT", "PCOUNT")
        : image.with("PCOUNT", 0L, null, -1));
    image.putAfter("PCOUNT", stored.containsKey("ZGCOUNT") ? copy(stored, "ZGCOUNT", "GCOUNT")
        : image.with("GCOUNT", 1L, null, -1));
    String[][] moved = {{"ZEXTEND", "EXTEND"}, {"ZBLOCKED", "BLOCKED"}, {"ZHECKSUM", "CHECKSUM"},
        {"ZDATASUM", "DATASUM"}};
    for (String[] pair : moved) {
      if (stored.containsKey(pair[0])) {
        image.set(copy(stored, pair[0], pair[1]));
      }
    }
    if (DEFAULT_NAME.equals(image.value("EXTNAME"))) {
      image.remove("EXTNAME");
    }
    if (image.index("SIMPLE") >= 0) {
      image.remove("PCOUNT");
      image.remove("GCOUNT");
    }
    int missing = trailingBlanks(stored.cards()) - trailingBlanks(image.cards);
    for (int i = 0; i < missing; i++) {
      image.cards.add(CardParser.parse(" ".repeat(CardParser.CARD), -1));
    }
    return new Header(image.cards, stored.context());
  }

  private static boolean hasOtherName(Header stored) {
    for (Card card : stored.cards()) {
      if (card.keyword().equalsIgnoreCase("EXTNAME") && !DEFAULT_NAME.equals(card.value())) {
        return true;
      }
    }
    return false;
  }

  private static boolean reserved(String keyword) {
    return Z_KEYWORDS.contains(keyword) || TABLE_KEYWORD.matcher(keyword).matches()
        || INDEXED_Z_KEYWORD.matcher(keyword).matches();
  }

  private static int trailingBlanks(List<Card> cards) {
    int count = 0;
    for (int i = cards.size() - 1; i > 0 && isBlank(cards.get(i)); i--) {
      count++;
    }
    return count;
  }

  private static boolean isBlank(Card card) {
    return card.keyword().isEmpty() && card.isCommentary() && card.value().toString().isBlank();
  }

  /** The card {@code from} of the table header under the name {@code to}, same value and comment. */
  private static Card copy(Header stored, String from, String to) {
    Card card = stored.card(from).orElseThrow();
    return Cards.make(to, card.value(), card.comment(), card.offset());
  }

  /** A small editable card list with the placement rules of astropy's {@code Header.set}. */
  private static final class Cards {
    final List<Card> cards;

    Cards(List<Card> cards) {
      this.cards = cards;
    }

    int index(String keyword) {
      for (int i = 0; i < cards.size(); i++) {
        if (!cards.get(i).isCommentary() && cards.get(i).keyword().equalsIgnoreCase(keyword)) {
          return i;
        }
      }
      return -1;
    }

    Object value(String keyword) {
      int i = index(keyword);
      return i < 0 ? null : cards.get(i).value();
    }

    void remove(String keyword) {
      removeIf(keyword::equalsIgnoreCase);
    }

    void removeIf(java.util.function.Predicate<String> keyword) {
      cards.removeIf(c -> !c.isCommentary() && keyword.test(c.keyword().toUpperCase(Locale.ROOT)));
    }

    /** A card for {@code keyword}; a null comment keeps the comment of the card it replaces. */
    Card with(String keyword, Object value, String comment, long offset) {
      int i = index(keyword);
      String kept = comment != null ? comment : i >= 0 ? cards.get(i).comment() : "";
      return make(keyword, value, kept, offset);
    }

    /** Puts {@code card} at {@code position}, removing the card of the same keyword first. */
    void put(int position, Card card) {
      int i = index(card.keyword());
      if (i >= 0) {
        cards.remove(i);
      }
      cards.add(Math.min(position, cards.size()), card);
    }

    void putAfter(String keyword, Card card) {
      int i = index(card.keyword());
      if (i >= 0) {
        cards.remove(i);
      }
      cards.add(index(keyword) + 1, card);
    }

    /** Replaces the card in place, or appends it after the last non-commentary card, using up a trailing blank. */
    void set(Card card) {
      int i = index(card.keyword());
      if (i >= 0) {
        cards.set(i, card);
        return;
      }
      int at = cards.size() - 1;
      while (at >= 0 && cards.get(at).isCommentary()) {
        at--;
      }
      cards.add(at + 1, card);
      if (trailingBlanks(cards) > 0) {
        cards.remove(cards.size() - 1);
      }
    }

    static Card make(String keyword, Object value, String comment, long offset) {
      String text;
      if (value instanceof String s) {
        String quoted = "'" + s.replace("'", "''") + "'";
        text = String.format("%-8s= %-20s", keyword, quoted.length() < 10
            ? "'" + String.format("%-8s", s.replace("'", "''")) + "'" : quoted);
      } else if (value instanceof Boolean b) {
        text = String.format("%-8s= %20s", keyword, b ? "T" : "F");
      } else {
        text = String.format("%-8s= %20s", keyword, value);
      }
      if (!comment.isEmpty()) {
        text += " / " + comment;
      }
      String image = text.length() >= CardParser.CARD ? text.substring(0, CardParser.CARD)
          : text + " ".repeat(CardParser.CARD - text.length());
      return new Card(keyword, value, comment, false, true, image, offset);
    }
  }

  /** The binary-table header as stored in the file. */
  public Header storedHeader() {
    return stored;
  }

  /** The header of the uncompressed image (see the class notes). */
  public Header imageHeader() {
    return image;
  }

  /** ZBITPIX: the BITPIX of the image. */
  public int bitpix() {
    return bitpix;
  }

  /** ZNAXIS1..ZNAXISn in FITS order (fastest axis first). */
  public long[] axes() {
    return axes.clone();
  }

  /** ZTILE1..ZTILEn, with the convention's defaults (whole rows: ZNAXIS1, then 1). */
  public long[] tiles() {
    return tiles.clone();
  }

  /** ZCMPTYPE, upper case and trimmed, as written (aliases such as {@code RICE_ONE} included). */
  public String compression() {
    return compression;
  }

  /** The ZNAMEi/ZVALi parameters (BLOCKSIZE, BYTEPIX, SCALE, SMOOTH, NOISEBIT...), names upper case. */
  public Map<String, Object> parameters() {
    return parameters;
  }

  /** A ZNAMEi/ZVALi parameter as an integer, or {@code fallback} when absent or not a number. */
  public long parameter(String name, long fallback) {
    Object value = parameters.get(name);
    return value instanceof Number n ? n.longValue() : fallback;
  }

  /** The ZVALi keyword that holds parameter {@code name} (for errors), or {@code ZNAME1} when it is absent. */
  public String parameterKeyword(String name) {
    int i = 1;
    for (String key : parameters.keySet()) {
      if (key.equals(name)) {
        return "ZVAL" + i;
      }
      i++;
    }
    return "ZNAME1";
  }

  /** ZQUANTIZ upper case ({@code NO_DITHER}, {@code SUBTRACTIVE_DITHER_1}, ...), or null when absent. */
  public String quantize() {
    return quantize;
  }

  /** ZDITHER0, the random-sequence seed of the first tile of dithered quantisation (1 when absent, as cfitsio). */
  public long dither0() {
    return dither0;
  }

  /** {@code context} (the HDU's) narrowed to {@code keyword} of the table header and its card's offset. */
  public ErrorContext at(ErrorContext context, String keyword) {
    return at(context, stored, keyword);
  }

  @Override
  public String toString() {
    return "CompressedImageHeader[" + compression + ", BITPIX " + bitpix + ", axes "
        + java.util.Arrays.toString(axes) + ", tiles " + java.util.Arrays.toString(tiles) + "]";
  }
}
