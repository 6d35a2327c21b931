package org.jfits.export;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * The element type of an exported column, the same in Parquet and Arrow, and the Java array that
 * carries its values between the table read and the writers: {@code byte[]} of 0/1 for {@link #BOOL};
 * {@code int[]} for the integers of up to 32 bits (unsigned 32-bit values as their bit pattern);
 * {@code long[]} for 64-bit integers (unsigned as their bit pattern); {@code float[]}, {@code double[]};
 * {@code byte[][]} of UTF-8 for {@link #STRING}.
 */
enum Leaf {
  BOOL(1, false),
  INT8(8, true),
  UINT8(8, false),
  INT16(16, true),
  UINT16(16, false),
  INT32(32, true),
  UINT32(32, false),
  INT64(64, true),
  UINT64(64, false),
  FLOAT32(32, true),
  FLOAT64(64, true),
  STRING(0, false);

  /** Bits per value (0 for strings). */
  final int bits;
  /** False for the unsigned integers (and for booleans and strings). */
  final boolean signed;

  Leaf(int bits, boolean signed) {
    this.bits = bits;
    this.signed = signed;
  }

  /** True for the integer types. */
  boolean isInteger() {
    return ordinal() >= INT8.ordinal() && ordinal() <= UINT64.ordinal();
  }

  /** The leaf of an ND4J data type. */
  static Leaf of(DataType type) {
    switch (type) {
      case BOOL:
        return BOOL;
      case BYTE:
        return INT8;
      case UBYTE:
        return UINT8;
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
        return FLOAT32;
      case DOUBLE:
        return FLOAT64;
      case UTF8:
        return STRING;
      default:
        throw new IllegalStateException("no export type for ND4J " + type);
    }
  }
}
