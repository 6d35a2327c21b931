package org.jfits.notebook;

import java.util.List;
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
import org.jfits.table.FitsTable;
import org.jfits.table.TableReader;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code %fits} line magic and the {@code %%fits} cell magic (one command per line of the cell
 * body; blank lines and lines starting with {@code #} are skipped; the {@code %%fits} line itself
 * takes no arguments). Each command shows its result with the kernel's renderer; {@code image},
 * {@code table}, {@code cutout} and {@code sky} with {@code --as NAME} also define a notebook variable
 * through a nested evaluation.
 * Any failure ends the command with a one-line {@link FitsMagicException}.
 */
final class FitsMagic implements LineMagic<Object, BaseKernel>, CellMagic<Object, BaseKernel> {
  private static final String INDARRAY = "org.nd4j.linalg.api.ndarray.INDArray";
  private static final String FITS_TABLE = "org.jfits.table.FitsTable";
  private static final String CUTOUTS = "org.jfits.image.Cutouts";
  private static final String VALUES = NotebookValues.class.getName();

  /** The renderer of {@code show}, before its options; images smaller than 320 pixels are enlarged. */
  private static final ImageRenderer SHOW = ImageRenderer.create().minSize(320).axes(true);

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

  private static INDArray image(BaseKernel kernel, MagicCommand command) {
    String name = variableName(command);
    HduPath where = HduPath.parse(command.argument(0), command.name());
    INDArray array;
    try (FitsFile file = Fits.open(where.path())) {
      Hdu hdu = where.select(file, h -> h.type().isImage() && h.hasData(), "HDU with image data", command.name());
      ImageReader reader = command.has("raw") ? hdu.image().raw() : hdu.image();
      if (command.has("section")) {
        long[][] section = Slices.section(command.option("section", ""), reader.shape(), command.name());
        array = reader.read(section[0], section[1]);
      } else {
        array = reader.read();
      }
    }
    kernel.display(kernel.getRenderer().render(array));
    bind(kernel, name, INDARRAY, array, command);
    return array;
  }

  private static FitsTable table(BaseKernel kernel, MagicCommand command) {
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
      table = reader.read();
    }
    kernel.display(kernel.getRenderer().render(table));
    bind(kernel, name, FITS_TABLE, table, command);
    return table;
  }

  private static void show(BaseKernel kernel, MagicCommand command) {
    INDArray array = variable(kernel, command);
    if (array.rank() != 2) {
      throw new FitsMagicException(command.name() + ": " + command.argument(0) + " has shape "
          + java.util.Arrays.toString(array.shape()) + "; show draws 2-D arrays (take a plane first)");
    }
    ImageRenderer renderer = SHOW.interval(interval(command.option("stretch", "zscale"), command))
        .stretch(named(() -> Stretch.named(command.option("scale", "linear")), "--scale", command))
        .colorMap(named(() -> ColorMap.named(command.option("cmap", "gray")), "--cmap", command))
        .colorBar(command.has("colorbar"));
    kernel.display(kernel.getRenderer().render(renderer.render(array)));
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
    if (text.equals("zscale")) {
      return Interval.zscale();
    }
    if (text.equals("minmax")) {
      return Interval.minMax();
    }
    if (text.startsWith("percentile=")) {
      try {
        return Interval.percentile(Double.parseDouble(text.substring("percentile=".length())));
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new FitsMagicException(command.name() + ": unknown --stretch '" + text
        + "'; expected zscale, minmax or percentile=P (e.g. percentile=99.5)");
  }

  /** The INDArray held by the notebook variable named by the command's argument. */
  private static INDArray variable(BaseKernel kernel, MagicCommand command) {
    String name = command.argument(0);
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
