package org.jfits.dataset;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The batches of one epoch, in the dataset's order for that epoch, loaded ahead on background
 * threads as {@link Prefetch} says. Batches come out in order whatever thread loaded them, so a seed
 * gives the same batches with any prefetch setting. Close it to stop the threads early.
 */
public final class BatchStream implements Iterator<Batch>, AutoCloseable {
  private static final AtomicInteger STREAMS = new AtomicInteger();

  private final FitsDataset dataset;
  private final int[] order;
  private final int batchSize;
  private final int batchCount;
  private final int epoch;
  private final ExecutorService loaders;
  private final Deque<Future<Batch>> inFlight = new ArrayDeque<>();
  private final int depth;
  private int submitted;
  private int delivered;

  BatchStream(FitsDataset dataset, int batchSize, boolean dropLast, int epoch, Prefetch prefetch) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be 1 or more: " + batchSize);
    }
    this.dataset = dataset;
    this.order = dataset.order(epoch);
    this.batchSize = batchSize;
    this.batchCount = dropLast ? order.length / batchSize : (order.length + batchSize - 1) / batchSize;
    this.epoch = epoch;
    this.depth = prefetch.depth();
    int stream = STREAMS.incrementAndGet();
    AtomicInteger threadNumber = new AtomicInteger();
    this.loaders = depth == 0 ? null : Executors.newFixedThreadPool(prefetch.threads(), r -> {
      Thread t = new Thread(r, "jfits-dataset-" + stream + "-" + threadNumber.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    fill();
  }

  /** The epoch these batches belong to. */
  public int epoch() {
    return epoch;
  }

  /** The number of batches in the epoch. */
  public int batchCount() {
    return batchCount;
  }

  @Override
  public boolean hasNext() {
    return delivered < batchCount;
  }

  @Override
  public Batch next() {
    if (!hasNext()) {
      throw new NoSuchElementException("epoch " + epoch + " has " + batchCount + " batches");
    }
    Batch batch;
    if (loaders == null) {
      batch = load(delivered);
    } else {
      Future<Batch> head = inFlight.removeFirst();
      try {
        batch = head.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException("interrupted while waiting for batch " + delivered, e);
      } catch (ExecutionException e) {
        close();
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      }
    }
    delivered++;
    fill();
    return batch;
  }

  private void fill() {
    while (loaders != null && submitted < batchCount && inFlight.size() < depth) {
      int b = submitted++;
      inFlight.addLast(loaders.submit(() -> load(b)));
    }
  }

  private Batch load(int batch) {
    int from = batch * batchSize;
    int[] indices = Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
    Sample first = null;
    float[] features = null;
    float[] labels = null;
    for (int i = 0; i < indices.length; i++) {
      Sample s = dataset.sample(indices[i], epoch);
      if (first == null) {
        first = s;
        features = new float[indices.length * s.pixels().length];
        labels = new float[indices.length * s.label().length];
      } else if (s.channels() != first.channels() || s.height() != first.height() || s.width() != first.width()
          || s.label().length != first.label().length) {
        throw new IllegalStateException("sample " + indices[i] + " (" + dataset.describe(indices[i]) + ") is "
            + shape(s) + " but sample " + indices[0] + " is " + shape(first)
            + ": a batch needs samples of one shape (crop them, e.g. Transforms.centerCrop)");
      }
      System.arraycopy(s.pixels(), 0, features, i * s.pixels().length, s.pixels().length);
      System.arraycopy(s.label(), 0, labels, i * s.label().length, s.label().length);
    }
    long b = indices.length;
    long[] featureShape = dataset.vectorSamples() ? new long[] {b, first.width()}
        : new long[] {b, first.channels(), first.height(), first.width()};
    return new Batch(features, featureShape, labels, new long[] {b, first.label().length}, indices);
  }

  private static String shape(Sample s) {
    return s.channels() + " x " + s.height() + " x " + s.width() + " with a label of " + s.label().length;
  }

  @Override
  public void close() {
    if (loaders != null) {
      loaders.shutdownNow();
      inFlight.forEach(f -> f.cancel(true));
      inFlight.clear();
    }
  }
}
