package org.jfits.header;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jfits.ErrorContext;
import org.jfits.FitsKeywordException;

/**
 * The header of one HDU: its cards in file order, with typed look-ups by keyword.
 *
 * <p>Look-ups are case-insensitive and accept HIERARCH keywords with or without the {@code HIERARCH}
 * prefix; when a keyword appears more than once the first card wins, as in astropy. Typed getters
 * without a default throw {@link FitsKeywordException} naming the file, HDU and keyword when the
 * keyword is missing or its value has another type; the {@code (keyword, default)} forms return the
 * default only when the keyword is missing or undefined, and still reject a value of the wrong type.
 * Immutable and safe to share between threads.
 */
public final class Header implements Iterable<Card> {
  private static final String HIERARCH_PREFIX = "HIERARCH ";

  private final List<Card> cards;
  private final Map<String, Card> firstByKeyword;
  private final ErrorContext context;

  Header(List<Card> cards, ErrorContext context) {
    this.cards = Collections.unmodifiableList(new ArrayList<>(cards));
    this.context = context;
    this.firstByKeyword = new HashMap<>();
    for (Card card : cards) {
      if (!card.isCommentary()) {
        firstByKeyword.putIfAbsent(normalise(card.keyword()), card);
      }
    }
  }

  private static String normalise(String keyword) {
    String k = keyword.strip().toUpperCase(Locale.ROOT);
    return k.startsWith(HIERARCH_PREFIX) ? k.substring(HIERARCH_PREFIX.length()).strip() : k;
  }

  /** All cards in file order, END excluded, CONTINUE'd strings as one card each. */
  public List<Card> cards() {
    return cards;
  }

  /** Where this header is: the file and HDU, for errors that other packages report about its keywords. */
  public ErrorContext context() {
    return context;
  }

  /** The number of logical cards (END excluded), as astropy's {@code len(header)}. */
  public int size() {
    return cards.size();
  }

  @Override
  public Iterator<Card> iterator() {
    return cards.iterator();
  }

  /** True if a value card with this keyword exists (commentary cards are not counted). */
  public boolean containsKey(String keyword) {
    return firstByKeyword.containsKey(normalise(keyword));
  }

  /** The first value card with this keyword. */
  public Optional<Card> card(String keyword) {
    return Optional.ofNullable(firstByKeyword.get(normalise(keyword)));
  }

  /** The value of the keyword, or {@code null} when it is missing or undefined. */
  public Object get(String keyword) {
    Card card = firstByKeyword.get(normalise(keyword));
    return card == null ? null : card.value();
  }

  /** The string value of the keyword. */
  public String getString(String keyword) {
    return require(keyword, String.class, "a string");
  }

  /** The string value of the keyword, or {@code fallback} when it is missing or undefined. */
  public String getString(String keyword, String fallback) {
    return optional(keyword, String.class, "a string", fallback);
  }

  /** The boolean (T/F) value of the keyword. */
  public boolean getBoolean(String keyword) {
    return require(keyword, Boolean.class, "a logical (T/F)");
  }

  /** The boolean value of the keyword, or {@code fallback} when it is missing or undefined. */
  public boolean getBoolean(String keyword, boolean fallback) {
    return optional(keyword, Boolean.class, "a logical (T/F)", fallback);
  }

  /** The integer value of the keyword; rejects reals and values outside the {@code int} range. */
  public int getInt(String keyword) {
    return toInt(keyword, getLong(keyword));
  }

  /** The integer value of the keyword, or {@code fallback} when it is missing or undefined. */
  public int getInt(String keyword, int fallback) {
    return toInt(keyword, getLong(keyword, fallback));
  }

  /** The integer value of the keyword; rejects reals and values beyond 64 bits. */
  public long getLong(String keyword) {
    return toLong(keyword, require(keyword, Object.class, "an integer"));
  }

  /** The integer value of the keyword, or {@code fallback} when it is missing or undefined. */
  public long getLong(String keyword, long fallback) {
    Object value = optional(keyword, Object.class, "an integer", null);
    return value == null ? fallback : toLong(keyword, value);
  }

  /** The numeric value of the keyword as a double; integers are accepted. */
  public double getDouble(String keyword) {
    return toDouble(keyword, require(keyword, Object.class, "a number"));
  }

  /** The numeric value of the keyword, or {@code fallback} when it is missing or undefined. */
  public double getDouble(String keyword, double fallback) {
    Object value = optional(keyword, Object.class, "a number", null);
    return value == null ? fallback : toDouble(keyword, value);
  }

  /** The text of every COMMENT card, in order. */
  public List<String> comments() {
    return commentary("COMMENT");
  }

  /** The text of every HISTORY card, in order. */
  public List<String> history() {
    return commentary("HISTORY");
  }

  private List<String> commentary(String keyword) {
    List<String> texts = new ArrayList<>();
    for (Card card : cards) {
      if (card.isCommentary() && card.keyword().equals(keyword)) {
        texts.add((String) card.value());
      }
    }
    return texts;
  }

  /** The card images, one 80-character line per card image, as {@code fitsheader} prints them. */
  public String toText() {
    StringBuilder text = new StringBuilder(cards.size() * (CardParser.CARD + 1));
    for (Card card : cards) {
      String image = card.image();
      for (int i = 0; i < image.length(); i += CardParser.CARD) {
        text.append(image, i, Math.min(image.length(), i + CardParser.CARD)).append('\n');
      }
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return toText();
  }

  private <T> T require(String keyword, Class<T> type, String expected) {
    Card card = firstByKeyword.get(normalise(keyword));
    if (card == null) {
      throw new FitsKeywordException(where(keyword, null), "keyword is missing; expected " + expected);
    }
    if (card.value() == null) {
      throw new FitsKeywordException(where(keyword, card), "value is undefined; expected " + expected);
    }
    return typed(keyword, card, type, expected);
  }

  private <T> T optional(String keyword, Class<T> type, String expected, T fallback) {
    Card card = firstByKeyword.get(normalise(keyword));
    if (card == null || card.value() == null) {
      return fallback;
    }
    return typed(keyword, card, type, expected);
  }

  private <T> T typed(String keyword, Card card, Class<T> type, String expected) {
    if (!card.isValid()) {
      throw new FitsKeywordException(where(keyword, card),
          "value '" + card.value() + "' cannot be parsed; expected " + expected);
    }
    if (!type.isInstance(card.value())) {
      throw wrongType(keyword, card, expected);
    }
    return type.cast(card.value());
  }

  private long toLong(String keyword, Object value) {
    if (value instanceof Long l) {
      return l;
    }
    Card card = firstByKeyword.get(normalise(keyword));
    if (value instanceof BigInteger) {
      throw new FitsKeywordException(where(keyword, card), "value " + value + " does not fit in 64 bits");
    }
    throw wrongType(keyword, card, "an integer");
  }

  private int toInt(String keyword, long value) {
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new FitsKeywordException(where(keyword, firstByKeyword.get(normalise(keyword))),
          "value " + value + " does not fit in 32 bits");
    }
    return (int) value;
  }

  private double toDouble(String keyword, Object value) {
    if (value instanceof Double || value instanceof Long || value instanceof BigInteger) {
      return ((Number) value).doubleValue();
    }
    throw wrongType(keyword, firstByKeyword.get(normalise(keyword)), "a number");
  }

  private FitsKeywordException wrongType(String keyword, Card card, String expected) {
    return new FitsKeywordException(where(keyword, card),
        "value " + describe(card.value()) + " is " + typeName(card.value()) + ", expected " + expected);
  }

  private ErrorContext where(String keyword, Card card) {
    ErrorContext at = context.withKeyword(normalise(keyword));
    return card == null ? at : at.withOffset(card.offset());
  }

  private static String describe(Object value) {
    return value instanceof String ? "'" + value + "'" : String.valueOf(value);
  }

  private static String typeName(Object value) {
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Boolean) {
      return "a logical";
    }
    if (value instanceof Long || value instanceof BigInteger) {
      return "an integer";
    }
    if (value instanceof Double) {
      return "a real";
    }
    return "a complex number";
  }
}
