package org.jfits.notebook;

import java.util.Arrays;
import java.util.Locale;
import org.jfits.render.PixelValues;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One line about an array: shape, element type, and the range of its finite values. */
final class ArraySummary {
  private ArraySummary() {}

  static String text(INDArray array) {
    StringBuilder text = new StringBuilder("INDArray ").append(array.dataType().name().toLowerCase(Locale.ROOT))
        .append(' ').append(Arrays.toString(array.shape()));
    if (array.length() == 0 || array.dataType() == DataType.UTF8) {
      return text.toString();
    }
    if (array.dataType() == DataType.BOOL) {
      return text.append(", ").append(array.castTo(DataType.INT).sumNumber().longValue()).append(" true").toString();
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    long notFinite = 0;
    for (double v : PixelValues.of(array)) {
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      } else {
        notFinite++;
      }
    }
    if (min <= max) {
      text.append(", min ").append(number(min)).append(", max ").append(number(max));
    }
    if (notFinite > 0) {
      text.append(", ").append(notFinite).append(" NaN or infinite");
    }
    return text.toString();
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : PythonNumbers.repr(v);
  }
}
