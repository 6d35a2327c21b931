package org.jfits.dataset;

/**
 * One sample's pixels as float32, channel-first ({@code [channels, height, width]}, C order), and its
 * label. Transforms return new samples or change the pixels in place; the label travels unchanged.
 *
 * @param pixels {@code channels * height * width} values
 * @param channels planes of a cube, 1 for a 2-D image
 * @param height rows
 * @param width columns
 * @param label the target values (one-hot class, regression targets), possibly empty
 */
public record Sample(float[] pixels, int channels, int height, int width, float[] label) {

  public Sample {
    if ((long) channels * height * width != pixels.length) {
      throw new IllegalArgumentException("pixels hold " + pixels.length + " values, not " + channels + " x "
          + height + " x " + width);
    }
  }

  /** The same label with other pixels. */
  public Sample withPixels(float[] newPixels, int newChannels, int newHeight, int newWidth) {
    return new Sample(newPixels, newChannels, newHeight, newWidth, label);
  }
}
