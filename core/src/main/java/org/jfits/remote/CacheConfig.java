package org.jfits.remote;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the cache of remote files lives and how much it may hold. Immutable; the {@code with…}
 * methods return changed copies.
 *
 * <p>Defaults: the directory is the system property {@code jfits.cache.dir}, else the environment
 * variable {@code JFITS_CACHE_DIR}, else {@code $XDG_CACHE_HOME/jfits}, else {@code ~/.cache/jfits};
 * the size limit is the system property {@code jfits.cache.maxBytes} (default 2 GiB); eviction keeps
 * the blocks touched in the last {@code jfits.cache.keepEpochs} epochs (default 2) in preference to
 * older ones (see {@link RemoteCache#beginEpoch()}).
 */
public final class CacheConfig {
  private static final long DEFAULT_MAX_BYTES = 2L << 30;
  private static final int DEFAULT_KEEP_EPOCHS = 2;

  private final Path directory;
  private final long maxBytes;
  private final int keepEpochs;

  private CacheConfig(Path directory, long maxBytes, int keepEpochs) {
    this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
    }
    if (keepEpochs < 0) {
      throw new IllegalArgumentException("keepEpochs must not be negative: " + keepEpochs);
    }
    this.maxBytes = maxBytes;
    this.keepEpochs = keepEpochs;
  }

  /** The configuration given by the system properties and environment (see the class description). */
  public static CacheConfig defaults() {
    return new CacheConfig(defaultDirectory(),
        Long.getLong("jfits.cache.maxBytes", DEFAULT_MAX_BYTES),
        Integer.getInteger("jfits.cache.keepEpochs", DEFAULT_KEEP_EPOCHS));
  }

  /** The defaults, in another directory. */
  public static CacheConfig in(Path directory) {
    return defaults().withDirectory(directory);
  }

  /** The same configuration in another directory. */
  public CacheConfig withDirectory(Path dir) {
    return new CacheConfig(dir, maxBytes, keepEpochs);
  }

  /** The same configuration with another size limit, in bytes of cached blocks. */
  public CacheConfig withMaxBytes(long bytes) {
    return new CacheConfig(directory, bytes, keepEpochs);
  }

  /** The same configuration protecting the blocks touched in the last {@code n} epochs (0: plain LRU). */
  public CacheConfig withKeepEpochs(int n) {
    return new CacheConfig(directory, maxBytes, n);
  }

  /** The cache directory (absolute). */
  public Path directory() {
    return directory;
  }

  /** The most bytes of blocks kept; beyond it the least recently used blocks are evicted. */
  public long maxBytes() {
    return maxBytes;
  }

  /** How many recent epochs are protected from eviction while older blocks remain. */
  public int keepEpochs() {
    return keepEpochs;
  }

  private static Path defaultDirectory() {
    String property = System.getProperty("jfits.cache.dir");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String env = System.getenv("JFITS_CACHE_DIR");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "jfits");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "jfits");
  }

  @Override
  public String toString() {
    return "CacheConfig[" + directory + ", maxBytes=" + maxBytes + ", keepEpochs=" + keepEpochs + "]";
  }
}
