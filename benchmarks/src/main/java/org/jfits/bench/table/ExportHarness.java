package org.jfits.bench.table;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.bench.RequestLoop;
import org.jfits.export.ArrowIpc;
import org.jfits.export.DelimitedText;
import org.jfits.export.Parquet;
import org.jfits.table.TableReader;
import org.jfits.write.FitsWriter;
import org.jfits.write.SelectedRowsHdu;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.StarTableOutput;

/**
 * The JVM side of the table export comparison (benchmarks/export/run.py drives it): converts HDU 1
 * of a FITS table, every row and column, to another format and times it in this process, the file
 * forced to disk (jfits' writers force it; STIL's output is forced here, inside the timing).
 *
 * <p>{@code serve} answers one request per stdin line {@code LIB OP FILE OUTDIR} with {@code OK
 * seconds bytes} (the size of the file written):
 * <ul>
 *   <li>{@code jfits}: {@code csv} ({@link DelimitedText}), {@code fits} (a copy of the stored rows,
 *       {@link SelectedRowsHdu}), {@code parquet-snappy}, {@code parquet-zstd}, {@code parquet-none}
 *       ({@link Parquet}) and {@code arrow} ({@link ArrowIpc}, uncompressed);
 *   <li>{@code stil}: {@code csv} and {@code fits} (format {@code fits-basic}), the table opened by
 *       {@link StarTableFactory} (mapped, rows streamed to the writer).
 * </ul>
 */
public final class ExportHarness {
  private ExportHarness() {}

  public static void main(String[] args) throws Exception {
    RequestLoop.serve(p -> {
      Path target = Path.of(p[3]).resolve("out-" + p[0] + "." + p[1].replace("-", "."));
      return RequestLoop.timed(() -> {
        convert(p[0], p[1], Path.of(p[2]), target);
        return target;
      }, written -> size((Path) written));
    });
  }

  private static void convert(String lib, String op, Path source, Path target) throws Exception {
    if (lib.equals("stil")) {
      stil(op, source, target);
      return;
    }
    try (FitsFile fits = Fits.open(source)) {
      TableReader all = fits.hdu(1).table();
      switch (op) {
        case "csv" -> DelimitedText.csv().write(all, target);
        case "fits" -> {
          try (FitsWriter out = FitsWriter.overwrite(target)) {
            out.write(SelectedRowsHdu.of(all));
          }
        }
        case "parquet-snappy" -> Parquet.writer().compression(Parquet.Codec.SNAPPY).write(all, target);
        case "parquet-zstd" -> Parquet.writer().compression(Parquet.Codec.ZSTD).write(all, target);
        case "parquet-none" -> Parquet.writer().compression(Parquet.Codec.NONE).write(all, target);
        case "arrow" -> ArrowIpc.writer().write(all, target);
        default -> throw new IllegalArgumentException("unknown op " + op);
      }
    }
  }

  private static void stil(String op, Path source, Path target) throws IOException {
    StarTable table = new StarTableFactory().makeStarTable(source.toString());
    new StarTableOutput().writeStarTable(table, target.toString(), op.equals("fits") ? "fits-basic" : "csv");
    try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
