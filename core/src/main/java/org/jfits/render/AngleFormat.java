package org.jfits.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes a celestial coordinate as a tick label, exactly as astropy's {@code Angle.to_string} does
 * with the same options, at a precision fitted to the spacing of the ticks.
 *
 * <p>Styles: hours {@code 05h34m12s} ({@code unit=hourangle, sep='hms', pad=True}); signed degrees
 * {@code -37°12'30"} ({@code unit=deg, sep='°\'"', pad=True, alwayssign=True}); decimal degrees
 * {@code 123.45} ({@code decimal=True}), optionally signed ({@code alwayssign=True}). Sexagesimal
 * labels keep only the fields the spacing needs ({@code fields} 1, 2 or 3, the last one rounded the way
 * astropy rounds it), and decimals of seconds only below one second of spacing.
 */
final class AngleFormat {
  /** How a coordinate is written. */
  enum Style {
    HOURS("h", "m", "s"),
    DEGREES("°", "'", "\""),
    DECIMAL,
    SIGNED_DECIMAL;

    private final String[] separators;

    Style(String... separators) {
      this.separators = separators;
    }

    boolean sexagesimal() {
      return separators.length == 3;
    }
  }

  /** astropy's degree → hour-angle factor: 1/15 rounded one unit in the last place up. */
  private static final double HOURS_PER_DEGREE = 0x1.1111111111112p-4;
  private static final int MAX_SECOND_DECIMALS = 4;
  private static final int MAX_DEGREE_DECIMALS = 6;

  private final Style style;
  private final int fields;
  private final int decimals;

  private AngleFormat(Style style, int fields, int decimals) {
    this.style = style;
    this.fields = fields;
    this.decimals = decimals;
  }

  /**
   * The format of {@code style} for ticks {@code spacing} degrees apart: sexagesimal labels show
   * whole hours (degrees) from a spacing of one hour (degree), minutes from one minute, else seconds
   * with as many decimals as a spacing below one second needs (at most 4); decimal labels show as
   * many decimals as the spacing needs (at most 6). A spacing that is not a positive number (one
   * tick, or no finite coordinates) gives whole seconds, or whole degrees.
   */
  static AngleFormat forSpacing(Style style, double spacing) {
    boolean known = spacing > 0 && Double.isFinite(spacing);
    if (!style.sexagesimal()) {
      return new AngleFormat(style, 1, known ? decimalsFor(spacing, MAX_DEGREE_DECIMALS) : 0);
    }
    if (!known) {
      return new AngleFormat(style, 3, 0);
    }
    double seconds = (style == Style.HOURS ? spacing * HOURS_PER_DEGREE : spacing) * 3600;
    if (seconds >= 3600) {
      return new AngleFormat(style, 1, 0);
    }
    if (seconds >= 60) {
      return new AngleFormat(style, 2, 0);
    }
    return new AngleFormat(style, 3, decimalsFor(seconds, MAX_SECOND_DECIMALS));
  }

  /** Digits after the point needed to tell apart values {@code spacing} apart. */
  private static int decimalsFor(double spacing, int most) {
    if (spacing >= 1) {
      return 0;
    }
    return (int) Math.min(most, Math.ceil(-Math.log10(spacing) - 1e-9));
  }

  /** Sexagesimal fields shown: 1 (hours or degrees), 2 (and minutes) or 3 (and seconds). */
  int fields() {
    return fields;
  }

  /** Digits after the point of the last field. */
  int decimals() {
    return decimals;
  }

  Style style() {
    return style;
  }

  /** The label of {@code degrees}; the empty string for NaN. */
  String format(double degrees) {
    if (Double.isNaN(degrees)) {
      return "";
    }
    switch (style) {
      case HOURS:
        return sexagesimal(degrees * HOURS_PER_DEGREE);
      case DEGREES:
        return signed(sexagesimal(degrees));
      case SIGNED_DECIMAL:
        return signed(fixed(degrees, decimals));
      default:
        return fixed(degrees, decimals);
    }
  }

  /** astropy's {@code sexagesimal_to_string} with {@code pad=True}, carries included. */
  private String sexagesimal(double value) {
    double sign = Math.copySign(1.0, value);
    double magnitude = Math.abs(value);
    double whole = Math.floor(magnitude);
    double minutesWithFraction = (magnitude - whole) * 60;
    double minutes = Math.floor(minutesWithFraction);
    double seconds = (minutesWithFraction - minutes) * 60;
    if (fields == 3 && seconds >= 60 - Math.pow(10, -decimals)) {
      seconds = 0;
      minutes += 1;
    } else if (fields < 3 && seconds >= 30) {
      minutes += 1;
    }
    if (fields >= 2 && minutes >= 60) {
      minutes = 0;
      whole += 1;
    } else if (fields < 2 && minutes >= 30) {
      whole += 1;
    }
    String[] sep = style.separators;
    StringBuilder text = new StringBuilder(sign < 0 ? "-" : "");
    text.append(twoDigits((long) whole)).append(sep[0]);
    if (fields >= 2) {
      text.append(twoDigits((long) minutes)).append(sep[1]);
    }
    if (fields == 3) {
      String last = fixed(seconds, decimals);
      text.append(last.length() == 1 || last.charAt(1) == '.' ? "0" + last : last).append(sep[2]);
    }
    return text.toString();
  }

  private static String twoDigits(long value) {
    return value < 10 ? "0" + value : Long.toString(value);
  }

  /** Python's {@code format(value, '.Nf')}: the exact binary value rounded half to even. */
  private static String fixed(double value, int digits) {
    String text = new BigDecimal(Math.abs(value)).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    return Math.copySign(1.0, value) < 0 ? "-" + text : text;
  }

  private static String signed(String text) {
    return text.startsWith("-") ? text : "+" + text;
  }
}
