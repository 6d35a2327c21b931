package org.jfits.table;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jfits.table.filter.FilterColumn;
import org.jfits.table.filter.FilterType;
import org.jfits.table.filter.RowFilter;
import org.jfits.table.filter.Values;

/**
 * Finds the rows a {@link RowFilter} selects, as a consumer of {@link RowChunks}: for each chunk it
 * decodes only the columns the expression names (with the reader's own decoders, so values, scaling
 * and nulls are those of a read), evaluates the expression over the chunk and keeps the indices of
 * the selected rows. Chunks may be scanned on several threads at once.
 *
 * <p>A scan for a read also keeps the bytes of the selected rows while selections are sparse (at most
 * one row in {@link #SPARSE} of a chunk) and small (at most {@link #KEEP_BYTES} in all), so that a
 * selective filter's rows are decoded from those copies instead of being read a second time. A
 * denser or larger selection stops the keeping and its rows are read again by
 * {@link RowChunks#gather}, which costs no more than copying them.
 */
final class FilterScan implements ChunkConsumer {
  static final int SPARSE = 4;
  static final long KEEP_BYTES = 64L << 20;

  /** The selected rows of one chunk: offsets from the chunk's first row, and their bytes or null. */
  private record Selection(int[] rows, byte[] bytes) {}

  private final TableLayout layout;
  private final RowFilter filter;
  private final List<ColumnInfo> used;
  private final long start;
  /** The selections, by the chunk's first row (an index in the scanned range). */
  private final Map<Integer, Selection> selected = new ConcurrentSkipListMap<>();
  private final AtomicLong keptBytes = new AtomicLong();
  private volatile boolean keeping;

  /** A scan of the rows from table row {@code start} on; {@code keepRows} for a scan before a read. */
  FilterScan(TableLayout layout, RowFilter filter, long start, boolean keepRows) {
    this.layout = layout;
    this.filter = filter;
    this.start = start;
    this.keeping = keepRows;
    this.used = new ArrayList<>();
    for (int index : filter.columns()) {
      used.add(layout.columns.get(index));
    }
  }

  /**
   * The columns of a table as a filter sees them: scalar numbers, logicals and strings with the type
   * of their values; the others with the reason a filter cannot use them.
   */
  static List<FilterColumn> columns(TableLayout layout) {
    List<FilterColumn> out = new ArrayList<>();
    for (ColumnInfo info : layout.columns) {
      out.add(column(layout, info));
    }
    return out;
  }

  private static FilterColumn column(TableLayout layout, ColumnInfo info) {
    ColumnFormat f = info.format();
    char type = f.type();
    if (layout.ascii) {
      boolean scaled = info.scale() != 1 || info.zero() != 0;
      FilterType t = type == 'A' ? FilterType.STRING : type == 'I' && !scaled ? FilterType.INTEGER : FilterType.REAL;
      return new FilterColumn(info.name(), t, "");
    }
    if (f.isVariableLength()) {
      return unusable(info, "it holds variable-length arrays");
    }
    if (StringDecoder.handles(info)) {
      return info.dims().length < 2 ? new FilterColumn(info.name(), FilterType.STRING, "")
          : unusable(info, "it holds arrays of strings");
    }
    if (ScalarDecoder.handles(info)) {
      FilterType t = type == 'L' ? FilterType.BOOLEAN
          : type == 'E' || type == 'D' || Scaling.of(info, type).kind() == Scaling.Kind.LINEAR ? FilterType.REAL
          : FilterType.INTEGER;
      return new FilterColumn(info.name(), t, "");
    }
    if (type == 'C' || type == 'M') {
      return unusable(info, "it is complex");
    }
    if (type == 'X') {
      return unusable(info, "it holds bits");
    }
    if (f.repeat() == 1 && info.dims().length == 0) {
      return unusable(info, "unsigned 64-bit integers are not supported in filters");
    }
    return unusable(info, "it holds arrays (TFORM" + info.number() + " = '" + f.text() + "')");
  }

  private static FilterColumn unusable(ColumnInfo info, String why) {
    return new FilterColumn(info.name(), null, why);
  }

  /** The bytes per row the scan decodes, for choosing the number of slices. */
  long fieldBytes() {
    long bytes = 0;
    for (ColumnInfo info : used) {
      bytes += RowChunks.fieldBytes(info);
    }
    return bytes;
  }

  @Override
  public void decode(ByteBuffer chunk, int row, int count) {
    Values[] values = new Values[used.size()];
    for (int k = 0; k < values.length; k++) {
      ColumnInfo info = used.get(k);
      // columns() gives a type only to columns whose decoders are FilterValues
      FilterValues source = (FilterValues) Decoders.of(layout, info, start + row, count, 1);
      source.decode(chunk, 0, count);
      values[k] = source.values(count);
    }
    int[] rows = new int[count];
    int n = filter.select(values, count, rows);
    if (n > 0) {
      int[] offsets = Arrays.copyOf(rows, n);
      selected.put(row, new Selection(offsets, keeping ? keep(chunk, offsets, count) : null));
    }
  }

  /** The bytes of the selected rows of a chunk of {@code count} rows, or null when keeping stops here. */
  private byte[] keep(ByteBuffer chunk, int[] offsets, int count) {
    int width = (int) layout.rowWidth;
    long size = (long) offsets.length * width;
    if ((long) offsets.length * SPARSE > count || keptBytes.addAndGet(size) > KEEP_BYTES) {
      keeping = false;
      return null;
    }
    byte[] bytes = new byte[(int) size];
    for (int k = 0; k < offsets.length; k++) {
      chunk.get(offsets[k] * width, bytes, k * width, width);
    }
    return bytes;
  }

  /** True if the scan kept the bytes of every selected row (see the class comment). */
  boolean keptAll() {
    return keeping;
  }

  /**
   * Hands the kept rows to {@code decoders}, selection index {@code i} for the {@code i}-th selected
   * row, in {@code slices} slices of chunks; only after a scan that {@link #keptAll()}.
   */
  void decodeKept(List<? extends ChunkConsumer> decoders, int slices) {
    List<Selection> parts = new ArrayList<>(selected.values());
    int[] first = new int[parts.size()];
    for (int p = 1; p < first.length; p++) {
      first[p] = first[p - 1] + parts.get(p - 1).rows().length;
    }
    Slices.run(0, parts.size(), Math.min(slices, Math.max(1, parts.size())), (from, to) -> {
      for (int p = (int) from; p < to; p++) {
        ByteBuffer rows = ByteBuffer.wrap(parts.get(p).bytes());
        for (ChunkConsumer d : decoders) {
          d.decode(rows, first[p], parts.get(p).rows().length);
        }
      }
    });
  }

  /** The table row numbers of the selected rows, ascending, once every chunk is scanned. */
  long[] rows() {
    long total = 0;
    for (Selection s : selected.values()) {
      total += s.rows().length;
    }
    // at most the scanned range, which the reader limits to 2^31 - 9 rows
    long[] out = new long[(int) total];
    int at = 0;
    for (Map.Entry<Integer, Selection> e : selected.entrySet()) {
      long first = start + e.getKey();
      for (int offset : e.getValue().rows()) {
        out[at++] = first + offset;
      }
    }
    return out;
  }
}
