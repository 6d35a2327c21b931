package org.jfits.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jfits.table.ColumnInfo;
import org.jfits.table.FitsTable;
import org.jfits.table.RaggedColumn;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * How one FITS table column is exported, the same in Parquet and Arrow: its element type, the
 * fixed-size list axes around it, whether rows are variable-length lists, whether it has nulls, and
 * its metadata. Decided from where the read puts the column ({@link FitsTable}) and its TFORM, so that
 * an empty table has a schema too:
 * <ul>
 *   <li>{@code L} bool; {@code B} uint8 (int8 with TZERO -128); {@code I} int16 (uint16 with TZERO
 *       32768); {@code J} int32 (uint32 with TZERO 2^31); {@code K} int64 (uint64 with TZERO 2^63);
 *       {@code E} float32; {@code D} float64; other TSCAL/TZERO float64 as read; {@code A} UTF-8
 *       strings; ASCII-table columns by their read type;
 *   <li>fixed-size arrays (repeat &gt; 1, TDIM): one list axis per TDIM axis, slowest first; complex
 *       ({@code C}, {@code M}) a last axis of 2 (real, imaginary); bits ({@code X}) a list of bools;
 *       strings with a TDIM of two or more axes lists of strings;
 *   <li>variable-length ({@code P}, {@code Q}): a list per row ({@code Q}: 64-bit offsets in Arrow);
 *   <li>nulls: undefined logicals, integer cells equal to TNULL (also when scaled), and blank
 *       ASCII-table numbers in scalar columns; integer elements of fixed-size and variable-length
 *       array columns whose stored value is TNULL (as astropy masks them; scaled ones read as NaN and
 *       stay NaN). Float NaN stays NaN, strings keep "", and logical array elements are exported as
 *       read.
 * </ul>
 *
 * @param name the column name
 * @param leaf the element type
 * @param dims the fixed-size list axes, slowest first (empty for a scalar, or inside a variable-length list)
 * @param ragged how rows are variable-length lists, or {@link Ragged#NONE}
 * @param nullable true if cells (or the elements of array cells) can be null
 * @param elementNull for an array column with nulls, the leaf value its TNULL reads as; otherwise empty
 * @param metadata {@code unit}, {@code ucd} and {@code tdisp} where the header has them
 */
record ExportColumn(String name, Leaf leaf, long[] dims, Ragged ragged, boolean nullable, OptionalLong elementNull,
    Map<String, String> metadata) {

  /** Variable-length rows: none, a list with 32-bit offsets ({@code P}), or with 64-bit offsets ({@code Q}). */
  enum Ragged { NONE, LIST, LARGE_LIST }

  /** The export of every column of {@code table} (a chunk of the table, possibly of no rows), in order. */
  static List<ExportColumn> of(FitsTable table) {
    List<ExportColumn> columns = new ArrayList<>();
    for (ColumnInfo info : table.columns()) {
      String name = info.name();
      Map<String, String> metadata = metadata(info);
      RaggedColumn ragged = table.ragged(name);
      INDArray array = table.array(name);
      if (table.table().containsColumn(name)) {
        Column<?> column = table.table().column(name);
        columns.add(new ExportColumn(name, leaf(column, info), new long[0], Ragged.NONE, nullable(column, info),
            OptionalLong.empty(), metadata));
      } else if (ragged != null) {
        long[] shape = ragged.values().shape();
        Leaf leaf = Leaf.of(ragged.values().dataType());
        OptionalLong elementNull = storedNull(info, leaf);
        columns.add(new ExportColumn(name, leaf, Arrays.copyOfRange(shape, 1, shape.length),
            info.format().type() == 'Q' ? Ragged.LARGE_LIST : Ragged.LIST, elementNull.isPresent(), elementNull,
            metadata));
      } else if (array != null) {
        long[] shape = array.shape();
        Leaf leaf = Leaf.of(array.dataType());
        OptionalLong elementNull = storedNull(info, leaf);
        columns.add(new ExportColumn(name, leaf, Arrays.copyOfRange(shape, 1, shape.length), Ragged.NONE,
            elementNull.isPresent(), elementNull, metadata));
      }
    }
    return columns;
  }

  /** The number of leaf values in one row of a fixed-size column (1 for a scalar). */
  long valuesPerRow() {
    long n = 1;
    for (long d : dims) {
      n *= d;
    }
    return n;
  }

  /** The number of list levels around the leaf: one per fixed axis, one more for variable-length rows. */
  int listLevels() {
    return dims.length + (ragged == Ragged.NONE ? 0 : 1);
  }

  /**
   * The leaf of a scalar column, by the class of its Tablesaw column: Tablesaw's {@code ColumnType}
   * constants are not reliable singletons (which instance a column carries depends on the order its
   * classes were initialised in), so types are never compared by identity here.
   */
  private static Leaf leaf(Column<?> column, ColumnInfo info) {
    boolean binary = !info.format().ascii();
    char code = info.format().elementType();
    if (column instanceof BooleanColumn) {
      return Leaf.BOOL;
    } else if (column instanceof ShortColumn) {
      return !binary || code != 'B' ? Leaf.INT16 : info.zero() == -128 ? Leaf.INT8 : Leaf.UINT8;
    } else if (column instanceof IntColumn) {
      return binary && code == 'I' ? Leaf.UINT16 : Leaf.INT32;
    } else if (column instanceof LongColumn) {
      return binary && code == 'J' ? Leaf.UINT32 : Leaf.INT64;
    } else if (column instanceof FloatColumn) {
      return Leaf.FLOAT32;
    } else if (column instanceof DoubleColumn) {
      return Leaf.FLOAT64;
    }
    return Leaf.STRING;
  }

  /**
   * Logicals (undefined values), integers with TNULL (also when scaled to double: the read makes
   * their TNULL cells NaN, and no other cell can be NaN) and ASCII-table numbers (blank fields).
   */
  private static boolean nullable(Column<?> column, ColumnInfo info) {
    if (column instanceof BooleanColumn) {
      return true;
    }
    if (column instanceof StringColumn || column instanceof FloatColumn) {
      return false;
    }
    if (info.format().ascii()) {
      return true;
    }
    return info.nullValue() != null && "BIJK".indexOf(info.format().elementType()) >= 0;
  }

  /**
   * The leaf value (as {@link Leaf} carries it: an {@code int} or {@code long} bit pattern) that the
   * TNULL of an integer array column reads as: its stored value, with the sign bit flipped where the
   * column follows a signed/unsigned convention. Empty without TNULL, for other types (scaled ones
   * read as floats), and for a TNULL the stored type cannot hold.
   */
  private static OptionalLong storedNull(ColumnInfo info, Leaf leaf) {
    char code = info.format().elementType();
    if (!(info.nullValue() instanceof Long tnull) || info.format().ascii() || !leaf.isInteger()
        || "BIJK".indexOf(code) < 0) {
      return OptionalLong.empty();
    }
    long v = tnull;
    switch (code) {
      case 'B':
        return v < 0 || v > 255 ? OptionalLong.empty()
            : OptionalLong.of(leaf == Leaf.INT8 ? (byte) (v ^ 0x80) : v);
      case 'I':
        return v < Short.MIN_VALUE || v > Short.MAX_VALUE ? OptionalLong.empty()
            : OptionalLong.of(leaf == Leaf.UINT16 ? (v ^ 0x8000) & 0xFFFF : v);
      case 'J':
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? OptionalLong.empty()
            : OptionalLong.of(leaf == Leaf.UINT32 ? (int) (v ^ 0x80000000L) : v);
      default:
        return OptionalLong.of(leaf == Leaf.UINT64 ? v ^ Long.MIN_VALUE : v);
    }
  }

  private static Map<String, String> metadata(ColumnInfo info) {
    Map<String, String> metadata = new LinkedHashMap<>();
    put(metadata, "unit", info.unit());
    put(metadata, "ucd", info.ucd());
    put(metadata, "tdisp", info.display());
    return metadata;
  }

  private static void put(Map<String, String> metadata, String key, String value) {
    if (value != null && !value.isEmpty()) {
      metadata.put(key, value);
    }
  }
}
