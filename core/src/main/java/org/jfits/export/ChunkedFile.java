package org.jfits.export;

import java.io.IOException;
import java.nio.file.Path;
import org.jfits.io.AtomicOutput;
import org.jfits.table.FitsTable;
import org.jfits.table.TableReader;

/**
 * The frame the columnar writers ({@link Parquet}, {@link ArrowIpc}) share: the file is written
 * through a temporary file renamed into place ({@link AtomicOutput}), the selection is read in chunks
 * of rows, and each chunk with rows becomes one row group or record batch between the format's
 * beginning and end, so a table larger than memory converts in bounded memory: a chunk holds at most
 * the rows asked for, and at most {@link #CHUNK_BYTES} of the table's rows (fewer rows when rows
 * hold large arrays).
 */
final class ChunkedFile {
  /** The most bytes of stored rows (fields and heap) one chunk reads. */
  static final long CHUNK_BYTES = 64L << 20;

  private ChunkedFile() {}

  /** What one file format writes. */
  interface Format {
    /** Writes what comes before the first chunk (magic, schema). */
    void begin(CountingOutput out) throws IOException;

    /** Writes one chunk of one or more rows. */
    void chunk(FitsTable chunk, CountingOutput out) throws IOException;

    /** Writes what comes after the last chunk (footer), given the rows written. */
    void end(long rows, CountingOutput out) throws IOException;
  }

  /** Writes the selection of {@code reader} in chunks of {@code chunkRows}; returns the rows written. */
  static long write(TableReader reader, int chunkRows, Path target, Format format) throws IOException {
    long[] rows = {0};
    AtomicOutput.write(target, temp -> {
      try (CountingOutput out = new CountingOutput(temp)) {
        format.begin(out);
        for (FitsTable chunk : reader.chunks(rowsWithinBudget(reader, chunkRows))) {
          if (chunk.rowCount() == 0) {
            continue; // a filter kept no row of this chunk
          }
          format.chunk(chunk, out);
          rows[0] += chunk.rowCount();
        }
        format.end(rows[0], out);
      }
    });
    return rows[0];
  }

  /** {@code chunkRows}, or fewer where that many rows of {@code reader} hold more than {@link #CHUNK_BYTES}. */
  static int rowsWithinBudget(TableReader reader, int chunkRows) {
    return (int) Math.max(1, Math.min(chunkRows, CHUNK_BYTES / reader.rowBytes()));
  }

  /** {@code rows}, checked to be a usable chunk size; {@code unit} names the chunks in the message. */
  static int chunkRows(int rows, String unit) {
    if (rows < 1) {
      throw new IllegalArgumentException(unit + " need 1 or more rows, not " + rows);
    }
    return rows;
  }
}
