package org.jfits.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A local file read with positional {@link FileChannel} reads: no shared file pointer, so several
 * threads may read at once, and a direct target buffer receives the bytes straight from the page
 * cache.
 *
 * <p>{@link #map} serves slices of mapped windows that are made on first use and kept while the file
 * is open: window {@code k} starts at byte {@code k} GiB and is up to 2 GiB - 1 long, so consecutive
 * windows overlap by a gigabyte and any range of at most 1 GiB lies wholly inside the window where it
 * starts. Mapping reserves address space only; pages are read as they are touched. The operating
 * system releases a window when the garbage collector frees it, after the file is closed.
 */
final class FileInput implements RandomAccessInput {
  private static final long WINDOW_STEP = 1L << 30;

  private final String name;
  private final FileChannel channel;
  private final Path deleteOnClose;
  private MappedByteBuffer[] windows;

  FileInput(String name, Path path, Path deleteOnClose) throws IOException {
    this.name = name;
    this.channel = FileChannel.open(path, StandardOpenOption.READ);
    this.deleteOnClose = deleteOnClose;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long size() throws IOException {
    return channel.size();
  }

  @Override
  public void read(ByteBuffer target, long position) throws IOException {
    long at = position;
    while (target.hasRemaining()) {
      int n = channel.read(target, at);
      if (n < 0) {
        throw new EOFException("end of file at byte " + at + ", " + target.remaining() + " bytes short");
      }
      at += n;
    }
  }

  @Override
  public boolean mappable() {
    return true;
  }

  @Override
  public ByteBuffer map(long position, int length) throws IOException {
    if (position < 0 || length < 0 || length > WINDOW_STEP) {
      throw new IllegalArgumentException("cannot map " + length + " bytes at " + position + " (at most 1 GiB)");
    }
    MappedByteBuffer window = window(position, length);
    return window.slice((int) (position % WINDOW_STEP), length);
  }

  private synchronized MappedByteBuffer window(long position, int length) throws IOException {
    int k = (int) (position / WINDOW_STEP);
    long start = k * WINDOW_STEP;
    MappedByteBuffer window = windows != null && k < windows.length ? windows[k] : null;
    if (window != null && position + length - start <= window.capacity()) {
      return window;
    }
    long size = channel.size();
    if (position + length > size) {
      throw new EOFException("end of file at byte " + size + ", " + (position + length - size) + " bytes short");
    }
    int count = (int) (size / WINDOW_STEP) + 1;
    windows = windows == null ? new MappedByteBuffer[count] : Arrays.copyOf(windows, Math.max(count, windows.length));
    windows[k] = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(Integer.MAX_VALUE, size - start));
    return windows[k];
  }

  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      if (deleteOnClose != null) {
        Files.deleteIfExists(deleteOnClose);
      }
    }
  }
}
