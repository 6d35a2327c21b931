package org.jfits.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.jfits.export.ArrowIpc;
import org.jfits.export.DelimitedText;
import org.jfits.export.Parquet;
import org.jfits.table.TableReader;
import org.jfits.write.FitsWriter;
import org.jfits.write.SelectedRowsHdu;

/**
 * {@code jfits convert FILE[EXT] --out OUT.csv|OUT.tsv|OUT.parquet|OUT.arrow|OUT.feather|OUT.fits
 * [--compression C]}: a table HDU (the first one unless {@code [EXT]} or {@code --hdu} says) as
 * delimited text ({@link DelimitedText}), Parquet ({@link Parquet}) or Arrow IPC ({@link ArrowIpc}),
 * streamed, or as a FITS copy of the selection, with {@code --columns}, {@code --rows} and
 * {@code --where} as {@code export}.
 */
final class ConvertCommand {
  private static final String COMPRESSION_USE = "--compression applies to .parquet, .arrow and .feather output";

  private ConvertCommand() {}

  static int run(Main.Options options, PrintStream out) throws IOException {
    FileSpec spec = FileSpec.parse(options.singleFile("convert"));
    if (spec.section().isPresent()) {
      throw new Main.UsageException("convert takes a table HDU, not an image section");
    }
    options.takeHdu(spec);
    if (options.out == null) {
      throw new Main.UsageException("convert needs --out OUT.csv, OUT.tsv, OUT.parquet, OUT.arrow or OUT.fits");
    }
    String target = options.out.toLowerCase(Locale.ROOT);
    boolean toFits = target.endsWith(".fits") || target.endsWith(".fit") || target.endsWith(".fts");
    TableWrite format = toFits ? null : format(target, options.compression);
    if (format == null && !toFits) {
      throw new Main.UsageException("convert writes .csv, .tsv, .parquet, .arrow, .feather or .fits files, not "
          + options.out);
    }
    if (toFits && options.compression != null) {
      throw new Main.UsageException(COMPRESSION_USE);
    }
    try (FitsFile fits = Fits.open(spec.path())) {
      Hdu hdu = options.hdu == null ? TableCommand.firstTable(fits) : options.hdu(fits);
      if (!hdu.type().isTable()) {
        throw new Main.UsageException("convert: HDU " + hdu.index() + " is a " + hdu.type().astropyName()
            + ", not a table");
      }
      long rows;
      try {
        rows = toFits ? fitsCopy(options.tableSelection(hdu), Path.of(options.out))
            : format.write(options.tableSelection(hdu), Path.of(options.out));
      } catch (IllegalArgumentException e) {
        throw new Main.UsageException(e.getMessage());
      }
      out.println("wrote " + rows + " rows to " + options.out);
    }
    return Main.OK;
  }

  /** A streaming writer of a table selection: {@link DelimitedText}, {@link Parquet}, {@link ArrowIpc}. */
  @FunctionalInterface
  private interface TableWrite {
    long write(TableReader reader, Path target) throws IOException;
  }

  /** The writer for an output name (lower case), or null if none writes that kind of file. */
  private static TableWrite format(String target, String compression) {
    if (target.endsWith(".parquet")) {
      return Parquet.writer().compression(compression == null ? Parquet.Codec.SNAPPY
          : codec(Parquet.Codec.class, compression))::write;
    }
    if (target.endsWith(".arrow") || target.endsWith(".feather")) {
      return ArrowIpc.writer().compression(compression == null ? ArrowIpc.Codec.NONE
          : codec(ArrowIpc.Codec.class, compression))::write;
    }
    if (compression != null) {
      throw new Main.UsageException(COMPRESSION_USE);
    }
    return target.endsWith(".csv") ? DelimitedText.csv()::write : target.endsWith(".tsv") ? DelimitedText.tsv()::write
        : null;
  }

  private static <C extends Enum<C>> C codec(Class<C> codecs, String name) {
    try {
      return Enum.valueOf(codecs, name.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException("--compression " + name + ": one of " + Arrays.stream(
          codecs.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + " for this output");
    }
  }

  /**
   * The selected rows and columns as a new FITS file: an empty primary HDU and the table with the
   * stored bytes of the selection copied unchanged, every keyword of the kept columns renumbered and
   * the other keywords kept ({@link SelectedRowsHdu}). Streams: only the selected row numbers are held
   * in memory.
   */
  private static long fitsCopy(TableReader reader, Path target) {
    SelectedRowsHdu copy = SelectedRowsHdu.of(reader);
    try (FitsWriter out = FitsWriter.overwrite(target)) {
      out.write(copy);
    }
    return copy.rows();
  }
}
