package org.jfits.image;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jfits.io.NativeArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The arrays a cutout read fills, and for each box its slabs: the bytes of each of its planes
 * ({@code height * width} elements), native order. Boxes of one size share one stacked array
 * {@code [N, ...]}, cutout {@code i} at index {@code i}; otherwise each box gets its own array.
 */
final class CutoutTargets {
  private final INDArray stacked;
  private final List<INDArray> arrays;
  private final List<ByteBuffer[]> slabs;

  /**
   * @param shape the shape of one box's cutout
   * @param planes planes per cutout
   * @param stack whether boxes of one size go into one stacked array
   */
  CutoutTargets(List<Box> boxes, Function<Box, long[]> shape, DataType type, int planes, boolean stack) {
    Box first = boxes.get(0);
    boolean uniform = stack && boxes.stream().allMatch(b -> b.width() == first.width() && b.height() == first.height());
    slabs = new ArrayList<>(boxes.size());
    if (uniform) {
      long[] one = shape.apply(first);
      long[] all = new long[one.length + 1];
      all[0] = boxes.size();
      System.arraycopy(one, 0, all, 1, one.length);
      stacked = NativeArrays.uninitialized(type, all);
      arrays = null;
      Memory memory = new Memory(stacked);
      long plane = (long) first.width() * first.height() * type.width();
      for (int i = 0; i < boxes.size(); i++) {
        slabs.add(memory.slabs((long) i * planes * plane, planes, plane));
      }
    } else {
      stacked = null;
      List<INDArray> own = new ArrayList<>(boxes.size());
      for (Box box : boxes) {
        INDArray array = NativeArrays.uninitialized(type, shape.apply(box));
        slabs.add(new Memory(array).slabs(0, planes, (long) box.width() * box.height() * type.width()));
        own.add(array);
      }
      arrays = List.copyOf(own);
    }
  }

  /** The stacked array, or null when each box has its own. */
  INDArray stacked() {
    return stacked;
  }

  /** One array per box, or null when they are stacked. */
  List<INDArray> arrays() {
    return arrays;
  }

  /** The slabs of box {@code i}, one per plane. */
  ByteBuffer[] slabs(int i) {
    return slabs.get(i);
  }

  /** An array's memory: one buffer over all of it when it is under 2 GiB, windows otherwise. */
  private static final class Memory {
    private final NativeWindow window;
    private final ByteBuffer whole;

    Memory(INDArray array) {
      window = new NativeWindow(array);
      long bytes = array.length() * array.dataType().width();
      whole = bytes <= Integer.MAX_VALUE ? window.bytes(0, (int) bytes) : null;
    }

    /** {@code count} consecutive slabs of {@code bytes} (at most 2 GiB) each from byte {@code offset}. */
    ByteBuffer[] slabs(long offset, int count, long bytes) {
      ByteBuffer[] slabs = new ByteBuffer[count];
      for (int q = 0; q < count; q++) {
        long at = offset + q * bytes;
        slabs[q] = whole != null ? whole.slice((int) at, (int) bytes) : window.bytes(at, (int) bytes);
      }
      return slabs;
    }
  }
}
