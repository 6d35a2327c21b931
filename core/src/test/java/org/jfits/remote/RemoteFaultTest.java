package org.jfits.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.FitsIOException;
import org.jfits.image.ImageReader;
import org.jfits.io.RandomAccessInput;
import org.jfits.remote.FaultProxy.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Remote reads through a fault-injecting proxy in front of a real nginx: stalls, resets and
 * truncation mid-body, 503 bursts and wrong Content-Range headers are retried a bounded number of
 * times and never served; the retry budget ends in an error naming the URL and the range; a stopped
 * server is survived.
 */
class RemoteFaultTest {
  private static RemoteRig rig;
  private static byte[] big;
  private FaultProxy proxy;

  @TempDir
  Path cacheDir;

  @BeforeAll
  static void startServer() throws Exception {
    rig = RemoteRig.start();
    big = Files.readAllBytes(rig.local(RemoteRig.BIG));
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @BeforeEach
  void startProxy() throws Exception {
    proxy = new FaultProxy(rig.nginx.port(), 1);
  }

  @AfterEach
  void stopProxy() throws Exception {
    proxy.close();
  }

  /** Bytes over three blocks that the concurrent reads share. */
  private static final long SHARED_FROM = 5L * RemoteRig.BLOCK + 1000;
  private static final int SHARED_LENGTH = 2 * RemoteRig.BLOCK;

  private URI bigThroughProxy() {
    return proxy.uri("/files/" + RemoteRig.BIG);
  }

  private static byte[] read(RandomAccessInput input, long from, int length) throws Exception {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    input.read(buffer, from);
    return buffer.array();
  }

  @Test
  void eachKindOfFaultIsRetriedOnceAndNeverServed() throws Exception {
    for (Fault fault : List.of(Fault.STALL, Fault.RESET, Fault.TRUNCATE, Fault.SHORT_BODY, Fault.ERROR_503,
        Fault.WRONG_RANGE)) {
      RemoteCache cache = RemoteCache.open(CacheConfig.in(cacheDir.resolve(fault.name())));
      try (RandomAccessInput input = Remote.open(bigThroughProxy(), RemoteRig.options(cache))) {
        int before = proxy.injected().size();
        proxy.script(fault);
        long from = 5L * RemoteRig.BLOCK + 1000;
        assertArrayEquals(Arrays.copyOfRange(big, (int) from, (int) from + 3 * RemoteRig.BLOCK),
            read(input, from, 3 * RemoteRig.BLOCK), fault.name());
        assertEquals(List.of(fault), proxy.injected().subList(before, proxy.injected().size()));
        assertEquals(1, cache.stats().retries(), fault + ": " + cache.stats());
        assertEquals(5 * RemoteRig.BLOCK, cache.stats().bytesFetched(),
            fault + ": block 0 (read by open) and blocks 5 to 8, resumed, never fetched twice");
      }
    }
  }

  @Test
  void randomFaultsNeverCorruptCutoutsAndTheSecondPassIsServedByTheCache() throws Exception {
    proxy.randomFaults(42, 0.4, Fault.values());
    RemoteCache cache = RemoteCache.open(CacheConfig.in(cacheDir));
    Random random = new Random(3);
    List<int[]> boxes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      boxes.add(new int[] {random.nextInt(1000), random.nextInt(1000), 24, 24});
    }
    List<INDArray> expected = new ArrayList<>();
    try (FitsFile local = Fits.open(rig.local(RemoteRig.BIG))) {
      for (int[] b : boxes) {
        expected.add(local.hdu(0).image().cutout(b[0], b[1], b[2], b[3]));
      }
    }
    long passOneHits = 0;
    long passOneMisses = 0;
    for (int pass = 1; pass <= 2; pass++) {
      long hits = cache.stats().hits();
      long misses = cache.stats().misses();
      try (FitsFile remote = Fits.open(bigThroughProxy(), RemoteRig.options(cache).withMemoryBlocks(0))) {
        ImageReader image = remote.hdu(0).image();
        for (int i = 0; i < boxes.size(); i++) {
          int[] b = boxes.get(i);
          assertEquals(expected.get(i), image.cutout(b[0], b[1], b[2], b[3]), "pass " + pass + ", box " + i);
        }
      }
      hits = cache.stats().hits() - hits;
      misses = cache.stats().misses() - misses;
      if (pass == 1) {
        passOneHits = hits;
        passOneMisses = misses;
      } else {
        double rate = hits / (double) (hits + misses);
        assertTrue(rate >= 0.9, "second pass hit rate " + rate + " (" + hits + " hits, " + misses + " misses)");
      }
    }
    assertTrue(passOneMisses > 10 && passOneHits > 0, passOneHits + " hits, " + passOneMisses + " misses");
    assertTrue(proxy.injected().size() >= 5, "faults injected: " + proxy.injected());
    assertTrue(proxy.injected().contains(Fault.LATENCY_SPIKE), proxy.injected().toString());
    assertEquals(proxy.injected().stream().filter(f -> f != Fault.LATENCY_SPIKE).count(), cache.stats().retries(),
        "one retry per injected fault, none for a latency spike: " + proxy.injected() + ", " + cache.stats());
    assertEquals(0, cache.stats().corruptBlocks());
  }

  @Test
  void aSpentRetryPolicyEndsInAnErrorNamingTheUrlAndTheRange() throws Exception {
    RemoteCache cache = RemoteCache.open(CacheConfig.in(cacheDir));
    RemoteOptions options = RemoteRig.options(cache).withRetry(RetryPolicy.defaults().withAttempts(4)
        .withBaseDelay(Duration.ofMillis(5)).withMaxDelay(Duration.ofMillis(20)));
    try (RandomAccessInput input = Remote.open(bigThroughProxy(), options)) {
      proxy.script(Fault.ERROR_503, Fault.ERROR_503, Fault.ERROR_503, Fault.ERROR_503);
      long from = 7L * RemoteRig.BLOCK;
      FitsIOException e = assertThrows(FitsIOException.class, () -> read(input, from + 10, 100));
      String range = "bytes " + from + "-" + (from + RemoteRig.BLOCK - 1);
      assertTrue(e.getMessage().startsWith(bigThroughProxy() + ", byte " + from + ": GET " + range
          + " failed after 4 attempts in "), e.getMessage());
      assertTrue(e.getMessage().contains("(HTTP 503; HTTP 503; HTTP 503; HTTP 503)"), e.getMessage());
      assertEquals(3, cache.stats().retries());
      assertArrayEquals(Arrays.copyOfRange(big, (int) from + 10, (int) from + 110), read(input, from + 10, 100),
          "served once the server answers again");
    }

    RemoteOptions brief = options.withRetry(RetryPolicy.defaults().withAttempts(1000)
        .withBaseDelay(Duration.ofMillis(20)).withMaxDelay(Duration.ofMillis(50)).withBudget(Duration.ofMillis(500)));
    try (RandomAccessInput input = Remote.open(bigThroughProxy(), brief)) {
      Fault[] burst = new Fault[1000];
      Arrays.fill(burst, Fault.ERROR_503);
      proxy.script(burst);
      long start = System.nanoTime();
      FitsIOException e = assertThrows(FitsIOException.class, () -> read(input, 9L * RemoteRig.BLOCK, 100));
      long millis = (System.nanoTime() - start) / 1_000_000;
      proxy.clearScript();
      assertTrue(e.getMessage().contains("retry budget of 500 ms spent"), e.getMessage());
      assertTrue(millis < 3000, "gave up after " + millis + " ms");
    }
  }

  @Test
  void readsRecoverAfterTheServerIsStoppedAndRestarted() throws Exception {
    RemoteCache cache = RemoteCache.open(CacheConfig.in(cacheDir));
    URI uri = rig.nginx.uri(RemoteRig.BIG);
    try (FitsFile local = Fits.open(rig.local(RemoteRig.BIG));
        FitsFile remote = Fits.open(uri, RemoteRig.options(cache))) {
      ImageReader image = remote.hdu(0).image();
      assertEquals(local.hdu(0).image().cutout(10, 10, 20, 20), image.cutout(10, 10, 20, 20));
      rig.nginx.stop();
      try {
        assertEquals(local.hdu(0).image().cutout(10, 10, 20, 20), image.cutout(10, 10, 20, 20), "cached");
        FitsIOException e = assertThrows(FitsIOException.class, () -> image.cutout(10, 900, 20, 20));
        assertTrue(e.getMessage().contains(uri.toString()) && e.getMessage().contains("connection refused"),
            e.getMessage());
        try (FitsFile offline = Fits.open(uri, RemoteRig.options(cache))) {
          ImageReader cachedImage = offline.hdu(0).image();
          assertEquals(local.hdu(0).image().cutout(10, 10, 20, 20), cachedImage.cutout(10, 10, 20, 20),
              "opened from the cache");
          FitsIOException uncached = assertThrows(FitsIOException.class, () -> cachedImage.cutout(10, 900, 20, 20));
          assertTrue(uncached.getMessage().contains(uri.toString()), uncached.getMessage());
        }
      } finally {
        rig.nginx.start();
      }
      assertEquals(local.hdu(0).image().cutout(10, 900, 20, 20), image.cutout(10, 900, 20, 20));
    }
  }

  @Test
  void threadsThatMissTheSameBlocksShareOneFetch() throws Exception {
    RemoteCache cache = RemoteCache.open(CacheConfig.in(cacheDir));
    proxy.latency(300);
    try (RandomAccessInput input = Remote.open(bigThroughProxy(), RemoteRig.options(cache))) {
      cache.stats().reset();
      List<Future<byte[]>> reads = readTogether(input, 8, SHARED_FROM, SHARED_LENGTH);
      for (Future<byte[]> r : reads) {
        assertArrayEquals(Arrays.copyOfRange(big, (int) SHARED_FROM, (int) SHARED_FROM + SHARED_LENGTH), r.get());
      }
    }
    assertEquals(1, cache.stats().requests(), "one GET: " + cache.stats());
    assertEquals(3, cache.stats().misses(), cache.stats().toString());
  }

  @Test
  void threadsThatWaitedForAFailedFetchFetchForThemselves() throws Exception {
    RemoteCache cache = RemoteCache.open(CacheConfig.in(cacheDir));
    proxy.latency(300);
    RemoteOptions once = RemoteRig.options(cache).withRetry(RetryPolicy.defaults().withAttempts(1));
    try (RandomAccessInput input = Remote.open(bigThroughProxy(), once)) {
      proxy.script(Fault.ERROR_503);
      int failed = 0;
      for (Future<byte[]> r : readTogether(input, 8, SHARED_FROM, SHARED_LENGTH)) {
        try {
          assertArrayEquals(Arrays.copyOfRange(big, (int) SHARED_FROM, (int) SHARED_FROM + SHARED_LENGTH), r.get());
        } catch (ExecutionException e) {
          assertTrue(e.getCause().getMessage().contains("HTTP 503"), e.getCause().getMessage());
          failed++;
        }
      }
      assertEquals(1, failed, "only the read whose own request failed");
    }
  }

  /** Reads of the same bytes by {@code threads} threads that start together. */
  private static List<Future<byte[]>> readTogether(RandomAccessInput input, int threads, long from, int length)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<byte[]>> reads = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      reads.add(pool.submit(() -> {
        start.await();
        return read(input, from, length);
      }));
    }
    start.countDown();
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "reads did not end");
    return reads;
  }

  @Test
  void aFullyCachedFileIsReadWhileTheServerIsDown() throws Exception {
    RemoteCache cache = RemoteCache.open(CacheConfig.in(cacheDir));
    URI uri = rig.nginx.uri(RemoteRig.BIG);
    try (RandomAccessInput online = Remote.open(uri, RemoteRig.options(cache))) {
      assertArrayEquals(big, read(online, 0, big.length));
    }
    rig.nginx.stop();
    try (RandomAccessInput offline = Remote.open(uri, RemoteRig.options(cache))) {
      assertEquals(big.length, offline.size());
      assertArrayEquals(big, read(offline, 0, big.length));
    } finally {
      rig.nginx.start();
    }
  }

  @Test
  void aFileTheServerNoLongerHasIsNotReadFromTheCache() throws Exception {
    RemoteCache cache = RemoteCache.open(CacheConfig.in(cacheDir));
    Path served = rig.local("removed.fits");
    Files.write(served, big);
    URI uri = rig.nginx.uri("removed.fits");
    try {
      try (RandomAccessInput online = Remote.open(uri, RemoteRig.options(cache))) {
        assertArrayEquals(big, read(online, 0, big.length));
      }
    } finally {
      Files.delete(served);
    }
    FitsIOException e = assertThrows(FitsIOException.class, () -> Remote.open(uri, RemoteRig.options(cache)));
    assertTrue(e.getMessage().contains(uri.toString()) && e.getMessage().contains("404"), e.getMessage());
  }
}
