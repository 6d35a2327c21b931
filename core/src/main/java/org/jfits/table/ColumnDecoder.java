package org.jfits.table;

/**
 * Decodes one column from chunks of whole rows into its output ({@link ChunkConsumer#decode}); each
 * chunk's rows go to the output cells of the same index, so an implementation writes only the cells
 * of its own rows.
 */
interface ColumnDecoder extends ChunkConsumer {

  /** Called once after every chunk is decoded, on one thread: hands the result to {@code parts}. */
  void finish(TableParts parts);
}
