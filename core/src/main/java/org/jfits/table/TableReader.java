package org.jfits.table;

import java.util.Arrays;
import java.util.List;
import org.jfits.FitsUnsupportedException;
import org.jfits.Hdu;

/**
 * Reads a binary or ASCII table HDU, or a part of it: {@code hdu.table().columns("RA", "DEC")
 * .rows(0, 1000).read()}, as fitsio's {@code read(columns=..., rows=...)}.
 *
 * <p>Only the selected columns are decoded, and only the bytes of the selected rows are read. Large
 * tables decode in parallel over row chunks ({@link #threads(int)}). A reader is an immutable
 * description of what to read: each {@code with}-style call returns a new reader.
 */
public final class TableReader {
  private final Hdu hdu;
  private final List<String> columns;
  private final long start;
  private final long stop;
  private final int threads;

  private TableReader(Hdu hdu, List<String> columns, long start, long stop, int threads) {
    this.hdu = hdu;
    this.columns = columns;
    this.start = start;
    this.stop = stop;
    this.threads = threads;
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
    return new TableReader(hdu, null, 0, -1, 0);
  }

  /** Reads only these columns (names as in TTYPE, case-insensitive), in FITS order. */
  public TableReader columns(String... names) {
    return columns(Arrays.asList(names));
  }

  /** Reads only these columns (names as in TTYPE, case-insensitive), in FITS order. */
  public TableReader columns(List<String> names) {
    return new TableReader(hdu, List.copyOf(names), start, stop, threads);
  }

  /** Reads only rows {@code [start, stop)}. */
  public TableReader rows(long start, long stop) {
    return new TableReader(hdu, columns, start, stop, threads);
  }

  /**
   * Decodes with this many threads; 0 (the default) chooses by table size, 1 decodes on the calling
   * thread.
   */
  public TableReader threads(int threads) {
    return new TableReader(hdu, columns, start, stop, threads);
  }

  /** Reads the table. */
  public FitsTable read() {
    throw new UnsupportedOperationException("table decoding is not written yet");
  }
}
