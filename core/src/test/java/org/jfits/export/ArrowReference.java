package org.jfits.export;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Reads an Arrow IPC file with Apache Arrow's Java implementation (the reference reader, with its
 * compression codecs): the dump {@code check_columnar_export.py} reads (rows; per column name, type
 * in the checker's notation, field metadata, values per row) and the number of record batches.
 */
final class ArrowReference {
  private ArrowReference() {}

  /** What the file holds. */
  record Contents(Map<String, Object> dump, int batches, List<Field> fields) {}

  static Contents read(Path file) throws IOException {
    try (BufferAllocator allocator = new RootAllocator();
        FileChannel channel = FileChannel.open(file);
        ArrowFileReader reader = new ArrowFileReader(channel, allocator, CommonsCompressionFactory.INSTANCE)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      List<Field> fields = root.getSchema().getFields();
      List<List<Object>> values = new ArrayList<>();
      fields.forEach(f -> values.add(new ArrayList<>()));
      int rows = 0;
      int batches = reader.getRecordBlocks().size();
      while (reader.loadNextBatch()) {
        for (int c = 0; c < fields.size(); c++) {
          FieldVector vector = root.getVector(c);
          for (int i = 0; i < root.getRowCount(); i++) {
            values.get(c).add(value(vector, i));
          }
        }
        rows += root.getRowCount();
      }
      List<Map<String, Object>> columns = new ArrayList<>();
      for (int c = 0; c < fields.size(); c++) {
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("name", fields.get(c).getName());
        column.put("type", type(fields.get(c)));
        column.put("metadata", fields.get(c).getMetadata());
        column.put("values", values.get(c));
        columns.add(column);
      }
      Map<String, Object> dump = new LinkedHashMap<>();
      dump.put("rows", rows);
      dump.put("columns", columns);
      return new Contents(dump, batches, fields);
    }
  }

  /** The rows of each record batch, from the file's footer and batch headers, without the values. */
  static List<Integer> batchRows(Path file) throws IOException {
    try (BufferAllocator allocator = new RootAllocator();
        FileChannel channel = FileChannel.open(file);
        ArrowFileReader reader = new ArrowFileReader(channel, allocator, CommonsCompressionFactory.INSTANCE)) {
      List<Integer> rows = new ArrayList<>();
      for (var block : reader.getRecordBlocks()) {
        reader.loadRecordBatch(block);
        rows.add(reader.getVectorSchemaRoot().getRowCount());
      }
      return rows;
    }
  }

  /** An Arrow field type in the checker's notation. */
  static String type(Field field) {
    ArrowType type = field.getType();
    if (type instanceof ArrowType.Int i) {
      return (i.getIsSigned() ? "int" : "uint") + i.getBitWidth();
    } else if (type instanceof ArrowType.FloatingPoint f) {
      return f.getPrecision() == FloatingPointPrecision.SINGLE ? "float32" : "float64";
    } else if (type instanceof ArrowType.Bool) {
      return "bool";
    } else if (type instanceof ArrowType.Utf8) {
      return "string";
    } else if (type instanceof ArrowType.List) {
      return "list<" + type(field.getChildren().get(0)) + ">";
    } else if (type instanceof ArrowType.LargeList) {
      return "largelist<" + type(field.getChildren().get(0)) + ">";
    } else if (type instanceof ArrowType.FixedSizeList f) {
      return "fixed[" + f.getListSize() + "]<" + type(field.getChildren().get(0)) + ">";
    }
    return type.toString();
  }

  private static Object value(ValueVector vector, int i) {
    if (vector.isNull(i)) {
      return null;
    }
    if (vector instanceof ListVector list) {
      return range(list.getDataVector(), list.getElementStartIndex(i), list.getElementEndIndex(i));
    } else if (vector instanceof LargeListVector list) {
      return range(list.getDataVector(), (int) list.getElementStartIndex(i), (int) list.getElementEndIndex(i));
    } else if (vector instanceof FixedSizeListVector list) {
      int size = list.getListSize();
      return range(list.getDataVector(), i * size, (i + 1) * size);
    } else if (vector instanceof UInt1Vector u) {
      return u.getObjectNoOverflow(i);
    } else if (vector instanceof UInt2Vector u) {
      return (int) u.get(i);
    } else if (vector instanceof UInt4Vector u) {
      return u.getObjectNoOverflow(i);
    } else if (vector instanceof UInt8Vector u) {
      return u.getObjectNoOverflow(i);
    } else if (vector instanceof VarCharVector s) {
      return new String(s.get(i), StandardCharsets.UTF_8);
    }
    return vector.getObject(i);
  }

  private static List<Object> range(ValueVector child, int start, int end) {
    List<Object> out = new ArrayList<>(end - start);
    for (int j = start; j < end; j++) {
      out.add(value(child, j));
    }
    return out;
  }
}
