package org.jfits.write;

import java.nio.ByteBuffer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * How the elements of an ND4J array are stored in a binary-table column, and the bulk copy that
 * stores them: the type code, the TZERO of the unsigned conventions (uint16 as {@code I} with TZERO
 * 32768, uint32 as {@code J} with 2^31, uint64 as {@code K} with 2^63, int8 as {@code B} with -128),
 * done by flipping the sign bit of each stored element after one bulk byte-swapping copy.
 */
enum ElementCoding {
  LOGICAL('L', 1, 0, false),
  UINT8('B', 1, 0, false),
  INT8('B', 1, -128, true),
  INT16('I', 2, 0, false),
  UINT16('I', 2, 32768, true),
  INT32('J', 4, 0, false),
  UINT32('J', 4, 2147483648.0, true),
  INT64('K', 8, 0, false),
  UINT64('K', 8, 9223372036854775808.0, true),
  FLOAT('E', 4, 0, false),
  DOUBLE('D', 8, 0, false);

  /** The binary-table type code. */
  final char code;
  /** Bytes per element. */
  final int size;
  /** The TZERO of the convention, 0 for none. */
  final double zero;
  private final boolean flipSign;

  ElementCoding(char code, int size, double zero, boolean flipSign) {
    this.code = code;
    this.size = size;
    this.zero = zero;
    this.flipSign = flipSign;
  }

  /**
   * The coding of an ND4J element type.
   *
   * @throws IllegalArgumentException for types FITS tables cannot hold (half floats, strings, ...)
   */
  static ElementCoding of(DataType type, String column) {
    switch (type) {
      case BOOL:
        return LOGICAL;
      case UBYTE:
        return UINT8;
      case BYTE:
        return INT8;
      case SHORT:
        return INT16;
      case UINT16:
        return UINT16;
      case INT:
        return INT32;
      case UINT32:
        return UINT32;
      case LONG:
        return INT64;
      case UINT64:
        return UINT64;
      case FLOAT:
        return FLOAT;
      case DOUBLE:
        return DOUBLE;
      default:
        throw new IllegalArgumentException("column " + column + ": ND4J type " + type + " cannot be written to a"
            + " FITS table (bool, int8/16/32/64, uint8/16/32/64, float and double can)");
    }
  }

  /** Whether the stored values are integers, the only ones TNULL applies to. */
  boolean isInteger() {
    return "BIJK".indexOf(code) >= 0;
  }

  /** Appends the TZERO card of the convention (as an integer, or a real for 2^63), if there is one. */
  void zeroCard(HeaderBuilder header, int n) {
    if (this == UINT64) {
      header.add("TZERO" + n, zero, "");
    } else if (zero != 0) {
      header.add("TZERO" + n, (long) zero, "");
    }
  }

  /**
   * Stores {@code count} elements, starting at element {@code first} of {@code source}, at the
   * position of {@code target} (big-endian), and advances the position.
   */
  void copy(ArrayChunks source, long first, int count, ByteBuffer target) {
    int bytes = count * size;
    ByteBuffer from = source.window(first * size, bytes);
    int at = target.position();
    if (this == LOGICAL) {
      for (int i = 0; i < count; i++) {
        target.put(at + i, from.get(i) != 0 ? (byte) 'T' : (byte) 'F');
      }
    } else {
      BigEndian.copy(from, target.slice(at, bytes), size);
    }
    if (flipSign) {
      for (int i = at; i < at + bytes; i += size) {
        target.put(i, (byte) (target.get(i) ^ 0x80));
      }
    }
    target.position(at + bytes);
  }
}
