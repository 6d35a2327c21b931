package org.jfits;

import org.jfits.header.Header;

/**
 * Where an HDU's parts lie in the file and how large its data is, from the mandatory keywords.
 * The data size follows FITS 4.0 eq. (2): {@code |BITPIX|/8 * GCOUNT * (PCOUNT + NAXIS1*...*NAXISn)},
 * with NAXIS1 left out of the product for random groups; overflow is reported, not wrapped.
 */
record HduLayout(long headerOffset, long dataOffset, int bitpix, long[] axes, long pcount, long gcount,
    long dataSize) {

  private static final int MAX_AXES = 999;

  static HduLayout of(Header header, long headerOffset, long headerLength, boolean primary,
      ErrorContext context) {
    int bitpix = header.getInt("BITPIX");
    if (bitpix != 8 && bitpix != 16 && bitpix != 32 && bitpix != 64 && bitpix != -32 && bitpix != -64) {
      throw new FitsFormatException(at(header, "BITPIX", context),
          "BITPIX = " + bitpix + "; FITS allows 8, 16, 32, 64, -32 or -64");
    }
    int naxis = header.getInt("NAXIS");
    if (naxis < 0 || naxis > MAX_AXES) {
      throw new FitsFormatException(at(header, "NAXIS", context),
          "NAXIS = " + naxis + "; FITS allows 0 to " + MAX_AXES);
    }
    long[] axes = new long[naxis];
    for (int i = 0; i < naxis; i++) {
      String key = "NAXIS" + (i + 1);
      axes[i] = header.getLong(key);
      if (axes[i] < 0) {
        throw new FitsFormatException(at(header, key, context), key + " = " + axes[i] + " is negative");
      }
    }
    long pcount = header.getLong("PCOUNT", 0);
    long gcount = header.getLong("GCOUNT", 1);
    if (pcount < 0 || gcount < 0) {
      String key = pcount < 0 ? "PCOUNT" : "GCOUNT";
      throw new FitsFormatException(at(header, key, context), key + " is negative");
    }
    boolean groups = primary && header.getBoolean("GROUPS", false) && naxis > 0 && axes[0] == 0;
    if (primary && !groups) {
      pcount = 0;
      gcount = 1;
    }
    long size;
    try {
      long elements = naxis == 0 ? 0 : 1;
      for (int i = groups ? 1 : 0; i < naxis; i++) {
        elements = Math.multiplyExact(elements, axes[i]);
      }
      size = Math.multiplyExact(Math.multiplyExact(Math.addExact(elements, pcount), gcount),
          Math.abs(bitpix) / 8);
      // the end of the padded data (where the next HDU starts) must be a valid offset too
      Math.addExact(Math.addExact(headerOffset, headerLength), Math.addExact(size, 2879));
    } catch (ArithmeticException e) {
      throw new FitsFormatException(at(header, "NAXIS", context),
          "the data size implied by NAXISn, PCOUNT and GCOUNT overflows 64 bits");
    }
    return new HduLayout(headerOffset, headerOffset + headerLength, bitpix, axes, pcount, gcount, size);
  }

  private static ErrorContext at(Header header, String keyword, ErrorContext context) {
    ErrorContext at = context.withKeyword(keyword);
    return header.card(keyword).map(c -> at.withOffset(c.offset())).orElse(at);
  }

  /** The offset just after the data and its padding: where the next HDU begins. */
  long end() {
    long blocks = (dataSize + 2879) / 2880;
    return dataOffset + blocks * 2880;
  }
}
