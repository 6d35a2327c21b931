package org.jfits.notebook;

/** Python slices in magic options: {@code 10:20}, {@code :20}, {@code 10:}, {@code :}; no steps, no negatives. */
final class Slices {
  private Slices() {}

  /** {@code [start, stop)} of slice {@code text} along an axis of {@code size}; stop clipped as Python does. */
  static long[] parse(String text, long size, String command) {
    String[] parts = text.strip().split(":", -1);
    if (parts.length != 2) {
      throw new FitsMagicException(command + ": '" + text + "' is not a slice START:STOP");
    }
    long start = bound(parts[0], 0, text, command);
    long stop = Math.min(size, bound(parts[1], size, text, command));
    if (start > stop) {
      throw new FitsMagicException(command + ": slice '" + text + "' is empty or outside 0:" + size);
    }
    return new long[] {start, stop};
  }

  /**
   * The section {@code y0:y1,x0:x1} (one slice per axis, numpy order) of an array of {@code shape}, as
   * {@code [start[], shape[]]}.
   */
  static long[][] section(String text, long[] shape, String command) {
    String[] slices = text.split(",", -1);
    if (slices.length != shape.length) {
      throw new FitsMagicException(command + ": section '" + text + "' has " + slices.length
          + " slices but the image has " + shape.length + " axes " + java.util.Arrays.toString(shape));
    }
    long[] start = new long[shape.length];
    long[] count = new long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      long[] range = parse(slices[i], shape[i], command);
      start[i] = range[0];
      count[i] = range[1] - range[0];
    }
    return new long[][] {start, count};
  }

  private static long bound(String text, long fallback, String slice, String command) {
    String t = text.strip();
    if (t.isEmpty()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(t);
      if (value < 0) {
        throw new FitsMagicException(command + ": negative index in '" + slice + "'; write positions from 0");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new FitsMagicException(command + ": '" + t + "' in '" + slice + "' is not an integer");
    }
  }
}
