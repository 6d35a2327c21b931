package org.jfits.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Exponential backoff with full jitter: each wait lies in [0, min(max, base * 2^(k-1))] and spans it. */
class RetryPolicyTest {
  @Test
  void backoffIsExponentialWithFullJitterAndCapped() {
    RetryPolicy policy = RetryPolicy.defaults().withBaseDelay(Duration.ofMillis(100))
        .withMaxDelay(Duration.ofMillis(1000));
    Random random = new Random(5);
    long[] caps = {100, 200, 400, 800, 1000, 1000, 1000};
    for (int retry = 1; retry <= caps.length; retry++) {
      long min = Long.MAX_VALUE;
      long max = 0;
      for (int i = 0; i < 2000; i++) {
        long wait = policy.backoffMillis(retry, random);
        min = Math.min(min, wait);
        max = Math.max(max, wait);
      }
      long cap = caps[retry - 1];
      assertTrue(min >= 0 && min < cap / 10, "retry " + retry + ": shortest wait " + min);
      assertTrue(max <= cap && max > cap * 9 / 10, "retry " + retry + ": longest wait " + max + ", cap " + cap);
    }
    long late = policy.backoffMillis(200, new Random(1));
    assertTrue(late >= 0 && late <= 1000, "no overflow for late retries: " + late);
  }

  @Test
  void refusesImpossibleSettings() {
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.defaults().withAttempts(0));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.defaults().withBudget(Duration.ofMillis(-1)));
    assertThrows(IllegalArgumentException.class, () -> RemoteOptions.defaults().withBlockSize(1000));
    assertThrows(IllegalArgumentException.class, () -> RemoteOptions.defaults().withBlockSize(3000));
    assertEquals(5760, RemoteOptions.defaults().withBlockSize(5760).blockSize());
  }
}
