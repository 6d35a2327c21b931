package org.jfits.compress;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * PLIO_1 tiles: IRAF's PLIO line lists (cfitsio's {@code pl_l2pi}), for masks of non-negative integers.
 * The tile is a list of 16-bit big-endian words: a header giving the list length, then instructions of
 * a 4-bit opcode and 12 bits of data that draw runs of zeros or of the current value, or change that
 * value. Pixels no instruction reaches are 0.
 */
final class PlioCodec implements TileCodec {
  @Override
  public void decode(ByteBuffer data, int count, int width, TileValues out) {
    int[] values = out.ints(count);
    Arrays.fill(values, 0, count, 0);
    data.order(ByteOrder.BIG_ENDIAN);
    int words = data.limit() / 2;
    if (words < 3) {
      throw new IllegalStateException("a PLIO line list needs a header of at least 3 words, the tile has " + words);
    }
    int length;
    int first;
    if (data.getShort(4) > 0) {
      length = data.getShort(4);
      first = 3;
    } else {
      if (words < 5) {
        throw new IllegalStateException("the PLIO line list header is truncated");
      }
      length = (word(data, 4) << 15) + word(data, 3);
      first = word(data, 1);
    }
    if (length > words) {
      throw new IllegalStateException("the PLIO line list declares " + length + " words, the tile holds " + words);
    }
    int x = 0;
    int value = 1;
    for (int ip = first; ip < length && x < count; ip++) {
      int w = word(data, ip);
      int op = w >>> 12;
      int arg = w & 0xfff;
      switch (op) {
        case 0:
        case 4:
        case 5: {
          int end = Math.min(x + arg, count);
          if (op == 4) {
            Arrays.fill(values, x, end, value);
          } else if (op == 5 && x + arg <= count && arg > 0) {
            values[x + arg - 1] = value;
          }
          x += arg;
          break;
        }
        case 1:
          if (ip + 1 >= length) {
            throw new IllegalStateException("the PLIO line list ends inside a set-value instruction");
          }
          value = (word(data, ++ip) << 12) + arg;
          break;
        case 2:
          value += arg;
          break;
        case 3:
          value -= arg;
          break;
        case 6:
        case 7:
          value += op == 6 ? arg : -arg;
          values[x++] = value;
          break;
        default:
          // unused opcodes are ignored, as cfitsio does
      }
    }
  }

  private static int word(ByteBuffer data, int index) {
    return data.getShort(index * 2) & 0xffff;
  }
}
