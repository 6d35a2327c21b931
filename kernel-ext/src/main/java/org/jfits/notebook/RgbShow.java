package org.jfits.notebook;

import java.awt.image.BufferedImage;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.jfits.render.LuptonRgb;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code %fits show NAME --rgb [--q Q] [--stretch S] [--minimum M|MR,MG,MB]}: a {@code [3, rows,
 * columns]} INDArray, or {@code R,G,B}, three 2-D ones of one shape, drawn in colour by
 * {@link LuptonRgb} as {@code jfits preview --rgb} draws them.
 */
final class RgbShow {
  /** The options of single-image drawings, which a colour composite does not take. */
  private static final List<String> SINGLE_IMAGE_OPTIONS = List.of("scale", "cmap", "colorbar", "wcs", "pixels");

  private RgbShow() {}

  static BufferedImage picture(BaseKernel kernel, MagicCommand command) {
    for (String option : SINGLE_IMAGE_OPTIONS) {
      if (command.has(option)) {
        throw new FitsMagicException(command.name() + ": --" + option + " is for single images; --rgb takes --q,"
            + " --stretch and --minimum");
      }
    }
    LuptonRgb mapping;
    try {
      mapping = LuptonRgb.parse(command.option("minimum", null), command.option("stretch", null),
          command.option("q", null));
    } catch (IllegalArgumentException e) {
      throw new FitsMagicException(command.name() + ": --rgb: " + e.getMessage(), e);
    }
    String[] names = command.argument(0).split(",", -1);
    if (names.length == 1) {
      return mapping.combine(FitsMagic.variable(kernel, command, names[0])).picture();
    }
    if (names.length == 3) {
      INDArray red = FitsMagic.variable(kernel, command, names[0]);
      INDArray green = FitsMagic.variable(kernel, command, names[1]);
      INDArray blue = FitsMagic.variable(kernel, command, names[2]);
      return mapping.combine(red, green, blue).picture();
    }
    throw new FitsMagicException(command.name() + ": --rgb draws one cube NAME or three arrays R,G,B, not '"
        + command.argument(0) + "'");
  }
}
