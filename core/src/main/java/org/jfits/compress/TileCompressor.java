package org.jfits.compress;

import java.nio.ByteBuffer;

/**
 * Compresses one tile of an image: reads its pixels, quantises floating-point tiles when asked, and
 * codes the result with the chosen algorithm. Stateless apart from its settings, so one instance
 * serves every thread.
 */
final class TileCompressor {
  /** A compressed tile: the bytes of COMPRESSED_DATA (or of GZIP_COMPRESSED_DATA for a tile kept as
   * floats), and for quantised images ZSCALE, ZZERO, whether it holds null pixels and its largest error. */
  record Tile(byte[] data, byte[] gzipData, double scale, double zero, boolean hasNulls, double maxError) {}

  private final ImagePixels pixels;
  private final TileGrid grid;
  private final StoredType type;
  private final TileCompression algorithm;
  private final Quantizer quantizer;
  private final int hcompressScale;

  /**
   * @param quantizer the quantiser of floating-point tiles, or null to compress them losslessly (and
   *     for integer images)
   */
  TileCompressor(ImagePixels pixels, TileGrid grid, StoredType type, TileCompression algorithm,
      Quantizer quantizer, int hcompressScale) {
    this.pixels = pixels;
    this.grid = grid;
    this.type = type;
    this.algorithm = algorithm;
    this.quantizer = quantizer;
    this.hcompressScale = hcompressScale;
  }

  /** The bytes of one integer, as compressed: the stored width, or 4 for quantised floats. */
  int bytepix() {
    return type.isFloat() ? 4 : type.width();
  }

  /** Compresses tile {@code index} (0-based). */
  Tile compress(long index) {
    long[] start = grid.origin(Math.toIntExact(index));
    int[] size = grid.sizeOf(Math.toIntExact(index));
    int count = 1;
    for (int s : size) {
      count *= s;
    }
    if (!type.isFloat()) {
      int[] ints = new int[count];
      pixels.ints(start, size, ints);
      return new Tile(encode(ints, count, type.width(), size), null, 1, 0, false, 0);
    }
    double[] values = new double[count];
    pixels.doubles(start, size, values);
    if (quantizer == null) {
      return new Tile(encodeFloats(values, count), null, 1, 0, false, 0);
    }
    Quantizer.Quantized q = quantizer.quantize(values, count, size[0], index, type == StoredType.FLOAT32);
    if (q == null) {
      return new Tile(new byte[0], GzipEncoder.gzip(floatBytes(values, count)), 1, 0, false, 0);
    }
    return new Tile(encode(q.values(), count, 4, size), null, q.scale(), q.zero(), q.hasNulls(), q.maxError());
  }

  private byte[] encode(int[] values, int count, int width, int[] size) {
    return switch (algorithm) {
      case RICE_1 -> RiceEncoder.encode(values, count, width);
      case GZIP_1 -> GzipEncoder.gzip(intBytes(values, count, width));
      case GZIP_2 -> GzipEncoder.gzip(GzipEncoder.shuffle(intBytes(values, count, width), width));
      case PLIO_1 -> PlioEncoder.encode(values, count);
      case HCOMPRESS_1 -> HCompressEncoder.encode(values, size[0], size.length > 1 ? size[1] : 1, hcompressScale);
      case NOCOMPRESS -> intBytes(values, count, width);
    };
  }

  private byte[] encodeFloats(double[] values, int count) {
    byte[] bytes = floatBytes(values, count);
    return switch (algorithm) {
      case GZIP_1 -> GzipEncoder.gzip(bytes);
      case GZIP_2 -> GzipEncoder.gzip(GzipEncoder.shuffle(bytes, type.width()));
      case NOCOMPRESS -> bytes;
      default -> throw new IllegalStateException(algorithm + " cannot store floats without quantising them");
    };
  }

  private byte[] floatBytes(double[] values, int count) {
    ByteBuffer out = ByteBuffer.allocate(count * type.width());
    for (int i = 0; i < count; i++) {
      if (type == StoredType.FLOAT32) {
        out.putFloat((float) values[i]);
      } else {
        out.putDouble(values[i]);
      }
    }
    return out.array();
  }

  private static byte[] intBytes(int[] values, int count, int width) {
    ByteBuffer out = ByteBuffer.allocate(count * width);
    for (int i = 0; i < count; i++) {
      switch (width) {
        case 1 -> out.put((byte) values[i]);
        case 2 -> out.putShort((short) values[i]);
        default -> out.putInt(values[i]);
      }
    }
    return out.array();
  }
}
