package org.jfits.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A local cache of remote FITS files, kept as blocks: each block of a file (1 MiB by default, see
 * {@link RemoteOptions#withBlockSize}) is one file holding the SHA-256 of its bytes followed by the
 * bytes. The hash is checked on every read from disk; a block that is corrupt or truncated is deleted
 * and fetched again, never served.
 *
 * <p>Layout: {@code DIR/<hash of the URL>/<hash of the remote version>-<block size>/<block index>}, with
 * the URL and its cached version beside the version's folder ({@code url}, {@code version}).
 * The version is the remote file's size, ETag and Last-Modified, so blocks of two versions of a file
 * never mix; when a newer version is seen, the older one's blocks are deleted.
 *
 * <p>Concurrency: any number of instances, threads and processes may use one directory. A block is
 * written to a temporary file in its folder and renamed into place atomically, so readers see a whole
 * block or none. Eviction and the epoch index ({@code DIR/index}) are changed only under an exclusive
 * {@link FileChannel#lock() file lock} on {@code DIR/lock}. A block deleted by another process while
 * it is wanted is simply fetched again.
 *
 * <p>Eviction: when the blocks exceed {@link CacheConfig#maxBytes()}, blocks are deleted until 90% of
 * the limit is left: first those not touched in the last {@link CacheConfig#keepEpochs()} epochs,
 * least recently used first (the file modification time, refreshed on every hit), then, if still too
 * large, the recent ones in the same order. Epochs are numbered per cache directory: a training loop
 * calls {@link #beginEpoch()} at the start of each pass (or {@link #epoch(long)} with its own
 * number), so that the files of the passes in progress stay cached while older ones go.
 */
public final class RemoteCache {
  private static final int HASH = 32;
  private static final String TEMP_PREFIX = ".tmp-";
  private static final String INDEX = "index";
  private static final String LOCK = "lock";
  private static final String URL_FILE = "url";
  private static final String VERSION_FILE = "version";
  private static final long STALE_TEMP_MILLIS = 10 * 60_000L;
  private static final Map<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();
  private static volatile RemoteCache shared;

  private final CacheConfig config;
  private final Path root;
  private final RemoteStats stats = new RemoteStats();
  private final Map<String, Long> touched = new ConcurrentHashMap<>();
  private final AtomicLong usedBytes = new AtomicLong(-1);
  private volatile long epoch;

  private RemoteCache(CacheConfig config) {
    this.config = config;
    this.root = config.directory();
    try {
      Files.createDirectories(root);
      this.epoch = withLock(() -> readIndex().epoch);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use the cache directory " + root, e);
    }
  }

  /**
   * A cache over {@code config.directory()} (created if missing). Each call gives a new instance with
   * its own statistics; instances on the same directory share its blocks safely.
   *
   * @throws UncheckedIOException if the directory cannot be created or read
   */
  public static RemoteCache open(CacheConfig config) {
    return new RemoteCache(config);
  }

  /** The cache of {@link CacheConfig#defaults()}, made on first use and shared by the JVM. */
  public static RemoteCache shared() {
    RemoteCache cache = shared;
    if (cache == null) {
      synchronized (RemoteCache.class) {
        if (shared == null) {
          shared = open(CacheConfig.defaults());
        }
        cache = shared;
      }
    }
    return cache;
  }

  /** The configuration this cache was opened with. */
  public CacheConfig config() {
    return config;
  }

  /** The counters of this instance and of the remote reads that use it. */
  public RemoteStats stats() {
    return stats;
  }

  /** The current epoch number. */
  public long epoch() {
    return epoch;
  }

  /** Starts the next epoch (one pass over a data set) and returns its number. */
  public long beginEpoch() {
    return epoch(epoch + 1);
  }

  /**
   * Sets the current epoch to {@code n}, e.g. a training loop's own epoch counter, and records it in
   * the directory's index. Blocks touched from now on belong to epoch {@code n}.
   */
  public synchronized long epoch(long n) {
    epoch = n;
    try {
      withLock(() -> {
        Index index = readIndex();
        index.merge(touched);
        index.epoch = n;
        writeIndex(index);
        return null;
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the cache index in " + root, e);
    }
    return n;
  }

  /** The bytes of blocks in the cache directory now (a directory walk). */
  public long sizeBytes() {
    try {
      return blocks().stream().mapToLong(BlockFile::size).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the cache directory " + root, e);
    }
  }

  /** Deletes every cached block and the index. */
  public void clear() {
    try {
      withLock(() -> {
        for (BlockFile block : blocks()) {
          Files.deleteIfExists(block.path);
        }
        Files.deleteIfExists(root.resolve(INDEX));
        touched.clear();
        usedBytes.set(0);
        return null;
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear the cache directory " + root, e);
    }
  }

  /** Deletes every cached block of the file at {@code url}, of every version. */
  void drop(String url) throws IOException {
    Path urlDir = urlDirectory(url);
    withLock(() -> {
      deleteTree(urlDir);
      usedBytes.set(-1);
      return null;
    });
  }

  /**
   * The folder of one version of a remote file, with the folders of its other versions deleted.
   *
   * @param version what identifies the remote content (size, ETag, Last-Modified)
   */
  Path entry(String url, String version, int blockSize) throws IOException {
    Path urlDir = urlDirectory(url);
    String name = entryName(version, blockSize);
    Path entry = urlDir.resolve(name);
    Files.createDirectories(entry);
    List<Path> stale = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(urlDir, Files::isDirectory)) {
      for (Path child : children) {
        if (!child.getFileName().toString().equals(name)) {
          stale.add(child);
        }
      }
    }
    if (!stale.isEmpty()) {
      withLock(() -> {
        for (Path dir : stale) {
          deleteTree(dir);
        }
        usedBytes.set(-1);
        return null;
      });
    }
    if (!Files.exists(urlDir.resolve(URL_FILE))) {
      writeAtomically(urlDir, URL_FILE, url.getBytes(StandardCharsets.UTF_8));
    }
    if (!cachedVersion(url).equals(Optional.of(version))) {
      writeAtomically(urlDir, VERSION_FILE, version.getBytes(StandardCharsets.UTF_8));
    }
    return entry;
  }

  /**
   * The version of {@code url} whose blocks of {@code blockSize} this cache holds, if any: what a file
   * can be read as while its server cannot be reached.
   */
  Optional<String> cachedVersion(String url, int blockSize) {
    Optional<String> version = cachedVersion(url);
    return version.filter(v -> Files.isDirectory(urlDirectory(url).resolve(entryName(v, blockSize))));
  }

  private Optional<String> cachedVersion(String url) {
    try {
      return Optional.of(Files.readString(urlDirectory(url).resolve(VERSION_FILE), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String entryName(String version, int blockSize) {
    return sha256Hex(version.getBytes(StandardCharsets.UTF_8)).substring(0, 16) + "-" + blockSize;
  }

  /**
   * The verified bytes of block {@code index} of an entry, or {@code null} if the block is not cached
   * or was corrupt (then it is deleted).
   */
  byte[] read(Path entry, long index, int length) {
    Path path = entry.resolve(Long.toString(index));
    byte[] stored;
    try {
      stored = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      return discard(path);
    }
    if (stored.length != HASH + length
        || !MessageDigest.isEqual(Arrays.copyOf(stored, HASH), sha256(stored, HASH, length))) {
      return discard(path);
    }
    try {
      Files.setLastModifiedTime(path, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException e) {
      // evicted meanwhile: the bytes read are still whole and verified
    }
    touched.put(relative(path), epoch);
    stats.hit();
    return Arrays.copyOfRange(stored, HASH, stored.length);
  }

  /** Stores block {@code index} of an entry atomically, then evicts if the cache is over its limit. */
  void store(Path entry, long index, byte[] data, int length) throws IOException {
    byte[] file = new byte[HASH + length];
    System.arraycopy(sha256(data, 0, length), 0, file, 0, HASH);
    System.arraycopy(data, 0, file, HASH, length);
    Path path;
    try {
      path = writeAtomically(entry, Long.toString(index), file);
    } catch (NoSuchFileException e) {
      Files.createDirectories(entry);
      path = writeAtomically(entry, Long.toString(index), file);
    }
    touched.put(relative(path), epoch);
    long used = usedBytes.get();
    if (used < 0 || usedBytes.addAndGet(file.length) > config.maxBytes()) {
      enforceLimit();
    }
  }

  private byte[] discard(Path path) {
    stats.corrupt();
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // another process may hold it; the next read checks it again
    }
    return null;
  }

  private void enforceLimit() throws IOException {
    withLock(() -> {
      Index index = readIndex();
      index.merge(touched);
      index.epoch = Math.max(index.epoch, epoch);
      List<BlockFile> blocks = blocks();
      long total = blocks.stream().mapToLong(BlockFile::size).sum();
      if (total > config.maxBytes()) {
        long target = config.maxBytes() / 10 * 9;
        long protectedFrom = epoch - config.keepEpochs() + 1;
        blocks.sort(Comparator.comparing((BlockFile b) -> index.epochOf(relative(b.path)) >= protectedFrom)
            .thenComparingLong(BlockFile::modified));
        long evicted = 0;
        for (Iterator<BlockFile> it = blocks.iterator(); it.hasNext() && total > target; ) {
          BlockFile block = it.next();
          Files.deleteIfExists(block.path);
          touched.remove(relative(block.path));
          total -= block.size;
          evicted++;
          it.remove();
        }
        stats.evicted(evicted);
      }
      index.epochs.keySet().retainAll(blocks.stream().map(b -> relative(b.path)).collect(Collectors.toSet()));
      writeIndex(index);
      usedBytes.set(total);
      return null;
    });
  }

  /**
   * Every block file under the directory; stale temporary files are deleted on the way. Files that
   * vanish during the walk (other processes evict and rename too) are skipped.
   */
  private List<BlockFile> blocks() throws IOException {
    List<BlockFile> blocks = new ArrayList<>();
    long now = System.currentTimeMillis();
    Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), 3, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) throws IOException {
        if (!attributes.isRegularFile() || root.relativize(path).getNameCount() != 3) {
          return FileVisitResult.CONTINUE;
        }
        long modified = attributes.lastModifiedTime().toMillis();
        if (path.getFileName().toString().startsWith(TEMP_PREFIX)) {
          if (now - modified > STALE_TEMP_MILLIS) {
            Files.deleteIfExists(path);
          }
        } else {
          blocks.add(new BlockFile(path, attributes.size(), modified));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path path, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw e;
      }
    });
    return blocks;
  }

  private Path urlDirectory(String url) {
    return root.resolve(sha256Hex(url.getBytes(StandardCharsets.UTF_8)).substring(0, 32));
  }

  private String relative(Path path) {
    return root.relativize(path).toString();
  }

  private Path writeAtomically(Path dir, String name, byte[] bytes) throws IOException {
    Path temp = Files.createTempFile(dir, TEMP_PREFIX, "");
    try {
      Files.write(temp, bytes);
      Path target = dir.resolve(name);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the cache directory " + root + " does not support atomic renames", e);
      }
      return target;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private interface Locked<T> {
    T run() throws IOException;
  }

  /** Runs {@code action} holding the directory's lock: a JVM-wide monitor, then the file lock. */
  private <T> T withLock(Locked<T> action) throws IOException {
    Path lockFile = root.resolve(LOCK);
    synchronized (JVM_LOCKS.computeIfAbsent(lockFile, p -> new Object())) {
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        return action.run();
      }
    }
  }

  private Index readIndex() throws IOException {
    Index index = new Index();
    Path path = root.resolve(INDEX);
    if (!Files.exists(path)) {
      return index;
    }
    for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
      int space = line.lastIndexOf(' ');
      if (space <= 0) {
        continue;
      }
      try {
        long n = Long.parseLong(line.substring(space + 1));
        String key = line.substring(0, space);
        if (key.equals("epoch")) {
          index.epoch = n;
        } else {
          index.epochs.put(key, n);
        }
      } catch (NumberFormatException e) {
        // a damaged line: its block only loses its epoch
      }
    }
    return index;
  }

  private void writeIndex(Index index) throws IOException {
    StringBuilder text = new StringBuilder("epoch ").append(index.epoch).append('\n');
    index.epochs.forEach((key, n) -> text.append(key).append(' ').append(n).append('\n'));
    writeAtomically(root, INDEX, text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (NoSuchFileException e) {
      // already gone
    }
  }

  static byte[] sha256(byte[] bytes, int offset, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(ByteBuffer.wrap(bytes, offset, length));
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256(bytes, 0, bytes.length));
  }

  private record BlockFile(Path path, long size, long modified) {}

  /** The epoch index: the current epoch and the epoch each block was last touched in. */
  private static final class Index {
    long epoch;
    final Map<String, Long> epochs = new HashMap<>();

    void merge(Map<String, Long> more) {
      more.forEach((key, n) -> epochs.merge(key, n, Math::max));
    }

    long epochOf(String key) {
      return epochs.getOrDefault(key, Long.MIN_VALUE);
    }
  }

  @Override
  public String toString() {
    return "RemoteCache[" + root + ", epoch " + epoch + ", " + stats + "]";
  }
}
