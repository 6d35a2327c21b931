package org.jfits.remote;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jfits.Fits;
import org.jfits.dataset.Batch;
import org.jfits.dataset.BatchStream;
import org.jfits.dataset.FitsDataset;
import org.jfits.dataset.Prefetch;
import org.jfits.dataset.SampleSource;
import org.jfits.dataset.Transforms;
import org.jfits.image.Box;
import org.jfits.write.FitsWriter;
import org.jfits.write.ImageHdu;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An IO-bound training loop over remote cutouts, timed (a benchmark, run by
 * {@code benchmarks/remote/prefetch.sh}, not a test): a {@link FitsDataset} of 32 x 32 cutouts from
 * 24 images of 1024 x 1024 float32 (4 MiB each) served by nginx through the fault proxy with a fixed
 * latency per request; each batch of 32 is followed by a fixed "training step" (a sleep). One epoch
 * with a cold cache and one with a warm cache, each with prefetch off ({@link Prefetch#NONE}) and on.
 * Prints one JSON line.
 *
 * <p>Arguments: {@code WORK_DIR LATENCY_MS STEP_MS}.
 */
public final class DatasetPrefetchBenchmark {
  private static final int FILES = 24;
  private static final int SIDE = 1024;
  private static final int PER_FILE = 16;
  private static final int BOX = 32;
  private static final int BATCH = 32;

  private DatasetPrefetchBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    long latency = Long.parseLong(args[1]);
    long stepMillis = Long.parseLong(args[2]);
    Path served = Files.createDirectories(work.resolve("served-dataset"));
    Random random = new Random(5);
    for (int k = 0; k < FILES; k++) {
      Path file = served.resolve("field-" + k + ".fits");
      if (!Files.exists(file)) {
        float[] pixels = new float[SIDE * SIDE];
        for (int i = 0; i < pixels.length; i++) {
          pixels[i] = (float) random.nextGaussian();
        }
        try (FitsWriter out = FitsWriter.create(file)) {
          out.write(ImageHdu.of(Nd4j.create(pixels, new long[] {SIDE, SIDE}, 'c')));
        }
      }
    }
    try (NginxServer nginx = new NginxServer(served, work.resolve("nginx-dataset"));
        FaultProxy proxy = new FaultProxy(nginx.port(), 1)) {
      proxy.latency(latency);
      List<SampleSource> samples = new ArrayList<>();
      for (int k = 0; k < FILES; k++) {
        for (int j = 0; j < PER_FILE; j++) {
          samples.add(SampleSource.cutout(proxy.uri("/files/field-" + k + ".fits").toString(), 0,
              new Box(random.nextInt(SIDE - BOX), random.nextInt(SIDE - BOX), BOX, BOX)));
        }
      }
      Prefetch on = new Prefetch(8, 8);
      epoch(work, "warm-up", samples, on, stepMillis, true);
      double offCold = epoch(work, "off", samples, Prefetch.NONE, stepMillis, true);
      double offWarm = epoch(work, "off", samples, Prefetch.NONE, stepMillis, false);
      double onCold = epoch(work, "on", samples, on, stepMillis, true);
      double onWarm = epoch(work, "on", samples, on, stepMillis, false);
      double floor = Math.ceil(samples.size() / (double) BATCH) * stepMillis / 1000.0;
      System.out.println(String.format(Locale.ROOT, "{\"samples\": %d, \"batch\": %d, \"latency_ms\": %d, "
          + "\"step_ms\": %d, \"prefetch\": \"depth %d, %d threads\", \"off_cold_s\": %.3f, \"on_cold_s\": %.3f, "
          + "\"off_warm_s\": %.3f, \"on_warm_s\": %.3f, \"steps_only_s\": %.3f, \"cold_speedup\": %.2f, "
          + "\"warm_speedup\": %.2f}", samples.size(), BATCH, latency, stepMillis, on.depth(), on.threads(), offCold,
          onCold, offWarm, onWarm, floor, offCold / onCold, offWarm / onWarm));
    }
  }

  /** Seconds for one epoch: load every batch, then sleep the training step; a fresh cache if {@code cold}. */
  private static double epoch(Path work, String name, List<SampleSource> samples, Prefetch prefetch, long stepMillis,
      boolean cold) throws Exception {
    RemoteCache cache = RemoteCache.open(CacheConfig.in(work.resolve("cache-dataset-" + name)));
    if (cold) {
      cache.clear();
    }
    RemoteOptions options = RemoteOptions.defaults().withCache(cache);
    long start = System.nanoTime();
    try (FitsDataset data = FitsDataset.images(samples).transform(Transforms.standardize()).seed(1)
        .opener(uri -> Fits.open(URI.create(uri), options)).build();
        BatchStream batches = data.batches(BATCH, 0, prefetch)) {
      while (batches.hasNext()) {
        Batch b = batches.next();
        if (b.size() == 0) {
          throw new IllegalStateException("empty batch");
        }
        Thread.sleep(stepMillis);
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
