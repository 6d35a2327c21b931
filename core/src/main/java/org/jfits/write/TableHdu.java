package org.jfits.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jfits.header.Header;
import org.jfits.table.ColumnFormat;
import org.jfits.table.ColumnInfo;
import org.jfits.table.FitsTable;
import org.jfits.table.RaggedColumn;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.TimeColumn;
import tech.tablesaw.columns.Column;

/**
 * A binary table HDU to write ({@code XTENSION = 'BINTABLE'}), built from Tablesaw columns, ND4J
 * arrays and ragged columns:
 *
 * <pre>{@code
 * TableHdu hdu = TableHdu.of(table)                     // every column of a Tablesaw Table
 *     .array("SPECTRUM", spectra)                       // [rows, ...]: fixed-size array column
 *     .ragged("HITS", hits)                             // variable-length array column
 *     .unit("FLUX", "erg/s/cm2").display("FLUX", "F10.4").description("FLUX", "total flux")
 *     .name("EVENTS");
 * try (FitsWriter out = FitsWriter.create(path)) {
 *   out.write(hdu);
 * }
 * TableHdu copy = TableHdu.of(Fits.open(other).hdu(1).table().read());   // a table read, written back
 * }</pre>
 *
 * <p>Tablesaw columns: boolean → {@code L} (missing → the null byte 0); short, int, long →
 * {@code I}, {@code J}, {@code K} (missing → TNULL, a value the column does not use: the type's
 * minimum, which is Tablesaw's own missing marker, unless {@link #nullValue} asks for another);
 * float, double → {@code E}, {@code D} (missing values are NaN); string → {@code rA} with {@code r}
 * the longest string (missing → blanks; printable ASCII only, anything else is refused naming the
 * column and row; trailing blanks do not survive, as FITS ignores them); date, date-time, time and
 * instant columns → ISO-8601 strings ({@code 2024-05-01}, {@code 2024-05-01T12:30:05.250},
 * {@code 12:30:05.250}, {@code 2024-05-01T12:30:05.250Z}) in an {@code rA} column (they read back as
 * strings: the type is not kept).
 *
 * <p>ND4J arrays {@code [rows, ...]} ({@link #array}): bool → {@code L}, uint8 → {@code B}, int8 →
 * {@code B} with TZERO -128, int16 → {@code I}, uint16 → {@code I} with TZERO 32768, int32 →
 * {@code J}, uint32 → {@code J} with TZERO 2^31, int64 → {@code K}, uint64 → {@code K} with TZERO
 * 2^63, float → {@code E}, double → {@code D}; the repeat is the product of the cell dimensions, and
 * TDIM (reversed, FITS order) is written for two or more. {@link #complex} takes a last axis of 2
 * as (real, imaginary) → {@code C} or {@code M}. Ragged columns ({@link #ragged(String, RaggedColumn)})
 * take the same element types; strings as {@code PA} ({@link #ragged(String, StringColumn)}). The
 * heap follows the main table; each variable-length column's values lie back to back in it, and
 * its descriptors are 32-bit ({@code P}) unless its heap bytes end beyond 2^31 - 1, then 64-bit
 * ({@code Q}).
 *
 * <p>A column added under the name of one already there (ignoring case) replaces it in place. All
 * columns must have the same number of rows. Data is written in chunks of about 2 MiB of rows
 * through a direct buffer, so memory stays bounded whatever the table size; the columns are read,
 * not copied (arrays that are views are copied once into row-major order). Not thread-safe; the
 * columns must not change while the HDU is written.
 */
public final class TableHdu implements WritableHdu {
  private static final int CHUNK = 2 << 20;
  private static final long NARROW_LIMIT = Integer.MAX_VALUE;
  private static final Pattern COLUMN_KEYWORD = Pattern.compile("T[A-Z]{1,5}[0-9]+|[0-9]+[A-Z]{1,5}[0-9]+[A-Z]?");
  private static final Pattern DESCRIPTION_KEYWORD = Pattern.compile("T(COMM|UCD)[0-9]+");

  private final List<TableColumn> columns = new ArrayList<>();
  private final HeaderBuilder metadata = new HeaderBuilder();
  private final long narrowLimit;
  private long rows = -1;
  private String extname;
  private long rowWidth;
  private long heapSize;

  private TableHdu(long narrowLimit) {
    this.narrowLimit = narrowLimit;
  }

  /** A table without columns yet; the first column added sets the number of rows. */
  public static TableHdu create() {
    return new TableHdu(NARROW_LIMIT);
  }

  /**
   * A table whose variable-length columns switch to 64-bit descriptors when their heap bytes end
   * beyond {@code narrowLimit} rather than 2^31 - 1: lets tests write {@code Q} columns without
   * gigabytes of data.
   */
  static TableHdu create(long narrowLimit) {
    return new TableHdu(narrowLimit);
  }

  /**
   * A table of every column of a Tablesaw table, in order, as the class comment maps them.
   *
   * @throws IllegalArgumentException for a column type FITS cannot hold, or strings that are not ASCII
   */
  public static TableHdu of(Table table) {
    TableHdu hdu = create();
    for (Column<?> column : table.columns()) {
      hdu.column(column);
    }
    return hdu;
  }

  /**
   * A table read by jfits, to be written back: the same columns in the same order, with the TFORMs
   * they had (type codes, string widths, unsigned conventions, TSCAL/TZERO, TNULL, TDIM),
   * TUNIT/TDISP/TUCD/TCOMM, EXTNAME, and every other card of the header except the structural ones
   * (those this HDU writes itself). Column-indexed cards of other kinds ({@code TLMINn}, {@code TCTYPn},
   * ...) are kept only when every column of the HDU was read, since the column numbers change
   * otherwise.
   *
   * <p>What does not come back exactly: variable-length TFORMs are written with the maximum length
   * of the data; an empty TUNIT is not written; scaled array columns (read as float64) are written as {@code D} without scaling;
   * columns of an ASCII table become binary columns of their Tablesaw type; a string written into a
   * field narrower than it is widened. Bit arrays in variable-length columns ({@code PX}) and string
   * arrays with TDIM are refused.
   */
  public static TableHdu of(FitsTable table) {
    TableHdu hdu = create();
    Header header = table.header();
    Set<String> published = new HashSet<>();
    boolean all = table.columns().size() == header.getInt("TFIELDS", -1);
    for (int i = 0; i < table.columns().size(); i++) {
      ColumnInfo info = table.columns().get(i);
      all &= info.number() == i + 1;
      String name = info.name();
      if (!published.add(name.toLowerCase(Locale.ROOT))) {
        name = name + "_" + info.number();
        published.add(name.toLowerCase(Locale.ROOT));
      }
      TableColumn column = ReadColumns.column(info, name, table);
      column.unit(info.unit());
      column.display(info.display());
      column.ucd(info.ucd());
      column.description(header.getString("TCOMM" + info.number(), "").strip());
      hdu.put(column);
    }
    boolean keepIndexed = all;
    hdu.metadata.copyFrom(header, keyword -> {
      String k = keyword.toUpperCase(Locale.ROOT);
      return !k.equals("EXTNAME") && !DESCRIPTION_KEYWORD.matcher(k).matches()
          && (keepIndexed || !COLUMN_KEYWORD.matcher(k).matches());
    });
    String extname = header.getString("EXTNAME", "").strip();
    if (!extname.isEmpty()) {
      hdu.name(extname);
    }
    return hdu;
  }

  /**
   * Adds a Tablesaw column (boolean, short, int, long, float, double, string, date, date-time, time,
   * instant) under its own name.
   *
   * @throws IllegalArgumentException for other column types, or strings that are not ASCII
   */
  public TableHdu column(Column<?> column) {
    return put(scalar(column));
  }

  /** Adds a fixed-size array column from an array of shape {@code [rows, ...]}. */
  public TableHdu array(String name, INDArray values) {
    return put(new ArrayColumn(name, values));
  }

  /** Adds a complex array column ({@code C} for float, {@code M} for double) from {@code [rows, ..., 2]}. */
  public TableHdu complex(String name, INDArray values) {
    return put(new ArrayColumn(name, values, ArrayColumn.Shape.COMPLEX));
  }

  /**
   * Adds a variable-length array column ({@code P}/{@code Q}) of any element type {@link #array} takes,
   * from one-dimensional values; float or double values of shape {@code [n, 2]} are complex
   * ({@code PC}/{@code PM}), as jfits reads them.
   */
  public TableHdu ragged(String name, RaggedColumn values) {
    return put(new VarLengthColumn(name, values));
  }

  /** Adds a variable-length string column ({@code PA}): each string's bytes, without padding. */
  public TableHdu ragged(String name, StringColumn strings) {
    return put(new VarStringColumn(name, strings));
  }

  /** Sets TUNIT of a column. */
  public TableHdu unit(String column, String unit) {
    find(column).unit(unit);
    return this;
  }

  /** Sets TDISP of a column, the Fortran-style display format ({@code F10.4}, {@code I6}, {@code A20}, ...). */
  public TableHdu display(String column, String format) {
    find(column).display(format);
    return this;
  }

  /** Sets TCOMM of a column, a description in words. */
  public TableHdu description(String column, String text) {
    find(column).description(text);
    return this;
  }

  /** Sets TUCD of a column, its IVOA Unified Content Descriptor. */
  public TableHdu ucd(String column, String ucd) {
    find(column).ucd(ucd);
    return this;
  }

  /**
   * Asks for a TNULL for an integer column: written unless a value of the column is stored as it (then
   * another is chosen, if the column has missing values). For integer array columns, which have no
   * missing values, the TNULL is written as given.
   *
   * @throws IllegalArgumentException for a column that is not an integer column, or a value outside its type
   */
  public TableHdu nullValue(String column, long tnull) {
    find(column).nullValue(tnull);
    return this;
  }

  /** Sets EXTNAME. */
  public TableHdu name(String extname) {
    this.extname = extname;
    return this;
  }

  /**
   * Appends extra cards (metadata) after the column keywords and EXTNAME. Structural keywords
   * ({@link HeaderBuilder#isStructural}: NAXISn, TFORMn, TNULLn, ...) are refused when the header is made.
   */
  public TableHdu cards(HeaderBuilder extra) {
    metadata.addAll(extra);
    return this;
  }

  /** The number of rows, 0 before a column is added. */
  public long rows() {
    return Math.max(rows, 0);
  }

  @Override
  public boolean canBePrimary() {
    return false;
  }

  /**
   * @throws IllegalStateException if asked for a primary header (a table cannot be primary)
   * @throws IllegalArgumentException if an extra card is structural (the table writes those itself)
   */
  @Override
  public HeaderBuilder header(boolean primary) {
    if (primary) {
      throw new IllegalStateException("a binary table cannot be the primary HDU");
    }
    layout();
    HeaderBuilder header = HeaderBuilder.tableExtension(false, rowWidth, rows(), heapSize, columns.size());
    for (int i = 0; i < columns.size(); i++) {
      columns.get(i).cards(header, i + 1);
    }
    if (extname != null) {
      header.add("EXTNAME", extname, "extension name");
    }
    for (String keyword : metadata.keywords()) {
      if (HeaderBuilder.isStructural(keyword)) {
        throw new IllegalArgumentException("keyword " + keyword + " describes the data layout and is written by"
            + " the table HDU itself; it cannot be given as an extra card");
      }
    }
    HeaderBuilder copy = new HeaderBuilder().addAll(metadata);
    if (extname != null) {
      copy.remove("EXTNAME");
    }
    return header.addAll(copy);
  }

  @Override
  public long dataSize() {
    layout();
    return rowWidth * rows() + heapSize;
  }

  @Override
  public void writeData(WritableByteChannel out) throws IOException {
    layout();
    long rowCount = rows();
    if (rowWidth > 0 && rowCount > 0) {
      if (rowWidth > Integer.MAX_VALUE / 2) {
        throw new IllegalStateException("rows of " + rowWidth + " bytes are too wide to write");
      }
      int width = (int) rowWidth;
      int chunkRows = (int) Math.min(rowCount, Math.max(1, CHUNK / width));
      ByteBuffer chunk = ByteBuffer.allocateDirect(chunkRows * width);
      ByteBuffer scratch = ByteBuffer.allocateDirect(chunkRows * width);
      for (long first = 0; first < rowCount; first += chunkRows) {
        int count = (int) Math.min(chunkRows, rowCount - first);
        int offset = 0;
        for (TableColumn column : columns) {
          column.encode(chunk, first, count, width, offset, scratch);
          offset += (int) column.width();
        }
        chunk.clear().position(count * width);
        TableColumn.drain(out, chunk);
      }
    }
    if (heapSize > 0) {
      ByteBuffer buffer = ByteBuffer.allocateDirect((int) Math.min(CHUNK, Math.max(heapSize, 16)));
      for (TableColumn column : columns) {
        column.writeHeap(out, buffer);
      }
    }
  }

  /** Places the heap of each variable-length column, then sums the row width. */
  private void layout() {
    long heap = 0;
    long width = 0;
    for (TableColumn column : columns) {
      column.placeHeap(heap, narrowLimit);
      heap += column.heapBytes();
      width += column.width();
    }
    heapSize = heap;
    rowWidth = width;
  }

  private TableHdu put(TableColumn column) {
    if (rows >= 0 && column.rows() != rows) {
      throw new IllegalArgumentException("column " + column.name() + " has " + column.rows() + " rows, the table "
          + rows);
    }
    rows = column.rows();
    int at = indexOf(column.name());
    if (at >= 0) {
      columns.set(at, column);
    } else {
      columns.add(column);
    }
    return this;
  }

  private int indexOf(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  private TableColumn find(String name) {
    int at = indexOf(name);
    if (at < 0) {
      List<String> names = columns.stream().map(TableColumn::name).toList();
      throw new IllegalArgumentException("no column " + name + " (columns: " + names + ")");
    }
    return columns.get(at);
  }

  /** The column a Tablesaw column becomes, by its type. */
  static TableColumn scalar(Column<?> column) {
    String name = column.name();
    if (column instanceof BooleanColumn b) {
      return new LogicalColumn(name, b);
    } else if (column instanceof ShortColumn s) {
      return new IntegerColumn(name, s, 'I', 1, 0);
    } else if (column instanceof IntColumn i) {
      return new IntegerColumn(name, i, 'J', 1, 0);
    } else if (column instanceof LongColumn l) {
      return new IntegerColumn(name, l, 'K', 1, 0);
    } else if (column instanceof FloatColumn || column instanceof DoubleColumn) {
      return new RealColumn(name, (NumberColumn<?, ?>) column, column instanceof FloatColumn ? 'E' : 'D', 1, 0);
    } else if (column instanceof StringColumn s) {
      return new AsciiColumn(name, s, 1);
    } else if (column instanceof DateColumn || column instanceof DateTimeColumn || column instanceof TimeColumn
        || column instanceof InstantColumn) {
      return new AsciiColumn(name, isoStrings(column), 1);
    }
    throw new IllegalArgumentException("column " + column.name() + ": Tablesaw " + column.type().name()
        + " columns cannot be written to FITS (boolean, short, int, long, float, double, string and date/time"
        + " columns can)");
  }

  /** Date and time values as ISO-8601 strings ({@code toString} of java.time), missing values empty. */
  private static StringColumn isoStrings(Column<?> column) {
    StringColumn strings = StringColumn.create(column.name());
    for (int row = 0; row < column.size(); row++) {
      Object value = column.get(row);
      strings.append(value == null ? "" : value.toString());
    }
    return strings;
  }
}
