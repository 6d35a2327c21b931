package org.jfits.table;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfits.header.Header;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.Table;

/**
 * The result of reading a FITS table: everything the table holds, in FITS column order, split by
 * what can hold it.
 * <ul>
 *   <li>{@link #table()}: a Tablesaw {@link Table} with every scalar column (FITS nulls become
 *       Tablesaw missing values), strings included;
 *   <li>{@link #array(String)}: fixed-size array columns (repeat &gt; 1, TDIM) as ND4J arrays of shape
 *       {@code [rows, ...]}, and the scalar columns Tablesaw cannot hold without loss (complex,
 *       unsigned 64-bit);
 *   <li>{@link #ragged(String)}: variable-length array columns;
 *   <li>{@link #columns()}: the metadata of every column read (unit, display format, null value,
 *       scaling, dimensions), and {@link #header()} the whole header.
 * </ul>
 *
 * <p>Where each kind of column goes: {@code L B I J K E D A} scalars into Boolean, Short (uint8
 * values), Short, Int, Long, Float, Double and String columns; the unsigned conventions one size up
 * (TZERO -128 on {@code B}: Short; 32768 on {@code I}: Int; 2^31 on {@code J}: Long); other scaling
 * into Double columns. Complex columns ({@code C}, {@code M}) are arrays with a last axis of 2 (real,
 * imaginary), {@code [rows, 2]} for a scalar; {@code K} with TZERO = 2^63 is a UINT64 array
 * {@code [rows]}; bit columns ({@code rX}) BOOL arrays {@code [rows, r]}; strings with a TDIM of two
 * or more axes UTF8 arrays {@code [rows, ...]} without the length axis. Limits: Tablesaw marks
 * missing values with sentinels (the minimum of Short, Integer and Long, NaN, the empty string), so
 * a stored minimum integer or empty string reads as missing too; ND4J arrays have no missing values
 * (unscaled integer arrays keep TNULL as stored, logical arrays read nulls as false); at most 2^31 - 9
 * rows per read (use a row range).
 */
public final class FitsTable {
  private final Header header;
  private final long rows;
  private final List<ColumnInfo> columns;
  private final Table table;
  private final Map<String, INDArray> arrays;
  private final Map<String, RaggedColumn> ragged;

  /**
   * @param header the table HDU's header
   * @param rows the number of rows read
   * @param columns the columns read, in FITS order
   * @param table the scalar columns
   * @param arrays the array columns by name, in FITS order
   * @param ragged the variable-length columns by name, in FITS order
   */
  public FitsTable(Header header, long rows, List<ColumnInfo> columns, Table table, Map<String, INDArray> arrays,
      Map<String, RaggedColumn> ragged) {
    this.header = header;
    this.rows = rows;
    this.columns = List.copyOf(columns);
    this.table = table;
    this.arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
    this.ragged = Collections.unmodifiableMap(new LinkedHashMap<>(ragged));
  }

  /** The header of the table HDU. */
  public Header header() {
    return header;
  }

  /** The number of rows read. */
  public long rowCount() {
    return rows;
  }

  /** The metadata of the columns read, in FITS order. */
  public List<ColumnInfo> columns() {
    return columns;
  }

  /** The scalar columns as a Tablesaw table, in FITS order. */
  public Table table() {
    return table;
  }

  /** The array column {@code name}, shape {@code [rows, ...]}, or null if there is none of that name. */
  public INDArray array(String name) {
    return arrays.get(name);
  }

  /** The array columns by name, in FITS order. */
  public Map<String, INDArray> arrays() {
    return arrays;
  }

  /** The variable-length columns by name, in FITS order. */
  public Map<String, RaggedColumn> raggedColumns() {
    return ragged;
  }

  /** The variable-length column {@code name}, or null if there is none of that name. */
  public RaggedColumn ragged(String name) {
    return ragged.get(name);
  }
}
