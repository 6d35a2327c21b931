package org.jfits.image;

/**
 * How a cutout read gets the stored pixels of its boxes. All strategies give the same values; they
 * differ in how many bytes are read and how many reads it takes. {@link #AUTO} lets the reader choose
 * (see {@link CutoutReader} for the rules and their knobs).
 */
public enum CutoutStrategy {
  /** Chosen per read from the image size, the rows the boxes span and whether the file can be mapped. */
  AUTO,
  /**
   * One read of every row from the first to the last row any box needs (in pieces of at most the
   * read-once size), then each box is sliced out of memory: best when those rows are few bytes, as
   * for small images or boxes in a narrow band.
   */
  READ_ONCE,
  /**
   * The row ranges the boxes need, overlapping or nearly touching ranges coalesced, each read with
   * one positional read per megabyte-sized band of rows; rows no box needs are not read.
   */
  ROW_BANDS,
  /**
   * The file is memory-mapped and each box row is converted straight from the mapped pages: no
   * system call per box and only the pages of the boxes are touched. Best for many small boxes
   * scattered over a large file; only for inputs that can be mapped (local files).
   */
  MAPPED
}
