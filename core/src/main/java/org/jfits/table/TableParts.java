package org.jfits.table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Collects the decoded columns by kind and puts each kind in FITS column order. */
final class TableParts {
  private final Map<Integer, Column<?>> scalars = new TreeMap<>();
  private final Map<Integer, Map.Entry<String, INDArray>> arrays = new TreeMap<>();
  private final Map<Integer, RaggedColumn> ragged = new TreeMap<>();

  void scalar(ColumnInfo info, Column<?> column) {
    scalars.put(info.number(), column);
  }

  void array(ColumnInfo info, INDArray array) {
    arrays.put(info.number(), Map.entry(info.name(), array));
  }

  void ragged(ColumnInfo info, RaggedColumn column) {
    ragged.put(info.number(), column);
  }

  Table table(String name) {
    Table table = Table.create(name);
    for (Column<?> c : scalars.values()) {
      table.addColumns(c);
    }
    return table;
  }

  Map<String, INDArray> arrays() {
    Map<String, INDArray> out = new LinkedHashMap<>();
    for (Map.Entry<String, INDArray> e : arrays.values()) {
      out.putIfAbsent(e.getKey(), e.getValue());
    }
    return out;
  }

  Map<String, RaggedColumn> ragged() {
    Map<String, RaggedColumn> out = new LinkedHashMap<>();
    for (RaggedColumn c : ragged.values()) {
      out.putIfAbsent(c.name(), c);
    }
    return out;
  }
}
