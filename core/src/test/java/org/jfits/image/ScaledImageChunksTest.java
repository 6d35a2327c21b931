package org.jfits.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scaled images larger than one conversion chunk ({@link PixelConverter#SCALING_CHUNK} elements):
 * no file of the shared test data has one, so this writes a BITPIX 16 image with BSCALE and BZERO
 * whose pixels are known and checks every value against {@code (float) (raw * BSCALE + BZERO)}
 * computed in double, whole and in a section that spans several chunks. The image (over 4 MiB
 * stored) is also large enough for a whole read to be split between two threads.
 */
class ScaledImageChunksTest {
  private static final int WIDTH = 1500;
  private static final int HEIGHT = 1450;
  private static final double BSCALE = 0.0457777642139958;
  private static final double BZERO = 1500.0;

  @TempDir
  Path folder;

  private static short raw(int y, int x) {
    return (short) ((y * 7919 + x * 104729) % 65536 - 32768);
  }

  private Path writeImage() throws IOException {
    StringBuilder header = new StringBuilder();
    for (String card : new String[] {
        "SIMPLE  =                    T", "BITPIX  =                   16", "NAXIS   =                    2",
        "NAXIS1  =                  " + WIDTH, "NAXIS2  =                  " + HEIGHT,
        "BSCALE  =    " + BSCALE, "BZERO   =               " + BZERO, "END"}) {
      header.append(String.format("%-80s", card));
    }
    while (header.length() % 2880 != 0) {
      header.append(' ');
    }
    int dataBytes = WIDTH * HEIGHT * 2;
    ByteBuffer data = ByteBuffer.allocate((dataBytes + 2879) / 2880 * 2880);
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        data.putShort(raw(y, x));
      }
    }
    Path file = folder.resolve("scaled.fits");
    byte[] head = header.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + data.capacity()];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(data.array(), 0, all, head.length, data.capacity());
    Files.write(file, all);
    return file;
  }

  @Test
  void readsScaledImagesLargerThanOneChunk() throws IOException {
    try (FitsFile fits = Fits.open(writeImage())) {
      ImageReader reader = fits.hdu(0).image();
      assertEquals(ElementType.FLOAT32, reader.elementType());
      assertPixels(reader.read(), 0, 0);
      // rows 10..239, columns 5..294: 230 runs, each a separate window into the array
      assertPixels(reader.read(new long[] {10, 5}, new long[] {230, 290}), 10, 5);
      // full rows 100..249: one contiguous run converted in several chunks
      assertPixels(reader.read(new long[] {100, 0}, new long[] {150, WIDTH}), 100, 0);
    }
  }

  @Test
  void readsTheSameValuesWhenLargeReadsAreSplitBetweenThreads() throws IOException {
    try (FitsFile fits = Fits.open(writeImage())) {
      ImageReader reader = fits.hdu(0).image();
      assertPixels(reader.threads(1).read(), 0, 0);
      assertPixels(reader.threads(2).read(), 0, 0);
      assertPixels(reader.threads(3).read(new long[] {1, 0}, new long[] {HEIGHT - 1, WIDTH}), 1, 0);
    }
  }

  private static void assertPixels(INDArray array, int y0, int x0) {
    long[] shape = array.shape();
    float[] values = array.data().asFloat();
    for (int y = 0; y < shape[0]; y++) {
      for (int x = 0; x < shape[1]; x++) {
        float expected = (float) (raw(y0 + y, x0 + x) * BSCALE + BZERO);
        float actual = values[(int) (y * shape[1] + x)];
        if (Float.floatToRawIntBits(expected) != Float.floatToRawIntBits(actual)) {
          assertEquals(expected, actual, "pixel (" + (y0 + y) + ", " + (x0 + x) + ")");
        }
      }
    }
  }
}
