package org.jfits.image;

/** What a cutout read does with boxes that are not wholly inside the image. */
public enum OffImagePolicy {
  /**
   * Pixels outside the image get the fill value (NaN for floating-point results unless another is
   * chosen; for integer results the caller's value, 0 by default), and each cutout's
   * {@link CutoutFlag} says whether it was padded. The default.
   */
  PAD,
  /** Any box not wholly inside the image is an {@link IllegalArgumentException}; nothing is read. */
  ERROR
}
