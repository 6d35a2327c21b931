package org.jfits.compress;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Synthetic images for compression tests: smooth sky, noise, outliers over the whole type range, masks. */
final class TestImages {
  private TestImages() {}

  /** The smallest and largest value of an integer type. */
  static long[] range(DataType type) {
    return switch (type) {
      case BYTE -> new long[] {-128, 127};
      case UBYTE -> new long[] {0, 255};
      case SHORT -> new long[] {-32768, 32767};
      case UINT16 -> new long[] {0, 65535};
      case INT -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
      case UINT32 -> new long[] {0, 4294967295L};
      default -> throw new IllegalArgumentException(type.toString());
    };
  }

  /**
   * An integer image: a gradient plus noise around the middle of the type's range, 3% of pixels
   * anywhere in the range (so pixel differences overflow the type), and the two extremes.
   */
  static INDArray integers(DataType type, long seed, long... shape) {
    long[] range = range(type);
    Random random = new Random(seed);
    long n = length(shape);
    long[] values = new long[(int) n];
    double middle = (range[0] + (double) range[1]) / 2;
    double spread = Math.min(1000, (range[1] - (double) range[0]) / 8);
    for (int i = 0; i < n; i++) {
      double v = middle + spread * Math.sin(i * 0.01) + random.nextGaussian() * spread / 10;
      values[i] = random.nextInt(100) < 3 ? range[0] + (long) (random.nextDouble() * (range[1] - range[0]))
          : Math.max(range[0], Math.min(range[1], Math.round(v)));
    }
    values[0] = range[1];
    values[(int) n - 1] = range[0];
    return Nd4j.createFromArray(values).castTo(type).reshape(shape);
  }

  /** Integers from 0 to {@code max}: runs of zeros and of values, short and long, as a mask. */
  static INDArray mask(DataType type, int max, long seed, long... shape) {
    Random random = new Random(seed);
    int n = (int) length(shape);
    long[] values = new long[n];
    int i = 0;
    while (i < n) {
      int run = random.nextInt(10) == 0 ? 4000 + random.nextInt(9000)
          : 1 + random.nextInt(random.nextBoolean() ? 3 : 40);
      long value = random.nextInt(3) == 0 ? 0 : random.nextBoolean() ? random.nextInt(Math.min(max, 20) + 1)
          : random.nextInt(max + 1);
      for (int j = 0; j < run && i < n; j++) {
        values[i++] = value;
      }
    }
    values[n - 1] = max;
    return Nd4j.createFromArray(values).castTo(type).reshape(shape);
  }

  /** A floating-point sky: background, a few Gaussian sources, noise of sigma 2. */
  static INDArray sky(DataType type, long seed, long... shape) {
    Random random = new Random(seed);
    int n = (int) length(shape);
    double[] values = new double[n];
    long width = shape[shape.length - 1];
    for (int i = 0; i < n; i++) {
      double x = i % width;
      double y = i / width;
      double source = 500 * Math.exp(-((x - 20) * (x - 20) + (y - 15) * (y - 15)) / 20.0);
      values[i] = 100 + source + 2 * random.nextGaussian();
    }
    return Nd4j.createFromArray(values).castTo(type).reshape(shape);
  }

  private static long length(long[] shape) {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    return n;
  }
}
