package org.jfits.remote;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * How often and how patiently a failed HTTP request is tried again: at most {@link #attempts()}
 * tries, separated by exponential backoff with full jitter (a random wait between 0 and
 * {@code min(maxDelay, baseDelay * 2^k)} before retry {@code k + 1}), and never past a total time
 * {@link #budget()} counted from the first try. A resumed body (a retry after part of it arrived)
 * counts as a retry. Immutable; the {@code with…} methods return changed copies.
 */
public final class RetryPolicy {
  private final int attempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration budget;

  private RetryPolicy(int attempts, Duration baseDelay, Duration maxDelay, Duration budget) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
    }
    this.attempts = attempts;
    this.baseDelay = requirePositive(baseDelay, "baseDelay");
    this.maxDelay = requirePositive(maxDelay, "maxDelay");
    this.budget = requirePositive(budget, "budget");
  }

  /** 6 attempts, 200 ms base delay, 10 s maximum delay, 2 minutes in all. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofMinutes(2));
  }

  /** The same policy with at most {@code n} tries of one request (1: no retry). */
  public RetryPolicy withAttempts(int n) {
    return new RetryPolicy(n, baseDelay, maxDelay, budget);
  }

  /** The same policy with the first backoff drawn from [0, {@code delay}]. */
  public RetryPolicy withBaseDelay(Duration delay) {
    return new RetryPolicy(attempts, delay, maxDelay, budget);
  }

  /** The same policy with no backoff longer than {@code delay}. */
  public RetryPolicy withMaxDelay(Duration delay) {
    return new RetryPolicy(attempts, baseDelay, delay, budget);
  }

  /** The same policy giving up once {@code total} has passed since the first try. */
  public RetryPolicy withBudget(Duration total) {
    return new RetryPolicy(attempts, baseDelay, maxDelay, total);
  }

  /** The most tries of one request. */
  public int attempts() {
    return attempts;
  }

  /** The cap of the first backoff. */
  public Duration baseDelay() {
    return baseDelay;
  }

  /** The cap of every backoff. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** The total time after which no retry starts. */
  public Duration budget() {
    return budget;
  }

  /** The wait in milliseconds before retry number {@code retry} (1 for the first retry). */
  long backoffMillis(int retry, Random random) {
    long cap = baseDelay.toMillis() << Math.min(retry - 1, 30);
    cap = Math.min(cap < 0 ? Long.MAX_VALUE : cap, maxDelay.toMillis());
    return cap <= 0 ? 0 : (long) (random.nextDouble() * (cap + 1));
  }

  private static Duration requirePositive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative: " + d);
    }
    return d;
  }

  @Override
  public String toString() {
    return "RetryPolicy[attempts=" + attempts + ", base=" + baseDelay + ", max=" + maxDelay + ", budget=" + budget
        + "]";
  }
}
