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
   * The box written {@code x,y,w,h}: four whole numbers separated by commas (blanks around them
   * allowed), as the {@code jfits cutout --box} option and the notebook's {@code %fits cutout --box}
   * take it.
   *
   * @throws IllegalArgumentException naming the text, if it is not four whole numbers or they do
   *     not make a box (a width or height below 1, a corner beyond ±2^62)
   */
  public static Box parse(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("'" + text + "' is not x,y,w,h");
    }
    try {
      return new Box(Long.parseLong(parts[0].strip()), Long.parseLong(parts[1].strip()),
          Integer.parseInt(parts[2].strip()), Integer.parseInt(parts[3].strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not x,y,w,h with whole numbers");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "': " + e.getMessage());
    }
  }

  /**
   * The {@code width} x {@code height} box around the 0-based pixel position {@code (x, y)} (pixel
   * centres at whole numbers, as astropy's and the WCS's 0-based pixel coordinates), chosen as astropy's
   * {@code Cutout2D(data, (x, y), (height, width))} chooses it: first column
   * {@code ceil(x - width / 2)}, first row {@code ceil(y - height / 2)}. For odd sizes the box is
   * centred on the nearest pixel (a position half-way between two pixels takes the higher one); for
   * even sizes the position lies in the box's upper central pixel's lower half or on its edge. This is
   * how sky positions, once converted to pixels, become boxes.
   *
   * @throws IllegalArgumentException if {@code x} or {@code y} is not finite
   */
  public static Box around(double x, double y, int width, int height) {
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new IllegalArgumentException("a box needs a finite position, got (" + x + ", " + y + ")");
    }
    return new Box(corner(x, width), corner(y, height), width, height);
  }

  private static long corner(double position, int size) {
    double first = Math.ceil(position - size / 2.0);
    if (Math.abs(first) > LIMIT) {
      throw new IllegalArgumentException("position " + position + " is beyond ±2^62");
    }
    return (long) first;
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
