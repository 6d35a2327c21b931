package org.jfits.dataset;

/**
 * A batch of samples as float32 arrays in C order, ready for any framework.
 *
 * @param features the samples' pixels: shape {@code [B, C, H, W]}, or {@code [B, F]} for table rows
 * @param featureShape the shape of {@code features}
 * @param labels the labels, shape {@code [B, L]}
 * @param labelShape the shape of {@code labels}
 * @param indices the dataset index of each sample, in batch order
 */
public record Batch(float[] features, long[] featureShape, float[] labels, long[] labelShape, int[] indices) {

  /** The number of samples. */
  public int size() {
    return indices.length;
  }
}
