package org.jfits.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;
import org.jfits.checksum.FitsChecksum;

/**
 * The channel an HDU writes its data to: it forwards to the file, gathers small writes in a 1 MiB
 * direct buffer, refuses bytes beyond the declared data size, sums the data for DATASUM when asked,
 * and after the HDU is done adds the padding up to the next 2880-byte block.
 */
final class DataChannel implements WritableByteChannel {
  private static final int GATHER = 1 << 20;
  private static final int DIRECT_WRITE = 64 << 10;

  private final FileChannel file;
  private final long size;
  private final String hdu;
  private final FitsChecksum checksum;
  private ByteBuffer gather;
  private long written;
  private boolean open = true;

  /**
   * @param hdu how to name the HDU in errors
   * @param checksum the sum to update with every data byte, or null
   */
  DataChannel(FileChannel file, long size, String hdu, FitsChecksum checksum) {
    this.file = file;
    this.size = size;
    this.hdu = hdu;
    this.checksum = checksum;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    if (!open) {
      throw new ClosedChannelException();
    }
    int n = src.remaining();
    if (n > size - written) {
      throw new IllegalStateException(hdu + " writes more than its dataSize() of " + size + " bytes");
    }
    if (checksum != null) {
      checksum.update(src.duplicate());
    }
    if (n >= DIRECT_WRITE) {
      flush();
      writeFully(src);
    } else {
      if (gather == null) {
        gather = ByteBuffer.allocateDirect(GATHER);
      }
      if (gather.remaining() < n) {
        flush();
      }
      gather.put(src);
    }
    written += n;
    return n;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  /** Closing is the writer's job ({@link #finish}); an HDU that closes the channel only ends its writes. */
  @Override
  public void close() {
    open = false;
  }

  /** Flushes the gathered bytes, checks the size and writes the padding, of {@code fill} bytes. */
  void finish(byte fill) throws IOException {
    flush();
    open = false;
    if (written != size) {
      throw new IllegalStateException(hdu + " wrote " + written + " data bytes, but its dataSize() is " + size);
    }
    int padding = (int) ((HeaderBuilder.BLOCK - size % HeaderBuilder.BLOCK) % HeaderBuilder.BLOCK);
    ByteBuffer pad = ByteBuffer.allocate(padding);
    Arrays.fill(pad.array(), fill);
    writeFully(pad);
  }

  private void flush() throws IOException {
    if (gather != null && gather.position() > 0) {
      gather.flip();
      writeFully(gather);
      gather.clear();
    }
  }

  private void writeFully(ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      file.write(bytes);
    }
  }
}
