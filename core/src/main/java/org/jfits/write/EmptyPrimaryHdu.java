package org.jfits.write;

import java.nio.channels.WritableByteChannel;

/** A primary HDU without data, put before a first HDU that cannot be primary (a table). */
final class EmptyPrimaryHdu implements WritableHdu {
  @Override
  public HeaderBuilder header(boolean primary) {
    return new HeaderBuilder()
        .add("SIMPLE", true, "conforms to FITS standard")
        .add("BITPIX", 8, "array data type")
        .add("NAXIS", 0, "number of array dimensions")
        .add("EXTEND", true, "");
  }

  @Override
  public long dataSize() {
    return 0;
  }

  @Override
  public void writeData(WritableByteChannel out) {
    // no data
  }
}
