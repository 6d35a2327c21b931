package org.jfits.export;

import io.airlift.compress.Compressor;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * The block compressors of the columnar formats, all in pure Java: Snappy (raw blocks), Zstandard
 * (frames) and LZ4 blocks from aircompressor, framed here; gzip from the JDK.
 */
final class Compressors {
  /** LZ4 frames hold blocks of up to 4 MiB. */
  private static final int LZ4_BLOCK = 4 << 20;

  private Compressors() {}

  /** Raw Snappy, as Parquet's SNAPPY codec stores a page. */
  static byte[] snappy(byte[] data) {
    return compress(new SnappyCompressor(), data);
  }

  /** One Zstandard frame, as Parquet's ZSTD codec stores a page and Arrow's ZSTD a buffer. */
  static byte[] zstd(byte[] data) {
    return compress(new ZstdCompressor(), data);
  }

  /** One raw LZ4 block, as Parquet's LZ4_RAW codec stores a page. */
  static byte[] lz4(byte[] data) {
    return compress(new Lz4Compressor(), data);
  }

  /**
   * One LZ4 frame (the LZ4 frame format 1.6), as Arrow's LZ4_FRAME codec stores a buffer: independent
   * blocks of up to 4 MiB, each stored as is where compression would not shrink it, the content size
   * in the header, no checksums of blocks or content.
   */
  static byte[] lz4Frame(byte[] data) {
    Lz4Compressor compressor = new Lz4Compressor();
    int blocks = Math.max(1, (data.length + LZ4_BLOCK - 1) / LZ4_BLOCK);
    byte[] block = new byte[compressor.maxCompressedLength(Math.min(data.length, LZ4_BLOCK))];
    ByteBuffer frame = ByteBuffer.allocate(4 + 11 + blocks * (4 + block.length) + 4).order(ByteOrder.LITTLE_ENDIAN);
    frame.putInt(0x184D2204);
    int descriptor = frame.position();
    frame.put((byte) 0x68); // version 01, independent blocks, content size present
    frame.put((byte) 0x70); // blocks of up to 4 MiB
    frame.putLong(data.length);
    frame.put((byte) (XxHash32.hash(frame.array(), descriptor, frame.position() - descriptor) >>> 8));
    for (int from = 0; from < data.length; from += LZ4_BLOCK) {
      int length = Math.min(LZ4_BLOCK, data.length - from);
      int packed = compressor.compress(data, from, length, block, 0, block.length);
      if (packed < length) {
        frame.putInt(packed).put(block, 0, packed);
      } else {
        frame.putInt(length | 0x80000000).put(data, from, length);
      }
    }
    frame.putInt(0);
    return Arrays.copyOf(frame.array(), frame.position());
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
