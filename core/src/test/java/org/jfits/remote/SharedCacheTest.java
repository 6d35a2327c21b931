package org.jfits.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jfits.TestFiles;
import org.jfits.io.RandomAccessInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One cache directory shared by two threads of this JVM and a child JVM, all reading the same remote
 * file under a size limit small enough that blocks are evicted and stored again all the time: no
 * reader ever sees a partial or corrupt block, and every byte read equals the local file's.
 */
class SharedCacheTest {
  private static final int READS = 150;
  private static final long LIMIT = 6L * (RemoteRig.BLOCK + 32);
  /** Reads start in the first 10 blocks: more than the limit holds, so blocks churn, all shared. */
  private static final int REGION = 10 * RemoteRig.BLOCK;

  @TempDir
  Path cacheDir;

  @Test
  void twoProcessesAndTwoThreadsShareOneCacheDirectory() throws Exception {
    try (RemoteRig rig = RemoteRig.start()) {
      URI uri = rig.nginx.uri(RemoteRig.BIG);
      Path local = rig.local(RemoteRig.BIG);
      List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
          System.getProperty("java.class.path"), SharedCacheTest.class.getName(), uri.toString(), cacheDir.toString(),
          local.toString(), "7");
      ExecutorService threads = Executors.newFixedThreadPool(3);
      try {
        Future<TestFiles.Run> child = threads.submit(() -> TestFiles.run(command, 90));
        Future<String> one = threads.submit(() -> readAndCheck(uri, cacheDir, local, 1));
        Future<String> two = threads.submit(() -> readAndCheck(uri, cacheDir, local, 2));
        assertEquals("ok", one.get(90, TimeUnit.SECONDS));
        assertEquals("ok", two.get(90, TimeUnit.SECONDS));
        TestFiles.Run run = child.get(100, TimeUnit.SECONDS);
        assertEquals(0, run.exit(), run.stdout() + run.stderr());
        assertTrue(run.stdout().contains("ok"), run.stdout());
      } finally {
        threads.shutdownNow();
      }
    }
  }

  /**
   * Reads random ranges through a cache in {@code dir} and checks them against the local file.
   * Returns "ok", or a description of the first difference or of a corrupt block seen.
   */
  static String readAndCheck(URI uri, Path dir, Path localFile, long seed) throws Exception {
    byte[] local = Files.readAllBytes(localFile);
    RemoteCache cache = RemoteCache.open(CacheConfig.in(dir).withMaxBytes(LIMIT));
    Random random = new Random(seed);
    try (RandomAccessInput input = Remote.open(uri, RemoteRig.options(cache).withMemoryBlocks(0))) {
      for (int i = 0; i < READS; i++) {
        int from = random.nextInt(REGION);
        int length = 1 + random.nextInt(2 * RemoteRig.BLOCK);
        ByteBuffer buffer = ByteBuffer.allocate(length);
        input.read(buffer, from);
        if (!Arrays.equals(buffer.array(), Arrays.copyOfRange(local, from, from + length))) {
          return "bytes " + from + "-" + (from + length - 1) + " differ";
        }
      }
    }
    RemoteStats stats = cache.stats();
    if (stats.corruptBlocks() != 0) {
      return "corrupt blocks seen: " + stats;
    }
    if (stats.evictedBlocks() == 0 || stats.hits() == 0) {
      return "the cache was not shared under pressure: " + stats;
    }
    return "ok";
  }

  /** The child process: {@code URL CACHE_DIR LOCAL_FILE SEED}; prints "ok" or the problem. */
  public static void main(String[] args) throws Exception {
    String result = readAndCheck(URI.create(args[0]), Path.of(args[1]), Path.of(args[2]), Long.parseLong(args[3]));
    System.out.println(result);
    System.exit(result.equals("ok") ? 0 : 1);
  }
}
