package org.jfits.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Chooses how to read a file. Plain FITS files are read in place; gzip-compressed files
 * ({@code .fits.gz}, recognised by their magic bytes, not their name) are inflated once into a
 * temporary file that is deleted when the input is closed, because FITS readers need random access.
 */
public final class Inputs {
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;

  private Inputs() {}

  /** Opens a local file for random access, inflating it first if it is gzip-compressed. */
  public static RandomAccessInput open(Path path) throws IOException {
    String name = path.toString();
    if (isGzip(path)) {
      try (InputStream compressed = Files.newInputStream(path)) {
        return inflate(name, compressed);
      }
    }
    return new FileInput(name, path, null);
  }

  /**
   * Inflates a gzip stream into a temporary file (deleted when the input is closed) and opens it for
   * random access under {@code name}. The stream is read to its end and closed.
   *
   * @throws java.io.EOFException if the compressed stream ends early
   * @throws java.util.zip.ZipException if it is not valid gzip
   */
  public static RandomAccessInput inflate(String name, InputStream compressed) throws IOException {
    Path inflated = Files.createTempFile("jfits-", ".fits");
    try (InputStream in = new GZIPInputStream(compressed, 1 << 16);
        OutputStream out = Files.newOutputStream(inflated)) {
      in.transferTo(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(inflated);
      throw e;
    }
    return new FileInput(name, inflated, inflated);
  }

  private static boolean isGzip(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return in.read() == GZIP_MAGIC_1 && in.read() == GZIP_MAGIC_2;
    }
  }
}
