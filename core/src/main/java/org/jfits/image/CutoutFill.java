package org.jfits.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jfits.Hdu;

/**
 * The value of cutout pixels outside the image, as one element of the result type: NaN for
 * floating-point results unless the caller chose another, the caller's value (default 0) for integer
 * results, which must be a whole number in the type's range.
 */
final class CutoutFill {
  private CutoutFill() {}

  /**
   * One element of {@code type} holding the fill value, in native byte order.
   *
   * @param chosen the caller's value, or null for the default
   * @throws IllegalArgumentException if an integer type cannot hold the value
   */
  static ByteBuffer element(ElementType type, Double chosen, Hdu hdu) {
    double value = value(type, chosen, hdu);
    ByteBuffer b = ByteBuffer.allocate(type.bytes()).order(ByteOrder.nativeOrder());
    switch (type) {
      case UINT8:
      case INT8:
        b.put(0, (byte) value);
        break;
      case INT16:
      case UINT16:
        b.putShort(0, (short) (int) value);
        break;
      case INT32:
      case UINT32:
        b.putInt(0, (int) (long) value);
        break;
      case INT64:
        b.putLong(0, (long) value);
        break;
      case UINT64:
        b.putLong(0, value >= 0x1p63 ? (long) (value - 0x1p63) ^ Long.MIN_VALUE : (long) value);
        break;
      case FLOAT32:
        b.putFloat(0, (float) value);
        break;
      default:
        b.putDouble(0, value);
    }
    return b;
  }

  private static double value(ElementType type, Double chosen, Hdu hdu) {
    if (type.isFloatingPoint()) {
      return chosen == null ? Double.NaN : chosen;
    }
    double value = chosen == null ? 0.0 : chosen;
    double[] range = integerRange(type);
    if (value != Math.rint(value) || value < range[0] || value > range[1]) {
      throw new IllegalArgumentException(hdu.context().describe("fill value " + value + " is not a " + type.numpyName()
          + " (cutouts of this image are " + type.numpyName() + "; pick a whole number from " + (long) range[0] + ")"));
    }
    return value;
  }

  private static double[] integerRange(ElementType type) {
    switch (type) {
      case UINT8:
        return new double[] {0, 255};
      case INT8:
        return new double[] {-128, 127};
      case INT16:
        return new double[] {Short.MIN_VALUE, Short.MAX_VALUE};
      case UINT16:
        return new double[] {0, 65535};
      case INT32:
        return new double[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
      case UINT32:
        return new double[] {0, 0x1p32 - 1};
      case INT64:
        return new double[] {-0x1p63, Math.nextDown(0x1p63)};
      default:
        return new double[] {0, Math.nextDown(0x1p64)};
    }
  }
}
