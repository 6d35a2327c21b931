package org.jfits.remote;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of a {@link RemoteCache} and the HTTP reads that fill it, for tests, benchmarks and
 * tuning. Live values, safe to read from any thread; {@link #reset()} sets them to zero.
 *
 * <p>A <em>hit</em> is a block served from the cache directory after its SHA-256 was verified; a
 * <em>memory hit</em> one served from the few blocks an open file keeps in memory; a <em>miss</em> a
 * block that had to be fetched. Header scans read many small pieces of one block and count many
 * memory hits; hit rates are best taken as {@code hits / (hits + misses)}.
 */
public final class RemoteStats {
  private final LongAdder hits = new LongAdder();
  private final LongAdder memoryHits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder requests = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder bytesFetched = new LongAdder();
  private final LongAdder corruptBlocks = new LongAdder();
  private final LongAdder evictedBlocks = new LongAdder();

  RemoteStats() {}

  /** Blocks served from disk, verified. */
  public long hits() {
    return hits.sum();
  }

  /** Blocks served from the memory of an open file. */
  public long memoryHits() {
    return memoryHits.sum();
  }

  /** Blocks fetched over HTTP because the cache did not hold them (or held them corrupt). */
  public long misses() {
    return misses.sum();
  }

  /** HTTP requests sent, retries included. */
  public long requests() {
    return requests.sum();
  }

  /** HTTP requests that were tries after a failure (errors, timeouts, short or wrong bodies). */
  public long retries() {
    return retries.sum();
  }

  /** Body bytes received and accepted. */
  public long bytesFetched() {
    return bytesFetched.sum();
  }

  /** Cached blocks whose SHA-256 or length was wrong: deleted and fetched again. */
  public long corruptBlocks() {
    return corruptBlocks.sum();
  }

  /** Blocks deleted to keep the cache under its size limit. */
  public long evictedBlocks() {
    return evictedBlocks.sum();
  }

  /** Sets every counter to zero. */
  public void reset() {
    for (LongAdder a : new LongAdder[] {hits, memoryHits, misses, requests, retries, bytesFetched, corruptBlocks,
        evictedBlocks}) {
      a.reset();
    }
  }

  void hit() {
    hits.increment();
  }

  void memoryHit() {
    memoryHits.increment();
  }

  void miss() {
    misses.increment();
  }

  void request() {
    requests.increment();
  }

  void retry() {
    retries.increment();
  }

  void fetched(long bytes) {
    bytesFetched.add(bytes);
  }

  void corrupt() {
    corruptBlocks.increment();
  }

  void evicted(long blocks) {
    evictedBlocks.add(blocks);
  }

  @Override
  public String toString() {
    return "hits=" + hits() + " memoryHits=" + memoryHits() + " misses=" + misses() + " requests=" + requests()
        + " retries=" + retries() + " bytesFetched=" + bytesFetched() + " corrupt=" + corruptBlocks()
        + " evicted=" + evictedBlocks();
  }
}
