package org.jfits.notebook;

import java.util.List;
import java.util.Locale;

/** The subcommands of {@code %fits}: their arguments and options, which also make up the help text. */
enum Subcommand {
  HELP("help", List.of(), "list the subcommands and their options"),
  INFO("info", List.of("PATH"), "list the HDUs of a file, as astropy's info()"),
  HEADER("header", List.of("PATH[HDU]"), "show the header cards of an HDU (default HDU 0), with a search box"),
  IMAGE("image", List.of("PATH[HDU]"), "read an image (default: the first HDU with image data) and show it, "
      + "axes in RA/Dec (or other sky coordinates) when the HDU has a celestial WCS",
      new Option("section", "Y0:Y1,X0:X1", "read only this section, numpy order and slice rules (stop excluded)"),
      new Option("raw", null, "stored values: ignore BSCALE, BZERO and BLANK"),
      new Option("as", "NAME", "also bind the array to notebook variable NAME (an INDArray)")),
  TABLE("table", List.of("PATH[HDU]"), "read a table (default: the first table HDU) and show it",
      new Option("columns", "A,B,...", "read only these columns"),
      new Option("rows", "START:STOP", "read only these rows (0-based, stop excluded)"),
      new Option("where", "EXPR", "read only the rows where EXPR is true, such as \"MAG_G < 20 && FLAGS == 0\""
          + " (quoted; the language: docs/where.md)"),
      new Option("as", "NAME", "also bind the table to notebook variable NAME (a FitsTable)")),
  SHOW("show", List.of("NAME"), "draw the 2-D INDArray in notebook variable NAME (sky axes if image --as NAME "
      + "read it from an HDU with a celestial WCS and it keeps that shape)",
      new Option("stretch", "zscale|minmax|percentile=P", "display limits (default zscale); with --rgb the linear"
          + " stretch, a number (default 5)"),
      new Option("scale", "linear|sqrt|log|asinh", "stretch between the limits (default linear)"),
      new Option("cmap", "gray|viridis|magma|inferno", "colour map (default gray)"),
      new Option("colorbar", null, "add a colour bar labelled in data values"),
      new Option("wcs", "PATH[HDU]", "label the axes with this HDU's celestial WCS (array [0, 0] at its pixel 0, 0)"),
      new Option("pixels", null, "label the axes in pixels, also for an array read by image with a WCS"),
      new Option("rgb", null, "draw NAME, a [3, rows, columns] INDArray, or R,G,B, three 2-D ones, in colour"
          + " with the asinh stretch of Lupton et al. (2004), as astropy's make_lupton_rgb (row 0 at the bottom)"),
      new Option("q", "Q", "with --rgb: the asinh softening (default 8)"),
      new Option("minimum", "M|MR,MG,MB", "with --rgb: the values drawn black (default 0)")),
  HIST("hist", List.of("NAME"), "histogram of the finite values of the INDArray in notebook variable NAME",
      new Option("bins", "N", "number of equal-width bins from min to max (default 100)"),
      new Option("log", null, "logarithmic count axis")),
  CUTOUT("cutout", List.of("PATH[HDU]"), "cut one box out of an image (default: the first HDU with image data), as"
      + " astropy's data[y:y+h, x:x+w], padded off the image, and show it",
      new Option("box", "x,y,w,h", "the box: 0-based column and row of its first pixel, width, height (required)"),
      new Option("as", "NAME", "also bind the cutout to notebook variable NAME (an INDArray)")),
  SKY("sky", List.of("PATH[HDU]"), "cut boxes around sky positions through the image's WCS, as astropy's Cutout2D"
      + " with a SkyCoord, list them and show the first few",
      new Option("at", "ra,dec[;ra,dec...]", "positions, degrees in the WCS's frame (required)"),
      new Option("radius", "ARCSEC", "radius: boxes of round(2 r / pixel scale) pixels a side (required)"),
      new Option("as", "NAME", "also bind the result to notebook variable NAME (a Cutouts: array(), boxes(), flags())"));

  /** An option: {@code --name VALUE}, or a flag when {@code value} is null. */
  record Option(String name, String value, String description) {}

  private final String word;
  private final List<String> arguments;
  private final String description;
  private final List<Option> options;

  Subcommand(String word, List<String> arguments, String description, Option... options) {
    this.word = word;
    this.arguments = arguments;
    this.description = description;
    this.options = List.of(options);
  }

  String word() {
    return word;
  }

  List<String> arguments() {
    return arguments;
  }

  List<Option> options() {
    return options;
  }

  Option option(String name) {
    for (Option option : options) {
      if (option.name().equals(name)) {
        return option;
      }
    }
    return null;
  }

  static Subcommand of(String word) {
    for (Subcommand s : values()) {
      if (s.word.equals(word.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new FitsMagicException("%fits: unknown subcommand '" + word + "'; expected one of " + words()
        + " (%fits help lists them)");
  }

  /** The usage line: {@code image PATH[HDU] [--section Y0:Y1,X0:X1] [--raw] [--as NAME]}. */
  String usage() {
    StringBuilder text = new StringBuilder(word);
    for (String argument : arguments) {
      text.append(' ').append(argument);
    }
    for (Option option : options) {
      text.append(" [--").append(option.name()).append(option.value() == null ? "" : " " + option.value()).append(']');
    }
    return text.toString();
  }

  /** The help text: every subcommand, its arguments and options. */
  static String help() {
    StringBuilder text = new StringBuilder("%fits SUBCOMMAND ARGUMENTS [OPTIONS]   (%%fits: one command per line)\n");
    for (Subcommand s : values()) {
      text.append('\n').append("  ").append(s.usage()).append('\n');
      text.append("      ").append(s.description).append('\n');
      for (Option option : s.options) {
        String name = "--" + option.name() + (option.value() == null ? "" : " " + option.value());
        text.append(String.format("      %-38s %s%n", name, option.description()));
      }
    }
    text.append("\nPATH[HDU]: the HDU by index or EXTNAME: f.fits[1], f.fits[SCI], f.fits[SCI,2]\n");
    return text.toString();
  }

  private static String words() {
    StringBuilder text = new StringBuilder();
    for (Subcommand s : values()) {
      text.append(text.length() == 0 ? "" : ", ").append(s.word);
    }
    return text.toString();
  }
}
