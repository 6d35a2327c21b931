package org.jfits.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the FITS files the read benchmarks use: one primary image per file, square, in two pixel
 * types, with the same bytes on every run (values come from a fixed-seed generator).
 *
 * <ul>
 *   <li>{@code float32-N.fits}: BITPIX -32, a smooth ramp plus noise;
 *   <li>{@code int16-N.fits}: BITPIX 16 with BSCALE = 0.01 and BZERO = 100, so readers return float32
 *       values {@code 0.01 * stored + 100}.
 * </ul>
 *
 * <p>The files are written with plain Java, not with either library under test, so neither reader
 * is reading its own output. Usage: {@code DataGenerator DIR [SIZE...]} (sizes default to 256, 1024,
 * 4096).
 */
public final class DataGenerator {
  /** The pixel types the benchmarks read, as the {@code type} parameter names them. */
  public static final List<String> TYPES = List.of("float32", "int16");
  /** The image sizes (pixels per side) the benchmarks read by default. */
  public static final List<Integer> SIZES = List.of(256, 1024, 4096);
  /** BSCALE of the int16 files. */
  public static final double BSCALE = 0.01;
  /** BZERO of the int16 files. */
  public static final double BZERO = 100.0;

  private static final int BLOCK = 2880;
  private static final int CARD = 80;

  private DataGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: DataGenerator DIR [SIZE...]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    List<Integer> sizes = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      sizes.add(Integer.parseInt(args[i]));
    }
    if (sizes.isEmpty()) {
      sizes.addAll(SIZES);
    }
    for (int size : sizes) {
      for (String type : TYPES) {
        Path file = write(dir, type, size);
        System.out.printf(Locale.ROOT, "wrote %s (%d bytes)%n", file, Files.size(file));
      }
    }
  }

  /** The file the benchmarks read for a type and size. */
  public static Path file(Path dir, String type, int size) {
    return dir.resolve(type + "-" + size + ".fits");
  }

  /** Writes (or rewrites) the file for a type and size and returns its path. */
  public static Path write(Path dir, String type, int size) throws IOException {
    Files.createDirectories(dir);
    Path file = file(dir, type, size);
    List<String> cards = new ArrayList<>();
    cards.add(logical("SIMPLE", true));
    cards.add(integer("BITPIX", type.equals("float32") ? -32 : 16));
    cards.add(integer("NAXIS", 2));
    cards.add(integer("NAXIS1", size));
    cards.add(integer("NAXIS2", size));
    if (type.equals("int16")) {
      cards.add(real("BSCALE", BSCALE));
      cards.add(real("BZERO", BZERO));
    } else if (!type.equals("float32")) {
      throw new IllegalArgumentException("unknown type " + type);
    }
    cards.add(pad("END"));
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      StringBuilder header = new StringBuilder();
      cards.forEach(header::append);
      while (header.length() % BLOCK != 0) {
        header.append(' ');
      }
      writeFully(out, ByteBuffer.wrap(header.toString().getBytes(StandardCharsets.US_ASCII)));
      long dataBytes = writeData(out, type, size);
      long padding = (BLOCK - dataBytes % BLOCK) % BLOCK;
      writeFully(out, ByteBuffer.allocate((int) padding));
    }
    return file;
  }

  /** Writes the pixels row by row, big-endian, and returns the number of data bytes. */
  private static long writeData(FileChannel out, String type, int size) throws IOException {
    SplittableRandom random = new SplittableRandom(0x5EED_0000L + size * 31L + type.length());
    int width = type.equals("float32") ? Float.BYTES : Short.BYTES;
    ByteBuffer row = ByteBuffer.allocate(size * width).order(ByteOrder.BIG_ENDIAN);
    for (int y = 0; y < size; y++) {
      row.clear();
      for (int x = 0; x < size; x++) {
        if (width == Float.BYTES) {
          row.putFloat((float) (1000.0 * x / size + 10.0 * y / size + random.nextGaussian()));
        } else {
          row.putShort((short) random.nextInt(Short.MIN_VALUE, Short.MAX_VALUE + 1));
        }
      }
      row.flip();
      writeFully(out, row);
    }
    return (long) size * size * width;
  }

  private static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
  }

  private static String logical(String key, boolean value) {
    return value(key, value ? "T" : "F");
  }

  private static String integer(String key, long value) {
    return value(key, Long.toString(value));
  }

  private static String real(String key, double value) {
    return value(key, Double.toString(value));
  }

  /** A fixed-format card: keyword in columns 1-8, "= ", value right-aligned to column 30. */
  private static String value(String key, String value) {
    return pad(String.format(Locale.ROOT, "%-8s= %20s", key, value));
  }

  private static String pad(String text) {
    StringBuilder card = new StringBuilder(text);
    while (card.length() < CARD) {
      card.append(' ');
    }
    return card.toString();
  }
}
