package org.jfits.remote;

import java.time.Duration;
import java.util.Objects;

/**
 * How remote files are read: block size, when to download whole files, timeouts, retries and the
 * cache. Immutable; the {@code with…} methods return changed copies.
 *
 * <p>Defaults: blocks of 1 MiB ({@code jfits.remote.blockSize}), whole download of files up to 4 MiB
 * ({@code jfits.remote.wholeFileBytes}), 10 s to connect, 30 s without a byte before a read times
 * out, {@link RetryPolicy#defaults()}, {@link RemoteCache#shared()}, 8 blocks kept in memory per open
 * file.
 */
public final class RemoteOptions {
  private final int blockSize;
  private final long wholeFileBytes;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final RetryPolicy retry;
  private final RemoteCache cache;
  private final int memoryBlocks;

  private RemoteOptions(int blockSize, long wholeFileBytes, Duration connectTimeout, Duration readTimeout,
      RetryPolicy retry, RemoteCache cache, int memoryBlocks) {
    if (blockSize < 2880 || blockSize % 2880 != 0 && Integer.bitCount(blockSize) != 1) {
      throw new IllegalArgumentException("blockSize must be a power of two or a multiple of 2880, at least 2880: "
          + blockSize);
    }
    if (memoryBlocks < 0 || wholeFileBytes < 0) {
      throw new IllegalArgumentException("memoryBlocks and wholeFileBytes must not be negative");
    }
    this.blockSize = blockSize;
    this.wholeFileBytes = wholeFileBytes;
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.cache = cache;
    this.memoryBlocks = memoryBlocks;
  }

  /** The defaults listed in the class description. */
  public static RemoteOptions defaults() {
    return new RemoteOptions(Integer.getInteger("jfits.remote.blockSize", 1 << 20),
        Long.getLong("jfits.remote.wholeFileBytes", 4L << 20), Duration.ofSeconds(10), Duration.ofSeconds(30),
        RetryPolicy.defaults(), null, 8);
  }

  /**
   * The same options with blocks of {@code bytes}: the unit of every range request, of read-ahead
   * and of the cache (a power of two, or a multiple of the FITS block of 2880 bytes).
   */
  public RemoteOptions withBlockSize(int bytes) {
    return new RemoteOptions(bytes, wholeFileBytes, connectTimeout, readTimeout, retry, cache, memoryBlocks);
  }

  /** The same options downloading files of at most {@code bytes} whole on their first read. */
  public RemoteOptions withWholeFileBytes(long bytes) {
    return new RemoteOptions(blockSize, bytes, connectTimeout, readTimeout, retry, cache, memoryBlocks);
  }

  /** The same options with another limit on establishing a connection. */
  public RemoteOptions withConnectTimeout(Duration timeout) {
    return new RemoteOptions(blockSize, wholeFileBytes, timeout, readTimeout, retry, cache, memoryBlocks);
  }

  /**
   * The same options with another limit on waiting for the response headers, and then for each next
   * piece of a body: a stalled transfer fails after this long and is retried from where it stopped.
   */
  public RemoteOptions withReadTimeout(Duration timeout) {
    return new RemoteOptions(blockSize, wholeFileBytes, connectTimeout, timeout, retry, cache, memoryBlocks);
  }

  /** The same options with another retry policy. */
  public RemoteOptions withRetry(RetryPolicy policy) {
    return new RemoteOptions(blockSize, wholeFileBytes, connectTimeout, readTimeout, policy, cache, memoryBlocks);
  }

  /** The same options with another cache. */
  public RemoteOptions withCache(RemoteCache remoteCache) {
    return new RemoteOptions(blockSize, wholeFileBytes, connectTimeout, readTimeout, retry,
        Objects.requireNonNull(remoteCache, "cache"), memoryBlocks);
  }

  /** The same options keeping {@code n} recently read blocks of each open file in memory. */
  public RemoteOptions withMemoryBlocks(int n) {
    return new RemoteOptions(blockSize, wholeFileBytes, connectTimeout, readTimeout, retry, cache, n);
  }

  /** The block size in bytes. */
  public int blockSize() {
    return blockSize;
  }

  /** Files up to this size are fetched whole on their first read. */
  public long wholeFileBytes() {
    return wholeFileBytes;
  }

  /** The connection timeout. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The timeout for response headers and for each next piece of a body. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** The retry policy. */
  public RetryPolicy retry() {
    return retry;
  }

  /** The cache: the one given, else {@link RemoteCache#shared()}. */
  public RemoteCache cache() {
    return cache != null ? cache : RemoteCache.shared();
  }

  /** Blocks kept in memory per open file. */
  public int memoryBlocks() {
    return memoryBlocks;
  }
}
