package org.jfits.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The transforms on small samples whose results are written out by hand. */
class TransformsTest {
  /** Two channels of 2 x 3: channel 0 is 0..5, channel 1 is 10..15. */
  private static Sample sample() {
    float[] p = {0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15};
    return new Sample(p, 2, 2, 3, new float[] {1});
  }

  @Test
  void cropsFlipsAndRotationsMoveEveryChannelAlike() {
    Sample centre = Transforms.centerCrop(1, 1).apply(sample(), new SplittableRandom(0));
    assertArrayEquals(new float[] {1, 11}, centre.pixels());

    Set<String> flips = new HashSet<>();
    for (int seed = 0; seed < 64; seed++) {
      flips.add(java.util.Arrays.toString(Transforms.randomFlip().apply(sample(), new SplittableRandom(seed)).pixels()));
    }
    assertEquals(Set.of("[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0]",
        "[2.0, 1.0, 0.0, 5.0, 4.0, 3.0, 12.0, 11.0, 10.0, 15.0, 14.0, 13.0]",
        "[3.0, 4.0, 5.0, 0.0, 1.0, 2.0, 13.0, 14.0, 15.0, 10.0, 11.0, 12.0]",
        "[5.0, 4.0, 3.0, 2.0, 1.0, 0.0, 15.0, 14.0, 13.0, 12.0, 11.0, 10.0]"), flips);

    Set<String> rotations = new HashSet<>();
    for (int seed = 0; seed < 64; seed++) {
      Sample square = new Sample(new float[] {1, 2, 3, 4}, 1, 2, 2, new float[0]);
      rotations.add(java.util.Arrays.toString(Transforms.randomRotate90().apply(square, new SplittableRandom(seed))
          .pixels()));
    }
    // numpy.rot90 of [[1, 2], [3, 4]] with k = 0, 1, 2, 3
    assertEquals(Set.of("[1.0, 2.0, 3.0, 4.0]", "[2.0, 4.0, 1.0, 3.0]", "[4.0, 3.0, 2.0, 1.0]",
        "[3.0, 1.0, 4.0, 2.0]"), rotations);

    Set<String> crops = new HashSet<>();
    for (int seed = 0; seed < 64; seed++) {
      Sample c = Transforms.randomCrop(2, 2).apply(sample(), new SplittableRandom(seed));
      assertEquals(2, c.width());
      crops.add(java.util.Arrays.toString(c.pixels()));
    }
    assertEquals(Set.of("[0.0, 1.0, 3.0, 4.0, 10.0, 11.0, 13.0, 14.0]", "[1.0, 2.0, 4.0, 5.0, 11.0, 12.0, 14.0, 15.0]"),
        crops);
    assertThrows(IllegalArgumentException.class, () -> Transforms.randomCrop(3, 3).apply(sample(),
        new SplittableRandom(0)));
  }

  @Test
  void valueTransformsFollowTheirFormulas() {
    Sample s = new Sample(new float[] {Float.NaN, 2, 4, 6}, 1, 2, 2, new float[0]);
    Transforms.nanTo(0).then(Transforms.standardize()).apply(s, new SplittableRandom(0));
    // 0, 2, 4, 6: mean 3, population std sqrt(5)
    double sd = Math.sqrt(5);
    assertArrayEquals(new float[] {(float) (-3 / sd), (float) (-1 / sd), (float) (1 / sd), (float) (3 / sd)},
        s.pixels(), 1e-6f);

    Sample m = new Sample(new float[] {Float.NaN, 2, 4, 6}, 1, 2, 2, new float[0]);
    Transforms.minMax().apply(m, new SplittableRandom(0));
    assertArrayEquals(new float[] {Float.NaN, 0, 0.5f, 1}, m.pixels(), 1e-6f);

    Sample a = new Sample(new float[] {-1, 0, 0.5f, 100}, 1, 1, 4, new float[0]);
    Transforms.asinh(0.5).then(Transforms.clip(-1, 4)).apply(a, new SplittableRandom(0));
    assertArrayEquals(new float[] {-1, 0, (float) 0.881373587, (float) Math.min(4, 5.991470797)}, a.pixels(), 1e-6f);

    Sample l = new Sample(new float[] {9, 99, -1}, 1, 1, 3, new float[0]);
    Transforms.log10(1).then(Transforms.normalize(1, 2)).apply(l, new SplittableRandom(0));
    assertArrayEquals(new float[] {0, 0.5f, (float) ((Math.log10(Float.MIN_NORMAL) - 1) / 2)}, l.pixels(), 1e-6f);
  }
}
