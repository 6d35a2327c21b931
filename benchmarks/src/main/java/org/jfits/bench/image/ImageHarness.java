package org.jfits.bench.image;

import java.io.File;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;
import nom.tam.image.compression.hdu.CompressedImageHDU;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.jfits.bench.RequestLoop;
import org.jfits.table.ColumnInfo;
import org.jfits.table.FitsTable;
import org.jfits.write.FitsWriter;
import org.jfits.write.ImageHdu;
import org.jfits.write.TableHdu;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The JVM side of the image read and write comparison (benchmarks/images/run.py drives it): jfits and
 * nom-tam-fits, timed in this process. One request per stdin line {@code LIB OP FILE}, answered with
 * {@code OK seconds checksum}.
 *
 * <p>Ops: {@code read} = the first HDU with image data (plain, scaled or tile-compressed) into memory,
 * decompressed and scaled (nom-tam-fits: {@code getKernel()}, for scaled images
 * {@code getData().convertTo(float.class)}, for compressed ones {@code asImageHDU()} first); {@code write-image} = the image of FILE, read once untimed, written to a
 * new file; {@code write-table} = the table of FILE (every column but the variable-length SPEC), read
 * once untimed, written to a new file. Writes end with the file forced to disk (jfits' writer does
 * this itself), as the Python side does with {@code os.fsync}. Libraries: {@code jfits},
 * {@code jfits-1t} (one thread), {@code nomtam}.
 */
public final class ImageHarness {
  private static final Map<String, Object> SOURCES = new HashMap<>();

  private ImageHarness() {}

  public static void main(String[] args) throws Exception {
    RequestLoop.serve(p -> {
      Object source = p[1].startsWith("write") ? source(p[0], p[1], Path.of(p[2])) : null;
      return RequestLoop.timed(() -> run(p[0], p[1], Path.of(p[2]), source), r -> r.hashCode() % 1000);
    });
  }

  private static Object run(String lib, String op, Path file, Object source) throws Exception {
    Path target = file.resolveSibling(file.getFileName() + ".out-" + lib + ".fits");
    return switch (lib + " " + op) {
      case "jfits read" -> jfitsRead(file, 0);
      case "jfits-1t read" -> jfitsRead(file, 1);
      case "nomtam read" -> nomTamRead(file);
      case "jfits write-image" -> jfitsWrite(target, ImageHdu.of((INDArray) source));
      case "jfits write-table" -> jfitsWrite(target, TableHdu.of((FitsTable) source));
      case "nomtam write-image" -> nomTamWrite(target, (float[][]) source);
      default -> throw new IllegalArgumentException("unknown request " + lib + " " + op);
    };
  }

  private static INDArray jfitsRead(Path file, int threads) {
    try (FitsFile fits = org.jfits.Fits.open(file)) {
      for (Hdu hdu : fits) {
        if (hdu.type().isImage() && hdu.hasData()) {
          return threads == 0 ? hdu.image().read() : hdu.image().threads(threads).read();
        }
      }
    }
    throw new IllegalArgumentException(file + " has no image");
  }

  private static Object nomTamRead(Path file) throws Exception {
    try (Fits fits = new Fits(file.toFile())) {
      for (BasicHDU<?> hdu = fits.readHDU(); hdu != null; hdu = fits.readHDU()) {
        if (hdu instanceof CompressedImageHDU compressed) {
          return compressed.asImageHDU().getKernel();
        }
        if (hdu instanceof ImageHDU image && image.getAxes() != null && image.getAxes().length > 0) {
          boolean scaled = image.getHeader().getDoubleValue("BSCALE", 1) != 1
              || image.getHeader().getDoubleValue("BZERO", 0) != 0;
          // stored values, or float32 scaled by nom-tam's own Quantizer (BSCALE/BZERO) as the others return
          return scaled ? image.getData().convertTo(float.class).getKernel() : image.getKernel();
        }
      }
    }
    throw new IllegalArgumentException(file + " has no image");
  }

  private static Object jfitsWrite(Path target, org.jfits.write.WritableHdu hdu) {
    try (FitsWriter out = FitsWriter.overwrite(target)) {
      out.write(hdu);
    }
    return target;
  }

  private static Object nomTamWrite(Path target, float[][] pixels) throws Exception {
    try (Fits fits = new Fits()) {
      fits.addHDU(Fits.makeHDU(pixels));
      fits.write(new File(target.toString()));
    }
    try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    return target;
  }

  /**
   * The in-memory data a write op writes, read once (untimed) per library and file: an ND4J array for
   * jfits, {@code float[][]} for nom-tam-fits, a {@link FitsTable} for table writes.
   */
  private static Object source(String lib, String op, Path file) {
    String key = lib + " " + op + " " + file;
    if (!SOURCES.containsKey(key)) {
      Object data = op.equals("write-table") ? table(file)
          : lib.equals("nomtam") ? jfitsRead(file, 0).toFloatMatrix() : jfitsRead(file, 0);
      SOURCES.put(key, data);
    }
    return SOURCES.get(key);
  }

  private static FitsTable table(Path file) {
    try (FitsFile fits = org.jfits.Fits.open(file)) {
      Hdu hdu = fits.hdu(1);
      List<String> columns = new ArrayList<>();
      for (ColumnInfo c : hdu.table().rows(0, 1).read().columns()) {
        if (!c.format().text().startsWith("P")) {
          columns.add(c.name());
        }
      }
      return hdu.table().columns(columns).read();
    }
  }
}
