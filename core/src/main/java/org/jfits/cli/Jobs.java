package org.jfits.cli;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one command over many files on {@code -J} worker threads and hands the results over in the
 * order of the files, each as soon as it and those before it are done; a file that fails does not
 * stop the others. With a progress line (on a terminal) it counts the files done on stderr.
 */
final class Jobs {
  private Jobs() {}

  /** What one file gave: a value, or the error that stopped it. */
  record Outcome<R>(String file, R value, RuntimeException error) {}

  static <R> void run(List<String> files, int workers, boolean progress, PrintStream err, Function<String, R> work,
      Consumer<Outcome<R>> sink) {
    if (workers < 1) {
      throw new Main.UsageException("-J needs 1 or more workers, not " + workers);
    }
    boolean showProgress = progress && files.size() > 1;
    if (workers == 1) {
      for (int i = 0; i < files.size(); i++) {
        sink.accept(attempt(files.get(i), work));
        tick(showProgress, err, i + 1, files.size());
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
        Thread t = new Thread(r, "jfits-job");
        t.setDaemon(true);
        return t;
      });
      try {
        Deque<Future<Outcome<R>>> inFlight = new ArrayDeque<>();
        int next = 0;
        for (int done = 0; done < files.size(); done++) {
          while (next < files.size() && inFlight.size() < 4 * workers) {
            String file = files.get(next++);
            inFlight.add(pool.submit(() -> attempt(file, work)));
          }
          sink.accept(get(inFlight.removeFirst()));
          tick(showProgress, err, done + 1, files.size());
        }
      } finally {
        pool.shutdownNow();
      }
    }
    if (showProgress) {
      err.print("\r" + " ".repeat(40) + "\r");
      err.flush();
    }
  }

  private static <R> Outcome<R> attempt(String file, Function<String, R> work) {
    try {
      return new Outcome<>(file, work.apply(file), null);
    } catch (RuntimeException e) {
      return new Outcome<>(file, null, e);
    }
  }

  private static <R> Outcome<R> get(Future<Outcome<R>> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static void tick(boolean show, PrintStream err, int done, int total) {
    if (show) {
      int width = 20;
      int filled = (int) ((long) done * width / total);
      err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " files");
      err.flush();
    }
  }
}
