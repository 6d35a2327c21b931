package org.jfits.export;

import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Parquet file with DuckDB, an independent reader: the columns with their DuckDB types in the
 * notation of {@code check_columnar_export.py} (LIST as {@code list<T>}), values per row, and the
 * file's key-value metadata per column; and, for the checks of the file's structure, any query.
 */
public final class DuckDbReader implements AutoCloseable {
  private final Connection connection;

  public DuckDbReader() throws SQLException {
    this.connection = DriverManager.getConnection("jdbc:duckdb:");
  }

  /** The rows of a query, each a list of its column values as JDBC gives them. */
  public List<List<Object>> query(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(value(rs.getObject(i)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** The single value of a query that returns one. */
  public Object single(String sql) throws SQLException {
    return query(sql).get(0).get(0);
  }

  /** {@code file} as a SQL string literal. */
  public static String literal(Path file) {
    return "'" + file.toString().replace("'", "''") + "'";
  }

  /** The dump {@code check_columnar_export.py} reads: rows, and per column name, type, metadata, values. */
  Map<String, Object> dump(Path file) throws SQLException {
    String source = "read_parquet(" + literal(file) + ")";
    Map<String, Map<String, String>> metadata = new LinkedHashMap<>();
    for (List<Object> kv : query("SELECT decode(key), decode(value) FROM parquet_kv_metadata(" + literal(file) + ")")) {
      String key = (String) kv.get(0);
      int colon = key.indexOf(':');
      metadata.computeIfAbsent(key.substring(colon + 1), k -> new LinkedHashMap<>()).put(key.substring(0, colon),
          (String) kv.get(1));
    }
    List<Map<String, Object>> columns = new ArrayList<>();
    for (List<Object> described : query("DESCRIBE SELECT * FROM " + source)) {
      Map<String, Object> column = new LinkedHashMap<>();
      String name = (String) described.get(0);
      column.put("name", name);
      column.put("type", type((String) described.get(1)));
      column.put("metadata", metadata.getOrDefault(name, Map.of()));
      column.put("values", new ArrayList<>());
      columns.add(column);
    }
    List<List<Object>> rows = query("SELECT * FROM " + source);
    for (List<Object> row : rows) {
      for (int i = 0; i < columns.size(); i++) {
        @SuppressWarnings("unchecked")
        List<Object> values = (List<Object>) columns.get(i).get("values");
        values.add(row.get(i));
      }
    }
    Map<String, Object> dump = new LinkedHashMap<>();
    dump.put("rows", rows.size());
    dump.put("columns", columns);
    return dump;
  }

  /** A DuckDB type name in the checker's notation: {@code FLOAT[][]} is {@code list<list<float32>>}. */
  static String type(String duckdb) {
    if (duckdb.endsWith("[]")) {
      return "list<" + type(duckdb.substring(0, duckdb.length() - 2)) + ">";
    }
    return switch (duckdb) {
      case "BOOLEAN" -> "bool";
      case "TINYINT" -> "int8";
      case "UTINYINT" -> "uint8";
      case "SMALLINT" -> "int16";
      case "USMALLINT" -> "uint16";
      case "INTEGER" -> "int32";
      case "UINTEGER" -> "uint32";
      case "BIGINT" -> "int64";
      case "UBIGINT" -> "uint64";
      case "FLOAT" -> "float32";
      case "DOUBLE" -> "float64";
      case "VARCHAR" -> "string";
      default -> duckdb;
    };
  }

  private static Object value(Object jdbc) throws SQLException {
    if (jdbc instanceof Array array) {
      Object[] elements = (Object[]) array.getArray();
      List<Object> out = new ArrayList<>(elements.length);
      for (Object e : elements) {
        out.add(value(e));
      }
      return out;
    }
    if (jdbc instanceof Object[] elements) {
      List<Object> out = new ArrayList<>(elements.length);
      for (Object e : elements) {
        out.add(value(e));
      }
      return out;
    }
    if (jdbc instanceof BigInteger || jdbc instanceof Number || jdbc instanceof Boolean || jdbc == null) {
      return jdbc;
    }
    return jdbc.toString();
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
