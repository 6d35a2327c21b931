package org.jfits.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where the bytes of a FITS file come from: a local file, or HTTP range requests through a block
 * cache ({@code org.jfits.remote}).
 *
 * <p>Decoders (headers, images, tables) see only this interface, never a path or a stream, so a new
 * way of arriving bytes needs no change to any decoder. The one operation that must be fast is
 * {@link #read(ByteBuffer, long)} into a direct buffer: image and table reads call it with buffers of
 * a megabyte or more and expect close to memory-copy speed. Implementations are safe for concurrent
 * positional reads from several threads; {@link #close()} must not race with reads.
 */
public interface RandomAccessInput extends Closeable {

  /** A name for messages: the path or URL the user gave. */
  String name();

  /** The number of bytes available. */
  long size() throws IOException;

  /**
   * Fills {@code target} from its position to its limit with the bytes that start at {@code position}
   * in the input. Returns only when the buffer is full.
   *
   * @throws java.io.EOFException if the input ends before the buffer is full
   */
  void read(ByteBuffer target, long position) throws IOException;

  /**
   * True if {@link #map} can serve this input (local files); false for inputs that must be copied
   * to be read (HTTP ranges).
   */
  default boolean mappable() {
    return false;
  }

  /**
   * A read-only view of the {@code length} bytes from {@code position}, straight onto the operating
   * system's pages of the file: no copy, and only the pages touched are ever read. For readers that
   * take many small scattered pieces of a large file (cutouts), where one positional read per piece
   * would cost a system call each. The view is big-endian with position 0 and stays valid after
   * {@link #close()}.
   *
   * @param length at most 1 GiB
   * @throws UnsupportedOperationException if {@link #mappable()} is false
   * @throws java.io.EOFException if the range goes past the end of the input
   */
  default ByteBuffer map(long position, int length) throws IOException {
    throw new UnsupportedOperationException(name() + " cannot be memory-mapped");
  }
}
