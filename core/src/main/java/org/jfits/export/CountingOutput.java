package org.jfits.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A buffered output stream to a new file that knows how many bytes went through it: the file offset. */
final class CountingOutput extends OutputStream {
  private final OutputStream out;
  private long position;

  CountingOutput(Path file) throws IOException {
    this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
  }

  /** The number of bytes written so far. */
  long position() {
    return position;
  }

  /** Writes a 4-byte little-endian integer. */
  void writeIntLittleEndian(int value) throws IOException {
    for (int b = 0; b < 4; b++) {
      write(value >>> (8 * b));
    }
  }

  /** Writes zero bytes up to the next multiple of {@code alignment}. */
  void pad(int alignment) throws IOException {
    while (position % alignment != 0) {
      write(0);
    }
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    position++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    position += len;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
