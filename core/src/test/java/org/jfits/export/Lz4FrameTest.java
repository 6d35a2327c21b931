package org.jfits.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;
import org.junit.jupiter.api.Test;

/**
 * LZ4 frames read back by commons-compress's frame reader (which checks the header checksum): empty
 * data, data over several 4 MiB blocks, and random data whose blocks are stored uncompressed.
 */
class Lz4FrameTest {
  private static byte[] roundTrip(byte[] data) throws IOException {
    try (InputStream in = new FramedLZ4CompressorInputStream(new ByteArrayInputStream(Compressors.lz4Frame(data)))) {
      return in.readAllBytes();
    }
  }

  @Test
  void framesOfEverySizeReadBack() throws IOException {
    Random random = new Random(7);
    byte[] compressible = new byte[9 << 20];
    for (int i = 0; i < compressible.length; i++) {
      compressible[i] = (byte) (i % 251 < 200 ? i % 7 : random.nextInt());
    }
    byte[] noise = new byte[(5 << 20) + 3];
    random.nextBytes(noise);
    assertArrayEquals(new byte[0], roundTrip(new byte[0]));
    assertArrayEquals(compressible, roundTrip(compressible));
    assertTrue(Compressors.lz4Frame(compressible).length < compressible.length / 2, "compressible data shrinks");
    assertArrayEquals(noise, roundTrip(noise));
  }
}
