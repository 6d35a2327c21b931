package org.jfits.compress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** GZIP_1 and GZIP_2 tiles: a gzip stream of the big-endian tile bytes, shuffled first for GZIP_2. */
final class GzipEncoder {
  private GzipEncoder() {}

  /** A gzip stream (RFC 1952) of {@code bytes}. */
  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip into memory failed", e); // cannot happen: memory streams
    }
    return out.toByteArray();
  }

  /**
   * The bytes of values {@code width} bytes wide regrouped by significance: the first byte of every
   * value, then the second byte of every value, and so on (GZIP_2's shuffle).
   */
  static byte[] shuffle(byte[] bytes, int width) {
    if (width == 1) {
      return bytes;
    }
    int values = bytes.length / width;
    byte[] shuffled = new byte[bytes.length];
    for (int b = 0; b < width; b++) {
      int to = b * values;
      for (int i = 0, from = b; i < values; i++, from += width) {
        shuffled[to + i] = bytes[from];
      }
    }
    return shuffled;
  }
}
