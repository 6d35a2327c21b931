package org.jfits.image;

/**
 * A rectangle of pixels to cut out of an image, in 0-based pixel indices: {@code x} is the column
 * (along NAXIS1, the fastest axis), {@code y} the row (along NAXIS2), {@code (x, y)} the corner with
 * the smallest indices (lower left when the image is drawn the FITS way, y up). The box covers
 * columns {@code x .. x + width - 1} and rows {@code y .. y + height - 1}: the cutout of an image
 * array {@code data} in numpy order is astropy's {@code data[y:y + height, x:x + width]} (for a cube
 * {@code data[:, y:y + height, x:x + width]}). FITS pixel {@code (i, j)} (1-based) is
 * {@code x = i - 1, y = j - 1}.
 *
 * <p>A box may lie partly or wholly outside the image (negative corners included); what happens then
 * is the reader's {@link OffImagePolicy}, and {@link CutoutFlag} says which case each box is.
 *
 * @param x the first column, 0-based
 * @param y the first row, 0-based
 * @param width columns, at least 1
 * @param height rows, at least 1
 */
public record Box(long x, long y, int width, int height) {
  /** The largest corner magnitude: far enough for any image, small enough that no edge overflows. */
  private static final long LIMIT = 1L << 62;

  /**
   * @throws IllegalArgumentException if the width or height is below 1, or a corner is beyond
   *     ±2^62
   */
  public Box {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("a box needs a width and height of at least 1, got " + width + " x " + height);
    }
    if (Math.abs(x) > LIMIT || Math.abs(y) > LIMIT) {
      throw new IllegalArgumentException("box corner (" + x + ", " + y + ") is beyond ±2^62");
    }
  }

  /**
   * Where this box lies in an image of {@code columns} x {@code rows} pixels (NAXIS1 x NAXIS2).
   */
  public CutoutFlag flagIn(long columns, long rows) {
    long x0 = Math.max(x, 0);
    long x1 = Math.min(x + width, columns);
    long y0 = Math.max(y, 0);
    long y1 = Math.min(y + height, rows);
    if (x0 >= x1 || y0 >= y1) {
      return CutoutFlag.OUTSIDE;
    }
    return x0 == x && y0 == y && x1 == x + width && y1 == y + height ? CutoutFlag.INSIDE : CutoutFlag.PARTIAL;
  }

  @Override
  public String toString() {
    return x + "," + y + "," + width + "," + height;
  }
}
