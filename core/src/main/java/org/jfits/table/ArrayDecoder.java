package org.jfits.table;

import java.nio.ByteBuffer;
import org.jfits.image.NativeWindow;
import org.jfits.io.NativeArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Decodes a fixed-size binary column into an ND4J array of shape {@code [rows, dims...]} whose
 * native memory is written directly, row by row, from the chunk: array columns (repeat &gt; 1 or
 * TDIM), complex columns ({@code C}: float32, {@code M}: float64, with a last axis of 2 for the real
 * and imaginary parts), bit columns ({@code X}: BOOL, one element per bit, first bit = most
 * significant bit of the first byte) and the unsigned 64-bit convention ({@code K} with TZERO =
 * 2^63: UINT64), which no Tablesaw column holds without loss.
 */
final class ArrayDecoder implements ColumnDecoder {
  private final ColumnInfo info;
  private final int offset;
  private final int rowWidth;
  private final boolean bits;
  private final Elements elements;
  /** Elements (bits for X, complex numbers for C/M) per row. */
  private final int perRow;
  /** Output bytes per row. */
  private final long rowBytes;
  private final INDArray array;
  private final NativeWindow window;

  ArrayDecoder(ColumnInfo info, int offset, int rowWidth, int rows) {
    this.info = info;
    this.offset = offset;
    this.rowWidth = rowWidth;
    char type = info.format().type();
    this.bits = type == 'X';
    this.elements = bits ? null : new Elements(info, type);
    this.perRow = (int) info.format().repeat();
    DataType dataType = bits ? DataType.BOOL : elements.dataType;
    int components = bits ? 1 : elements.components;
    this.rowBytes = (long) perRow * components * dataType.width();
    long[] dims = info.dims().length == 0 && bits ? new long[] {perRow} : info.dims();
    long[] shape = new long[1 + dims.length + (components == 2 ? 1 : 0)];
    shape[0] = rows;
    System.arraycopy(dims, 0, shape, 1, dims.length);
    if (components == 2) {
      shape[shape.length - 1] = 2;
    }
    if (rows == 0 || rowBytes == 0) {
      this.array = Nd4j.create(dataType, shape, 'c');
      this.window = null;
    } else {
      this.array = NativeArrays.uninitialized(dataType, shape);
      this.window = new NativeWindow(array);
    }
  }

  /** True if this decoder handles the column: see the class comment. */
  static boolean handles(ColumnInfo info) {
    ColumnFormat f = info.format();
    if (f.isVariableLength() || f.type() == 'A') {
      return false;
    }
    return !ScalarDecoder.handles(info);
  }

  @Override
  public void decode(ByteBuffer chunk, int row, int count) {
    if (window == null) {
      return;
    }
    int bytes = (int) rowBytes;
    ByteBuffer target = window.bytes(row * rowBytes, count * bytes);
    int at = offset;
    if (bits) {
      for (int i = 0, to = 0; i < count; i++, at += rowWidth, to += bytes) {
        for (int k = 0; k < perRow; k++) {
          target.put(to + k, (byte) ((chunk.get(at + (k >>> 3)) >>> (7 - (k & 7))) & 1));
        }
      }
      return;
    }
    if ((long) perRow * elements.inWidth * elements.components == rowWidth) {
      elements.copy(chunk, at, target, 0, perRow * count); // the column is the whole row: one run
      return;
    }
    for (int i = 0, to = 0; i < count; i++, at += rowWidth, to += bytes) {
      elements.copy(chunk, at, target, to, perRow);
    }
  }

  @Override
  public void finish(TableParts parts) {
    parts.array(info, array);
  }
}
