package org.jfits.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.FitsUnsupportedException;
import org.jfits.Hdu;
import org.jfits.cli.Main.Options;
import org.jfits.cli.Main.UsageException;
import org.jfits.image.Box;
import org.jfits.image.CutoutFlag;
import org.jfits.image.CutoutReader;
import org.jfits.image.Cutouts;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code jfits cutout FILE --hdu N --box x,y,w,h --out OUT.npy [--raw] [--fill V]}: one box of an
 * image HDU as a {@code .npy} file, {@code [h, w]} (cubes {@code [planes, h, w]}), equal to astropy's
 * {@code data[y:y+h, x:x+w]}. With {@code --sky ra,dec,radius_arcsec} instead of {@code --box}, the box
 * around a sky position (degrees in the WCS's celestial system) that
 * {@link CutoutReader#skyCutouts} cuts, as astropy's {@code Cutout2D} with a {@code SkyCoord} and an
 * angular size does. An image section in CFITSIO's syntax ({@code FILE[EXT][X1:X2,Y1:Y2]}, see
 * {@link FileSpec}) may replace {@code --hdu} and {@code --box}. Pixels outside the image are padded
 * (NaN, or {@code --fill} / 0 for integer results) and a note on stderr says so. Output as
 * {@code export}: temporary file renamed into place.
 */
final class CutoutCommand {
  private CutoutCommand() {}

  static int run(Options options, PrintStream err) throws IOException {
    FileSpec spec = FileSpec.parse(options.singleFile("cutout"));
    options.takeHdu(spec);
    int regions = (options.box != null ? 1 : 0) + (options.sky != null ? 1 : 0) + (spec.section().isPresent() ? 1 : 0);
    if (regions != 1) {
      throw new UsageException("cutout needs one of --box x,y,w,h (0-based column and row of the first pixel, width,"
          + " height), --sky ra,dec,radius_arcsec or an image section FILE[X1:X2,Y1:Y2]"
          + (regions > 1 ? ", not several" : ""));
    }
    if (options.out == null) {
      throw new UsageException("cutout needs --out OUT.npy");
    }
    Box requested = options.box != null ? parseBox(options.box) : null;
    double[] sky = options.sky != null ? parseSky(options.sky) : null;
    try (FitsFile fits = Fits.open(spec.path())) {
      Hdu hdu = options.hdu(fits);
      if (!hdu.type().isImage() || hdu.axes().length == 0) {
        throw new FitsUnsupportedException(hdu.context(),
            "cutout cuts image data, and this " + hdu.type().astropyName() + " has none");
      }
      if (spec.section().isPresent()) {
        if (hdu.axes().length < 2) {
          throw new UsageException("an image section needs an image of 2 or more axes; HDU " + hdu.index() + " has "
              + hdu.axes().length);
        }
        requested = FileSpec.box(spec.section().get(), hdu.axes());
      }
      CutoutReader reader = options.raw ? hdu.image().raw().cutouts() : hdu.image().cutouts();
      if (options.fill != null) {
        reader = reader.fill(parseFill(options.fill));
      }
      Cutouts cutouts;
      try {
        cutouts = requested != null ? reader.read(List.of(requested))
            : reader.skyCutouts(new double[] {sky[0]}, new double[] {sky[1]}, sky[2]);
      } catch (IllegalArgumentException e) {
        // a fill value the element type cannot hold, or a radius under one pixel
        throw new UsageException(e.getMessage());
      }
      INDArray array = cutouts.get(0);
      try {
        NpyWriter.write(array, Path.of(options.out));
      } catch (IOException e) {
        throw new IOException("cannot write " + options.out + ": " + e, e);
      }
      CutoutFlag flag = cutouts.flags().get(0);
      if (flag != CutoutFlag.INSIDE) {
        String what = requested != null ? "box " + requested
            : "sky position " + options.sky.strip() + " (box " + cutouts.boxes().get(0) + ")";
        err.println("jfits: note: " + what + " lies " + (flag == CutoutFlag.PARTIAL ? "partly" : "wholly")
            + " outside the image of " + Arrays.toString(hdu.axes()) + " (NAXIS1, NAXIS2, ...); padded with "
            + (reader.elementType().isFloatingPoint() && options.fill == null ? "NaN" : options.fill == null ? "0"
            : options.fill));
      }
    }
    return Main.OK;
  }

  /** {@code ra,dec,radius_arcsec}: three numbers. */
  static double[] parseSky(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length != 3) {
      throw new UsageException("--sky '" + text + "' is not ra,dec,radius_arcsec");
    }
    double[] values = new double[3];
    for (int i = 0; i < 3; i++) {
      try {
        values[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new UsageException("--sky '" + text + "' is not ra,dec,radius_arcsec with numbers");
      }
    }
    return values;
  }

  /** {@code x,y,w,h}: whole numbers, {@code w} and {@code h} at least 1 ({@link Box#parse}). */
  static Box parseBox(String text) {
    try {
      return Box.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--box " + e.getMessage());
    }
  }

  private static double parseFill(String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new UsageException("--fill '" + text + "' is not a number");
    }
  }
}
