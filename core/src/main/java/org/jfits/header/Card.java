package org.jfits.header;

import java.util.Objects;

/**
 * One logical header card: a keyword, its value and its comment, as astropy's {@code Card} gives them.
 *
 * <p>A long string written with the CONTINUE convention is one logical card whose {@link #value()} is
 * the whole string (the {@code &} continuation marks removed) and whose {@link #image()} holds all its
 * 80-character card images. HIERARCH cards are named without the {@code HIERARCH} prefix (e.g.
 * {@code ESO DET CHIP NAME}). Commentary cards (COMMENT, HISTORY, blank keyword, or any card without
 * the {@code "= "} value indicator) have their text as value.
 *
 * <p>Value types: {@link Boolean} for T/F, {@link Long} for integers ({@link java.math.BigInteger}
 * beyond 64 bits), {@link Double} for reals, {@link String} for strings and commentary text,
 * {@link Complex} for complex values, and {@code null} for an undefined value. A value field that
 * cannot be parsed is kept: {@link #isValid()} is false and {@link #value()} is its raw text.
 */
public final class Card {
  /** A complex keyword value {@code (real, imaginary)}. */
  public record Complex(double real, double imaginary) {}

  private final String keyword;
  private final Object value;
  private final String comment;
  private final boolean commentary;
  private final boolean valid;
  private final String image;
  private final long offset;

  Card(String keyword, Object value, String comment, boolean commentary, boolean valid, String image,
      long offset) {
    this.keyword = keyword;
    this.value = value;
    this.comment = comment;
    this.commentary = commentary;
    this.valid = valid;
    this.image = image;
    this.offset = offset;
  }

  /** The keyword, upper case as written; HIERARCH keywords without the prefix; "" for blank cards. */
  public String keyword() {
    return keyword;
  }

  /** The value (see the class description for its types), or {@code null} when undefined. */
  public Object value() {
    return value;
  }

  /** The comment after the {@code /}, trimmed; "" when there is none. */
  public String comment() {
    return comment;
  }

  /** True for COMMENT, HISTORY, blank-keyword cards and other cards without a value indicator. */
  public boolean isCommentary() {
    return commentary;
  }

  /** False when the value field could not be parsed; {@link #value()} is then its raw text. */
  public boolean isValid() {
    return valid;
  }

  /** The card images as stored: 80 characters, or a multiple of 80 for CONTINUE'd strings. */
  public String image() {
    return image;
  }

  /** The byte offset of the first card image in the file. */
  public long offset() {
    return offset;
  }

  @Override
  public String toString() {
    return image;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Card c && image.equals(c.image) && offset == c.offset;
  }

  @Override
  public int hashCode() {
    return Objects.hash(image, offset);
  }
}
