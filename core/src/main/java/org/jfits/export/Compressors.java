package org.jfits.export;

import io.airlift.compress.Compressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * The block compressors of the columnar formats, all in pure Java: Snappy (raw blocks) and Zstandard
 * (frames) from aircompressor, gzip from the JDK.
 */
final class Compressors {
  private Compressors() {}

  /** Raw Snappy, as Parquet's SNAPPY codec stores a page. */
  static byte[] snappy(byte[] data) {
    return compress(new SnappyCompressor(), data);
  }

  /** One Zstandard frame, as Parquet's ZSTD codec stores a page and Arrow's ZSTD a buffer. */
  static byte[] zstd(byte[] data) {
    return compress(new ZstdCompressor(), data);
  }

  /** A gzip member, as Parquet's GZIP codec stores a page. */
  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
      gzip.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] compress(Compressor compressor, byte[] data) {
    byte[] out = new byte[compressor.maxCompressedLength(data.length)];
    int length = compressor.compress(data, 0, data.length, out, 0, out.length);
    return Arrays.copyOf(out, length);
  }
}
