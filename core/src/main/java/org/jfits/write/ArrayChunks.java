package org.jfits.write;

import java.nio.ByteBuffer;
import org.jfits.image.NativeWindow;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The elements of an ND4J array in C order as windows onto its native memory, a chunk at a time.
 * Views, strided and Fortran-order arrays are first copied into a contiguous C-order array.
 */
final class ArrayChunks {
  /** Bytes per chunk: large enough for bulk copies to run at memory speed, small enough for caches. */
  static final int CHUNK_BYTES = 4 << 20;

  /** Kept reachable: the window points into its memory. */
  private final INDArray array;
  private final NativeWindow window;
  private final long bytes;
  private final int width;

  ArrayChunks(INDArray array) {
    this.array = isPlain(array) ? array : array.dup('c');
    this.width = this.array.dataType().width();
    this.bytes = this.array.length() * width;
    this.window = bytes == 0 ? null : new NativeWindow(this.array);
  }

  private static boolean isPlain(INDArray array) {
    return !array.isView() && array.ordering() == 'c' && array.data().length() == array.length()
        && array.data().offset() == 0;
  }

  /** The total number of bytes. */
  long bytes() {
    return bytes;
  }

  /** Element width in bytes. */
  int width() {
    return width;
  }

  /** The bytes {@code [offset, offset + length)} in native byte order. */
  ByteBuffer window(long offset, int length) {
    return window.bytes(offset, length);
  }

  /** The length of the chunk at {@code offset}: at most {@link #CHUNK_BYTES}, whole elements. */
  int chunkAt(long offset) {
    return (int) Math.min(bytes - offset, CHUNK_BYTES / width * width);
  }
}
