package org.jfits.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Draws a 2-D image array as a picture: interval → stretch → colour map, with an optional colour
 * bar and axes.
 *
 * <p><b>Orientation.</b> Row 0 of the array (FITS's first row, {@code NAXIS2 = 1}) is drawn at the
 * bottom and column 0 at the left, as astropy and matplotlib show images with
 * {@code imshow(data, origin='lower')}. Axis ticks are labelled with 0-based pixel coordinates of the
 * full array (numpy indices), or by a {@link TickLabels} of your choice.
 *
 * <p><b>Speed and size.</b> The array is copied out of ND4J memory in one bulk copy
 * ({@link PixelValues#of}) and the display limits are computed on all its pixels. An image whose
 * longer side exceeds {@link #maxSize(int)} (default 1024) is then shrunk by the smallest integer
 * factor that fits, each display pixel being the mean of the finite values of its block (block
 * average, not stride, so that noise and faint sources keep their mean level). An image whose longer
 * side is below {@link #minSize(int)} (default 0: off) is enlarged by an integer factor, each pixel
 * drawn as a square block. The renderer holds only settings: immutable and safe to share; the
 * {@code with…} methods return modified copies.
 *
 * <p>Any numeric element type is accepted; NaN pixels take the colour map's bad colour, +∞ and −∞ the
 * top and bottom colours.
 */
public final class ImageRenderer {
  private final Interval interval;
  private final Stretch stretch;
  private final ColorMap colorMap;
  private final int maxSize;
  private final int minSize;
  private final boolean colorBar;
  private final boolean axes;
  private final TickLabels tickLabels;

  private ImageRenderer(Interval interval, Stretch stretch, ColorMap colorMap, int maxSize, int minSize,
      boolean colorBar, boolean axes, TickLabels tickLabels) {
    this.interval = interval;
    this.stretch = stretch;
    this.colorMap = colorMap;
    this.maxSize = maxSize;
    this.minSize = minSize;
    this.colorBar = colorBar;
    this.axes = axes;
    this.tickLabels = tickLabels;
  }

  /** A renderer with z-scale limits, a linear stretch, the gray map, no axes and no colour bar. */
  public static ImageRenderer create() {
    return new ImageRenderer(Interval.zscale(), Stretch.linear(), ColorMap.gray(), 1024, 0, false, false,
        TickLabels.pixels());
  }

  /** This renderer with other display limits. */
  public ImageRenderer interval(Interval interval) {
    return new ImageRenderer(interval, stretch, colorMap, maxSize, minSize, colorBar, axes, tickLabels);
  }

  /** This renderer with another stretch. */
  public ImageRenderer stretch(Stretch stretch) {
    return new ImageRenderer(interval, stretch, colorMap, maxSize, minSize, colorBar, axes, tickLabels);
  }

  /** This renderer with another colour map. */
  public ImageRenderer colorMap(ColorMap colorMap) {
    return new ImageRenderer(interval, stretch, colorMap, maxSize, minSize, colorBar, axes, tickLabels);
  }

  /** This renderer shrinking images whose longer side exceeds {@code pixels} (block average). */
  public ImageRenderer maxSize(int pixels) {
    if (pixels < 1) {
      throw new IllegalArgumentException("maxSize must be at least 1, got " + pixels);
    }
    return new ImageRenderer(interval, stretch, colorMap, pixels, minSize, colorBar, axes, tickLabels);
  }

  /** This renderer enlarging images whose longer side is below {@code pixels} by a whole factor. */
  public ImageRenderer minSize(int pixels) {
    return new ImageRenderer(interval, stretch, colorMap, maxSize, Math.max(0, pixels), colorBar, axes, tickLabels);
  }

  /** This renderer with or without a colour bar (labelled in data values) at the right. */
  public ImageRenderer colorBar(boolean show) {
    return new ImageRenderer(interval, stretch, colorMap, maxSize, minSize, show, axes, tickLabels);
  }

  /** This renderer with or without axes and tick labels. */
  public ImageRenderer axes(boolean show) {
    return new ImageRenderer(interval, stretch, colorMap, maxSize, minSize, colorBar, show, tickLabels);
  }

  /** This renderer labelling axis ticks with {@code labels} (implies nothing about showing axes). */
  public ImageRenderer tickLabels(TickLabels labels) {
    return new ImageRenderer(interval, stretch, colorMap, maxSize, minSize, colorBar, axes, labels);
  }

  /**
   * Draws {@code image}.
   *
   * @param image a 2-D numeric array, shape {@code [rows, columns]} (numpy order)
   * @throws IllegalArgumentException if it is not 2-D, is empty, or holds strings
   */
  public BufferedImage render(INDArray image) {
    if (image.rank() != 2) {
      throw new IllegalArgumentException("can only draw 2-D images; this array has shape " + Arrays.toString(image.shape()));
    }
    if (image.length() == 0) {
      throw new IllegalArgumentException("cannot draw an empty image of shape " + Arrays.toString(image.shape()));
    }
    int rows = (int) image.size(0);
    int columns = (int) image.size(1);
    double[] values = PixelValues.of(image);
    Interval.Limits limits = interval.limits(values);
    int shrink = Downsampler.factor(rows, columns, maxSize);
    if (shrink > 1) {
      values = Downsampler.average(values, rows, columns, shrink);
    }
    int drawnRows = (rows + shrink - 1) / shrink;
    int drawnColumns = (columns + shrink - 1) / shrink;
    int zoom = shrink == 1 && minSize > 0 ? Math.max(1, minSize / Math.max(rows, columns)) : 1;
    BufferedImage pixels = draw(values, drawnRows, drawnColumns, limits, zoom);
    if (!axes && !colorBar) {
      return pixels;
    }
    return new Frame(pixels, rows, columns, limits, stretch, colorMap, tickLabels).draw(axes, colorBar);
  }

  /** {@link #render} encoded as PNG. */
  public byte[] png(INDArray image) {
    return png(render(image));
  }

  /** Any picture encoded as PNG. */
  public static byte[] png(RenderedImage picture) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(picture, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode PNG", e);
    }
    return bytes.toByteArray();
  }

  private BufferedImage draw(double[] values, int rows, int columns, Interval.Limits limits, int zoom) {
    int width = columns * zoom;
    int height = rows * zoom;
    BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] rgb = ((DataBufferInt) picture.getRaster().getDataBuffer()).getData();
    for (int r = 0; r < rows; r++) {
      int top = (rows - 1 - r) * zoom;
      for (int c = 0; c < columns; c++) {
        int color = colorMap.color(stretch.apply(limits.normalise(values[r * columns + c])));
        for (int dy = 0; dy < zoom; dy++) {
          int line = (top + dy) * width + c * zoom;
          Arrays.fill(rgb, line, line + zoom, color);
        }
      }
    }
    return picture;
  }
}
