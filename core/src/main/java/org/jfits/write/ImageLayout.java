package org.jfits.write;

import java.math.BigInteger;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The header part every image HDU shares: the mandatory keywords for an array shape, the HDU's
 * name and version, and the user's extra cards, which may not redefine the layout.
 */
final class ImageLayout {
  private final long[] axes;
  private String name;
  private Integer version;
  private final HeaderBuilder extra = new HeaderBuilder();

  /** @param shape the numpy-order shape; a scalar (rank 0) is written as one element, NAXIS1 = 1 */
  ImageLayout(long[] shape) {
    long[] fits = shape.length == 0 ? new long[] {1} : shape.clone();
    for (int i = 0, j = fits.length - 1; i < j; i++, j--) {
      long t = fits[i];
      fits[i] = fits[j];
      fits[j] = t;
    }
    this.axes = fits;
  }

  static ImageLayout of(INDArray array) {
    return new ImageLayout(array.shape());
  }

  /** NAXIS1, NAXIS2, ... (FITS order). */
  long[] axes() {
    return axes.clone();
  }

  long elements() {
    return Arrays.stream(axes).reduce(1, Math::multiplyExact);
  }

  void name(String extname) {
    this.name = extname;
  }

  void version(int extver) {
    this.version = extver;
  }

  HeaderBuilder extra() {
    return extra;
  }

  /**
   * The mandatory cards, then BSCALE/BZERO/BLANK as given (null: none), EXTNAME/EXTVER and the
   * extra cards.
   *
   * @throws IllegalArgumentException if an extra card is structural (the HDU writes those itself)
   */
  HeaderBuilder header(boolean primary, int bitpix, Number bzero, Double bscale, Long blank) {
    for (String keyword : extra.keywords()) {
      if (HeaderBuilder.isStructural(keyword)) {
        throw new IllegalArgumentException("keyword " + keyword + " describes the data layout and is written by"
            + " the image HDU itself; it cannot be given as an extra card");
      }
    }
    HeaderBuilder h = new HeaderBuilder();
    if (primary) {
      h.add("SIMPLE", true, "conforms to FITS standard");
    } else {
      h.add("XTENSION", "IMAGE", "Image extension");
    }
    h.add("BITPIX", bitpix, "array data type").add("NAXIS", axes.length, "number of array dimensions");
    for (int i = 0; i < axes.length; i++) {
      h.add("NAXIS" + (i + 1), axes[i], "");
    }
    if (primary) {
      h.add("EXTEND", true, "");
    } else {
      h.add("PCOUNT", 0, "number of parameters").add("GCOUNT", 1, "number of groups");
    }
    if (blank != null) {
      h.add("BLANK", blank, "stored value of undefined pixels");
    }
    if (bzero instanceof BigInteger big) {
      h.add("BZERO", big, "offset data range to that of unsigned long");
    } else if (bzero instanceof Long l) {
      h.add("BZERO", l, "offset data range to that of the unsigned type");
    } else if (bzero != null) {
      h.add("BZERO", bzero.doubleValue(), "physical = stored * BSCALE + BZERO");
    }
    if (bscale != null) {
      if (bscale == 1.0) {
        h.add("BSCALE", 1, "default scaling factor");
      } else {
        h.add("BSCALE", bscale, "physical = stored * BSCALE + BZERO");
      }
    }
    if (name != null) {
      h.add("EXTNAME", name, "extension name");
    }
    if (version != null) {
      h.add("EXTVER", version, "extension version");
    }
    return h.addAll(extra);
  }
}
