package org.jfits.table;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Set;
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

  private final Set<String> names = new HashSet<>();

  /**
   * The name a column is published under: its TTYPE, or TTYPE + "_" + its number when an earlier
   * column of the read has the same name ignoring case (Tablesaw refuses duplicates).
   */
  private String unique(ColumnInfo info) {
    String name = info.name();
    if (!names.add(name.toLowerCase(Locale.ROOT))) {
      name = name + "_" + info.number();
      names.add(name.toLowerCase(Locale.ROOT));
    }
    return name;
  }

  void scalar(ColumnInfo info, Column<?> column) {
    String name = unique(info);
    if (!name.equals(column.name())) {
      column.setName(name);
    }
    scalars.put(info.number(), column);
  }

  void array(ColumnInfo info, INDArray array) {
    arrays.put(info.number(), Map.entry(unique(info), array));
  }

  void ragged(ColumnInfo info, RaggedColumn column) {
    String name = unique(info);
    ragged.put(info.number(), name.equals(column.name()) ? column
        : new RaggedColumn(name, column.values(), column.offsets()));
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
