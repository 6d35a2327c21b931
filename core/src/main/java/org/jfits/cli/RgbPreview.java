package org.jfits.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.jfits.image.Box;
import org.jfits.render.LuptonRgb;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code jfits preview R[EXT] G[EXT] B[EXT] --rgb --out OUT.png [--q Q] [--stretch S] [--minimum M]}
 * and {@code jfits preview CUBE[EXT] --rgb --out OUT.png [--planes R,G,B] ...}: three 2-D images of
 * one shape, or three planes of a 3-D cube, as a colour PNG with the asinh stretch of Lupton et al.
 * (2004), as astropy's {@code make_lupton_rgb(r, g, b, minimum, stretch, Q, filename=OUT.png)} writes
 * it. Each file's HDU is its {@code [EXT]}, else its first image of 2 or more axes; a cube's HDU may
 * also be given with {@code --hdu}. A cube of exactly 3 planes is drawn without {@code --planes}. An
 * image section in CFITSIO's syntax ({@code FILE[EXT][X1:X2,Y1:Y2]}, see {@link FileSpec}) draws only
 * those pixels (of each plane of a cube), so that images of different sizes can be cut to one shape.
 */
final class RgbPreview {
  private RgbPreview() {}

  static int run(Main.Options options, PrintStream out) throws IOException {
    if (options.interval != null || options.scale != null || options.cmap != null) {
      throw new Main.UsageException("preview --rgb: --interval, --scale and --cmap are for single images;"
          + " colour composites take --q, --stretch and --minimum");
    }
    PreviewCommand.checkOutput(options);
    LuptonRgb mapping;
    try {
      mapping = LuptonRgb.parse(options.minimum, options.stretch, options.q);
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException("preview --rgb: " + e.getMessage());
    }
    List<INDArray> bands;
    if (options.files.size() == 3) {
      if (options.planes != null || options.hdu != null) {
        throw new Main.UsageException("preview --rgb: with three files, give each one's HDU as FILE[EXT];"
            + " --planes and --hdu are for one cube");
      }
      bands = images(options.files);
    } else if (options.files.size() == 1) {
      bands = cubePlanes(options);
    } else {
      throw new Main.UsageException("preview --rgb needs three files (red, green, blue) or one cube, got "
          + options.files.size());
    }
    PreviewCommand.write(mapping.combine(bands.get(0), bands.get(1), bands.get(2)).png(), options, out);
    return Main.OK;
  }

  /** The images of three FILE[EXT] arguments, which must be 2-D and of one shape. */
  private static List<INDArray> images(List<String> arguments) throws IOException {
    List<INDArray> images = new ArrayList<>();
    long[] first = null;
    for (String argument : arguments) {
      FileSpec spec = FileSpec.parse(argument);
      try (FitsFile fits = Fits.open(spec.path())) {
        Hdu hdu = PreviewCommand.image(fits, spec.hdu());
        long[] shape = hdu.shape();
        if (!hdu.type().isImage() || shape.length != 2) {
          throw new Main.UsageException("preview --rgb: " + argument + " (HDU " + hdu.index() + ") is not a 2-D image"
              + " (shape " + Arrays.toString(shape) + "); give three 2-D images or one cube");
        }
        Box area = area(spec, hdu);
        long[] size = {area.height(), area.width()};
        if (first != null && !Arrays.equals(first, size)) {
          throw new Main.UsageException("preview --rgb: the images differ in shape (rows, columns): "
              + arguments.get(0) + " " + Arrays.toString(first) + ", " + argument + " " + Arrays.toString(size));
        }
        first = size;
        images.add(hdu.image().read(new long[] {area.y(), area.x()}, size));
      }
    }
    return images;
  }

  /** Three planes of the cube of the one FILE[EXT] argument, each read on its own. */
  private static List<INDArray> cubePlanes(Main.Options options) throws IOException {
    FileSpec spec = FileSpec.parse(options.files.get(0));
    options.takeHdu(spec);
    try (FitsFile fits = Fits.open(spec.path())) {
      Hdu hdu = PreviewCommand.image(fits, Optional.ofNullable(options.hdu));
      long[] shape = hdu.shape();
      if (!hdu.type().isImage() || shape.length != 3) {
        throw new Main.UsageException("preview --rgb: " + options.files.get(0) + " (HDU " + hdu.index()
            + ") has shape " + Arrays.toString(shape) + ", not a cube of planes; give three 2-D images (R G B)"
            + " or one 3-D cube");
      }
      Box area = area(spec, hdu);
      List<INDArray> planes = new ArrayList<>();
      for (long plane : planeNumbers(options.planes, shape[0])) {
        planes.add(hdu.image().read(new long[] {plane, area.y(), area.x()}, new long[] {1, area.height(), area.width()})
            .reshape(area.height(), area.width()));
      }
      return planes;
    }
  }

  /** The pixels drawn of each plane: the image section of {@code FILE[EXT][X1:X2,Y1:Y2]}, else all. */
  private static Box area(FileSpec spec, Hdu hdu) {
    long[] axes = hdu.axes();
    return spec.section().map(section -> FileSpec.box(section, axes))
        .orElseGet(() -> new Box(0, 0, Math.toIntExact(axes[0]), Math.toIntExact(axes[1])));
  }

  /** The planes --planes names (0-based, in 0..count-1), or 0, 1, 2 for a cube of three. */
  private static long[] planeNumbers(String text, long count) {
    if (text == null) {
      if (count != 3) {
        throw new Main.UsageException("preview --rgb: the cube has " + count + " planes; choose three with"
            + " --planes R,G,B (0-based)");
      }
      return new long[] {0, 1, 2};
    }
    String[] parts = text.split(",", -1);
    if (parts.length != 3) {
      throw new Main.UsageException("--planes '" + text + "' needs three plane numbers R,G,B (0-based)");
    }
    long[] planes = new long[3];
    for (int i = 0; i < 3; i++) {
      try {
        planes[i] = Long.parseLong(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new Main.UsageException("--planes '" + text + "' needs three whole numbers R,G,B (0-based)");
      }
      if (planes[i] < 0 || planes[i] >= count) {
        throw new Main.UsageException("--planes " + text + ": the cube has planes 0 to " + (count - 1));
      }
    }
    return planes;
  }
}
