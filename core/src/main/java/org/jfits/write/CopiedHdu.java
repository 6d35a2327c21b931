package org.jfits.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import org.jfits.Hdu;
import org.jfits.io.RandomAccessInput;

/**
 * An HDU of a file that was read, written again unchanged: its header cards verbatim (for a
 * tile-compressed image, the stored table header) and its data
 * bytes as stored (heap and padding gaps included), streamed from the source in 1 MiB pieces. The
 * primary HDU of the source can only be written as a primary HDU; any other HDU only as an extension
 * (a writer puts an empty primary HDU before it when it comes first).
 */
public final class CopiedHdu implements WritableHdu {
  private static final int PIECE = 1 << 20;

  private final Hdu source;

  private CopiedHdu(Hdu source) {
    this.source = source;
  }

  /** The HDU {@code source}, to be copied as it is; its file must stay open until it is written. */
  public static CopiedHdu of(Hdu source) {
    return new CopiedHdu(source);
  }

  @Override
  public HeaderBuilder header(boolean primary) {
    if (primary != (source.index() == 0)) {
      throw new IllegalStateException(source.context().describe(primary
          ? "an extension cannot be copied as the primary HDU" : "a primary HDU cannot be copied as an extension"));
    }
    return HeaderBuilder.verbatim(source.storedHeader());
  }

  @Override
  public long dataSize() {
    return source.dataSize();
  }

  @Override
  public void writeData(WritableByteChannel out) throws IOException {
    RandomAccessInput input = source.file().input();
    ByteBuffer piece = ByteBuffer.allocateDirect((int) Math.min(PIECE, Math.max(1, dataSize())));
    for (long done = 0; done < dataSize(); ) {
      piece.clear().limit((int) Math.min(piece.capacity(), dataSize() - done));
      input.read(piece, source.dataOffset() + done);
      piece.flip();
      while (piece.hasRemaining()) {
        done += out.write(piece);
      }
    }
  }

  @Override
  public boolean canBePrimary() {
    return source.index() == 0;
  }
}
