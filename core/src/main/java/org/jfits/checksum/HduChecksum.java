package org.jfits.checksum;

/**
 * The checksum verdict on one HDU, with the sums found.
 *
 * @param hdu the HDU index (0 is the primary HDU)
 * @param name the HDU's EXTNAME ("" if none; PRIMARY for HDU 0 without one)
 * @param status the verdict
 * @param dataSum the data's 32-bit ones'-complement sum, as DATASUM holds it
 * @param hduSum the sum of header and data; {@code 0xFFFFFFFF} (negative zero) when CHECKSUM is right
 */
public record HduChecksum(int hdu, String name, ChecksumStatus status, long dataSum, long hduSum) {
  @Override
  public String toString() {
    return "HDU " + hdu + (name.isEmpty() ? "" : " (" + name + ")") + ": " + status;
  }
}
