package org.jfits.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jfits.io.RandomAccessInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The block cache on disk: corrupt and truncated blocks are detected, deleted and fetched again; the
 * size limit holds with least-recently-used eviction; blocks of recent epochs are kept in preference
 * to older ones.
 */
class RemoteCacheTest {
  private static final long BLOCK_FILE = RemoteRig.BLOCK + 32;
  private static RemoteRig rig;
  private static byte[] big;

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

  private RandomAccessInput open(RemoteCache cache) {
    return Remote.open(rig.nginx.uri(RemoteRig.BIG), RemoteRig.options(cache).withMemoryBlocks(0));
  }

  private static void checkBlock(RandomAccessInput input, int block) throws Exception {
    ByteBuffer buffer = ByteBuffer.allocate(RemoteRig.BLOCK);
    input.read(buffer, (long) block * RemoteRig.BLOCK);
    int from = block * RemoteRig.BLOCK;
    assertArrayEquals(Arrays.copyOfRange(big, from, from + RemoteRig.BLOCK), buffer.array(), "block " + block);
  }

  /** The block files of the cache directory, by block index. */
  private Set<Integer> cachedBlocks() throws Exception {
    Set<Integer> blocks = new TreeSet<>();
    try (Stream<Path> files = Files.find(cacheDir, 3, (p, a) -> p.getFileName().toString().matches("\\d+"))) {
      files.forEach(p -> blocks.add(Integer.parseInt(p.getFileName().toString())));
    }
    return blocks;
  }

  private Path blockFile(int block) throws Exception {
    try (Stream<Path> files = Files.find(cacheDir, 3, (p, a) -> p.getFileName().toString().equals("" + block))) {
      return files.findFirst().orElseThrow();
    }
  }

  @Test
  void corruptAndTruncatedBlocksAreDetectedAndFetchedAgain() throws Exception {
    RemoteCache cache = RemoteCache.open(CacheConfig.in(cacheDir));
    try (RandomAccessInput input = open(cache)) {
      for (int b = 0; b < 8; b++) {
        checkBlock(input, b);
      }
    }
    flipByte(blockFile(3), 32 + 1000);
    flipByte(blockFile(4), 5);
    try (FileChannel channel = FileChannel.open(blockFile(5), StandardOpenOption.WRITE)) {
      channel.truncate(BLOCK_FILE / 2);
    }
    cache.stats().reset();
    try (RandomAccessInput input = open(cache)) {
      for (int b = 0; b < 8; b++) {
        checkBlock(input, b);
      }
    }
    assertEquals(3, cache.stats().corruptBlocks(), cache.stats().toString());
    assertEquals(3, cache.stats().misses(), "blocks 3, 4 and 5 fetched again: " + cache.stats());
    assertEquals(5, cache.stats().hits() - 1, "block 0 is read twice (gzip check, then block 0): " + cache.stats());
    assertEquals(BLOCK_FILE, Files.size(blockFile(5)), "the truncated block was replaced");
  }

  @Test
  void theSizeLimitHoldsWithLeastRecentlyUsedEviction() throws Exception {
    RemoteCache cache = RemoteCache.open(CacheConfig.in(cacheDir).withMaxBytes(8 * BLOCK_FILE));
    try (RandomAccessInput input = open(cache)) {
      for (int b = 0; b < 20; b++) {
        checkBlock(input, b);
        Thread.sleep(3);
      }
      assertTrue(cache.sizeBytes() <= 8 * BLOCK_FILE, cache.sizeBytes() + " bytes");
      assertTrue(cache.stats().evictedBlocks() >= 12, cache.stats().toString());
      assertEquals(Set.of(12, 13, 14, 15, 16, 17, 18, 19), cachedBlocks(),
          "the 8 most recent blocks: block 19 filled the limit without passing it");
      long misses = cache.stats().misses();
      checkBlock(input, 19);
      assertEquals(misses, cache.stats().misses(), "block 19 is still cached");
      checkBlock(input, 1);
      assertEquals(misses + 1, cache.stats().misses(), "block 1 was evicted");
    }
  }

  @Test
  void blocksOfRecentEpochsAreKeptInPreferenceToOlderOnes() throws Exception {
    assertEquals(Set.of(0, 1, 2, 5, 6, 7), blocksKeptWithEpochs(2));
    RemoteCache reopened = RemoteCache.open(CacheConfig.in(cacheDir));
    assertEquals(5, reopened.epoch(), "the epoch is kept in the index");
    assertEquals(6, reopened.beginEpoch());
    assertEquals(6, RemoteCache.open(CacheConfig.in(cacheDir)).epoch());
  }

  @Test
  void withoutEpochProtectionEvictionIsPlainLeastRecentlyUsed() throws Exception {
    assertEquals(Set.of(2, 3, 4, 5, 6, 7), blocksKeptWithEpochs(0));
  }

  /**
   * Blocks 0-2 are read in epoch 5, then blocks 3-5 by a straggler of epoch 1, then blocks 6 and 7 in
   * epoch 5 again; the eighth block overflows a limit of 7 and two blocks go.
   */
  private Set<Integer> blocksKeptWithEpochs(int keep) throws Exception {
    RemoteCache cache = RemoteCache.open(CacheConfig.in(cacheDir).withMaxBytes(7 * BLOCK_FILE).withKeepEpochs(keep));
    try (RandomAccessInput input = open(cache)) {
      cache.epoch(5);
      for (int b : new int[] {0, 1, 2}) {
        checkBlock(input, b);
        Thread.sleep(5);
      }
      cache.epoch(1);
      for (int b : new int[] {3, 4, 5}) {
        checkBlock(input, b);
        Thread.sleep(5);
      }
      cache.epoch(5);
      for (int b : new int[] {6, 7}) {
        checkBlock(input, b);
        Thread.sleep(5);
      }
    }
    assertEquals(2, cache.stats().evictedBlocks(), cache.stats().toString());
    return cachedBlocks();
  }

  private static void flipByte(Path file, long offset) throws Exception {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, offset);
      one.put(0, (byte) (one.get(0) ^ 0x40)).rewind();
      channel.write(one, offset);
    }
  }
}
