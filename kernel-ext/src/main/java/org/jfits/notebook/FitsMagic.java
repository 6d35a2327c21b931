package org.jfits.notebook;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.lang.model.SourceVersion;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.magic.CellMagic;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.jfits.image.Cutouts;
import org.jfits.image.ImageReader;
import org.jfits.render.ColorMap;
import org.jfits.render.ImageRenderer;
import org.jfits.render.Interval;
import org.jfits.render.PixelValues;
import org.jfits.render.Stretch;
import org.jfits.render.TickLabels;
import org.jfits.render.WcsTickLabels;
import org.jfits.table.FitsTable;
import org.jfits.table.TableReader;
import org.jfits.wcs.Wcs;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code %fits} line magic and the {@code %%fits} cell magic (one command per line of the cell
 * body; blank lines and lines starting with {@code #} are skipped; the {@code %%fits} line itself
 * takes no arguments). Each command shows its result with the kernel's renderer; {@code image},
 * {@code table}, {@code cutout} and {@code sky} with {@code --as NAME} also define a notebook variable
 * through a nested evaluation.
 * Any failure ends the command with a one-line {@link FitsMagicException}.
 *
 * <p>One instance serves one kernel: it remembers, per variable bound by {@code image --as}, where
 * the array lies on the sky, so that {@code show} labels its axes in sky coordinates.
 */
final class FitsMagic implements LineMagic<Object, BaseKernel>, CellMagic<Object, BaseKernel> {
  private static final String INDARRAY = "org.nd4j.linalg.api.ndarray.INDArray";
  private static final String FITS_TABLE = "org.jfits.table.FitsTable";
  private static final String CUTOUTS = "org.jfits.image.Cutouts";
  private static final String VALUES = NotebookValues.class.getName();

  /** The renderer of {@code show}, before its options; images smaller than 320 pixels are enlarged. */
  static final ImageRenderer SHOW = ImageRenderer.create().minSize(320).axes(true);

  /** The sky axes of the arrays bound by {@code image --as}, by variable name. */
  private final Map<String, SkyAxes> skyAxes = new ConcurrentHashMap<>();

  @Override
  public Object eval(BaseKernel kernel, List<String> args) {
    return run(kernel, args);
  }

  @Override
  public Object eval(BaseKernel kernel, List<String> args, String body) {
    if (!args.isEmpty()) {
      throw new FitsMagicException("%%fits: the %%fits line takes no arguments; write one command per line below it");
    }
    Object last = null;
    for (String line : body.split("\\R")) {
      String command = line.strip();
      if (!command.isEmpty() && !command.startsWith("#")) {
        last = run(kernel, MagicCommand.split(command));
      }
    }
    return last;
  }

  private Object run(BaseKernel kernel, List<String> words) {
    MagicCommand command = MagicCommand.parse(words);
    try {
      switch (command.subcommand()) {
        case HELP:
          kernel.display(text(Subcommand.help()));
          return null;
        case INFO:
          info(kernel, command);
          return null;
        case HEADER:
          header(kernel, command);
          return null;
        case IMAGE:
          return image(kernel, command);
        case TABLE:
          return table(kernel, command);
        case SHOW:
          show(kernel, command);
          return null;
        case HIST:
          hist(kernel, command);
          return null;
        case CUTOUT:
          return cutout(kernel, command);
        case SKY:
          return sky(kernel, command);
        default:
          throw new IllegalStateException(command.subcommand().toString());
      }
    } catch (FitsMagicException e) {
      throw e;
    } catch (RuntimeException e) {
      // FitsException, unknown HDU names and indexes, bad column names, ND4J failures: one line each
      throw new FitsMagicException(command.name() + ": " + describe(e), e);
    }
  }

  private static void info(BaseKernel kernel, MagicCommand command) {
    try (FitsFile file = Fits.open(command.argument(0))) {
      kernel.display(kernel.getRenderer().render(file));
    }
  }

  private static void header(BaseKernel kernel, MagicCommand command) {
    HduPath where = HduPath.parse(command.argument(0), command.name());
    try (FitsFile file = Fits.open(where.path())) {
      Hdu hdu = where.select(file, h -> h.index() == 0, "HDU 0", command.name());
      kernel.display(kernel.getRenderer().render(hdu.header()));
    }
  }

  private INDArray image(BaseKernel kernel, MagicCommand command) {
    String name = variableName(command);
    HduPath where = HduPath.parse(command.argument(0), command.name());
    INDArray array;
    SkyAxes sky;
    try (FitsFile file = Fits.open(where.path())) {
      Hdu hdu = where.select(file, h -> h.type().isImage() && h.hasData(), "HDU with image data", command.name());
      ImageReader reader = command.has("raw") ? hdu.image().raw() : hdu.image();
      long[] start = new long[reader.shape().length];
      long[] shape = reader.shape();
      if (command.has("section")) {
        long[][] section = Slices.section(command.option("section", ""), shape, command.name());
        start = section[0];
        shape = section[1];
        array = reader.read(start, shape);
      } else {
        array = reader.read();
      }
      sky = SkyAxes.of(hdu.header(), start, shape);
    }
    INDArray plane = SkyAxes.plane(array);
    if (plane != null && plane.length() > 0) {
      TickLabels labels = sky == null ? TickLabels.pixels() : sky.labels(plane);
      kernel.display(kernel.getRenderer().render(Renderers.ARRAY.axes(true).tickLabels(labels).render(plane)));
    } else {
      kernel.display(kernel.getRenderer().render(array));
    }
    bind(kernel, name, INDARRAY, array, command);
    remember(name, sky);
    return array;
  }

  private FitsTable table(BaseKernel kernel, MagicCommand command) {
    String name = variableName(command);
    HduPath where = HduPath.parse(command.argument(0), command.name());
    FitsTable table;
    try (FitsFile file = Fits.open(where.path())) {
      Hdu hdu = where.select(file, h -> h.type().isTable(), "table HDU", command.name());
      TableReader reader = hdu.table();
      if (command.has("columns")) {
        reader = reader.columns(List.of(command.option("columns", "").split("\\s*,\\s*")));
      }
      if (command.has("rows")) {
        long[] rows = Slices.parse(command.option("rows", ""), hdu.header().getLong("NAXIS2"), command.name());
        reader = reader.rows(rows[0], rows[1]);
      }
      if (command.has("where")) {
        reader = reader.where(command.option("where", ""));
      }
      table = reader.read();
    }
    kernel.display(kernel.getRenderer().render(table));
    bind(kernel, name, FITS_TABLE, table, command);
    remember(name, null);
    return table;
  }

  /** Remembers (or, for null, forgets) where the array bound to {@code name} lies on the sky. */
  private void remember(String name, SkyAxes sky) {
    if (name == null) {
      return;
    }
    if (sky == null) {
      skyAxes.remove(name);
    } else {
      skyAxes.put(name, sky);
    }
  }

  private void show(BaseKernel kernel, MagicCommand command) {
    if (command.has("rgb")) {
      kernel.display(kernel.getRenderer().render(RgbShow.picture(kernel, command)));
      return;
    }
    if (command.has("q") || command.has("minimum")) {
      throw new FitsMagicException(command.name() + ": --q and --minimum need --rgb");
    }
    INDArray array = variable(kernel, command);
    if (array.rank() != 2) {
      throw new FitsMagicException(command.name() + ": " + command.argument(0) + " has shape "
          + java.util.Arrays.toString(array.shape()) + "; show draws 2-D arrays (take a plane first)");
    }
    ImageRenderer renderer = SHOW.interval(interval(command.option("stretch", "zscale"), command))
        .stretch(named(() -> Stretch.named(command.option("scale", "linear")), "--scale", command))
        .colorMap(named(() -> ColorMap.named(command.option("cmap", "gray")), "--cmap", command))
        .colorBar(command.has("colorbar"))
        .tickLabels(labels(command, array));
    kernel.display(kernel.getRenderer().render(renderer.render(array)));
  }

  /**
   * The tick labels of {@code show}: pixels with {@code --pixels}; the sky of the file named by
   * {@code --wcs}, the array's [0, 0] at the file's pixel [0, 0]; else the sky remembered for the
   * variable if it still holds an array of the shape read.
   */
  private TickLabels labels(MagicCommand command, INDArray array) {
    if (command.has("pixels")) {
      if (command.has("wcs")) {
        throw new FitsMagicException(command.name() + ": give --pixels or --wcs, not both");
      }
      return TickLabels.pixels();
    }
    if (command.has("wcs")) {
      return WcsTickLabels.of(fileWcs(command), 0, 0, (int) array.size(0), (int) array.size(1));
    }
    SkyAxes sky = skyAxes.get(command.argument(0));
    return sky == null ? TickLabels.pixels() : sky.labels(array);
  }

  /** The celestial WCS of the HDU named by {@code --wcs}; unlike {@code image}, a missing or unreadable one is an error. */
  private static Wcs fileWcs(MagicCommand command) {
    HduPath where = HduPath.parse(command.option("wcs", ""), command.name());
    try (FitsFile file = Fits.open(where.path())) {
      Hdu hdu = where.select(file, h -> h.type().isImage() && h.hasData(), "HDU with image data", command.name());
      Wcs wcs = Wcs.from(hdu.header());
      if (!SkyAxes.onFirstTwoAxes(wcs)) {
        throw new FitsMagicException(command.name() + ": --wcs: the celestial axes of " + command.option("wcs", "")
            + " are FITS axes " + wcs.celestialAxes()[0] + " and " + wcs.celestialAxes()[1]
            + "; only axes 1 and 2 describe a drawn plane");
      }
      return wcs;
    }
  }

  private static void hist(BaseKernel kernel, MagicCommand command) {
    INDArray array = variable(kernel, command);
    int bins;
    try {
      bins = Integer.parseInt(command.option("bins", "100"));
    } catch (NumberFormatException e) {
      throw new FitsMagicException(command.name() + ": --bins needs a whole number, not '" + command.option("bins", "") + "'");
    }
    Histogram histogram = Histogram.of(PixelValues.of(array), bins);
    kernel.display(kernel.getRenderer().render(histogram.chart(command.argument(0), command.has("log"))));
  }

  private static INDArray cutout(BaseKernel kernel, MagicCommand command) {
    String name = variableName(command);
    INDArray array = CutoutMagics.cutout(kernel, command);
    bind(kernel, name, INDARRAY, array, command);
    return array;
  }

  private static Cutouts sky(BaseKernel kernel, MagicCommand command) {
    String name = variableName(command);
    Cutouts cutouts = CutoutMagics.sky(kernel, command);
    bind(kernel, name, CUTOUTS, cutouts, command);
    return cutouts;
  }

  /** A stretch or colour map looked up by name, its error message naming the option. */
  private static <T> T named(java.util.function.Supplier<T> lookUp, String option, MagicCommand command) {
    try {
      return lookUp.get();
    } catch (IllegalArgumentException e) {
      throw new FitsMagicException(command.name() + ": " + option + ": " + e.getMessage(), e);
    }
  }

  private static Interval interval(String text, MagicCommand command) {
    return named(() -> Interval.named(text), "--stretch", command);
  }

  /** The INDArray held by the notebook variable named by the command's argument. */
  private static INDArray variable(BaseKernel kernel, MagicCommand command) {
    return variable(kernel, command, command.argument(0));
  }

  /** The INDArray in notebook variable {@code name}; an error naming the command if there is none. */
  static INDArray variable(BaseKernel kernel, MagicCommand command, String name) {
    if (!isVariableName(name)) {
      throw new FitsMagicException(command.name() + ": '" + name + "' is not a variable name");
    }
    Object value;
    try {
      value = kernel.evalRaw(name);
    } catch (Exception e) {
      throw new FitsMagicException(command.name() + ": cannot read notebook variable " + name + ": " + describe(e), e);
    }
    if (!(value instanceof INDArray)) {
      throw new FitsMagicException(command.name() + ": " + name + " is "
          + (value == null ? "null" : "a " + value.getClass().getSimpleName()) + ", not an INDArray");
    }
    return (INDArray) value;
  }

  /** The {@code --as} name, checked before any reading, or null. */
  private static String variableName(MagicCommand command) {
    if (!command.has("as")) {
      return null;
    }
    String name = command.option("as", "");
    if (!isVariableName(name)) {
      throw new FitsMagicException(command.name() + ": --as needs a Java variable name, not '" + name + "'");
    }
    return name;
  }

  /** Defines notebook variable {@code name} of {@code type} holding {@code value}, if a name was given. */
  private static void bind(BaseKernel kernel, String name, String type, Object value, MagicCommand command) {
    if (name == null) {
      return;
    }
    String key = NotebookValues.put(value);
    try {
      kernel.evalRaw(type + " " + name + " = (" + type + ") " + VALUES + ".take(\"" + key + "\");");
    } catch (Exception e) {
      throw new FitsMagicException(command.name() + ": cannot define notebook variable " + name + ": " + describe(e), e);
    } finally {
      NotebookValues.discard(key);
    }
  }

  private static boolean isVariableName(String name) {
    return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name);
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  private static DisplayData text(String text) {
    return new DisplayData(text);
  }
}
