package org.jfits.remote;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jfits.ErrorContext;
import org.jfits.FitsIOException;
import org.jfits.io.RandomAccessInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remote file read through HTTP range requests and the block cache.
 *
 * <p>The file is cut into aligned blocks of {@link RemoteOptions#blockSize()}. A read takes each block
 * it touches from the memory of this input, else from the cache (verified), and fetches the missing
 * ones: each run of consecutive missing blocks in one range request (two runs separated by at most
 * {@link RemoteOptions#coalesceBytes()} of cached blocks in one request), so reading a section fetches
 * the blocks around it and nothing else. Files up to {@link RemoteOptions#wholeFileBytes()} are fetched
 * whole on their first read. A server that ignores ranges sends the whole file on the first request;
 * every block of it is stored, so later reads are served from the cache. Threads that miss the same
 * block share one fetch: the first asks for it, the others wait for its bytes.
 */
final class RemoteInput implements RandomAccessInput {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteInput.class);
  /** Marks, in a read's blocks, one that another thread is fetching. */
  private static final byte[] PENDING = new byte[0];
  private final String name;
  private final HttpRanges http;
  private final RemoteCache cache;
  private final RemoteVersion version;
  private final Path entry;
  private final int blockSize;
  private final long blocks;
  private final boolean whole;
  private final Map<Long, byte[]> memory;
  private final int memoryBlocks;
  private final long coalesceBlocks;
  /**
   * Blocks a thread is fetching; other threads that miss them wait for these instead of asking again.
   * Guarded by itself, so that a read claims all its missing blocks at once.
   */
  private final Map<Long, CompletableFuture<byte[]>> inFlight = new HashMap<>();

  RemoteInput(URI uri, RemoteOptions options) {
    this.name = uri.toString();
    this.cache = options.cache();
    this.http = new HttpRanges(uri, options, cache.stats());
    this.blockSize = options.blockSize();
    this.version = version(http, cache, name, blockSize);
    this.blocks = (version.size() + blockSize - 1) / blockSize;
    this.whole = version.size() <= options.wholeFileBytes();
    this.memoryBlocks = options.memoryBlocks();
    this.coalesceBlocks = options.coalesceBytes() / blockSize;
    this.memory = new LinkedHashMap<>(16, 0.75f, true);
    try {
      this.entry = cache.entry(name, version.key(), blockSize);
    } catch (IOException e) {
      throw new FitsIOException(ErrorContext.file(name), "cannot use the cache in " + cache.config().directory(), e);
    }
  }

  /**
   * The version the server reports, or, when it cannot be reached, the version the cache holds, whose
   * cached blocks can then still be read (the others fail as fetches do).
   */
  private static RemoteVersion version(HttpRanges http, RemoteCache cache, String name, int blockSize) {
    try {
      return http.probe();
    } catch (FitsIOException e) {
      Optional<String> cached = HttpRanges.unreachable(e) ? cache.cachedVersion(name, blockSize) : Optional.empty();
      if (cached.isEmpty()) {
        throw e;
      }
      RemoteVersion version = RemoteVersion.ofKey(cached.get());
      LOG.warn("{}: the server cannot be reached; reading the cached copy ({})", name, version);
      return version;
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long size() {
    return version.size();
  }

  @Override
  public void read(ByteBuffer target, long position) throws IOException {
    long end = position + target.remaining();
    if (position < 0 || end > version.size()) {
      throw new EOFException("end of file at byte " + version.size() + ", " + (end - version.size()) + " bytes short");
    }
    if (position == end) {
      return;
    }
    long first = position / blockSize;
    long last = (end - 1) / blockSize;
    byte[][] found = new byte[(int) (last - first + 1)][];
    for (long b = first; b <= last; b++) {
      found[(int) (b - first)] = cached(b);
    }
    fetchMissing(found, first);
    for (long b = first; b <= last; b++) {
      byte[] block = found[(int) (b - first)];
      long blockStart = b * blockSize;
      int from = (int) (Math.max(position, blockStart) - blockStart);
      int to = (int) (Math.min(end, blockStart + block.length) - blockStart);
      target.put(block, from, to - from);
    }
  }

  /** Fetches every block of the file the cache lacks, in one request per run of missing blocks. */
  void fetchAll() throws IOException {
    byte[][] found = new byte[(int) blocks][];
    for (long b = 0; b < blocks; b++) {
      found[(int) b] = cached(b);
    }
    fetchMissing(found, 0);
  }

  /**
   * Fills the missing blocks of {@code found} (whose first element is block {@code first}): fetches
   * those no other thread is fetching, then waits for the others; one whose fetch failed elsewhere is
   * fetched here.
   */
  private void fetchMissing(byte[][] found, long first) throws IOException {
    Map<Integer, CompletableFuture<byte[]>> awaited = new HashMap<>();
    Map<Long, CompletableFuture<byte[]>> claimed = new HashMap<>();
    synchronized (inFlight) {
      for (int i = 0; i < found.length; i++) {
        if (found[i] == null) {
          CompletableFuture<byte[]> mine = new CompletableFuture<>();
          CompletableFuture<byte[]> other = inFlight.putIfAbsent(first + i, mine);
          if (other == null) {
            claimed.put(first + i, mine);
          } else {
            awaited.put(i, other);
            found[i] = PENDING;
          }
        }
      }
    }
    try {
      fetchRuns(found, first);
    } finally {
      IOException notFetched = new IOException("the fetch of " + name + " that another read waited for failed");
      synchronized (inFlight) {
        claimed.forEach(inFlight::remove);
      }
      claimed.values().forEach(mine -> mine.completeExceptionally(notFetched));
    }
    boolean failedElsewhere = false;
    for (Map.Entry<Integer, CompletableFuture<byte[]>> e : awaited.entrySet()) {
      byte[] block = await(e.getValue());
      found[e.getKey()] = block;
      failedElsewhere |= block == null;
    }
    if (failedElsewhere) {
      fetchRuns(found, first);
    }
  }

  /** The bytes of a block another thread is fetching, or {@code null} if its fetch failed. */
  private static byte[] await(CompletableFuture<byte[]> fetching) throws IOException {
    try {
      return fetching.get();
    } catch (ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a block");
    }
  }

  /** Fetches the missing blocks of {@code found}, leaving those marked {@link #PENDING} alone. */
  private void fetchRuns(byte[][] found, long first) throws IOException {
    if (whole && hasGap(found)) {
      found = wholeFile(found, first);
    }
    int i = 0;
    while (i < found.length) {
      if (found[i] != null) {
        i++;
        continue;
      }
      int j = endOfRun(found, i);
      for (int next = nextMissing(found, j); next < found.length && next - j <= coalesceBlocks;
          next = nextMissing(found, j)) {
        j = endOfRun(found, next);
      }
      fetch(first + i, first + j, found, first);
      i = j;
    }
  }

  /** The index of the first missing block from {@code i} on, or the length if there is none. */
  private static int nextMissing(byte[][] found, int i) {
    int j = i;
    while (j < found.length && found[j] != null) {
      j++;
    }
    return j;
  }

  /** The index after the run of missing blocks that starts at {@code i}. */
  private static int endOfRun(byte[][] found, int i) {
    int j = i;
    while (j < found.length && found[j] == null) {
      j++;
    }
    return j;
  }

  /** A view of every block of the file, with those of {@code found} in their places. */
  private byte[][] wholeFile(byte[][] found, long first) throws IOException {
    byte[][] all = new byte[(int) blocks][];
    for (long b = 0; b < blocks; b++) {
      all[(int) b] = b >= first && b < first + found.length ? found[(int) (b - first)] : cached(b);
    }
    fetchMissingInto(all);
    System.arraycopy(all, (int) first, found, 0, found.length);
    return found;
  }

  private void fetchMissingInto(byte[][] all) throws IOException {
    int lo = 0;
    while (lo < all.length && all[lo] != null) {
      lo++;
    }
    int hi = all.length;
    while (hi > lo && all[hi - 1] != null) {
      hi--;
    }
    if (lo < hi) {
      fetch(lo, hi, all, 0);
    }
  }

  private static boolean hasGap(byte[][] found) {
    for (byte[] b : found) {
      if (b == null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Fetches blocks {@code [from, to)} and puts them into {@code found} (whose first element is block
   * {@code first}); other blocks that arrive (a server that ignores ranges) go to the cache only.
   */
  private void fetch(long from, long to, byte[][] found, long first) throws IOException {
    BlockAssembler assembler = new BlockAssembler(from, found, first);
    try {
      http.fetch(from * blockSize, Math.min(to * blockSize, version.size()), version, assembler);
    } catch (HttpRanges.RemoteChangedException e) {
      cache.drop(name);
      synchronized (memory) {
        memory.clear();
      }
      throw new FitsIOException(ErrorContext.file(name).withOffset(from * blockSize),
          "its cached blocks were dropped; open it again", e);
    }
    assembler.finish(from, to);
  }

  private byte[] cached(long index) {
    synchronized (memory) {
      byte[] block = memory.get(index);
      if (block != null) {
        cache.stats().memoryHit();
        return block;
      }
    }
    byte[] block = cache.read(entry, index, blockLength(index));
    if (block != null) {
      remember(index, block);
    }
    return block;
  }

  private void remember(long index, byte[] block) {
    if (memoryBlocks == 0) {
      return;
    }
    synchronized (memory) {
      memory.put(index, block);
      if (memory.size() > memoryBlocks) {
        memory.remove(memory.keySet().iterator().next());
      }
    }
  }

  private int blockLength(long index) {
    return (int) Math.min(blockSize, version.size() - index * blockSize);
  }

  @Override
  public void close() {
    synchronized (memory) {
      memory.clear();
    }
  }

  @Override
  public String toString() {
    return "RemoteInput[" + name + ", " + version + "]";
  }

  /** Cuts the bytes of a response into blocks and stores each whole block as it completes. */
  private final class BlockAssembler implements HttpRanges.Sink {
    private final byte[][] found;
    private final long first;
    private long index;
    private byte[] block;
    private int filled;

    BlockAssembler(long index, byte[][] found, long first) {
      this.index = index;
      this.found = found;
      this.first = first;
    }

    @Override
    public void accept(long offset, byte[] bytes, int from, int length) throws IOException {
      if (block != null && offset != index * blockSize + filled) {
        throw new IOException("bytes of " + name + " arrived out of order: " + offset + " after "
            + (index * blockSize + filled));
      }
      if (block == null) {
        index = offset / blockSize;
        filled = (int) (offset - index * blockSize);
        block = new byte[blockLength(index)];
      }
      while (length > 0) {
        int n = Math.min(length, block.length - filled);
        System.arraycopy(bytes, from, block, filled, n);
        filled += n;
        from += n;
        length -= n;
        if (filled == block.length) {
          complete();
          index++;
          filled = 0;
          block = index < blocks ? new byte[blockLength(index)] : null;
        }
      }
    }

    private void complete() {
      boolean wanted = index >= first && index < first + found.length;
      if (wanted && found[(int) (index - first)] != null) {
        return;
      }
      cache.stats().miss();
      try {
        cache.store(entry, index, block, block.length);
      } catch (IOException e) {
        LOG.warn("{}: block {} is served but not cached: {}", name, index, e.toString());
      }
      remember(index, block);
      if (wanted) {
        found[(int) (index - first)] = block;
      }
      CompletableFuture<byte[]> waiting;
      synchronized (inFlight) {
        waiting = inFlight.get(index);
      }
      if (waiting != null) {
        waiting.complete(block);
      }
    }

    /** Checks that blocks {@code [from, to)} all arrived. */
    void finish(long from, long to) throws IOException {
      for (long b = from; b < to; b++) {
        if (b >= first && b < first + found.length && found[(int) (b - first)] == null) {
          throw new IOException("block " + b + " of " + name + " did not arrive");
        }
      }
    }
  }
}
