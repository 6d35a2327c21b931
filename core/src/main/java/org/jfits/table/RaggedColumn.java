package org.jfits.table;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A variable-length array column (TFORM {@code P} or {@code Q}): the values of all rows one after
 * another in one flat array, and {@code rows + 1} offsets into it, as Arrow and awkward-array store
 * ragged data. Row {@code i} holds {@code values[offsets[i] .. offsets[i+1])}; {@link #row(int)} gives
 * it as an array view without copying.
 */
public final class RaggedColumn {
  private final String name;
  private final INDArray values;
  private final long[] offsets;

  /**
   * @param name the column name
   * @param values the values of every row, flat, one dimension
   * @param offsets {@code rows + 1} non-decreasing offsets into {@code values}, starting at 0
   */
  public RaggedColumn(String name, INDArray values, long[] offsets) {
    this.name = name;
    this.values = values;
    this.offsets = offsets;
  }

  /** The column name. */
  public String name() {
    return name;
  }

  /** The number of rows. */
  public int size() {
    return offsets.length - 1;
  }

  /** The values of every row, flat. */
  public INDArray values() {
    return values;
  }

  /** The {@code rows + 1} offsets into {@link #values()}. */
  public long[] offsets() {
    return offsets.clone();
  }

  /** The number of elements in row {@code row}. */
  public long length(int row) {
    return offsets[row + 1] - offsets[row];
  }

  /** The values of row {@code row}: a one-dimensional view of {@link #values()}. */
  public INDArray row(int row) {
    long start = offsets[row];
    long end = offsets[row + 1];
    return values.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(start, end));
  }
}
