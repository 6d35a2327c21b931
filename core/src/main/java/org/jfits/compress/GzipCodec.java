package org.jfits.compress;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * GZIP_1 and GZIP_2 tiles (and lossless fallback tiles in a {@code GZIP_COMPRESSED_DATA} column): a
 * gzip stream of the tile's big-endian values; for GZIP_2 the bytes are shuffled, all first bytes of
 * the values, then all second bytes, and so on. Inflated with {@link java.util.zip.Inflater} into a
 * reused buffer.
 */
final class GzipCodec implements TileCodec {
  private final boolean shuffled;
  private final Inflater inflater = new Inflater(true);
  private byte[] input = new byte[0];
  private byte[] output = new byte[0];
  private byte[] unshuffled = new byte[0];

  GzipCodec(boolean shuffled) {
    this.shuffled = shuffled;
  }

  @Override
  public void decode(ByteBuffer data, int count, int width, TileValues out) {
    int length = count * width;
    byte[] bytes = inflate(data, length);
    if (shuffled && width > 1) {
      if (unshuffled.length < length) {
        unshuffled = new byte[length];
      }
      for (int b = 0; b < width; b++) {
        int from = b * count;
        for (int i = 0; i < count; i++) {
          unshuffled[i * width + b] = bytes[from + i];
        }
      }
      bytes = unshuffled;
    }
    StoredValues.read(ByteBuffer.wrap(bytes, 0, length).slice(), count, width, out);
  }

  private byte[] inflate(ByteBuffer data, int length) {
    int size = data.remaining();
    if (input.length < size) {
      input = new byte[size];
    }
    data.get(input, 0, size);
    if (output.length < length) {
      output = new byte[length];
    }
    int header = gzipHeaderLength(input, size);
    inflater.reset();
    inflater.setInput(input, header, size - header);
    int done = 0;
    try {
      while (done < length) {
        int n = inflater.inflate(output, done, length - done);
        if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        done += n;
      }
    } catch (DataFormatException e) {
      throw new IllegalStateException("the gzip stream is corrupt: " + e.getMessage(), e);
    }
    if (done < length) {
      throw new IllegalStateException("the gzip stream ends after " + done + " of the tile's " + length + " bytes");
    }
    return output;
  }

  /** The length of the gzip member header (RFC 1952) before the deflate data. */
  private static int gzipHeaderLength(byte[] bytes, int size) {
    if (size < 10 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b || bytes[2] != 8) {
      throw new IllegalStateException("not a gzip stream (no 1f 8b 08 header)");
    }
    int flags = bytes[3] & 0xff;
    int at = 10;
    if ((flags & 4) != 0) {
      at += 2 + ((bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8);
    }
    if ((flags & 8) != 0) {
      while (bytes[at++] != 0) {
        // file name
      }
    }
    if ((flags & 16) != 0) {
      while (bytes[at++] != 0) {
        // comment
      }
    }
    if ((flags & 2) != 0) {
      at += 2;
    }
    if (at > size) {
      throw new IllegalStateException("the gzip header is truncated");
    }
    return at;
  }
}
