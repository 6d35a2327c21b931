package org.jfits.table;

/**
 * How the stored values of a binary column become the values a read returns, decided from the type
 * code, TSCAL, TZERO and TNULL as astropy decides it:
 * <ul>
 *   <li>{@link Kind#STORED}: no scaling, values as stored;
 *   <li>{@link Kind#UNSIGNED}: TSCAL = 1 with the offset of a signed/unsigned convention (TZERO =
 *       -128 on {@code B} gives int8; 32768 on {@code I} uint16; 2^31 on {@code J} uint32; 2^63 on
 *       {@code K} uint64): exact, done by flipping the sign bit;
 *   <li>{@link Kind#LINEAR}: any other TSCAL/TZERO: {@code stored * TSCAL + TZERO} in double
 *       precision, TNULL cells NaN.
 * </ul>
 */
record Scaling(Kind kind, double scale, double zero, Long nullValue) {

  enum Kind { STORED, UNSIGNED, LINEAR }

  static Scaling of(ColumnInfo info, char type) {
    double scale = info.scale();
    double zero = info.zero();
    Long tnull = info.nullValue() instanceof Long l ? l : null;
    if ("BIJKED".indexOf(type) < 0 || (scale == 1 && zero == 0)) {
      return new Scaling(Kind.STORED, 1, 0, tnull);
    }
    if (scale == 1 && zero == unsignedZero(type)) {
      return new Scaling(Kind.UNSIGNED, 1, zero, tnull);
    }
    return new Scaling(Kind.LINEAR, scale, zero, tnull);
  }

  private static double unsignedZero(char type) {
    switch (type) {
      case 'B':
        return -128;
      case 'I':
        return 32768;
      case 'J':
        return 2147483648.0;
      case 'K':
        return 9223372036854775808.0;
      default:
        return Double.NaN;
    }
  }
}
