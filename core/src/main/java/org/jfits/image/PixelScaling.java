package org.jfits.image;

import org.jfits.header.Header;

/**
 * How stored pixel values become the values a read returns, decided from BITPIX, BSCALE, BZERO and
 * BLANK with astropy's rules:
 * <ul>
 *   <li>no BSCALE/BZERO (and, for integers, no BLANK): values as stored;
 *   <li>BSCALE = 1 with the unsigned conventions (BZERO = 32768, 2^31, 2^63 for BITPIX 16/32/64;
 *       BZERO = -128 for BITPIX 8): exact unsigned (or signed byte) integers, no floats;
 *   <li>any other scaling, or a BLANK on integer data: {@code BSCALE * stored + BZERO} as float32 for
 *       BITPIX 8 and 16, float64 for BITPIX 32 and 64 (and the float BITPIX's own type), with BLANK
 *       pixels as NaN.
 * </ul>
 * Unlike astropy, which scales 8- and 16-bit data in float32 arithmetic, the scaling is computed in
 * double precision and rounded once to the output type, as cfitsio does. In raw mode values are
 * returned as stored.
 */
public final class PixelScaling {
  /** How values are converted. */
  public enum Mode {
    /** Stored and returned types are the same: a byte-swapping copy. */
    COPY,
    /** The unsigned conventions: flip the sign bit, then copy. */
    FLIP_SIGN,
    /** Linear scaling to floating point, with BLANK to NaN. */
    LINEAR
  }

  private static final double TWO_TO_15 = 32768.0;
  private static final double TWO_TO_31 = 0x1p31;
  private static final double TWO_TO_63 = 0x1p63;

  private final int bitpix;
  private final double bscale;
  private final double bzero;
  private final Long blank;
  private final Mode mode;
  private final ElementType output;

  private PixelScaling(int bitpix, double bscale, double bzero, Long blank, Mode mode, ElementType output) {
    this.bitpix = bitpix;
    this.bscale = bscale;
    this.bzero = bzero;
    this.blank = blank;
    this.mode = mode;
    this.output = output;
  }

  /**
   * The scaling an image HDU's header asks for.
   *
   * @param raw true to return stored values, ignoring BSCALE, BZERO and BLANK
   */
  public static PixelScaling of(Header header, int bitpix, boolean raw) {
    ElementType stored = ElementType.stored(bitpix);
    double bscale = header.getDouble("BSCALE", 1.0);
    double bzero = header.getDouble("BZERO", 0.0);
    Long blank = bitpix > 0 && header.containsKey("BLANK") && header.get("BLANK") != null
        ? header.getLong("BLANK") : null;
    if (raw || (bscale == 1.0 && bzero == 0.0 && blank == null)) {
      return new PixelScaling(bitpix, 1.0, 0.0, null, Mode.COPY, stored);
    }
    ElementType unsigned = bscale == 1.0 ? unsignedConvention(bitpix, bzero) : null;
    if (unsigned != null) {
      return new PixelScaling(bitpix, bscale, bzero, null, Mode.FLIP_SIGN, unsigned);
    }
    ElementType output = bitpix < 0 ? stored : bitpix <= 16 ? ElementType.FLOAT32 : ElementType.FLOAT64;
    return new PixelScaling(bitpix, bscale, bzero, blank, Mode.LINEAR, output);
  }

  /**
   * As {@link #of(Header, int, boolean) of(header, bitpix, false)}, except that scaled BITPIX 8 and 16
   * data come as float64 when float32 would lose information the file holds: when the float32 spacing
   * at the largest magnitude the stored integers can take ({@code |stored * BSCALE + BZERO|} over the
   * stored type's range) is at least {@code |BSCALE|}, so that neighbouring stored values could round
   * to the same float32, or to floats further apart than the quantisation step. Otherwise the result
   * is that of {@code of}: float32 keeps every stored value apart, and float64 would only double the
   * memory. See {@code docs/precision.md}.
   */
  public static PixelScaling keepingPrecision(Header header, int bitpix) {
    PixelScaling s = of(header, bitpix, false);
    if (s.mode != Mode.LINEAR || s.output != ElementType.FLOAT32 || bitpix < 0) {
      return s;
    }
    double lowest = bitpix == 8 ? 0 : Short.MIN_VALUE;
    double highest = bitpix == 8 ? 255 : Short.MAX_VALUE;
    double largest = Math.max(Math.abs(lowest * s.bscale + s.bzero), Math.abs(highest * s.bscale + s.bzero));
    boolean float32Loses = Math.ulp((float) largest) >= Math.abs(s.bscale);
    return float32Loses ? new PixelScaling(bitpix, s.bscale, s.bzero, s.blank, Mode.LINEAR, ElementType.FLOAT64) : s;
  }

  private static ElementType unsignedConvention(int bitpix, double bzero) {
    if (bitpix == 8 && bzero == -128.0) {
      return ElementType.INT8;
    }
    if (bitpix == 16 && bzero == TWO_TO_15) {
      return ElementType.UINT16;
    }
    if (bitpix == 32 && bzero == TWO_TO_31) {
      return ElementType.UINT32;
    }
    if (bitpix == 64 && bzero == TWO_TO_63) {
      return ElementType.UINT64;
    }
    return null;
  }

  /** The numpy name of the type BITPIX values are stored as, e.g. {@code int16}. */
  public static String numpyName(int bitpix) {
    return ElementType.stored(bitpix).numpyName();
  }

  /** The element type a read returns. */
  public ElementType outputType() {
    return output;
  }

  /** The element type stored in the file. */
  public ElementType storedType() {
    return ElementType.stored(bitpix);
  }

  /** True if BSCALE or BZERO change the stored values (BLANK alone does not count), as astropy's "rescales to". */
  public boolean rescales() {
    return bscale != 1.0 || bzero != 0.0;
  }

  /** How stored values become returned values. */
  public Mode mode() {
    return mode;
  }

  int bitpix() {
    return bitpix;
  }

  /** BSCALE (1 in the copy mode). */
  public double bscale() {
    return bscale;
  }

  /** BZERO (0 in the copy mode). */
  public double bzero() {
    return bzero;
  }

  /** The BLANK value, or null when integer pixels have no BLANK (or in raw and copy modes). */
  public Long blank() {
    return blank;
  }
}
