package org.jfits.dataset;

import java.util.Objects;
import java.util.Optional;
import org.jfits.image.Box;

/**
 * Where the pixels of one sample come from: an image HDU of a FITS file, whole or a box of it.
 *
 * @param file the file's path (or anything {@link org.jfits.Fits#open(String)} accepts)
 * @param hdu the HDU index, 0 for the primary
 * @param box the box to cut ({@code data[y:y+h, x:x+w]}, all planes of a cube); empty for the whole image
 */
public record SampleSource(String file, int hdu, Optional<Box> box) {

  public SampleSource {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(box, "box");
    if (hdu < 0) {
      throw new IllegalArgumentException("HDU index must be 0 or more: " + hdu);
    }
  }

  /** The whole image of one HDU. */
  public static SampleSource image(String file, int hdu) {
    return new SampleSource(file, hdu, Optional.empty());
  }

  /** A box of one HDU's image; pixels outside the image are NaN (then 0 for integer images). */
  public static SampleSource cutout(String file, int hdu, Box box) {
    return new SampleSource(file, hdu, Optional.of(box));
  }

  @Override
  public String toString() {
    return file + "[" + hdu + "]" + box.map(b -> " " + b).orElse("");
  }
}
