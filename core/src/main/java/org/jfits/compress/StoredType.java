package org.jfits.compress;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * How each ND4J element type is stored in a compressed image: its ZBITPIX, the bytes of a stored
 * integer, and the BZERO of the FITS conventions for types FITS has no BITPIX for (signed bytes,
 * unsigned 16 and 32-bit integers, stored with the sign bit flipped, as fpack does).
 */
enum StoredType {
  INT8(DataType.INT8, 8, -128, true),
  UINT8(DataType.UINT8, 8, 0, false),
  INT16(DataType.INT16, 16, 0, false),
  UINT16(DataType.UINT16, 16, 32768, true),
  INT32(DataType.INT32, 32, 0, false),
  UINT32(DataType.UINT32, 32, 2147483648L, true),
  FLOAT32(DataType.FLOAT, -32, 0, false),
  FLOAT64(DataType.DOUBLE, -64, 0, false);

  final DataType dataType;
  final int bitpix;
  final long bzero;
  /** Whether the stored value is the array's value with its sign bit flipped (BZERO != 0). */
  final boolean flipsSign;

  StoredType(DataType dataType, int bitpix, long bzero, boolean flipsSign) {
    this.dataType = dataType;
    this.bitpix = bitpix;
    this.bzero = bzero;
    this.flipsSign = flipsSign;
  }

  /** Bytes of one element in the array (and of one stored value for integer types). */
  int width() {
    return Math.abs(bitpix) / 8;
  }

  boolean isFloat() {
    return bitpix < 0;
  }

  /**
   * The stored type of an ND4J type.
   *
   * @throws IllegalArgumentException for types tile compression cannot store (64-bit integers,
   *     half floats, booleans, strings)
   */
  static StoredType of(DataType type) {
    for (StoredType t : values()) {
      if (t.dataType == type) {
        return t;
      }
    }
    throw new IllegalArgumentException("tile-compressed images hold int8, uint8, int16, uint16, int32, uint32, "
        + "float32 or float64 arrays, not " + type.name().toLowerCase(java.util.Locale.ROOT));
  }
}
