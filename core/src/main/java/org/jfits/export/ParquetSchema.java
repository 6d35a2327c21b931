package org.jfits.export;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.IntType;
import org.apache.parquet.format.ListType;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.StringType;
import org.apache.parquet.format.Type;

/**
 * The Parquet schema of the exported columns: a scalar column is one leaf ({@code optional} when it
 * has nulls, else {@code required}) with its logical type (INTEGER with width and sign, STRING); a
 * list column nests, per list level, the standard three levels {@code required group NAME (LIST)
 * { repeated group list { required ... element } } }, down to the leaf.
 */
final class ParquetSchema {
  private ParquetSchema() {}

  /** The flattened schema tree, root first, for the file metadata. */
  static List<SchemaElement> elements(List<ExportColumn> columns) {
    List<SchemaElement> elements = new ArrayList<>();
    elements.add(new SchemaElement("schema").setNum_children(columns.size()));
    for (ExportColumn column : columns) {
      String name = column.name();
      for (int level = 0; level < column.listLevels(); level++) {
        elements.add(new SchemaElement(name).setRepetition_type(FieldRepetitionType.REQUIRED).setNum_children(1)
            .setConverted_type(ConvertedType.LIST).setLogicalType(LogicalType.LIST(new ListType())));
        elements.add(new SchemaElement("list").setRepetition_type(FieldRepetitionType.REPEATED).setNum_children(1));
        name = "element";
      }
      elements.add(leaf(name, column));
    }
    return elements;
  }

  /** The path of a column's leaf: its name, then {@code list, element} per list level. */
  static List<String> path(ExportColumn column) {
    List<String> path = new ArrayList<>();
    path.add(column.name());
    for (int level = 0; level < column.listLevels(); level++) {
      path.add("list");
      path.add("element");
    }
    return path;
  }

  /** The physical type of a leaf. */
  static Type physical(Leaf leaf) {
    switch (leaf) {
      case BOOL:
        return Type.BOOLEAN;
      case INT64:
      case UINT64:
        return Type.INT64;
      case FLOAT32:
        return Type.FLOAT;
      case FLOAT64:
        return Type.DOUBLE;
      case STRING:
        return Type.BYTE_ARRAY;
      default:
        return Type.INT32;
    }
  }

  private static SchemaElement leaf(String name, ExportColumn column) {
    Leaf leaf = column.leaf();
    SchemaElement element = new SchemaElement(name).setType(physical(leaf)).setRepetition_type(
        column.nullable() ? FieldRepetitionType.OPTIONAL : FieldRepetitionType.REQUIRED);
    if (leaf == Leaf.STRING) {
      element.setConverted_type(ConvertedType.UTF8).setLogicalType(LogicalType.STRING(new StringType()));
    } else if (leaf.isInteger()) {
      element.setConverted_type(ConvertedType.valueOf((leaf.signed ? "INT_" : "UINT_") + leaf.bits))
          .setLogicalType(LogicalType.INTEGER(new IntType((byte) leaf.bits, leaf.signed)));
    }
    return element;
  }
}
