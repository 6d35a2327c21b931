package org.jfits.table;

import java.nio.ByteBuffer;

/**
 * Takes chunks of whole rows from {@link RowChunks}. Chunks of different rows may arrive at once from
 * several threads, so an implementation touches only what belongs to its own rows.
 */
interface ChunkConsumer {

  /**
   * Takes {@code count} rows.
   *
   * @param chunk the rows, big-endian, the first row at index 0, one row every {@code rowWidth} bytes
   * @param row the index (in the selection) of the first row of the chunk
   * @param count the number of rows in the chunk
   */
  void decode(ByteBuffer chunk, int row, int count);
}
