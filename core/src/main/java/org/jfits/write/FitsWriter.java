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
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.jfits.FitsIOException;
import org.jfits.checksum.FitsChecksum;
import org.jfits.io.AtomicOutput;

/**
 * Writes a FITS file: HDUs one after another into a temporary file in the same folder, which
 * {@link #close()} flushes to disk and renames into place in one atomic step. Readers of the
 * target path therefore see either the old file (or none) or the complete new one, never a part.
 * A process killed while writing (kill -9, power loss) leaves its hidden {@code .NAME.PID-RANDOM.tmp}
 * file beside the target; the next writer of that name deletes those whose process is gone.
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
  private static final String TEMP_SUFFIX = ".tmp";

  private final Path target;
  private final boolean replace;
  private final Path temp;
  private final FileChannel channel;
  private final ErrorContext context;
  private boolean checksums;
  private int hdus;
  private boolean failed;
  private boolean closed;
  /** True once bytes not written as HDUs (a copied file) are in the temporary file. */
  private boolean copied;

  private FitsWriter(Path target, boolean replace) {
    this.target = target.toAbsolutePath();
    this.replace = replace;
    this.context = ErrorContext.file(target.toString());
    if (!replace && Files.exists(this.target)) {
      throw new FitsIOException(context, "refusing to replace an existing file (use FitsWriter.overwrite)",
          new FileAlreadyExistsException(target.toString()));
    }
    Path dir = this.target.getParent();
    deleteStaleTemporaries(dir, this.target.getFileName().toString());
    Path t = null;
    FileChannel c = null;
    for (int attempt = 0; c == null; attempt++) {
      t = dir.resolve(tempPrefix(this.target.getFileName().toString()) + ProcessHandle.current().pid() + "-"
          + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
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

  private static String tempPrefix(String name) {
    return "." + name + ".";
  }

  /**
   * Deletes the temporary files that writers of {@code name} killed before they could clean up
   * (kill -9, power loss) left: those whose process id is no longer running.
   */
  private static void deleteStaleTemporaries(Path dir, String name) {
    String prefix = tempPrefix(name);
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String f = p.getFileName().toString();
        if (!f.startsWith(prefix) || !f.endsWith(TEMP_SUFFIX)) {
          continue;
        }
        String middle = f.substring(prefix.length(), f.length() - TEMP_SUFFIX.length());
        int dash = middle.indexOf('-');
        if (dash <= 0) {
          continue;
        }
        try {
          long pid = Long.parseLong(middle.substring(0, dash));
          if (ProcessHandle.of(pid).isEmpty()) {
            Files.deleteIfExists(p);
          }
        } catch (NumberFormatException | IOException e) {
          // not one of ours, or already gone
        }
      }
    } catch (IOException e) {
      // the folder cannot be listed: nothing to clean, and creating the temporary file will say why
    }
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

  /**
   * Starts a copy of the file at {@code path} with HDUs to be added after its last HDU; on close the
   * copy replaces the original atomically. The original is copied (not appended to in place) so that
   * a failure or crash at any moment leaves it as it was; bytes after its last HDU that are not an
   * HDU are dropped. {@link #hdus()} counts the existing HDUs.
   *
   * @throws FitsIOException if the file cannot be read
   * @throws org.jfits.FitsUnsupportedException if it is gzip-compressed
   */
  public static FitsWriter append(Path path) {
    FitsWriter writer = new FitsWriter(path, true);
    try {
      writer.copyExisting();
    } catch (IOException e) {
      writer.abort();
      throw new FitsIOException(writer.context, "cannot copy the file to append to", e);
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    }
    return writer;
  }

  private void copyExisting() throws IOException {
    long end;
    int count;
    PlainFiles.requireUncompressed(target, context, "appended to");
    try (FitsFile fits = Fits.open(target)) {
      count = fits.size();
      Hdu last = fits.hdu(count - 1);
      end = last.dataOffset() + (last.dataSize() + HeaderBuilder.BLOCK - 1) / HeaderBuilder.BLOCK * HeaderBuilder.BLOCK;
    }
    try (FileChannel in = FileChannel.open(target, StandardOpenOption.READ)) {
      long available = Math.min(end, in.size());
      copy(in, 0, available);
      // a last HDU without its padding gets it
      writeFully(ByteBuffer.allocate((int) (end - available)));
    }
    hdus = count;
  }

  /** Writes CHECKSUM and DATASUM cards in every HDU from now on (off by default). */
  public FitsWriter checksums(boolean on) {
    this.checksums = on;
    return this;
  }

  /**
   * Appends one HDU. When the first HDU cannot be primary ({@link WritableHdu#canBePrimary()} false,
   * or a primary header that starts with XTENSION, as a table's does), an empty primary HDU is
   * written before it.
   *
   * @throws FitsIOException if writing fails; the file is then discarded
   */
  public FitsWriter write(WritableHdu hdu) {
    if (closed || failed) {
      throw new IllegalStateException(context.describe(closed ? "the writer is closed" : "an earlier write failed"));
    }
    try {
      if (hdus == 0 && !(hdu.canBePrimary() && startsWith(hdu.header(true), "SIMPLE  ="))) {
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
    data.finish(hdu.dataFill());
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

  /** Copies {@code length} bytes of {@code in} from {@code from} to the end of the file being written. */
  void copy(FileChannel in, long from, long length) throws IOException {
    copied = true;
    for (long done = 0; done < length; ) {
      long n = in.transferTo(from + done, length - done, channel);
      if (n <= 0) {
        throw new java.io.EOFException("the source ends at byte " + (from + done));
      }
      done += n;
    }
  }

  /** Writes bytes as they are (a header already formatted) at the end of the file being written. */
  void writeRaw(ByteBuffer bytes) throws IOException {
    copied = true;
    writeFully(bytes);
  }

  private static boolean startsWith(HeaderBuilder header, String start) {
    List<String> cards = header.cards();
    return !cards.isEmpty() && cards.get(0).startsWith(start);
  }

  private static void checkFirstCard(HeaderBuilder header, boolean primary, String name) {
    String expected = primary ? "SIMPLE  =" : "XTENSION=";
    if (!startsWith(header, expected)) {
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
      if (hdus == 0 && !copied) {
        writeHdu(new EmptyPrimaryHdu());
      }
      channel.force(true);
      channel.close();
      publish();
      AtomicOutput.syncFolder(target);
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
