package org.jfits.export;

import com.google.flatbuffers.FlatBufferBuilder;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flatbuf.Bool;
import org.apache.arrow.flatbuf.Endianness;
import org.apache.arrow.flatbuf.Field;
import org.apache.arrow.flatbuf.FixedSizeList;
import org.apache.arrow.flatbuf.FloatingPoint;
import org.apache.arrow.flatbuf.Int;
import org.apache.arrow.flatbuf.KeyValue;
import org.apache.arrow.flatbuf.LargeList;
import org.apache.arrow.flatbuf.Precision;
import org.apache.arrow.flatbuf.Schema;
import org.apache.arrow.flatbuf.Type;
import org.apache.arrow.flatbuf.Utf8;

/**
 * The Arrow schema of the exported columns, as flatbuffers: one field per column, nested per list
 * level (a variable-length column a List, or a LargeList for 64-bit descriptors; then a FixedSizeList
 * per fixed axis) down to the leaf type; the column's {@code unit}, {@code ucd} and {@code tdisp} in the
 * top field's custom metadata. List children are named {@code item}.
 */
final class ArrowSchema {
  private ArrowSchema() {}

  /** Adds the schema table to {@code builder} and returns its offset. */
  static int schema(FlatBufferBuilder builder, List<ExportColumn> columns) {
    int[] fields = new int[columns.size()];
    for (int i = 0; i < fields.length; i++) {
      ExportColumn column = columns.get(i);
      fields[i] = field(builder, column, 0, column.name(), metadata(builder, column.metadata()));
    }
    int vector = Schema.createFieldsVector(builder, fields);
    Schema.startSchema(builder);
    Schema.addEndianness(builder, Endianness.Little);
    Schema.addFields(builder, vector);
    return Schema.endSchema(builder);
  }

  /** The field of list level {@code level} of {@code column} (level {@link ExportColumn#listLevels()}: the leaf). */
  private static int field(FlatBufferBuilder builder, ExportColumn column, int level, String name, int metadata) {
    int nameOffset = builder.createString(name);
    int children = 0;
    byte typeType;
    int type;
    if (level < column.listLevels()) {
      int child = field(builder, column, level + 1, "item", 0);
      children = Field.createChildrenVector(builder, new int[] {child});
      boolean ragged = column.ragged() != ExportColumn.Ragged.NONE;
      if (ragged && level == 0) {
        boolean large = column.ragged() == ExportColumn.Ragged.LARGE_LIST;
        typeType = large ? Type.LargeList : Type.List;
        if (large) {
          LargeList.startLargeList(builder);
          type = LargeList.endLargeList(builder);
        } else {
          org.apache.arrow.flatbuf.List.startList(builder);
          type = org.apache.arrow.flatbuf.List.endList(builder);
        }
      } else {
        typeType = Type.FixedSizeList;
        type = FixedSizeList.createFixedSizeList(builder, Math.toIntExact(column.dims()[level - (ragged ? 1 : 0)]));
      }
    } else {
      typeType = leafType(column.leaf());
      type = leaf(builder, column.leaf());
    }
    Field.startField(builder);
    Field.addName(builder, nameOffset);
    Field.addNullable(builder, level == column.listLevels() && column.nullable());
    Field.addTypeType(builder, typeType);
    Field.addType(builder, type);
    if (children != 0) {
      Field.addChildren(builder, children);
    }
    if (metadata != 0) {
      Field.addCustomMetadata(builder, metadata);
    }
    return Field.endField(builder);
  }

  private static byte leafType(Leaf leaf) {
    switch (leaf) {
      case BOOL:
        return Type.Bool;
      case FLOAT32:
      case FLOAT64:
        return Type.FloatingPoint;
      case STRING:
        return Type.Utf8;
      default:
        return Type.Int;
    }
  }

  private static int leaf(FlatBufferBuilder builder, Leaf leaf) {
    switch (leaf) {
      case BOOL:
        Bool.startBool(builder);
        return Bool.endBool(builder);
      case FLOAT32:
        return FloatingPoint.createFloatingPoint(builder, Precision.SINGLE);
      case FLOAT64:
        return FloatingPoint.createFloatingPoint(builder, Precision.DOUBLE);
      case STRING:
        Utf8.startUtf8(builder);
        return Utf8.endUtf8(builder);
      default:
        return Int.createInt(builder, leaf.bits, leaf.signed);
    }
  }

  /** The custom metadata vector, or 0 when there is none. */
  private static int metadata(FlatBufferBuilder builder, Map<String, String> metadata) {
    if (metadata.isEmpty()) {
      return 0;
    }
    int[] pairs = new int[metadata.size()];
    int i = 0;
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      pairs[i++] = KeyValue.createKeyValue(builder, builder.createString(e.getKey()),
          builder.createString(e.getValue()));
    }
    return Field.createCustomMetadataVector(builder, pairs);
  }
}
