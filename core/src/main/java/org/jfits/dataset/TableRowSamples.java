package org.jfits.dataset;

import java.util.List;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Samples that are rows of a table: the feature columns as a vector ({@code [1, 1, features]}) and
 * the label columns as the label. Missing values become NaN. Held in memory: the columns are read
 * once.
 */
final class TableRowSamples implements SampleProvider {
  private final float[][] features;
  private final float[][] labels;

  TableRowSamples(Table table, List<String> featureColumns, List<String> labelColumns) {
    int rows = table.rowCount();
    features = new float[rows][featureColumns.size()];
    labels = new float[rows][labelColumns.size()];
    fill(table, featureColumns, features);
    fill(table, labelColumns, labels);
  }

  private static void fill(Table table, List<String> names, float[][] into) {
    for (int c = 0; c < names.size(); c++) {
      if (!table.containsColumn(names.get(c)) || !(table.column(names.get(c)) instanceof NumericColumn<?>)) {
        throw new IllegalArgumentException("no numeric column " + names.get(c) + " in " + table.columnNames());
      }
      NumericColumn<?> column = (NumericColumn<?>) table.column(names.get(c));
      for (int row = 0; row < into.length; row++) {
        into[row][c] = column.isMissing(row) ? Float.NaN : (float) column.getDouble(row);
      }
    }
  }

  @Override
  public int size() {
    return features.length;
  }

  @Override
  public Sample load(int index) {
    return new Sample(features[index].clone(), 1, 1, features[index].length, labels[index].clone());
  }

  @Override
  public void close() {}
}
