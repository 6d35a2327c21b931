package org.jfits.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.jfits.export.DelimitedText;
import org.jfits.table.TableReader;
import org.jfits.write.FitsWriter;
import org.jfits.write.SelectedRowsHdu;

/**
 * {@code jfits convert FILE[EXT] --out OUT.csv|OUT.tsv|OUT.fits}: a table HDU (the first one unless
 * {@code [EXT]} or {@code --hdu} says) as delimited text ({@link DelimitedText}, streamed) or as a FITS
 * copy of the selection, with {@code --columns}, {@code --rows} and {@code --where} as {@code export}.
 */
final class ConvertCommand {
  private ConvertCommand() {}

  static int run(Main.Options options, PrintStream out) throws IOException {
    FileSpec spec = FileSpec.parse(options.singleFile("convert"));
    if (spec.section().isPresent()) {
      throw new Main.UsageException("convert takes a table HDU, not an image section");
    }
    options.takeHdu(spec);
    if (options.out == null) {
      throw new Main.UsageException("convert needs --out OUT.csv or OUT.tsv");
    }
    String target = options.out.toLowerCase(Locale.ROOT);
    boolean toFits = target.endsWith(".fits") || target.endsWith(".fit") || target.endsWith(".fts");
    DelimitedText format = target.endsWith(".csv") ? DelimitedText.csv()
        : target.endsWith(".tsv") ? DelimitedText.tsv() : null;
    if (format == null && !toFits) {
      throw new Main.UsageException("convert writes .csv, .tsv or .fits files, not " + options.out);
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
