package org.jfits.image;

import static org.jfits.TestFiles.header;
import static org.jfits.TestFiles.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Images whose data is larger than 2 GiB, in sparse files: a hand-written header, a data section
 * of zeros (a hole, so no disk is used) and a few known big-endian values, some beyond byte 2^31 of
 * the data, where an int offset would overflow.
 */
class LargeImageTest {
  /** 23171^2 float32 pixels are 2,147,580,964 bytes: more than 2^31. */
  private static final int SIDE = 23171;
  private static final long PIXELS = (long) SIDE * SIDE;
  private static final long DATA_OFFSET = 2880;
  /** The first pixel whose bytes lie wholly beyond 2^31 bytes of data. */
  private static final long BEYOND_2G = (1L << 31) / 4;
  private static final Duration LIMIT = Duration.ofSeconds(60);

  @TempDir
  Path dir;
  private Path file;

  @AfterEach
  void deleteFile() throws IOException {
    if (file != null) {
      Files.deleteIfExists(file);
    }
  }

  /** Planted values by flat (row-major, numpy order) pixel index. */
  private static Map<Long, Double> planted() {
    Map<Long, Double> values = new LinkedHashMap<>();
    values.put(0L, 1.5);
    values.put(1L, -2.25);
    values.put((long) SIDE, 3.0);                // row 1, column 0
    values.put(BEYOND_2G - 1, 41.0);             // the last pixel below 2^31 bytes
    values.put(BEYOND_2G, 42.5);                 // the first pixel at 2^31 bytes
    values.put(BEYOND_2G + 1, -43.75);
    values.put(PIXELS - SIDE - 1, 5.0);          // the last pixel of the second-last row
    values.put(PIXELS - SIDE + 12345, 6.25);     // inside the last row
    values.put(PIXELS - 2, -0.5);
    values.put(PIXELS - 1, 7.75);                // the last pixel
    return values;
  }

  /** Writes a sparse image file and plants {@code values} (stored values) at their pixel indices. */
  private Path sparse(String name, int bitpix, Map<Long, Double> values, String... extraCards) throws IOException {
    String[] cards = new String[5 + extraCards.length];
    cards[0] = value("SIMPLE", "T");
    cards[1] = value("BITPIX", String.valueOf(bitpix));
    cards[2] = value("NAXIS", "2");
    cards[3] = value("NAXIS1", String.valueOf(SIDE));
    cards[4] = value("NAXIS2", String.valueOf(SIDE));
    System.arraycopy(extraCards, 0, cards, 5, extraCards.length);
    byte[] head = header(cards);
    assertEquals(DATA_OFFSET, head.length);
    int width = Math.abs(bitpix) / 8;
    long data = PIXELS * width;
    assertTrue(data > 1L << 31 || bitpix == 16);
    file = dir.resolve(name);
    try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
      out.write(head);
      out.setLength(DATA_OFFSET + (data + 2879) / 2880 * 2880);
      for (Map.Entry<Long, Double> e : values.entrySet()) {
        out.seek(DATA_OFFSET + e.getKey() * width);
        if (bitpix == -32) {
          out.writeFloat(e.getValue().floatValue()); // big-endian, as FITS stores it
        } else {
          out.writeShort(e.getValue().intValue());
        }
      }
    }
    return file;
  }

  private static long row(long index) {
    return index / SIDE;
  }

  private static long column(long index) {
    return index % SIDE;
  }

  @Test
  void float32ImageOver2GiBReadsWholeWithValuesBeyondByte2To31InPlace() throws IOException {
    Map<Long, Double> values = planted();
    Path path = sparse("big32.fits", -32, values);
    assertTrue(Files.size(path) > (1L << 31) + DATA_OFFSET);
    assertTimeoutPreemptively(LIMIT, () -> {
      try (FitsFile fits = Fits.open(path)) {
        Hdu hdu = fits.hdu(0);
        assertArrayEquals(new long[] {SIDE, SIDE}, hdu.shape());
        INDArray image = hdu.image().read();
        assertEquals(DataType.FLOAT, image.dataType());
        assertArrayEquals(new long[] {SIDE, SIDE}, image.shape());
        double sum = 0;
        double absSum = 0;
        for (Map.Entry<Long, Double> e : values.entrySet()) {
          long k = e.getKey();
          assertEquals(e.getValue(), image.getFloat(row(k), column(k)), 0.0, "pixel " + k);
          sum += e.getValue();
          absSum += Math.abs(e.getValue());
        }
        assertEquals(0.0, image.getFloat(SIDE - 1, 0), 0.0);
        assertEquals(0.0, image.getFloat(row(BEYOND_2G + 2), column(BEYOND_2G + 2)), 0.0);
        // nothing else is non-zero: the planted values were not copied anywhere else
        assertEquals(sum, image.sumNumber().doubleValue(), 1e-3);
        assertEquals(absSum, image.norm1Number().doubleValue(), 1e-3);
      }
    });
  }

  @Test
  void float32SectionAtTheFarEndEqualsThePlantedValues() throws IOException {
    Map<Long, Double> values = planted();
    Path path = sparse("big32-section.fits", -32, values);
    long firstRow = row(BEYOND_2G - 1);
    long firstColumn = Math.min(column(BEYOND_2G - 1), column(PIXELS - SIDE + 12345)) - 3;
    long[] start = {firstRow, firstColumn};
    long[] shape = {SIDE - firstRow, SIDE - firstColumn};
    assertTimeoutPreemptively(LIMIT, () -> {
      try (FitsFile fits = Fits.open(path)) {
        INDArray section = fits.hdu(0).image().read(start, shape);
        assertArrayEquals(shape, section.shape());
        int found = 0;
        for (long r = 0; r < shape[0]; r++) {
          for (long c = 0; c < shape[1]; c++) {
            long k = (firstRow + r) * SIDE + firstColumn + c;
            double expected = values.getOrDefault(k, 0.0);
            assertEquals(expected, section.getFloat(r, c), 0.0, "pixel " + k);
            found += values.containsKey(k) ? 1 : 0;
          }
        }
        assertEquals(7, found, "planted pixels inside the section");
      }
    });
  }

  @Test
  void scaledInt16SectionBeyondByte2To31IsScaled() throws IOException {
    // 32769^2 int16 pixels would be needed for 2 GiB of data; 23171^2 gives 1 GiB, so put the
    // section beyond byte 2^30 and check the scaled values; the file offsets pass 2^31 with -32 above
    Map<Long, Double> stored = new LinkedHashMap<>();
    stored.put(PIXELS - 1, 1000.0);
    stored.put(PIXELS - 2, -32768.0);
    stored.put(PIXELS - SIDE, 32767.0);
    stored.put(0L, 7.0);
    Path path = sparse("big16.fits", 16, stored, value("BSCALE", "0.5"), value("BZERO", "100.0"));
    assertTimeoutPreemptively(LIMIT, () -> {
      try (FitsFile fits = Fits.open(path)) {
        ImageReader reader = fits.hdu(0).image();
        assertEquals(ElementType.FLOAT32, reader.elementType());
        INDArray lastRow = reader.read(new long[] {SIDE - 1, 0}, new long[] {1, SIDE});
        assertEquals(0.5 * 32767 + 100, lastRow.getFloat(0, 0), 0.0);
        assertEquals(0.5 * -32768 + 100, lastRow.getFloat(0, SIDE - 2), 0.0);
        assertEquals(0.5 * 1000 + 100, lastRow.getFloat(0, SIDE - 1), 0.0);
        assertEquals(100.0, lastRow.getFloat(0, 1), 0.0);
        INDArray raw = reader.raw().read(new long[] {SIDE - 1, SIDE - 2}, new long[] {1, 2});
        assertEquals(DataType.INT16, raw.dataType());
        assertEquals(-32768, raw.getInt(0, 0));
        assertEquals(1000, raw.getInt(0, 1));
        assertEquals(0.5 * 7 + 100, reader.read(new long[] {0, 0}, new long[] {1, 1}).getFloat(0, 0), 0.0);
      }
    });
  }
}
