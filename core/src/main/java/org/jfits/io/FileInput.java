package org.jfits.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A local file read with positional {@link FileChannel} reads: no shared file pointer, so several
 * threads may read at once, and a direct target buffer receives the bytes straight from the page
 * cache.
 */
final class FileInput implements RandomAccessInput {
  private final String name;
  private final FileChannel channel;
  private final Path deleteOnClose;

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
