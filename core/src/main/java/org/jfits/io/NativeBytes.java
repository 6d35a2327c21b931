package org.jfits.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * A big-endian buffer of exactly the bytes asked for, in malloc'd native memory that {@link #close()}
 * frees at once: the staging memory of image, table-row and heap reads. Used instead of
 * {@code ByteBuffer.allocateDirect}, which zero-fills the memory and gives it back only after a garbage
 * collection, so every read would map (and page fault) fresh memory. At most 2 GiB; not thread-safe.
 */
public final class NativeBytes implements AutoCloseable {
  private final Pointer memory;
  private final ByteBuffer buffer;

  /** Allocates {@code bytes} bytes (at least one), not zeroed. */
  public NativeBytes(long bytes) {
    int size = Math.toIntExact(Math.max(1, bytes));
    memory = Pointer.malloc(size);
    if (memory.isNull()) {
      throw new OutOfMemoryError("cannot allocate " + size + " bytes of native memory");
    }
    buffer = new BytePointer(memory).capacity(size).limit(size).asByteBuffer().order(ByteOrder.BIG_ENDIAN);
  }

  /** The first {@code length} bytes, position 0, limit {@code length}. */
  public ByteBuffer buffer(int length) {
    return buffer.clear().limit(length);
  }

  @Override
  public void close() {
    Pointer.free(memory);
  }
}
