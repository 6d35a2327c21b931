package org.jfits.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jfits.FitsUnsupportedException;
import org.jfits.header.Card;
import org.jfits.table.ColumnInfo;
import org.jfits.table.StoredRows;
import org.jfits.table.TableReader;

/**
 * A table HDU made of some rows and columns of a table that was read, copied as stored: the bytes of
 * each selected field are written unchanged, so values, scaling (TSCALn/TZEROn), nulls (TNULLn),
 * strings, bits, TDIMn, TUNITn, TDISPn and every other keyword survive exactly, with nothing decoded.
 *
 * <pre>{@code
 * try (FitsWriter out = FitsWriter.create(path)) {
 *   out.write(SelectedRowsHdu.of(hdu.table().where("MAG < 20").columns("RA", "DEC", "SPECTRUM")));
 * }
 * }</pre>
 *
 * <p>The rows are those the reader selects (its row range, then its filter), in table order; the
 * columns are the selected ones in FITS order, as {@link TableReader#read()} returns them, whatever
 * the order they were asked in. The header is the source header with NAXIS1, NAXIS2, PCOUNT and
 * TFIELDS rewritten, THEAP, CHECKSUM and DATASUM left out (the writer adds checksums when asked),
 * and the keywords of the columns left out dropped; the kept columns' keywords (TTYPEn, TFORMn,
 * TUNITn, TNULLn, column WCS ...: see {@link ColumnKeywords}) are renumbered in place. Variable-length
 * columns get new descriptors, and only the heap bytes of the selected rows are copied, row after
 * row, right after the rows; {@code P} columns stay {@code P} unless the new heap reaches past
 * 2^31 - 1 bytes, then all of them become {@code Q}. In an ASCII table that keeps every column the
 * rows are copied whole; one that keeps some columns puts their fields one blank apart, with TBCOLn
 * recomputed.
 *
 * <p>Memory: the reader's filter is evaluated once, by {@link #of}, and the numbers of the selected
 * rows are kept (8 bytes a selected row; nothing for a row range without a filter). The data goes
 * through buffers of about a megabyte, whatever the table size: rows are read in chunks, and the
 * heap through a {@link HeapWindow}. With variable-length columns the selected rows are read three
 * times: to size the new heap, to write the rows, to copy the heap. The source file must stay open
 * until the HDU is written.
 */
public final class SelectedRowsHdu implements WritableHdu {
  private static final int BUFFER = 1 << 20;
  private static final long NARROW_LIMIT = Integer.MAX_VALUE;
  /** Source keywords the copy writes itself or leaves out. */
  private static final Set<String> REWRITTEN = Set.of("XTENSION", "BITPIX", "NAXIS", "NAXIS1", "NAXIS2", "PCOUNT",
      "GCOUNT", "TFIELDS", "THEAP", "CHECKSUM", "DATASUM");

  /**
   * One column of the copy: where its field lies in a source row ({@code from}) and in a row of the
   * copy ({@code to}), its width in the copy, and for variable-length columns whether its descriptors
   * are 64-bit in the source and in the copy.
   */
  private record Field(ColumnInfo info, int from, int to, int width, boolean varLength, boolean wideIn,
      boolean wideOut) {}

  /** A variable-length array descriptor: element count and heap offset. */
  private record Descriptor(long count, long position) {}

  private final StoredRows source;
  private final List<Field> fields;
  private final long rowWidth;
  private final long heapSize;
  /** True when a row of the copy is the source row unchanged. */
  private final boolean wholeRows;

  private SelectedRowsHdu(StoredRows source, List<Field> fields, long rowWidth, long heapSize, boolean wholeRows) {
    this.source = source;
    this.fields = fields;
    this.rowWidth = rowWidth;
    this.heapSize = heapSize;
    this.wholeRows = wholeRows;
  }

  /**
   * The rows and columns {@code selection} selects, to be copied. Evaluates its filter, and with
   * variable-length columns reads their descriptors to size the new heap.
   *
   * @throws IllegalArgumentException if a column name is unknown or the row range does not lie inside
   *     the table
   * @throws org.jfits.FitsFormatException if the table's header is inconsistent (naming the keyword) or
   *     a descriptor points outside the heap (naming TFORMn and the descriptor's byte)
   * @throws FitsUnsupportedException if a row of the copy would be over 1 GiB
   */
  public static SelectedRowsHdu of(TableReader selection) {
    return of(selection, NARROW_LIMIT);
  }

  /** As {@link #of(TableReader)}, with 32-bit descriptors allowed for heaps up to {@code narrowLimit} bytes. */
  static SelectedRowsHdu of(TableReader selection, long narrowLimit) {
    StoredRows source = selection.stored();
    List<Field> sourceFields = new ArrayList<>();
    for (ColumnInfo info : source.columns()) {
      boolean varLength = info.format().isVariableLength();
      boolean wide = info.format().type() == 'Q';
      sourceFields.add(new Field(info, (int) source.fieldOffset(info), 0, (int) info.format().width(), varLength,
          wide, wide));
    }
    long heap = newHeapSize(source, sourceFields);
    boolean widen = heap > narrowLimit;
    boolean all = source.columns().size() == source.tableColumns();
    boolean anyVarLength = sourceFields.stream().anyMatch(Field::varLength);
    boolean wholeRows = all && (source.ascii() || !anyVarLength);
    List<Field> fields = new ArrayList<>();
    long to = 0;
    for (Field f : sourceFields) {
      int width = f.varLength && widen ? 16 : f.width;
      int at = wholeRows ? f.from : (int) to;
      fields.add(new Field(f.info, f.from, at, width, f.varLength, f.wideIn, f.wideIn || (f.varLength && widen)));
      to += width + (source.ascii() ? 1 : 0);
    }
    long width = wholeRows ? source.rowWidth() : Math.max(0, to - (source.ascii() ? 1 : 0));
    if (width > Integer.MAX_VALUE / 2) {
      throw new FitsUnsupportedException(source.hdu().context().withKeyword("NAXIS1"), "rows of " + width
          + " bytes are too wide to copy");
    }
    return new SelectedRowsHdu(source, List.copyOf(fields), width, heap, wholeRows);
  }

  /** The heap bytes the selected rows of the variable-length columns among {@code fields} point to. */
  private static long newHeapSize(StoredRows source, List<Field> fields) {
    if (fields.stream().noneMatch(Field::varLength)) {
      return 0;
    }
    long[] total = {0};
    try {
      source.forEachChunk((rows, first, count) -> {
        for (int r = 0; r < count; r++) {
          for (Field f : fields) {
            if (f.varLength) {
              Descriptor d = descriptor(source, f, rows, r);
              total[0] += source.heapBytes(f.info, first + r, d.count, d.position);
            }
          }
        }
      });
    } catch (IOException e) {
      // the consumer above throws none: read errors are FitsExceptions
      throw new IllegalStateException(e);
    }
    return total[0];
  }

  /** The rows the copy holds. */
  public long rows() {
    return source.count();
  }

  @Override
  public boolean canBePrimary() {
    return false;
  }

  /** @throws IllegalStateException if asked for a primary header (a table cannot be primary) */
  @Override
  public HeaderBuilder header(boolean primary) {
    if (primary) {
      throw new IllegalStateException("a table cannot be the primary HDU");
    }
    boolean ascii = source.ascii();
    HeaderBuilder header = HeaderBuilder.tableExtension(ascii, rowWidth, rows(), heapSize, fields.size());
    int[] newNumbers = new int[source.tableColumns() + 1];
    for (int i = 0; i < fields.size(); i++) {
      newNumbers[fields.get(i).info.number()] = i + 1;
    }
    List<Card> cards = source.hdu().header().cards();
    int end = cards.size();
    while (end > 0 && cards.get(end - 1).image().isBlank()) {
      end--;
    }
    for (Card card : cards.subList(0, end)) {
      String keyword = card.keyword();
      if (card.isCommentary()) {
        header.copy(card, keyword);
        continue;
      }
      if (REWRITTEN.contains(keyword.toUpperCase(Locale.ROOT))) {
        continue;
      }
      Optional<String> renumbered = ColumnKeywords.renumber(keyword, source.tableColumns(), n -> newNumbers[n]);
      if (renumbered.isPresent()) {
        copyColumnCard(header, card, renumbered.get());
      }
    }
    return header;
  }

  /** Copies a card, with the value of TFORMn or TBCOLn changed where the copy's layout changed it. */
  private void copyColumnCard(HeaderBuilder header, Card card, String keyword) {
    boolean tform = keyword.matches("TFORM[0-9]+");
    boolean tbcol = keyword.matches("TBCOL[0-9]+");
    if (tform || tbcol) {
      Field f = fields.get(Integer.parseInt(keyword.substring(5)) - 1);
      if (tform && f.wideOut != f.wideIn) {
        header.add(keyword, f.info.format().text().replaceFirst("P", "Q"), card.comment());
        return;
      }
      if (tbcol && f.to != f.from) {
        header.add(keyword, f.to + 1, card.comment());
        return;
      }
    }
    header.copy(card, keyword);
  }

  /** Blanks for an ASCII table, zeros for a binary table. */
  @Override
  public byte dataFill() {
    return source.ascii() ? (byte) ' ' : 0;
  }

  @Override
  public long dataSize() {
    return rowWidth * rows() + heapSize;
  }

  @Override
  public void writeData(WritableByteChannel out) throws IOException {
    if (rowWidth == 0 || rows() == 0) {
      return;
    }
    if (wholeRows) {
      source.forEachChunk((rows, first, count) -> {
        ByteBuffer chunk = rows.duplicate().position(0).limit((int) (count * rowWidth));
        while (chunk.hasRemaining()) {
          out.write(chunk);
        }
      });
      return;
    }
    writeRows(out);
    if (heapSize > 0) {
      writeHeap(out);
    }
  }

  /** Writes the selected fields of each selected row, with descriptors pointing into the new heap. */
  private void writeRows(WritableByteChannel out) throws IOException {
    int width = (int) rowWidth;
    int sourceWidth = (int) source.rowWidth();
    ByteBuffer buffer = ByteBuffer.allocateDirect(Math.max(width, (int) Math.min(BUFFER, width * rows())));
    long[] heapNext = {0};
    source.forEachChunk((rows, first, count) -> {
      for (int r = 0; r < count; r++) {
        if (buffer.remaining() < width) {
          TableColumn.drain(out, buffer);
        }
        int base = buffer.position();
        if (source.ascii()) {
          for (int i = 0; i < width; i++) {
            buffer.put(base + i, (byte) ' ');
          }
        }
        for (Field f : fields) {
          if (!f.varLength) {
            buffer.put(base + f.to, rows, r * sourceWidth + f.from, f.width);
            continue;
          }
          Descriptor d = descriptor(source, f, rows, r);
          long bytes = source.heapBytes(f.info, first + r, d.count, d.position);
          if (f.wideOut) {
            buffer.putLong(base + f.to, d.count).putLong(base + f.to + 8, heapNext[0]);
          } else {
            buffer.putInt(base + f.to, (int) d.count).putInt(base + f.to + 4, (int) heapNext[0]);
          }
          heapNext[0] += bytes;
        }
        buffer.position(base + width);
      }
    });
    TableColumn.drain(out, buffer);
  }

  /** Copies the heap bytes of the selected rows' variable-length arrays, in the order the descriptors point to. */
  private void writeHeap(WritableByteChannel out) throws IOException {
    HeapWindow heap = new HeapWindow(source);
    source.forEachChunk((rows, first, count) -> {
      for (int r = 0; r < count; r++) {
        for (Field f : fields) {
          if (f.varLength) {
            Descriptor d = descriptor(source, f, rows, r);
            heap.copy(d.position, source.heapBytes(f.info, first + r, d.count, d.position), out);
          }
        }
      }
    });
  }

  /** The descriptor of {@code f} in source row {@code r} of a chunk. */
  private static Descriptor descriptor(StoredRows source, Field f, ByteBuffer rows, int r) {
    int at = (int) (r * source.rowWidth()) + f.from;
    return f.wideIn ? new Descriptor(rows.getLong(at), rows.getLong(at + 8))
        : new Descriptor(rows.getInt(at), rows.getInt(at + 4));
  }
}
