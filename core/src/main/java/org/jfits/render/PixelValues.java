package org.jfits.render;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Bulk copies of ND4J arrays into Java arrays, for code that needs every value once. */
public final class PixelValues {
  private PixelValues() {}

  /**
   * Every element of {@code array} as a double, in row-major (numpy, 'c') order, copied in bulk
   * (a cast when the array is not of doubles, then one buffer copy; no per-element calls). Needs 8 bytes of heap per element and at
   * most 2^31 - 1 elements.
   *
   * @throws IllegalArgumentException for arrays of strings or with more than 2^31 - 1 elements
   */
  public static double[] of(INDArray array) {
    if (array.dataType() == DataType.UTF8) {
      throw new IllegalArgumentException("cannot take numeric values of an array of strings");
    }
    if (array.length() > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("array of " + array.length() + " elements is too large to copy to the heap");
    }
    INDArray doubles = array.dataType() == DataType.DOUBLE ? array : array.castTo(DataType.DOUBLE);
    if (doubles.isView() || doubles.ordering() != 'c' || doubles.data().length() != doubles.length()) {
      doubles = doubles.dup('c');
    }
    return doubles.data().asDouble();
  }

  /** The finite values of {@code values}, in order. */
  public static double[] finite(double[] values) {
    return FiniteValues.of(values);
  }
}
