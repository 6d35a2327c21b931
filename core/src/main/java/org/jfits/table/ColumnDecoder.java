package org.jfits.table;

import java.nio.ByteBuffer;

/**
 * Decodes one column from chunks of whole rows into its output. Each chunk covers rows
 * {@code [row, row + count)} of the selection; chunks of different rows may be decoded at once from
 * several threads, so an implementation writes only the output cells of its own rows.
 */
interface ColumnDecoder {

  /**
   * Decodes the column's field in {@code count} rows.
   *
   * @param chunk the rows, big-endian, the first row at index 0, one row every {@code rowWidth} bytes
   * @param row the index (in the selection) of the first row of the chunk
   * @param count the number of rows in the chunk
   */
  void decode(ByteBuffer chunk, int row, int count);

  /** Called once after every chunk is decoded, on one thread: hands the result to {@code parts}. */
  void finish(TableParts parts);
}
