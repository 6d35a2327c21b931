package org.jfits.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jfits.ErrorContext;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.FitsIOException;
import org.jfits.Hdu;
import org.jfits.checksum.ChecksumVerifier;
import org.jfits.checksum.FitsChecksum;
import org.jfits.checksum.HduChecksum;

/**
 * Changes, adds and deletes header cards of one HDU of an existing file.
 *
 * <pre>{@code
 * HeaderUpdate.Result how = HeaderUpdate.of(path, 1).set("OBJECT", "M31", "target").remove("TEMP").apply();
 * }</pre>
 *
 * <p>How the file is changed, so that a crash never leaves a half-written header:
 * <ul>
 *   <li>Files up to {@link #inPlaceFrom(long)} bytes (64 MiB by default), and any file whose new
 *       header needs more 2880-byte blocks than the old one, are <b>rewritten</b>: the file is copied
 *       with the new header into a temporary file beside it, which is fsynced and renamed over the
 *       original in one atomic step ({@link Result#REWRITTEN}).
 *   <li>Larger files whose new header fits in the old blocks are changed <b>in place</b>, under an
 *       undo journal: the old header blocks and their offset are first written to
 *       {@code .NAME.header-undo} beside the file and fsynced; then the new blocks (padded with blank
 *       cards before END to the old length) are written and fsynced; then the journal is deleted
 *       ({@link Result#IN_PLACE}). If the process dies in between, the journal is still there, and
 *       {@link #recover(Path)} (called by every update of that file, and by users before reading a
 *       file they know was being updated) writes the old header back.
 * </ul>
 * When the HDU has CHECKSUM or DATASUM cards they are recomputed (the data are read once) so that
 * they stay right. Structural keywords (BITPIX, NAXISn, ...) cannot be changed: that would change
 * the meaning of the data bytes. Compressed (gzip) files are refused. Not safe against other
 * processes writing the same file at the same time.
 */
public final class HeaderUpdate {
  /** What {@link #apply()} did. */
  public enum Result {
    /** The header blocks were overwritten where they were (under an undo journal). */
    IN_PLACE,
    /** The whole file was copied with the new header and renamed over the original. */
    REWRITTEN
  }

  private static final long DEFAULT_IN_PLACE_FROM = 64L << 20;

  private final Path path;
  private final int hdu;
  private final ErrorContext context;
  private final List<Consumer<HeaderBuilder>> changes = new ArrayList<>();
  private long inPlaceFrom = DEFAULT_IN_PLACE_FROM;

  private HeaderUpdate(Path path, int hdu) {
    this.path = path.toAbsolutePath();
    this.hdu = hdu;
    this.context = ErrorContext.file(path.toString()).withHdu(hdu);
  }

  /** An update of the header of HDU {@code hdu} (0 is the primary HDU) of the file at {@code path}. */
  public static HeaderUpdate of(Path path, int hdu) {
    return new HeaderUpdate(path, hdu);
  }

  /** Sets a logical card (replaced in place if present, else appended). */
  public HeaderUpdate set(String keyword, boolean value, String comment) {
    return change(keyword, h -> h.set(keyword, value, comment));
  }

  /** Sets an integer card (replaced in place if present, else appended). */
  public HeaderUpdate set(String keyword, long value, String comment) {
    return change(keyword, h -> h.set(keyword, value, comment));
  }

  /** Sets a real card (replaced in place if present, else appended). */
  public HeaderUpdate set(String keyword, double value, String comment) {
    return change(keyword, h -> h.set(keyword, value, comment));
  }

  /** Sets a string card (replaced in place if present, else appended). */
  public HeaderUpdate set(String keyword, String value, String comment) {
    return change(keyword, h -> h.set(keyword, value, comment));
  }

  /** Deletes every card with this keyword. */
  public HeaderUpdate remove(String keyword) {
    return change(keyword, h -> h.remove(keyword));
  }

  /** Appends COMMENT cards. */
  public HeaderUpdate comment(String text) {
    changes.add(h -> h.comment(text));
    return this;
  }

  /** Appends HISTORY cards. */
  public HeaderUpdate history(String text) {
    changes.add(h -> h.history(text));
    return this;
  }

  /** Files of at least this many bytes are updated in place when the header fits (default 64 MiB). */
  public HeaderUpdate inPlaceFrom(long bytes) {
    this.inPlaceFrom = bytes;
    return this;
  }

  private HeaderUpdate change(String keyword, Consumer<HeaderBuilder> change) {
    if (HeaderBuilder.isStructural(keyword)) {
      throw new IllegalArgumentException("keyword " + keyword + " describes the data layout (or is a checksum, "
          + "kept up to date by the update itself) and cannot be changed by a header update");
    }
    HeaderBuilder probe = new HeaderBuilder();
    change.accept(probe);
    changes.add(change);
    return this;
  }

  /**
   * Applies the changes.
   *
   * @return whether the header was replaced in place or the file rewritten
   * @throws FitsIOException if the file cannot be read or written; the file is then as it was
   */
  public Result apply() {
    recover(path);
    PlainFiles.requireUncompressed(path, context, "updated");
    HeaderBuilder header;
    long headerOffset;
    long oldLength;
    long size;
    boolean inPlace;
    try (FitsFile fits = Fits.open(path)) {
      Hdu target = fits.hdu(hdu);
      header = HeaderBuilder.verbatim(target.header());
      changes.forEach(c -> c.accept(header));
      headerOffset = target.headerOffset();
      oldLength = target.dataOffset() - headerOffset;
      size = Files.size(path);
      int oldBlocks = (int) (oldLength / HeaderBuilder.BLOCK);
      inPlace = header.blocks() <= oldBlocks && size >= inPlaceFrom;
      if (target.header().containsKey("CHECKSUM") || target.header().containsKey("DATASUM")) {
        HduChecksum sums = ChecksumVerifier.verify(target);
        setChecksums(header, sums.dataSum(), inPlace ? oldBlocks : header.blocks());
      }
    } catch (IOException e) {
      throw new FitsIOException(context, "cannot read", e);
    }
    try {
      if (inPlace) {
        writeInPlace(header.toBlocks((int) (oldLength / HeaderBuilder.BLOCK)), headerOffset);
        return Result.IN_PLACE;
      }
      rewrite(header, headerOffset, oldLength, size);
      return Result.REWRITTEN;
    } catch (IOException e) {
      throw new FitsIOException(context, "cannot update the header", e);
    }
  }

  /** Sets DATASUM and a CHECKSUM that completes the HDU sum, for a header written in {@code blocks} blocks. */
  private static void setChecksums(HeaderBuilder header, long dataSum, int blocks) {
    header.set("DATASUM", Long.toString(dataSum), "data unit checksum");
    header.set("CHECKSUM", "0000000000000000", "HDU checksum");
    long sum = FitsChecksum.add(FitsChecksum.of(header.toBlocks(blocks)), dataSum);
    header.set("CHECKSUM", FitsChecksum.encode(sum), "HDU checksum");
  }

  private void writeInPlace(byte[] blocks, long offset) throws IOException {
    Path journal = journal(path);
    try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer old = ByteBuffer.allocate(blocks.length);
      readFully(file, old, offset);
      try (FileChannel undo = FileChannel.open(journal, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer head = ByteBuffer.allocate(Long.BYTES * 2).putLong(offset).putLong(blocks.length).flip();
        writeFully(undo, head, 0);
        writeFully(undo, old.flip(), Long.BYTES * 2);
        undo.force(true);
      }
      syncFolder(path);
      writeFully(file, ByteBuffer.wrap(blocks), offset);
      file.force(true);
    }
    Files.delete(journal);
    syncFolder(path);
  }

  private void rewrite(HeaderBuilder header, long headerOffset, long oldLength, long size) throws IOException {
    try (FitsWriter out = FitsWriter.overwrite(path)) {
      try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
        out.copy(in, 0, headerOffset);
        out.writeRaw(ByteBuffer.wrap(header.toBlocks(header.blocks())));
        out.copy(in, headerOffset + oldLength, size - headerOffset - oldLength);
      } catch (IOException | RuntimeException e) {
        out.abort();
        throw e;
      }
    }
  }

  /**
   * Restores the header an interrupted in-place update was replacing, if its undo journal
   * ({@code .NAME.header-undo} beside the file) is there; does nothing otherwise.
   *
   * @return true if a header was restored
   */
  public static boolean recover(Path path) {
    Path journal = journal(path.toAbsolutePath());
    if (!Files.exists(journal)) {
      return false;
    }
    ErrorContext context = ErrorContext.file(path.toString());
    boolean complete;
    try {
      ByteBuffer undo = ByteBuffer.wrap(Files.readAllBytes(journal));
      int head = Long.BYTES * 2;
      // a journal cut short was not finished: the header was not touched yet
      complete = undo.capacity() >= head && undo.capacity() - head >= undo.getLong(Long.BYTES);
      if (complete) {
        long offset = undo.getLong(0);
        ByteBuffer old = undo.position(head).limit(head + Math.toIntExact(undo.getLong(Long.BYTES))).slice();
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.WRITE)) {
          writeFully(file, old, offset);
          file.force(true);
        }
      }
      Files.delete(journal);
    } catch (IOException e) {
      throw new FitsIOException(context, "cannot restore the header from " + journal, e);
    }
    return complete;
  }

  private static Path journal(Path path) {
    return path.resolveSibling("." + path.getFileName() + ".header-undo");
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    for (long at = position; buffer.hasRemaining(); ) {
      int n = channel.read(buffer, at);
      if (n < 0) {
        throw new java.io.EOFException("the file ends at byte " + at);
      }
      at += n;
    }
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    for (long at = position; buffer.hasRemaining(); ) {
      at += channel.write(buffer, at);
    }
  }

  private static void syncFolder(Path path) {
    try (FileChannel dir = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // not every platform can fsync a folder
    }
  }
}
