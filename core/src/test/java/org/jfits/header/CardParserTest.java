package org.jfits.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Integer values at the edges of the {@code long} range, with and without signs: the types and values
 * are those of the FITS standard (4.2.3, integers of any length), as astropy reads them (an int that
 * numpy stores as int64 when it fits, a Python int beyond).
 */
class CardParserTest {
  private static Card card(String value) {
    return CardParser.parse(String.format("%-8s= %20s", "NUM", value), 0);
  }

  @ParameterizedTest
  @CsvSource({
    "42, 42", "+42, 42", "-0042, -42", "0, 0", "-0, 0",
    "999999999999999999, 999999999999999999",
    "9223372036854775807, 9223372036854775807",
    "-9223372036854775808, -9223372036854775808",
    "+0000000000000000000000001, 1"
  })
  void integersThatFitALongAreLongs(String text, long expected) {
    Card card = card(text);
    assertTrue(card.isValid(), text);
    assertEquals(Long.valueOf(expected), card.value(), text);
  }

  @ParameterizedTest
  @CsvSource({"9223372036854775808", "-9223372036854775809", "+123456789012345678901234567890"})
  void integersBeyondALongAreBigIntegers(String text) {
    Card card = card(text);
    assertTrue(card.isValid(), text);
    assertEquals(new BigInteger(text.replace("+", "")), card.value(), text);
  }

  @ParameterizedTest
  @CsvSource({"+", "-", "1-2", "+-1", "12a"})
  void signsAndDigitsAloneOrMixedAreNotIntegers(String text) {
    assertFalse(card(text).isValid(), text);
  }
}
