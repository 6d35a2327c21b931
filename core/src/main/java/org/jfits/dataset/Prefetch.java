package org.jfits.dataset;

/**
 * How batches are loaded ahead of the training loop: {@code depth} batches in flight on
 * {@code threads} background threads. Depth 0 loads each batch when it is asked for, in the caller's
 * thread. Loading is mostly reading files (and waiting for remote ones), so more threads than cores
 * can pay off for remote data.
 *
 * @param depth batches loaded ahead, 0 for none
 * @param threads loading threads, at least 1 when {@code depth > 0}
 */
public record Prefetch(int depth, int threads) {
  /** No background loading. */
  public static final Prefetch NONE = new Prefetch(0, 0);

  public Prefetch {
    if (depth < 0 || threads < 0 || (depth > 0 && threads < 1)) {
      throw new IllegalArgumentException("prefetch depth " + depth + " with " + threads + " threads");
    }
  }

  /** Two batches per thread ahead on {@code min(4, cores)} threads. */
  public static Prefetch defaults() {
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    return new Prefetch(2 * threads, threads);
  }
}
