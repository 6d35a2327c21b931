package org.jfits.dataset;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.NumericColumn;

/** Ways to make the per-sample labels of a {@link FitsDataset}. */
public final class Labels {
  private Labels() {}

  /** One-hot vectors of {@code classCount} values from class indices (0-based). */
  public static List<float[]> oneHot(int[] classes, int classCount) {
    List<float[]> labels = new ArrayList<>(classes.length);
    for (int i = 0; i < classes.length; i++) {
      if (classes[i] < 0 || classes[i] >= classCount) {
        throw new IllegalArgumentException("sample " + i + " has class " + classes[i] + ", not in 0.."
            + (classCount - 1));
      }
      float[] v = new float[classCount];
      v[classes[i]] = 1;
      labels.add(v);
    }
    return labels;
  }

  /**
   * One value per sample from a numeric table column (e.g. a catalogue with one row per cutout, in
   * sample order): regression targets; missing values become NaN.
   */
  public static List<float[]> column(NumericColumn<?> column) {
    List<float[]> labels = new ArrayList<>(column.size());
    for (int row = 0; row < column.size(); row++) {
      labels.add(new float[] {column.isMissing(row) ? Float.NaN : (float) column.getDouble(row)});
    }
    return labels;
  }
}
