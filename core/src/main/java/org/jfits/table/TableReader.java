package org.jfits.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.jfits.FitsUnsupportedException;
import org.jfits.Hdu;
import org.jfits.table.filter.ExpressionException;
import org.jfits.table.filter.RowFilter;

/**
 * Reads a binary or ASCII table HDU, or a part of it: {@code hdu.table().columns("RA", "DEC")
 * .rows(0, 1000).read()}, as fitsio's {@code read(columns=..., rows=...)}; with a row filter,
 * {@code hdu.table().where("MAG_G < 20.0 && FLAGS == 0").columns("RA", "DEC").read()}, as fitsio's
 * {@code read(where=...)}.
 *
 * <p>Only the selected columns are decoded, and only the bytes of the selected rows are read. Large
 * tables decode in parallel over row chunks ({@link #threads(int)}). A reader is an immutable
 * description of what to read: each {@code with}-style call returns a new reader.
 *
 * <p>{@link FitsTable} says where each kind of column goes (Tablesaw columns, ND4J arrays, ragged
 * columns) and the limits of missing values. Columns keep their TTYPE as name; a later column whose
 * name repeats an earlier one (ignoring case) gets {@code _n} appended, {@code n} its column number.
 */
public final class TableReader {
  private final Hdu hdu;
  private final List<String> columns;
  private final long start;
  private final long stop;
  private final int threads;
  private final RowFilter filter;

  private TableReader(Hdu hdu, List<String> columns, long start, long stop, int threads, RowFilter filter) {
    this.hdu = hdu;
    this.columns = columns;
    this.start = start;
    this.stop = stop;
    this.threads = threads;
    this.filter = filter;
  }

  /**
   * The reader of a table HDU: all columns, all rows, threads chosen by table size.
   *
   * @throws FitsUnsupportedException if the HDU is not a binary or ASCII table
   */
  public static TableReader of(Hdu hdu) {
    if (!hdu.type().isTable()) {
      throw new FitsUnsupportedException(hdu.context(),
          "cannot read as a table: it is a " + hdu.type().astropyName());
    }
    return new TableReader(hdu, null, 0, -1, 0, null);
  }

  /** Reads only these columns (names as in TTYPE, case-insensitive), in FITS order. */
  public TableReader columns(String... names) {
    return columns(Arrays.asList(names));
  }

  /** Reads only these columns (names as in TTYPE, case-insensitive), in FITS order. */
  public TableReader columns(List<String> names) {
    return new TableReader(hdu, List.copyOf(names), start, stop, threads, filter);
  }

  /**
   * Reads only rows {@code [start, stop)} (0-based, as Python slices); a negative {@code stop} reads to
   * the last row. The range is checked against the table by {@link #read()}.
   */
  public TableReader rows(long start, long stop) {
    return new TableReader(hdu, columns, start, stop, threads, filter);
  }

  /**
   * Decodes with this many threads; 0 (the default) chooses by table size, 1 decodes on the calling
   * thread.
   */
  public TableReader threads(int threads) {
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be 0 (automatic) or more, not " + threads);
    }
    return new TableReader(hdu, columns, start, stop, threads, filter);
  }

  /**
   * Reads only the rows where {@code expression} is true, such as {@code "MAG_G < 20.0 && FLAGS == 0"}
   * (the language: {@link RowFilter} and {@code docs/where.md}). Within a row range the filter applies
   * to the rows of the range. The expression is parsed and type-checked here, before anything is read;
   * while reading, only the columns it names are decoded to evaluate it, chunk by chunk, and only the
   * selected rows of the selected columns are decoded into the result. Column values are those a read
   * returns (TSCAL/TZERO applied, unsigned conventions exact); TNULL cells, undefined logicals and
   * empty strings are null, which no comparison selects ({@code isnull(col)} does); NaN is a value.
   *
   * @throws ExpressionException (an {@link IllegalArgumentException}) on a syntax error, an unknown
   *     column or function, or operands of the wrong type; the message names the token, its position
   *     and the HDU
   */
  public TableReader where(String expression) {
    TableLayout layout = TableLayout.of(hdu);
    try {
      return new TableReader(hdu, columns, start, stop, threads, RowFilter.parse(expression,
          FilterScan.columns(layout)));
    } catch (ExpressionException e) {
      throw e.locatedIn(hdu.context().describe(""));
    }
  }

  /**
   * The numbers (0-based, counted from the first row of the table) of the rows {@link #read()} would
   * read, ascending: the rows of the range where the filter is true, as fitsio's {@code where()}.
   * Only the filter's columns are decoded.
   *
   * @throws IllegalArgumentException if the row range does not lie inside the table
   */
  public long[] rowIndices() {
    TableLayout layout = TableLayout.of(hdu);
    long last = last(layout);
    if (filter == null) {
      return LongStream.range(start, last).toArray();
    }
    return scan(layout, last, false).rows();
  }

  /**
   * The selected columns of the selected rows as stored, for copying them without decoding them
   * ({@link org.jfits.write.SelectedRowsHdu}). The filter, if any, is evaluated here, scanning only
   * its columns; the result holds the selected row numbers, not the data.
   *
   * @throws IllegalArgumentException if a column name is unknown or the row range does not lie inside
   *     the table
   */
  public StoredRows stored() {
    TableLayout layout = TableLayout.of(hdu);
    long last = last(layout);
    List<ColumnInfo> selected = select(layout);
    long[] rows = filter == null ? null : scan(layout, last, false).rows();
    return new StoredRows(layout, selected, start, last, rows);
  }

  /**
   * Reads the table: the selected columns of the selected rows, decoded into a {@link FitsTable}.
   *
   * @throws IllegalArgumentException if a column name is unknown (the message lists the names) or the
   *     row range does not lie inside the table
   * @throws org.jfits.FitsFormatException if the header describes an impossible table (the message
   *     names the keyword) or a variable-length descriptor points outside the heap
   */
  public FitsTable read() {
    TableLayout layout = TableLayout.of(hdu);
    long last = last(layout);
    if (last - start > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(hdu.context().describe("cannot read " + (last - start)
          + " rows at once (at most 2^31 - 9); read a row range"));
    }
    FilterScan scan = filter == null ? null : scan(layout, last, true);
    long[] passing = scan == null ? null : scan.rows();
    int rows = (int) (passing == null ? last - start : passing.length);
    List<ColumnInfo> selected = select(layout);
    List<ColumnDecoder> decoders = new ArrayList<>(selected.size());
    for (ColumnInfo info : selected) {
      decoders.add(Decoders.of(layout, info, start, rows, threads));
    }
    long fieldBytes = 0;
    for (ColumnInfo info : selected) {
      fieldBytes += RowChunks.fieldBytes(info);
    }
    int slices = RowChunks.slices(rows, fieldBytes, threads);
    if (scan == null) {
      new RowChunks(layout, decoders).run(start, last, slices);
    } else if (scan.keptAll()) {
      scan.decodeKept(decoders, slices);
    } else {
      new RowChunks(layout, decoders).gather(passing, slices);
    }
    TableParts parts = new TableParts();
    for (ColumnDecoder d : decoders) {
      d.finish(parts);
    }
    String name = hdu.name().isEmpty() ? "HDU " + hdu.index() : hdu.name();
    return new FitsTable(hdu.header(), rows, selected, parts.table(name), parts.arrays(), parts.ragged());
  }

  /**
   * The selected rows as consecutive tables of at most {@code rowsPerChunk} rows each, each read when
   * the iteration reaches it: a table larger than memory goes through in bounded memory.
   *
   * @throws IllegalArgumentException if the row range does not lie inside the table
   */
  public Iterable<FitsTable> chunks(int rowsPerChunk) {
    if (rowsPerChunk < 1) {
      throw new IllegalArgumentException("chunks need 1 or more rows, not " + rowsPerChunk);
    }
    long last = last(TableLayout.of(hdu));
    return () -> new Iterator<>() {
      private long next = start;

      @Override
      public boolean hasNext() {
        return next < last;
      }

      @Override
      public FitsTable next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no rows after " + last);
        }
        long end = Math.min(last, next + rowsPerChunk);
        FitsTable chunk = rows(next, end).read();
        next = end;
        return chunk;
      }
    };
  }

  /**
   * About how many bytes one row of the selected columns takes to read: their fields, plus an even
   * share of the heap when a selected column has variable-length arrays. What sizes chunks of rows
   * ({@link #chunks(int)}) to a memory budget.
   */
  public long rowBytes() {
    TableLayout layout = TableLayout.of(hdu);
    long bytes = 0;
    boolean variable = false;
    for (ColumnInfo info : select(layout)) {
      bytes += RowChunks.fieldBytes(info);
      variable |= info.format().isVariableLength();
    }
    if (variable && layout.rows > 0) {
      bytes += (layout.heapSize + layout.rows - 1) / layout.rows;
    }
    return Math.max(1, bytes);
  }

  /** The end of the selected row range, checked against the table. */
  private long last(TableLayout layout) {
    long last = stop < 0 ? layout.rows : stop;
    if (start < 0 || last < start || last > layout.rows) {
      throw new IllegalArgumentException(hdu.context().describe("rows [" + start + ", " + last
          + ") do not lie inside the table of " + layout.rows + " rows"));
    }
    return last;
  }

  /** The scan of {@code [start, last)} with the filter; {@code keepRows} before a read (see {@link FilterScan}). */
  private FilterScan scan(TableLayout layout, long last, boolean keepRows) {
    FilterScan scan = new FilterScan(layout, filter, start, keepRows);
    new RowChunks(layout, List.of(scan)).run(start, last, RowChunks.slices(last - start, scan.fieldBytes(), threads));
    return scan;
  }

  private List<ColumnInfo> select(TableLayout layout) {
    if (columns == null) {
      return layout.columns;
    }
    Set<Integer> wanted = new TreeSet<>();
    for (String name : columns) {
      int number = layout.find(name);
      if (number < 0) {
        List<String> names = new ArrayList<>();
        for (ColumnInfo c : layout.columns) {
          names.add(c.name());
        }
        throw new IllegalArgumentException(hdu.context().describe("no column named '" + name + "'; the columns are "
            + names));
      }
      wanted.add(number);
    }
    List<ColumnInfo> out = new ArrayList<>();
    for (int n : wanted) {
      out.add(layout.columns.get(n - 1));
    }
    return out;
  }
}
