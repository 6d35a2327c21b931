package org.jfits.bench.cutout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;
import nom.tam.image.ImageTiler;
import org.jfits.FitsFile;
import org.jfits.bench.RequestLoop;
import org.jfits.image.Box;
import org.jfits.image.CutoutStrategy;
import org.jfits.image.Cutouts;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The JVM side of the cutout peer comparison (benchmarks/cutouts/run.py drives it): cuts the boxes
 * of a box file out of a generated float32 image with jfits and nom-tam-fits and times the whole
 * call (open, every cutout, close) in this process.
 *
 * <p>{@code serve} answers one request per stdin line {@code LIB IMAGE BOXES [WARM_SECONDS [CALLS]]}
 * with {@code OK seconds checksum}: with {@code WARM_SECONDS}, the same call is first repeated
 * untimed for that long (the JIT compiles what a long-running program would run compiled); then,
 * after a GC and {@value #SETTLE_MILLIS} ms of untimed calls (in which ND4J's deallocator threads free
 * the arrays the GC found), {@code CALLS} calls (default 1) are timed back to back and {@code seconds}
 * is their mean, as Python's {@code timeit} times calls too short for one reading of the clock.
 * Results are dropped, not closed, as a notebook drops them: their memory is freed after a GC,
 * outside the readings, as the GC frees the heap arrays of the JVM peers. The checksum is the sum of
 * every cutout pixel (double), so the driver can check that all libraries cut the same pixels. A box
 * file has one box per line, {@code x y w h} (0-based column and row of the first pixel, width,
 * height), all inside the image.
 *
 * <p>Libraries: {@code jfits} ({@code Fits.open(path).hdu(0).image().cutouts(boxes)}, one batched
 * call, strategy chosen by jfits, {@code [N, h, w]} float32 in native memory), {@code jfits-1t} (the
 * same with {@code cutouts().threads(1)}), {@code jfits-read-once}, {@code jfits-row-bands} and
 * {@code jfits-mapped} (each strategy forced, to check the automatic choice), {@code nomtam}
 * (nom-tam-fits 1.21.2: {@code new Fits(file)}, {@code readHDU()},
 * {@code ImageHDU.getTiler().getTile(corner, lengths)} per box, each a {@code float[]}).
 *
 * <p>Sky cutouts: when the file of a request is a position file ({@code sky-*.txt}: a first line
 * {@code radius R} in arcseconds, then {@code ra dec} per line, degrees), {@code jfits} and
 * {@code jfits-1t} cut them with {@code Fits.open(path).hdu(0).image().cutouts().skyCutouts(ra, dec, R)}
 * (one batched WCS transform, then the batched cutout read).
 */
public final class CutoutHarness {
  /** The last result, held until the next request so nothing is optimised away. */
  private static volatile Object keep;
  /**
   * How long the call repeats untimed between a reading's GC and its clock (the Python worker does the
   * same): the reference processing that follows a GC runs then, not inside the reading.
   */
  static final long SETTLE_MILLIS = 10;

  private CutoutHarness() {}

  public static void main(String[] args) throws Exception {
    if (!args[0].equals("serve")) {
      throw new IllegalArgumentException("usage: serve");
    }
    RequestLoop.serve(p -> {
      Path request = Path.of(p[2]);
      boolean sky = request.getFileName().toString().startsWith("sky-");
      List<Box> boxes = sky ? null : boxes(request);
      Sky positions = sky ? Sky.read(request) : null;
      Callable<Object> call = () -> sky ? skyCut(p[0], Path.of(p[1]), positions) : cut(p[0], Path.of(p[1]), boxes);
      long warmUntil = System.nanoTime() + (long) (p.length > 3 ? Double.parseDouble(p[3]) * 1e9 : 0);
      while (System.nanoTime() < warmUntil) {
        keep = call.call();
      }
      int calls = p.length > 4 ? Integer.parseInt(p[4]) : 1;
      keep = null;
      System.gc();
      long settleUntil = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
      do {
        keep = call.call();
      } while (System.nanoTime() < settleUntil);
      keep = null;
      long t0 = System.nanoTime();
      Object r = null;
      for (int i = 0; i < calls; i++) {
        r = call.call();
      }
      double s = (System.nanoTime() - t0) / 1e9 / calls;
      keep = r;
      return "OK " + s + " " + checksum(r);
    });
  }

  static List<Box> boxes(Path file) throws IOException {
    List<Box> boxes = new ArrayList<>();
    for (String l : Files.readAllLines(file)) {
      if (!l.isBlank()) {
        String[] f = l.trim().split("\\s+");
        boxes.add(new Box(Long.parseLong(f[0]), Long.parseLong(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3])));
      }
    }
    return boxes;
  }

  /** The positions and radius of a sky request. */
  record Sky(double radiusArcsec, double[] ra, double[] dec) {
    static Sky read(Path file) throws IOException {
      List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
      double radius = Double.parseDouble(lines.get(0).trim().split("\\s+")[1]);
      double[] ra = new double[lines.size() - 1];
      double[] dec = new double[ra.length];
      for (int i = 0; i < ra.length; i++) {
        String[] f = lines.get(i + 1).trim().split("\\s+");
        ra[i] = Double.parseDouble(f[0]);
        dec[i] = Double.parseDouble(f[1]);
      }
      return new Sky(radius, ra, dec);
    }
  }

  static INDArray skyCut(String lib, Path image, Sky sky) {
    int threads;
    switch (lib) {
      case "jfits":
        threads = 0;
        break;
      case "jfits-1t":
        threads = 1;
        break;
      default:
        throw new IllegalArgumentException("no sky cutouts for library " + lib);
    }
    try (FitsFile f = org.jfits.Fits.open(image)) {
      var reader = f.hdu(0).image().cutouts();
      return (threads > 0 ? reader.threads(threads) : reader).skyCutouts(sky.ra(), sky.dec(), sky.radiusArcsec())
          .array();
    }
  }

  static Object cut(String lib, Path image, List<Box> boxes) throws Exception {
    switch (lib) {
      case "jfits":
        return jfits(image, boxes, 0, CutoutStrategy.AUTO);
      case "jfits-1t":
        return jfits(image, boxes, 1, CutoutStrategy.AUTO);
      case "jfits-read-once":
        return jfits(image, boxes, 0, CutoutStrategy.READ_ONCE);
      case "jfits-row-bands":
        return jfits(image, boxes, 0, CutoutStrategy.ROW_BANDS);
      case "jfits-mapped":
        return jfits(image, boxes, 0, CutoutStrategy.MAPPED);
      case "nomtam":
        return nomTam(image, boxes);
      default:
        throw new IllegalArgumentException("unknown library " + lib);
    }
  }

  static INDArray jfits(Path image, List<Box> boxes, int threads, CutoutStrategy strategy) {
    try (FitsFile f = org.jfits.Fits.open(image)) {
      var reader = f.hdu(0).image().cutouts().strategy(strategy);
      Cutouts cutouts = (threads > 0 ? reader.threads(threads) : reader).read(boxes);
      return cutouts.array();
    }
  }

  static List<float[]> nomTam(Path image, List<Box> boxes) throws Exception {
    try (Fits f = new Fits(image.toFile())) {
      ImageHDU hdu = (ImageHDU) f.readHDU();
      ImageTiler tiler = hdu.getTiler();
      List<float[]> tiles = new ArrayList<>(boxes.size());
      for (Box b : boxes) {
        tiles.add((float[]) tiler.getTile(new int[] {(int) b.y(), (int) b.x()}, new int[] {b.height(), b.width()}));
      }
      return tiles;
    }
  }

  @SuppressWarnings("unchecked")
  static double checksum(Object r) {
    double sum = 0;
    if (r instanceof INDArray a) {
      for (float v : a.data().asFloat()) {
        sum += v;
      }
    } else {
      for (float[] tile : (List<float[]>) r) {
        for (float v : tile) {
          sum += v;
        }
      }
    }
    return sum;
  }
}
