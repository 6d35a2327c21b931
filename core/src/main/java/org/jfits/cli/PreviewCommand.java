package org.jfits.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.jfits.io.AtomicOutput;
import org.jfits.render.ColorMap;
import org.jfits.render.ImageRenderer;
import org.jfits.render.Interval;
import org.jfits.render.Stretch;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code jfits preview FILE[EXT] --out OUT.png [--interval I] [--scale S] [--cmap C] [--plane N]}: an
 * image HDU (the first with image data unless {@code [EXT]} or {@code --hdu} says) drawn as a PNG with
 * astropy's intervals ({@code zscale}, {@code minmax}, {@code percentile=P}), stretches
 * ({@code linear}, {@code sqrt}, {@code log}, {@code asinh}) and matplotlib's colour maps, as
 * {@code %fits show} draws it, with pixel axes and a colour bar; plane N of a cube (0 by default).
 * With {@code --rgb}, a colour composite of three images or cube planes: see {@link RgbPreview}.
 */
final class PreviewCommand {
  private PreviewCommand() {}

  static int run(Main.Options options, PrintStream out) throws IOException {
    if (options.rgb) {
      return RgbPreview.run(options, out);
    }
    if (options.q != null || options.stretch != null || options.minimum != null || options.planes != null) {
      throw new Main.UsageException("preview: --q, --stretch, --minimum and --planes need --rgb");
    }
    FileSpec spec = FileSpec.parse(options.singleFile("preview"));
    checkOutput(options);
    options.takeHdu(spec);
    ImageRenderer renderer;
    try {
      renderer = ImageRenderer.create().interval(Interval.named(options.interval == null ? "zscale" : options.interval))
          .stretch(Stretch.named(options.scale == null ? "linear" : options.scale))
          .colorMap(ColorMap.named(options.cmap == null ? "gray" : options.cmap)).colorBar(true).axes(true);
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException(e.getMessage());
    }
    try (FitsFile fits = Fits.open(spec.path())) {
      Hdu hdu = image(fits, Optional.ofNullable(options.hdu));
      if (!hdu.type().isImage() || hdu.axes().length < 2) {
        throw new Main.UsageException("preview: HDU " + hdu.index() + " has no image of 2 or more axes");
      }
      INDArray image = hdu.image().read();
      if (image.rank() > 2) {
        long planes = image.shape()[0];
        if (options.plane < 0 || options.plane >= planes) {
          throw new Main.UsageException("preview: --plane " + options.plane + " outside 0.." + (planes - 1));
        }
        image = image.reshape(planes, -1).getRow(options.plane).reshape(image.shape()[1], image.shape()[2]);
      }
      write(renderer.png(image), options, out);
    }
    return Main.OK;
  }

  /** Checks that --out names a PNG file. */
  static void checkOutput(Main.Options options) {
    if (options.out == null || !options.out.toLowerCase(Locale.ROOT).endsWith(".png")) {
      throw new Main.UsageException("preview needs --out OUT.png");
    }
  }

  /** Writes {@code png} to --out through a temporary file and says so on {@code out}. */
  static void write(byte[] png, Main.Options options, PrintStream out) throws IOException {
    AtomicOutput.write(Path.of(options.out), temp -> Files.write(temp, png));
    out.println("wrote " + options.out);
  }

  /** The HDU {@code name} names (an index or EXTNAME), else the first image of 2 or more axes. */
  static Hdu image(FitsFile fits, Optional<String> name) {
    return name.map(n -> Main.Options.select(fits, n)).orElseGet(() -> firstImage(fits));
  }

  private static Hdu firstImage(FitsFile fits) {
    for (Hdu hdu : fits) {
      if (hdu.type().isImage() && hdu.axes().length >= 2) {
        return hdu;
      }
    }
    throw new Main.UsageException(fits.name() + " has no image of 2 or more axes");
  }
}
