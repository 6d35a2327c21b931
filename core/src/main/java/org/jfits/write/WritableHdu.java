package org.jfits.write;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;

/**
 * One HDU ready to be written by {@link FitsWriter}: it describes its header and streams its data.
 *
 * <p>The writer asks for the header (for the first HDU of a file, once more with {@code primary}
 * true to see whether it starts with SIMPLE), then for the data once. Implementations
 * stream their data in large buffers (the writer passes writes of 64 KiB or more straight to the
 * file and gathers smaller ones); they must write exactly {@link #dataSize()} bytes.
 */
public interface WritableHdu {
  /**
   * The header: mandatory keywords first (SIMPLE when primary, XTENSION otherwise), without END.
   *
   * @param primary true when this HDU is the first of the file
   */
  HeaderBuilder header(boolean primary);

  /** Bytes of the data part before padding (0 if none). */
  long dataSize();

  /** Writes exactly {@link #dataSize()} bytes, big-endian as FITS stores them. */
  void writeData(WritableByteChannel out) throws IOException;

  /** The byte that pads the data to a whole 2880-byte block: 0, as FITS requires of all but ASCII tables. */
  default byte dataFill() {
    return 0;
  }

  /**
   * Whether this HDU may be the primary HDU. Tables may not: the writer puts an empty primary HDU
   * before a table written first (it does so too when {@code header(true)} starts with XTENSION).
   * True unless overridden.
   */
  default boolean canBePrimary() {
    return true;
  }
}
