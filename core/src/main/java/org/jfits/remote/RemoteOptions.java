package org.jfits.remote;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How remote files are read: block size, when to download whole files, timeouts, retries and the
 * cache. Immutable; the {@code with…} methods return changed copies.
 *
 * <p>Defaults: blocks of 1 MiB ({@code jfits.remote.blockSize}), whole download of files up to 4 MiB
 * ({@code jfits.remote.wholeFileBytes}), 10 s to connect, 30 s without a byte before a read times
 * out, {@link RetryPolicy#defaults()}, {@link RemoteCache#shared()}, 8 blocks kept in memory per open
 * file, missing runs of one read joined across up to 1 MiB of cached blocks
 * ({@code jfits.remote.coalesceBytes}), the JVM's TLS settings for {@code https} (its default
 * {@link SSLContext}, which trusts the certificates of {@code javax.net.ssl.trustStore} when that
 * property is set, else the JDK's).
 */
public final class RemoteOptions {
  private final int blockSize;
  private final long wholeFileBytes;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final RetryPolicy retry;
  private final RemoteCache cache;
  private final int memoryBlocks;
  private final long coalesceBytes;
  private final SSLContext sslContext;

  private RemoteOptions(int blockSize, long wholeFileBytes, Duration connectTimeout, Duration readTimeout,
      RetryPolicy retry, RemoteCache cache, int memoryBlocks, long coalesceBytes, SSLContext sslContext) {
    if (blockSize < 2880 || blockSize % 2880 != 0 && Integer.bitCount(blockSize) != 1) {
      throw new IllegalArgumentException("blockSize must be a power of two or a multiple of 2880, at least 2880: "
          + blockSize);
    }
    if (memoryBlocks < 0 || wholeFileBytes < 0 || coalesceBytes < 0) {
      throw new IllegalArgumentException("memoryBlocks, wholeFileBytes and coalesceBytes must not be negative");
    }
    this.blockSize = blockSize;
    this.wholeFileBytes = wholeFileBytes;
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.cache = cache;
    this.memoryBlocks = memoryBlocks;
    this.coalesceBytes = coalesceBytes;
    this.sslContext = sslContext;
  }

  /** The defaults listed in the class description. */
  public static RemoteOptions defaults() {
    return new RemoteOptions(Integer.getInteger("jfits.remote.blockSize", 1 << 20),
        Long.getLong("jfits.remote.wholeFileBytes", 4L << 20), Duration.ofSeconds(10), Duration.ofSeconds(30),
        RetryPolicy.defaults(), null, 8, Long.getLong("jfits.remote.coalesceBytes", 1L << 20), null);
  }

  /**
   * The same options with blocks of {@code bytes}: the unit of every range request, of read-ahead
   * and of the cache (a power of two, or a multiple of the FITS block of 2880 bytes).
   */
  public RemoteOptions withBlockSize(int bytes) {
    return new RemoteOptions(bytes, wholeFileBytes, connectTimeout, readTimeout, retry, cache, memoryBlocks,
        coalesceBytes, sslContext);
  }

  /** The same options downloading files of at most {@code bytes} whole on their first read. */
  public RemoteOptions withWholeFileBytes(long bytes) {
    return new RemoteOptions(blockSize, bytes, connectTimeout, readTimeout, retry, cache, memoryBlocks,
        coalesceBytes, sslContext);
  }

  /** The same options with another limit on establishing a connection. */
  public RemoteOptions withConnectTimeout(Duration timeout) {
    return new RemoteOptions(blockSize, wholeFileBytes, timeout, readTimeout, retry, cache, memoryBlocks,
        coalesceBytes, sslContext);
  }

  /**
   * The same options with another limit on waiting for the response headers, and then for each next
   * piece of a body: a stalled transfer fails after this long and is retried from where it stopped.
   */
  public RemoteOptions withReadTimeout(Duration timeout) {
    return new RemoteOptions(blockSize, wholeFileBytes, connectTimeout, timeout, retry, cache, memoryBlocks,
        coalesceBytes, sslContext);
  }

  /** The same options with another retry policy. */
  public RemoteOptions withRetry(RetryPolicy policy) {
    return new RemoteOptions(blockSize, wholeFileBytes, connectTimeout, readTimeout, policy, cache, memoryBlocks,
        coalesceBytes, sslContext);
  }

  /** The same options with another cache. */
  public RemoteOptions withCache(RemoteCache remoteCache) {
    return new RemoteOptions(blockSize, wholeFileBytes, connectTimeout, readTimeout, retry,
        Objects.requireNonNull(remoteCache, "cache"), memoryBlocks, coalesceBytes, sslContext);
  }

  /** The same options keeping {@code n} recently read blocks of each open file in memory. */
  public RemoteOptions withMemoryBlocks(int n) {
    return new RemoteOptions(blockSize, wholeFileBytes, connectTimeout, readTimeout, retry, cache, n, coalesceBytes,
        sslContext);
  }

  /**
   * The same options fetching two runs of missing blocks of one read in a single request when the
   * cached blocks between them hold at most {@code bytes}: one round trip instead of two, at the cost
   * of fetching those blocks again (0: never).
   */
  public RemoteOptions withCoalesceBytes(long bytes) {
    return new RemoteOptions(blockSize, wholeFileBytes, connectTimeout, readTimeout, retry, cache, memoryBlocks,
        bytes, sslContext);
  }

  /**
   * The same options making {@code https} connections with {@code context}: e.g. one that trusts a
   * private certificate authority, or presents a client certificate.
   */
  public RemoteOptions withSslContext(SSLContext context) {
    return new RemoteOptions(blockSize, wholeFileBytes, connectTimeout, readTimeout, retry, cache, memoryBlocks,
        coalesceBytes, Objects.requireNonNull(context, "context"));
  }

  /** The TLS context of {@code https} connections, if one was given; else the JVM's default is used. */
  public Optional<SSLContext> sslContext() {
    return Optional.ofNullable(sslContext);
  }

  /** The most cached bytes fetched again to join two missing runs of one read into one request. */
  public long coalesceBytes() {
    return coalesceBytes;
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
