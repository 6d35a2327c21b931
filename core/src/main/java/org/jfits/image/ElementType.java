package org.jfits.image;

/**
 * The element types an image can be read as, named as numpy names them. Independent of ND4J so that
 * listings ({@code info}) can say what a read would return without loading the array library.
 */
public enum ElementType {
  /** Unsigned 8-bit: BITPIX 8. */
  UINT8("uint8", 1),
  /** Signed 8-bit: BITPIX 8 with BZERO = -128. */
  INT8("int8", 1),
  /** Signed 16-bit: BITPIX 16. */
  INT16("int16", 2),
  /** Unsigned 16-bit: BITPIX 16 with BZERO = 32768. */
  UINT16("uint16", 2),
  /** Signed 32-bit: BITPIX 32. */
  INT32("int32", 4),
  /** Unsigned 32-bit: BITPIX 32 with BZERO = 2^31. */
  UINT32("uint32", 4),
  /** Signed 64-bit: BITPIX 64. */
  INT64("int64", 8),
  /** Unsigned 64-bit: BITPIX 64 with BZERO = 2^63. */
  UINT64("uint64", 8),
  /** IEEE single precision: BITPIX -32, or scaled BITPIX 8 and 16. */
  FLOAT32("float32", 4),
  /** IEEE double precision: BITPIX -64, or scaled BITPIX 32 and 64. */
  FLOAT64("float64", 8);

  private final String numpyName;
  private final int bytes;

  ElementType(String numpyName, int bytes) {
    this.numpyName = numpyName;
    this.bytes = bytes;
  }

  /** The numpy dtype name, e.g. {@code uint16}. */
  public String numpyName() {
    return numpyName;
  }

  /** Bytes per element. */
  public int bytes() {
    return bytes;
  }

  /** True for the two floating-point types. */
  public boolean isFloatingPoint() {
    return this == FLOAT32 || this == FLOAT64;
  }

  /** The type in which BITPIX values are stored in a file. */
  public static ElementType stored(int bitpix) {
    switch (bitpix) {
      case 8:
        return UINT8;
      case 16:
        return INT16;
      case 32:
        return INT32;
      case 64:
        return INT64;
      case -32:
        return FLOAT32;
      case -64:
        return FLOAT64;
      default:
        throw new IllegalArgumentException("BITPIX " + bitpix);
    }
  }
}
