package org.jfits.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.jfits.image.Box;
import org.jfits.image.CutoutFlag;
import org.jfits.image.Cutouts;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The cutout subcommands of {@code %fits}: {@code cutout PATH[HDU] --box x,y,w,h} (one box, as
 * astropy's {@code data[y:y+h, x:x+w]}) and {@code sky PATH[HDU] --at ra,dec[;ra,dec...] --radius R}
 * (boxes around sky positions, as astropy's {@code Cutout2D} with a {@code SkyCoord}), both through
 * jfits' batched cutout reader. Each shows what it cut; {@code --as NAME} keeps it.
 */
final class CutoutMagics {
  /** At most this many sky cutouts are drawn; all are listed. */
  static final int DRAWN = 8;

  private CutoutMagics() {}

  /** {@code cutout}: the box's pixels, shown (a note when padded), returned; the caller binds them. */
  static INDArray cutout(BaseKernel kernel, MagicCommand command) {
    Box box = parseBox(command);
    HduPath where = HduPath.parse(command.argument(0), command.name());
    Cutouts cutouts;
    long[] axes;
    try (FitsFile file = Fits.open(where.path())) {
      Hdu hdu = where.select(file, h -> h.type().isImage() && h.hasData(), "HDU with image data", command.name());
      cutouts = hdu.image().cutouts().read(List.of(box));
      axes = hdu.axes();
    }
    CutoutFlag flag = cutouts.flags().get(0);
    if (flag != CutoutFlag.INSIDE) {
      kernel.display(new DisplayData("box " + box + " lies " + (flag == CutoutFlag.PARTIAL ? "partly" : "wholly")
          + " outside the image of " + java.util.Arrays.toString(axes) + " (NAXIS1, NAXIS2, ...); padded"));
    }
    INDArray array = cutouts.get(0);
    if (flag != CutoutFlag.OUTSIDE) {
      kernel.display(kernel.getRenderer().render(array));
    }
    return array;
  }

  /** {@code sky}: the cutouts around the positions, listed and drawn (the first few), returned. */
  static Cutouts sky(BaseKernel kernel, MagicCommand command) {
    double[][] positions = parsePositions(command);
    double radius = parseRadius(command);
    HduPath where = HduPath.parse(command.argument(0), command.name());
    Cutouts cutouts;
    try (FitsFile file = Fits.open(where.path())) {
      Hdu hdu = where.select(file, h -> h.type().isImage() && h.hasData(), "HDU with image data", command.name());
      cutouts = hdu.image().skyCutouts(positions[0], positions[1], radius);
    }
    kernel.display(new DisplayData(listing(cutouts, positions)));
    int drawn = 0;
    for (int i = 0; i < cutouts.size() && drawn < DRAWN; i++) {
      if (cutouts.flags().get(i) != CutoutFlag.OUTSIDE) {
        kernel.display(kernel.getRenderer().render(cutouts.get(i)));
        drawn++;
      }
    }
    return cutouts;
  }

  /** One line per position: its number, RA and DEC, the pixel box and where it lay. */
  static String listing(Cutouts cutouts, double[][] positions) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%d cutouts of %d x %d pixels%n",
        cutouts.size(), cutouts.boxes().get(0).width(), cutouts.boxes().get(0).height()));
    text.append(String.format(Locale.ROOT, "%4s  %14s  %14s  %-24s  %s%n", "#", "ra", "dec", "box x,y,w,h", "flag"));
    for (int i = 0; i < cutouts.size(); i++) {
      text.append(String.format(Locale.ROOT, "%4d  %14.8f  %14.8f  %-24s  %s%n", i, positions[0][i], positions[1][i],
          cutouts.boxes().get(i), cutouts.flags().get(i)));
    }
    if (cutouts.size() > DRAWN) {
      text.append("(the first ").append(DRAWN).append(" not wholly outside are drawn)\n");
    }
    return text.toString();
  }

  private static Box parseBox(MagicCommand command) {
    if (!command.has("box")) {
      throw new FitsMagicException(command.name() + ": needs --box x,y,w,h (0-based column and row of the first"
          + " pixel, width, height)");
    }
    try {
      return Box.parse(command.option("box", ""));
    } catch (IllegalArgumentException e) {
      throw new FitsMagicException(command.name() + ": --box " + e.getMessage());
    }
  }

  /** {@code ra,dec[;ra,dec...]} as {@code [ra[], dec[]]}. */
  static double[][] parsePositions(MagicCommand command) {
    if (!command.has("at")) {
      throw new FitsMagicException(command.name() + ": needs --at ra,dec[;ra,dec...] (degrees)");
    }
    String text = command.option("at", "");
    List<double[]> pairs = new ArrayList<>();
    for (String pair : text.split(";", -1)) {
      String[] parts = pair.split(",", -1);
      if (parts.length != 2) {
        throw new FitsMagicException(command.name() + ": --at '" + text + "': '" + pair + "' is not ra,dec");
      }
      try {
        pairs.add(new double[] {Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip())});
      } catch (NumberFormatException e) {
        throw new FitsMagicException(command.name() + ": --at '" + text + "': '" + pair + "' is not two numbers");
      }
    }
    double[][] positions = new double[2][pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      positions[0][i] = pairs.get(i)[0];
      positions[1][i] = pairs.get(i)[1];
    }
    return positions;
  }

  private static double parseRadius(MagicCommand command) {
    if (!command.has("radius")) {
      throw new FitsMagicException(command.name() + ": needs --radius ARCSEC");
    }
    try {
      return Double.parseDouble(command.option("radius", ""));
    } catch (NumberFormatException e) {
      throw new FitsMagicException(command.name() + ": --radius needs a number of arcseconds, not '"
          + command.option("radius", "") + "'");
    }
  }
}
