package org.jfits.table;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * Splits a range into contiguous slices of near-equal size and runs one task per slice on the common
 * fork-join pool, the calling thread taking part; one slice runs on the calling thread alone.
 */
final class Slices {
  /** The work done on one slice {@code [from, to)}. */
  @FunctionalInterface
  interface Work {
    void run(long from, long to);
  }

  private Slices() {}

  /** Runs {@code work} over {@code [start, stop)} in {@code slices} slices and returns when all are done. */
  static void run(long start, long stop, int slices, Work work) {
    if (slices <= 1) {
      work.run(start, stop);
      return;
    }
    List<RecursiveAction> tasks = new ArrayList<>(slices);
    long length = stop - start;
    for (int i = 0; i < slices; i++) {
      long from = start + length * i / slices;
      long to = start + length * (i + 1) / slices;
      tasks.add(new RecursiveAction() {
        @Override
        protected void compute() {
          work.run(from, to);
        }
      });
    }
    ForkJoinTask.invokeAll(tasks);
  }
}
