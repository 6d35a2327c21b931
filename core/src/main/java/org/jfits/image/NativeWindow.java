package org.jfits.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.bytedeco.javacpp.BytePointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Byte windows onto the native memory of an ND4J array, so pixels are written straight into the
 * array's buffer. A window is at most 2 GiB (a {@link ByteBuffer} limit); arrays larger than that are
 * filled window by window.
 */
public final class NativeWindow {
  private final BytePointer base;

  /** Windows onto {@code array}, which must be a fresh (non-view) array. */
  public NativeWindow(INDArray array) {
    long bytes = array.length() * array.dataType().width();
    BytePointer pointer = new BytePointer(array.data().addressPointer());
    this.base = pointer.position(0).capacity(bytes).limit(bytes);
  }

  /**
   * The bytes {@code [offset, offset + length)} of the array's buffer, native byte order, as a buffer
   * whose index 0 is the byte at {@code offset}.
   */
  public ByteBuffer bytes(long offset, int length) {
    if (offset < 0 || length < 0 || offset + length > base.capacity()) {
      throw new IndexOutOfBoundsException("bytes " + offset + " to " + (offset + length) + " of " + base.capacity());
    }
    // a pointer that starts at the window: JavaCPP sizes a buffer by its end offset, capped at 2^31 - 1,
    // so a window positioned inside a larger pointer would come out empty beyond 2 GiB
    BytePointer window = base.getPointer(offset);
    window.capacity(length).limit(length);
    return window.asByteBuffer().order(ByteOrder.nativeOrder());
  }
}
