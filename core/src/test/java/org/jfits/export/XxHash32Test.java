package org.jfits.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** XXH32 against the published values of the reference implementation (seed 0). */
class XxHash32Test {
  private static int hash(String text) {
    byte[] bytes = ("##" + text).getBytes(StandardCharsets.US_ASCII);
    return XxHash32.hash(bytes, 2, bytes.length - 2);
  }

  @Test
  void shortAndLongInputsHashAsTheReferenceDoes() {
    assertEquals(0x02CC5D05, hash(""));
    assertEquals(0x550D7456, hash("a"));
    assertEquals(0x32D153FF, hash("abc"));
    assertEquals(0xE2293B2F, hash("Nobody inspects the spammish repetition"));
  }
}
