package org.jfits.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The noise estimate behind the quantisation step, against sorting and Gaussian statistics. */
class QuantizerTest {
  @Test
  void selectionFindsTheKthSmallestAsSortingDoes() {
    Random random = new Random(11);
    for (int trial = 0; trial < 500; trial++) {
      int n = 1 + random.nextInt(200);
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = random.nextInt(trial % 2 == 0 ? 5 : 1000); // many ties in half the trials
      }
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      int k = random.nextInt(n);
      assertEquals(sorted[k], Quantizer.select(values.clone(), n, k), "trial " + trial);
    }
  }

  @Test
  void noiseOfGaussianPixelsIsTheirSigma() {
    Random random = new Random(12);
    int width = 1000;
    int rows = 50;
    double[] values = new double[width * rows];
    for (int i = 0; i < values.length; i++) {
      values[i] = 300 + 0.01 * i + 7 * random.nextGaussian(); // a slope does not count as noise
    }
    values[17] = Double.NaN;
    assertEquals(7, Quantizer.noise(values, values.length, width), 0.2);
    double[] constant = new double[100];
    Arrays.fill(constant, 4.5);
    assertEquals(0, Quantizer.noise(constant, 100, 10));
  }
}
