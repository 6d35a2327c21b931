package org.jfits.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * An 8-bit colour image, as the {@code uint8} array of shape {@code [rows, columns, 3]} that astropy's
 * {@code make_lupton_rgb} returns.
 *
 * @param rows the number of rows (FITS's NAXIS2)
 * @param columns the number of columns (FITS's NAXIS1)
 * @param values red, green and blue of each pixel, row by row from row 0 (numpy's order), unsigned
 *     bytes: {@code values[3 * (row * columns + column) + band] & 0xff}; the array itself, not a copy
 */
public record RgbImage(int rows, int columns, byte[] values) {

  /** Checks that the image has pixels and {@code values} three bytes for each. */
  public RgbImage {
    if (rows < 1 || columns < 1 || values.length != 3L * rows * columns) {
      throw new IllegalArgumentException(values.length + " bytes are not an RGB image of " + rows + " x " + columns);
    }
  }

  /**
   * The image as a picture with row 0 at the bottom, as matplotlib's
   * {@code imsave(file, rgb, origin='lower')} writes it (what {@code make_lupton_rgb(..., filename=...)}
   * does).
   */
  public BufferedImage picture() {
    BufferedImage picture = new BufferedImage(columns, rows, BufferedImage.TYPE_INT_RGB);
    int[] pixels = ((DataBufferInt) picture.getRaster().getDataBuffer()).getData();
    for (int r = 0; r < rows; r++) {
      int line = (rows - 1 - r) * columns;
      for (int c = 0; c < columns; c++) {
        int at = 3 * (r * columns + c);
        pixels[line + c] = (values[at] & 0xff) << 16 | (values[at + 1] & 0xff) << 8 | (values[at + 2] & 0xff);
      }
    }
    return picture;
  }

  /** {@link #picture()} encoded as PNG. */
  public byte[] png() {
    return ImageRenderer.png(picture());
  }
}
