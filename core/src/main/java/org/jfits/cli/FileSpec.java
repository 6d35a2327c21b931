package org.jfits.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfits.image.Box;

/**
 * A file argument in CFITSIO's extended syntax: {@code file.fits}, {@code file.fits[EXT]} (an HDU
 * index or EXTNAME) and {@code file.fits[EXT][X1:X2,Y1:Y2]} or {@code file.fits[X1:X2,Y1:Y2]}, an
 * image section: 1-based, inclusive pixel ranges, NAXIS1 first, {@code *} for a whole axis, as
 * {@code fitsio.read("file.fits[1][101:164,51:82]")}. A name that exists as a file is taken as it is.
 *
 * @param path the file
 * @param hdu the HDU in brackets, if any
 * @param section the section text ({@code X1:X2,Y1:Y2}), if any
 */
record FileSpec(String path, Optional<String> hdu, Optional<String> section) {
  private static final Pattern BRACKETS = Pattern.compile("^(.*?)((?:\\[[^\\[\\]]*\\])+)$");
  private static final Pattern GROUP = Pattern.compile("\\[([^\\[\\]]*)\\]");
  private static final Pattern RANGE = Pattern.compile("\\s*(\\d+)\\s*:\\s*(\\d+)\\s*");
  private static final Pattern URL = Pattern.compile("(?i)https?://.*");

  static FileSpec parse(String argument) {
    Matcher m = BRACKETS.matcher(argument);
    if (Files.exists(Path.of(argument)) || !m.matches()) {
      return new FileSpec(argument, Optional.empty(), Optional.empty());
    }
    String hdu = null;
    String section = null;
    Matcher g = GROUP.matcher(m.group(2));
    while (g.find()) {
      String text = g.group(1).strip();
      if (text.contains(":") || text.contains("*")) {
        if (section != null) {
          throw new Main.UsageException("'" + argument + "' has two image sections");
        }
        section = text;
      } else if (hdu != null || section != null) {
        throw new Main.UsageException("'" + argument + "': the HDU [" + text + "] must come once, before the section");
      } else {
        hdu = text;
      }
    }
    return new FileSpec(m.group(1), Optional.ofNullable(hdu), Optional.ofNullable(section));
  }

  /**
   * {@code name}, a file to write or change, unless it is an http or https URL: those are read only.
   *
   * @param what the command or option that writes, for the message
   */
  static String requireLocal(String name, String what) {
    if (URL.matcher(name).matches()) {
      throw new Main.UsageException(what + " writes local files, not " + name);
    }
    return name;
  }

  /** The section as a box of an image with {@code axes} (NAXIS1, NAXIS2, ...). */
  static Box box(String section, long[] axes) {
    String[] parts = section.split(",", -1);
    if (parts.length != 2) {
      throw new Main.UsageException("image section [" + section + "] needs two ranges, X1:X2,Y1:Y2 (1-based,"
          + " inclusive); cubes keep all their planes");
    }
    long[] x = range(parts[0], axes[0], section, "NAXIS1");
    long[] y = range(parts[1], axes[1], section, "NAXIS2");
    return new Box(x[0] - 1, y[0] - 1, Math.toIntExact(x[1] - x[0] + 1), Math.toIntExact(y[1] - y[0] + 1));
  }

  private static long[] range(String text, long size, String section, String axis) {
    if (text.strip().equals("*")) {
      return new long[] {1, size};
    }
    Matcher m = RANGE.matcher(text);
    if (!m.matches()) {
      throw new Main.UsageException("image section [" + section + "]: '" + text + "' is not FIRST:LAST or *"
          + " (steps and reversed ranges are not supported)");
    }
    long first = Long.parseLong(m.group(1));
    long last = Long.parseLong(m.group(2));
    if (first < 1 || last < first || last > size) {
      throw new Main.UsageException("image section [" + section + "]: " + first + ":" + last + " is outside "
          + axis + " = " + size + " (1-based, inclusive, FIRST not past LAST)");
    }
    return new long[] {first, last};
  }
}
