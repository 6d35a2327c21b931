package org.jfits.write;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.StringJoiner;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A fixed-size array column from an ND4J array of shape {@code [rows, ...]}: each row's elements in
 * row-major order, so that the cell dimensions (numpy order) come back reversed as TDIM, written
 * for two or more of them. Element types as {@link ElementCoding}; a complex column takes a float
 * ({@code C}) or double ({@code M}) array whose last axis of 2 holds (real, imaginary); a bit column
 * ({@code X}) a boolean array, packed most significant bit first.
 *
 * <p>Rows are stored with one bulk byte-swapping copy per chunk of rows from the array's memory,
 * straight into the chunk when the table has no other column, otherwise through the scratch buffer
 * and one copy per row.
 */
final class ArrayColumn extends TableColumn {
  /** How the last axes of the array are read. */
  enum Shape { PLAIN, COMPLEX, BITS }

  private final ArrayChunks values;
  private final long rows;
  private final ElementCoding coding;
  private final Shape shape;
  private final long[] dims;
  private final long repeat;
  private final long elementsPerRow;
  private Long tnull;

  /**
   * @throws IllegalArgumentException for an array of rank 1, a complex array without a last axis of 2
   *     or not of float/double, a bit array not boolean, or an element type FITS cannot hold
   */
  ArrayColumn(String name, INDArray array, Shape shape) {
    super(name);
    if (array.rank() < 2) {
      throw new IllegalArgumentException("column " + name + ": an array column needs shape [rows, ...], not "
          + Arrays.toString(array.shape()));
    }
    this.coding = ElementCoding.of(array.dataType(), name);
    long[] cell = Arrays.copyOfRange(array.shape(), 1, array.rank());
    if (shape == Shape.COMPLEX) {
      if (cell[cell.length - 1] != 2 || !(coding == ElementCoding.FLOAT || coding == ElementCoding.DOUBLE)) {
        throw new IllegalArgumentException("column " + name + ": a complex column needs a float or double array with"
            + " a last axis of 2 (real, imaginary), not " + array.dataType() + " " + Arrays.toString(array.shape()));
      }
      cell = Arrays.copyOf(cell, cell.length - 1);
    }
    if (shape == Shape.BITS && (coding != ElementCoding.LOGICAL || cell.length != 1)) {
      throw new IllegalArgumentException("column " + name + ": a bit column needs a boolean array [rows, bits]");
    }
    this.values = new ArrayChunks(array);
    this.rows = array.size(0);
    this.shape = shape;
    this.dims = cell;
    this.repeat = Arrays.stream(cell).reduce(1, Math::multiplyExact);
    this.elementsPerRow = shape == Shape.COMPLEX ? 2 * repeat : repeat;
  }

  /** The array column of a boolean, integer or real ND4J array (not complex, not bits). */
  ArrayColumn(String name, INDArray array) {
    this(name, array, Shape.PLAIN);
  }

  @Override
  long rows() {
    return rows;
  }

  @Override
  String tform() {
    char code = shape == Shape.BITS ? 'X' : shape == Shape.COMPLEX ? (coding == ElementCoding.FLOAT ? 'C' : 'M')
        : coding.code;
    return repeat + String.valueOf(code);
  }

  @Override
  long width() {
    return shape == Shape.BITS ? (repeat + 7) / 8 : elementsPerRow * coding.size;
  }

  @Override
  void nullValue(long value) {
    if (shape != Shape.PLAIN || !coding.isInteger()) {
      super.nullValue(value);
    }
    tnull = value;
  }

  @Override
  void layoutCards(HeaderBuilder header, int n) {
    if (tnull != null) {
      header.add("TNULL" + n, tnull, "");
    }
    coding.zeroCard(header, n);
    if (dims.length >= 2) {
      StringJoiner tdim = new StringJoiner(",", "(", ")");
      for (int i = dims.length - 1; i >= 0; i--) {
        tdim.add(Long.toString(dims[i]));
      }
      header.add("TDIM" + n, tdim.toString(), "");
    }
  }

  @Override
  void encode(ByteBuffer chunk, long first, int count, int rowWidth, int offset, ByteBuffer scratch) {
    int width = (int) width();
    if (width == 0) {
      return;
    }
    if (shape == Shape.BITS) {
      bits(chunk, first, count, rowWidth, offset);
      return;
    }
    ByteBuffer target = rowWidth == width ? chunk : scratch;
    target.position(rowWidth == width ? offset : 0);
    coding.copy(values, first * elementsPerRow, (int) (count * elementsPerRow), target);
    if (target == scratch) {
      for (int i = 0; i < count; i++) {
        chunk.put(i * rowWidth + offset, scratch, i * width, width);
      }
    }
    target.clear();
  }

  private void bits(ByteBuffer chunk, long first, int count, int rowWidth, int offset) {
    int width = (int) width();
    ByteBuffer flags = values.window(first * repeat, (int) (count * repeat));
    for (int i = 0; i < count; i++) {
      int at = i * rowWidth + offset;
      for (int b = 0; b < width; b++) {
        chunk.put(at + b, (byte) 0);
      }
      for (int bit = 0; bit < repeat; bit++) {
        if (flags.get((int) (i * repeat + bit)) != 0) {
          chunk.put(at + bit / 8, (byte) (chunk.get(at + bit / 8) | (0x80 >>> (bit % 8))));
        }
      }
    }
  }
}
