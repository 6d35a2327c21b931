package org.jfits.remote;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.TestFiles;
import org.jfits.image.ImageReader;

/**
 * Remote cutouts, timed (a benchmark, run by {@code benchmarks/remote/run.sh}, not a test): 100 cutouts
 * of 64 x 64 pixels from a 4096 x 4096 float32 image (64 MiB) served by nginx through the fault proxy
 * with a fixed latency per request (and optionally a bandwidth cap), with a cold cache, then a warm one,
 * against downloading the whole file first (through the cache, then the same cutouts from it). The JIT
 * is warmed by an untimed pass straight to nginx. Prints one JSON line per block size.
 *
 * <p>Arguments: {@code WORK_DIR LATENCY_MS BYTES_PER_SECOND(0: no cap) BLOCK_SIZE...}.
 */
public final class RemoteBenchmark {
  private static final int SIDE = 4096;
  private static final int CUTOUTS = 100;
  private static final int BOX = 64;

  private RemoteBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    long latency = Long.parseLong(args[1]);
    long bandwidth = Long.parseLong(args[2]);
    Path served = Files.createDirectories(work.resolve("served"));
    Path image = served.resolve("image4096.fits");
    if (!Files.exists(image) || Files.size(image) < 4L * SIDE * SIDE) {
      writeImage(image);
    }
    Random random = new Random(11);
    List<int[]> boxes = new ArrayList<>();
    for (int i = 0; i < CUTOUTS; i++) {
      boxes.add(new int[] {random.nextInt(SIDE - BOX), random.nextInt(SIDE - BOX)});
    }
    try (NginxServer nginx = new NginxServer(served, work.resolve("nginx"));
        FaultProxy proxy = new FaultProxy(nginx.port(), 1)) {
      proxy.latency(latency).throttle(bandwidth);
      cutouts(Fits.open(image), boxes);
      double local = cutouts(Fits.open(image), boxes);
      RemoteCache warmUp = RemoteCache.open(CacheConfig.in(work.resolve("cache-warm-up")));
      warmUp.clear();
      cutouts(Fits.open(nginx.uri("image4096.fits"), RemoteOptions.defaults().withCache(warmUp)), boxes);
      warmUp.clear();
      for (int i = 3; i < args.length; i++) {
        int block = Integer.parseInt(args[i]);
        Path cacheDir = work.resolve("cache-" + block);
        RemoteCache cache = RemoteCache.open(CacheConfig.in(cacheDir));
        cache.clear();
        RemoteOptions options = RemoteOptions.defaults().withCache(cache).withBlockSize(block);
        double cold = cutouts(Fits.open(proxy.uri("/files/image4096.fits"), options), boxes);
        long coldBytes = cache.stats().bytesFetched();
        long coldRequests = cache.stats().requests();
        double warm = cutouts(Fits.open(proxy.uri("/files/image4096.fits"), options), boxes);
        RemoteCache wholeCache = RemoteCache.open(CacheConfig.in(work.resolve("cache-whole")));
        wholeCache.clear();
        double whole = cutouts(Fits.open(proxy.uri("/files/image4096.fits"),
            options.withCache(wholeCache).withWholeFileBytes(Long.MAX_VALUE)), boxes);
        System.out.println(String.format(Locale.ROOT,
            "{\"block\": %d, \"latency_ms\": %d, \"bytes_per_s\": %d, \"cutouts\": %d, \"cold_s\": %.3f, "
                + "\"cold_requests\": %d, \"cold_mib\": %.1f, \"warm_s\": %.3f, \"whole_download_s\": %.3f, "
                + "\"local_s\": %.3f, \"cold_over_warm\": %.1f, \"whole_over_cold\": %.2f}",
            block, latency, bandwidth, CUTOUTS, cold, coldRequests, coldBytes / 1048576.0, warm, whole, local,
            cold / warm, whole / cold));
      }
    }
  }

  /** Seconds to open the file, cut every box and close it. */
  private static double cutouts(FitsFile fits, List<int[]> boxes) {
    long start = System.nanoTime();
    try (fits) {
      ImageReader reader = fits.hdu(0).image();
      for (int[] b : boxes) {
        reader.cutout(b[0], b[1], BOX, BOX);
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static void writeImage(Path path) throws IOException {
    byte[] header = TestFiles.header(TestFiles.value("SIMPLE", "T"), TestFiles.value("BITPIX", "-32"),
        TestFiles.value("NAXIS", "2"), TestFiles.value("NAXIS1", Integer.toString(SIDE)),
        TestFiles.value("NAXIS2", Integer.toString(SIDE)));
    try (OutputStream out = Files.newOutputStream(path)) {
      out.write(header);
      ByteBuffer row = ByteBuffer.allocate(4 * SIDE);
      for (int y = 0; y < SIDE; y++) {
        row.clear();
        for (int x = 0; x < SIDE; x++) {
          row.putFloat(y * 0.5f + x);
        }
        out.write(row.array());
      }
      long written = 4L * SIDE * SIDE;
      out.write(new byte[(int) ((2880 - written % 2880) % 2880)]);
    }
  }
}
