package org.jfits.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import org.jfits.table.RaggedColumn;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A variable-length array column ({@code 1PT(max)} or {@code 1QT(max)}) from a {@link RaggedColumn}:
 * a descriptor (element count, heap offset) in each row, and the values of all rows back to back
 * in the heap, in row order, stored with bulk byte-swapping copies. Element types as
 * {@link ElementCoding}; complex values ({@code C}, {@code M}) from float or double values of shape
 * {@code [n, 2]} (real, imaginary), as jfits reads them. Descriptors are 32-bit ({@code P}) while the
 * column's heap ends within 2^31 - 1 bytes of the heap start, 64-bit ({@code Q}) beyond
 * ({@link HeapColumn}).
 */
final class VarLengthColumn extends HeapColumn {
  private final ArrayChunks values;
  private final ElementCoding coding;
  private final boolean complex;
  private Long tnull;

  /**
   * @throws IllegalArgumentException for values FITS cannot hold, or not one-dimensional (complex:
   *     float or double {@code [n, 2]})
   */
  VarLengthColumn(String name, RaggedColumn column) {
    super(name, column.offsets(), (isComplex(column.values()) ? 2 : 1)
        * ElementCoding.of(column.values().dataType(), name).size);
    INDArray flat = column.values();
    this.coding = ElementCoding.of(flat.dataType(), name);
    this.complex = isComplex(flat);
    if (!complex && flat.rank() > 1) {
      throw new IllegalArgumentException("column " + name + ": variable-length values must be one-dimensional, or"
          + " float/double [n, 2] for complex values, not " + flat.dataType() + " " + Arrays.toString(flat.shape()));
    }
    this.values = new ArrayChunks(flat);
  }

  private static boolean isComplex(INDArray values) {
    return values.rank() == 2 && values.size(1) == 2 && values.dataType().isFPType();
  }

  @Override
  char code() {
    return complex ? (coding == ElementCoding.FLOAT ? 'C' : 'M') : coding.code;
  }

  @Override
  void nullValue(long value) {
    if (complex || !coding.isInteger()) {
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
  }

  @Override
  void writeHeap(WritableByteChannel out, ByteBuffer buffer) throws IOException {
    int perElement = complex ? 2 : 1;
    long first = firstElement() * perElement;
    long end = endElement() * perElement;
    int step = buffer.capacity() / coding.size;
    for (long at = first; at < end; at += step) {
      int count = (int) Math.min(step, end - at);
      coding.copy(values, at, count, buffer);
      drain(out, buffer);
    }
  }
}
