package org.jfits.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A 256-entry colour look-up table, with a separate colour for bad (NaN) pixels.
 *
 * <p>{@code viridis}, {@code magma} and {@code inferno} hold matplotlib's 8-bit entries
 * ({@code cmap(i, bytes=True)}); {@code gray} runs from black to white, entry {@code i} being
 * {@code (i, i, i)} (matplotlib's gray is one level lower on some entries, a rounding artefact). A display level {@code t} in
 * [0, 1] picks entry {@code min(255, floor(256 t))}, as matplotlib does. The default bad colour is
 * opaque red, which none of these maps contains. Immutable.
 */
public final class ColorMap {
  /** The number of entries. */
  public static final int SIZE = 256;
  /** The default colour of NaN pixels: red, {@code 0xFF0000}. */
  public static final int DEFAULT_BAD = 0xFF0000;
  private static final List<String> NAMES = List.of("gray", "viridis", "magma", "inferno");

  private final String name;
  private final int[] rgb;
  private final int bad;

  private ColorMap(String name, int[] rgb, int bad) {
    this.name = name;
    this.rgb = rgb;
    this.bad = bad;
  }

  /** Black (0) to white (255). */
  public static ColorMap gray() {
    int[] rgb = new int[SIZE];
    for (int i = 0; i < SIZE; i++) {
      rgb[i] = i << 16 | i << 8 | i;
    }
    return new ColorMap("gray", rgb, DEFAULT_BAD);
  }

  /** matplotlib's viridis. */
  public static ColorMap viridis() {
    return load("viridis");
  }

  /** matplotlib's magma. */
  public static ColorMap magma() {
    return load("magma");
  }

  /** matplotlib's inferno. */
  public static ColorMap inferno() {
    return load("inferno");
  }

  /**
   * The map called {@code name} (one of {@link #names()}).
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static ColorMap named(String name) {
    if (name.equals("gray") || name.equals("grey")) {
      return gray();
    }
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown colour map '" + name + "'; expected one of " + String.join(", ", NAMES));
    }
    return load(name);
  }

  /** The names {@link #named(String)} accepts. */
  public static List<String> names() {
    return NAMES;
  }

  /** This map with {@code rgb} (0xRRGGBB) as the colour of NaN pixels. */
  public ColorMap withBad(int rgb) {
    return new ColorMap(name, this.rgb, rgb & 0xFFFFFF);
  }

  /** The name of the map. */
  public String name() {
    return name;
  }

  /** Entry {@code index} (0 to 255) as 0xRRGGBB. */
  public int entry(int index) {
    return rgb[index];
  }

  /** The colour of NaN pixels, 0xRRGGBB. */
  public int bad() {
    return bad;
  }

  /** The colour of display level {@code t} (clipped to [0, 1]); NaN gives {@link #bad()}. */
  public int color(double t) {
    if (Double.isNaN(t)) {
      return bad;
    }
    int index = (int) (t * SIZE);
    return rgb[index < 0 ? 0 : (index >= SIZE ? SIZE - 1 : index)];
  }

  @Override
  public String toString() {
    return name;
  }

  private static ColorMap load(String name) {
    String resource = name + ".lut";
    int[] rgb = new int[SIZE];
    try (InputStream in = ColorMap.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("colour map resource " + resource + " is missing from the jfits jar");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      int n = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.startsWith("#") && !line.isBlank()) {
          rgb[n++] = Integer.parseInt(line.strip(), 16);
        }
      }
      if (n != SIZE) {
        throw new IllegalStateException("colour map resource " + resource + " has " + n + " entries, not " + SIZE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read colour map resource " + resource, e);
    }
    return new ColorMap(name, rgb, DEFAULT_BAD);
  }
}
