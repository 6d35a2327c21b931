package org.jfits.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * A test HDU: a BITPIX 16 image written from a {@code short[]}, with extra cards, optionally refused
 * as primary, optionally writing its data a few bytes at a time or fewer bytes than it declares.
 */
final class ShortImageHdu implements WritableHdu {
  private final short[] values;
  private final long[] axes;
  private final HeaderBuilder extra = new HeaderBuilder();
  boolean primaryAllowed = true;
  int pieceBytes = Integer.MAX_VALUE;
  int missingBytes;

  /** @param axes NAXIS1, NAXIS2, ... (FITS order) */
  ShortImageHdu(short[] values, long... axes) {
    this.values = values;
    this.axes = axes;
  }

  HeaderBuilder extra() {
    return extra;
  }

  @Override
  public HeaderBuilder header(boolean primary) {
    HeaderBuilder h = new HeaderBuilder();
    if (primary) {
      h.add("SIMPLE", true, "conforms to FITS standard");
    } else {
      h.add("XTENSION", "IMAGE", "image extension");
    }
    h.add("BITPIX", 16, "").add("NAXIS", axes.length, "");
    for (int i = 0; i < axes.length; i++) {
      h.add("NAXIS" + (i + 1), axes[i], "");
    }
    if (primary) {
      h.add("EXTEND", true, "");
    } else {
      h.add("PCOUNT", 0, "").add("GCOUNT", 1, "");
    }
    return h.addAll(extra);
  }

  @Override
  public long dataSize() {
    return 2L * values.length;
  }

  @Override
  public void writeData(WritableByteChannel out) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * 2);
    bytes.asShortBuffer().put(values);
    bytes.limit(bytes.capacity() - missingBytes);
    while (bytes.hasRemaining()) {
      ByteBuffer piece = bytes.slice();
      piece.limit(Math.min(piece.limit(), pieceBytes));
      bytes.position(bytes.position() + out.write(piece));
    }
  }

  @Override
  public boolean canBePrimary() {
    return primaryAllowed;
  }
}
