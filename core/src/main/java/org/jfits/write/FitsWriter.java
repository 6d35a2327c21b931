package org.jfits.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jfits.ErrorContext;
import org.jfits.FitsIOException;
import org.jfits.checksum.FitsChecksum;

/**
 * Writes a FITS file: HDUs one after another into a temporary file in the same folder, which
 * {@link #close()} flushes to disk and renames into place in one atomic step. Readers of the
 * target path therefore see either the old file (or none) or the complete new one, never a part;
 * a process killed while writing leaves at most a hidden {@code .NAME.*.tmp} file beside it.
 *
 * <pre>{@code
 * try (FitsWriter out = FitsWriter.create(path).checksums(true)) {
 *   out.write(ImageHdu.of(pixels));
 *   out.write(ImageHdu.of(weights).name("WEIGHT"));
 * }
 * }</pre>
 *
 * <p>A {@link #write} that fails (an I/O error, or an HDU that breaks its contract) discards the
 * file: the following {@link #close()} deletes the temporary file and leaves the target untouched.
 * Code that fails between writes calls {@link #abort()} for the same effect (try-with-resources
 * alone cannot tell {@code close()} that the block failed). Not thread-safe.
 */
public final class FitsWriter implements AutoCloseable {
  private static final String ZERO_CHECKSUM = "0000000000000000";

  private final Path target;
  private final boolean replace;
  private final Path temp;
  private final FileChannel channel;
  private final ErrorContext context;
  private boolean checksums;
  private int hdus;
  private boolean failed;
  private boolean closed;

  private FitsWriter(Path target, boolean replace) {
    this.target = target.toAbsolutePath();
    this.replace = replace;
    this.context = ErrorContext.file(target.toString());
    if (!replace && Files.exists(this.target)) {
      throw new FitsIOException(context, "refusing to replace an existing file (use FitsWriter.overwrite)",
          new FileAlreadyExistsException(target.toString()));
    }
    Path dir = this.target.getParent();
    Path t = null;
    FileChannel c = null;
    for (int attempt = 0; c == null; attempt++) {
      t = dir.resolve("." + this.target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
          + ".tmp");
      try {
        c = FileChannel.open(t, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        if (attempt > 10) {
          throw new FitsIOException(context, "cannot create a temporary file in " + dir, e);
        }
      } catch (IOException e) {
        throw new FitsIOException(context, "cannot create a temporary file in " + dir, e);
      }
    }
    this.temp = t;
    this.channel = c;
  }

  /**
   * Starts a new file at {@code path}.
   *
   * @throws FitsIOException if the file exists already (also checked again, atomically, on close)
   */
  public static FitsWriter create(Path path) {
    return new FitsWriter(path, false);
  }

  /** Starts a file that replaces {@code path} (if it exists) atomically when closed. */
  public static FitsWriter overwrite(Path path) {
    return new FitsWriter(path, true);
  }

  /** Writes CHECKSUM and DATASUM cards in every HDU from now on (off by default). */
  public FitsWriter checksums(boolean on) {
    this.checksums = on;
    return this;
  }

  /**
   * Appends one HDU. When the first HDU cannot be primary ({@link WritableHdu#canBePrimary()}), an
   * empty primary HDU is written before it.
   *
   * @throws FitsIOException if writing fails; the file is then discarded
   */
  public FitsWriter write(WritableHdu hdu) {
    if (closed || failed) {
      throw new IllegalStateException(context.describe(closed ? "the writer is closed" : "an earlier write failed"));
    }
    try {
      if (hdus == 0 && !hdu.canBePrimary()) {
        writeHdu(new EmptyPrimaryHdu());
      }
      writeHdu(hdu);
    } catch (IOException e) {
      failed = true;
      throw new FitsIOException(context.withHdu(hdus), "cannot write", e);
    } catch (RuntimeException | Error e) {
      failed = true;
      throw e;
    }
    return this;
  }

  /** The number of HDUs written so far (an empty primary put before a table counts). */
  public int hdus() {
    return hdus;
  }

  private void writeHdu(WritableHdu hdu) throws IOException {
    boolean primary = hdus == 0;
    String name = context.withHdu(hdus).toString().replaceAll(": $", "");
    HeaderBuilder header = hdu.header(primary);
    checkFirstCard(header, primary, name);
    if (checksums) {
      header.set("CHECKSUM", ZERO_CHECKSUM, "HDU checksum");
      header.set("DATASUM", "0", "data unit checksum");
    }
    long headerAt = channel.position();
    byte[] blocks = header.toBlocks();
    writeFully(ByteBuffer.wrap(blocks));
    FitsChecksum dataSum = checksums ? new FitsChecksum() : null;
    DataChannel data = new DataChannel(channel, hdu.dataSize(), name, dataSum);
    hdu.writeData(data);
    data.finish();
    if (checksums) {
      long datasum = dataSum.value();
      header.set("DATASUM", Long.toString(datasum), "data unit checksum");
      long sum = FitsChecksum.add(FitsChecksum.of(header.toBlocks()), datasum);
      header.set("CHECKSUM", FitsChecksum.encode(sum), "HDU checksum");
      byte[] summed = header.toBlocks();
      if (summed.length != blocks.length) {
        throw new IllegalStateException(name + ": the header changed size when its checksums were set");
      }
      ByteBuffer b = ByteBuffer.wrap(summed);
      for (long at = headerAt; b.hasRemaining(); ) {
        at += channel.write(b, at);
      }
    }
    hdus++;
  }

  private static void checkFirstCard(HeaderBuilder header, boolean primary, String name) {
    List<String> cards = header.cards();
    String expected = primary ? "SIMPLE  =" : "XTENSION=";
    if (cards.isEmpty() || !cards.get(0).startsWith(expected)) {
      throw new IllegalStateException(name + ": the header of a" + (primary ? " primary" : "n extension")
          + " HDU must start with " + expected.substring(0, 8).strip());
    }
  }

  private void writeFully(ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  /**
   * Discards the file being written: deletes the temporary file and leaves the target as it was.
   * Does nothing once the writer is closed.
   */
  public void abort() {
    if (closed) {
      return;
    }
    closed = true;
    discard(null);
  }

  /**
   * Finishes the file: writes an empty primary HDU if none was written, flushes and fsyncs it, and
   * renames it into place (for {@link #create}, refusing a file that appeared meanwhile). After a
   * failed write, only deletes the temporary file.
   *
   * @throws FitsIOException if the file cannot be finished; the temporary file is then deleted
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (failed) {
      discard(null);
      return;
    }
    try {
      if (hdus == 0) {
        writeHdu(new EmptyPrimaryHdu());
      }
      channel.force(true);
      channel.close();
      publish();
      syncFolder();
    } catch (IOException e) {
      FitsIOException error = new FitsIOException(context, "cannot finish the file", e);
      discard(error);
      throw error;
    } catch (RuntimeException e) {
      discard(e);
      throw e;
    }
  }

  private void publish() throws IOException {
    copyPermissions();
    if (replace) {
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return;
    }
    try {
      // a hard link fails atomically if the target exists, where a rename would replace it
      Files.createLink(target, temp);
    } catch (FileAlreadyExistsException e) {
      throw new FitsIOException(context, "refusing to replace a file that appeared while writing", e);
    } catch (UnsupportedOperationException | IOException e) {
      // no hard links on this file system: a rename, after checking that the target is still absent
      if (Files.exists(target)) {
        throw new FitsIOException(context, "refusing to replace a file that appeared while writing",
            new FileAlreadyExistsException(target.toString()));
      }
      Files.move(temp, target);
      return;
    }
    Files.delete(temp);
  }

  private void copyPermissions() {
    if (replace && Files.exists(target)) {
      try {
        Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
      } catch (IOException | UnsupportedOperationException e) {
        // the new file keeps the default permissions
      }
    }
  }

  private void syncFolder() {
    try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // folders cannot be opened for fsync on every platform; the rename itself is atomic
    }
  }

  private void discard(Exception failure) {
    try {
      channel.close();
    } catch (IOException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      }
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      }
    }
  }
}
