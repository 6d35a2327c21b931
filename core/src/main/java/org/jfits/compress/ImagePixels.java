package org.jfits.compress;

import java.nio.ByteBuffer;
import org.jfits.image.NativeWindow;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The pixels of an ND4J image, read tile by tile straight from its native memory. Integer pixels
 * come out as stored values (see {@link StoredType}), floating-point pixels as doubles. Safe for
 * concurrent reads of different tiles.
 */
final class ImagePixels {
  private final StoredType type;
  private final long[] axes;
  private final NativeWindow memory;
  /** The array read (a copy when the given one was a view), kept reachable while its memory is read. */
  private final INDArray array;

  /** The pixels of {@code array} (numpy axis order); views and non-C-ordered arrays are copied. */
  ImagePixels(INDArray array, StoredType type, long[] axes) {
    this.array = array.isView() || array.ordering() != 'c' ? array.dup('c') : array;
    this.type = type;
    this.axes = axes;
    this.memory = new NativeWindow(this.array);
  }

  /** Reads the stored integers of a tile into {@code out}, first axis fastest; returns the count. */
  int ints(long[] start, int[] size, int[] out) {
    int n = 0;
    int width = type.width();
    for (RowIterator rows = new RowIterator(start, size); rows.hasNext(); ) {
      ByteBuffer row = memory.bytes(rows.next() * width, size[0] * width);
      for (int x = 0; x < size[0]; x++) {
        out[n++] = switch (type) {
          case INT8 -> (row.get(x) ^ 0x80) & 0xff;
          case UINT8 -> row.get(x) & 0xff;
          case INT16 -> row.getShort(2 * x);
          case UINT16 -> (short) (row.getShort(2 * x) ^ 0x8000);
          case INT32 -> row.getInt(4 * x);
          case UINT32 -> row.getInt(4 * x) ^ 0x80000000;
          default -> throw new IllegalStateException("not an integer image: " + type);
        };
      }
    }
    return n;
  }

  /** Reads the floating-point values of a tile into {@code out}, first axis fastest; returns the count. */
  int doubles(long[] start, int[] size, double[] out) {
    int n = 0;
    int width = type.width();
    for (RowIterator rows = new RowIterator(start, size); rows.hasNext(); ) {
      ByteBuffer row = memory.bytes(rows.next() * width, size[0] * width);
      for (int x = 0; x < size[0]; x++) {
        out[n++] = type == StoredType.FLOAT32 ? row.getFloat(4 * x) : row.getDouble(8 * x);
      }
    }
    return n;
  }

  /** The element offsets of the first pixel of each row of a tile, in storage order. */
  private final class RowIterator {
    private final long[] start;
    private final int[] size;
    private final int[] at;
    private boolean done;

    RowIterator(long[] start, int[] size) {
      this.start = start;
      this.size = size;
      this.at = new int[size.length];
    }

    boolean hasNext() {
      return !done;
    }

    long next() {
      long offset = 0;
      for (int i = axes.length - 1; i >= 0; i--) {
        offset = offset * axes[i] + start[i] + at[i];
      }
      int axis = 1;
      while (axis < size.length && ++at[axis] == size[axis]) {
        at[axis++] = 0;
      }
      done = axis >= size.length;
      return offset;
    }
  }
}
