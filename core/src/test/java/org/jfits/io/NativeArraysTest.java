package org.jfits.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class NativeArraysTest {
  /** Rows of the test arrays: with 1024 columns, at least 1 MiB for every type (BOOL and bytes too). */
  private static final int ROWS = 1100;
  private static final int COLUMNS = 1024;

  @Test
  void largeArraysOfEveryTypeHoldWhatIsWrittenIntoTheirMemory() {
    for (DataType type : new DataType[] {DataType.BOOL, DataType.BYTE, DataType.UBYTE, DataType.SHORT,
        DataType.UINT16, DataType.INT, DataType.UINT32, DataType.LONG, DataType.UINT64, DataType.FLOAT,
        DataType.DOUBLE}) {
      INDArray array = NativeArrays.uninitialized(type, ROWS, COLUMNS);
      assertEquals(type, array.dataType(), type.toString());
      assertArrayEquals(new long[] {ROWS, COLUMNS}, array.shape(), type.toString());
      assertArrayEquals(new long[] {COLUMNS, 1}, array.stride(), type.toString());
      assertFalse(array.isView(), type.toString());
      // element i holds i mod 100 (1 for BOOL where that is odd), plus the type's largest value at the end
      ByteBuffer bytes = window(array);
      int width = type.width();
      long n = (long) ROWS * COLUMNS;
      for (int i = 0; i < n; i++) {
        put(bytes, type, i * width, type == DataType.BOOL ? i % 2 : i % 100);
      }
      double last = largest(type);
      put(bytes, type, (int) ((n - 1) * width), last);
      assertEquals(type == DataType.BOOL ? 1.0 : 37.0, array.getDouble(0, 137), type.toString());
      assertEquals(type == DataType.BOOL ? 0.0 : 42.0, array.getDouble(1, 18), type.toString());
      assertEquals(last, array.getDouble(ROWS - 1, COLUMNS - 1), type.toString());
      if (type != DataType.BOOL) {
        // a row of a view, summed by ND4J's native code: 0..99 repeated, from element 5 * 1024
        INDArray row = array.get(NDArrayIndex.point(5), NDArrayIndex.interval(0, 100));
        assertEquals(expectedRowSum(5 * COLUMNS), row.castTo(DataType.DOUBLE).sumNumber().doubleValue(), type.toString());
      }
    }
  }

  @Test
  void theMemoryIsFreedWhenTheArrayIsUnreachable() throws Exception {
    long baseline = residentBytes();
    List<INDArray> arrays = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      INDArray array = NativeArrays.uninitialized(DataType.FLOAT, 64L << 20 >> 2);
      ByteBuffer bytes = window(array);
      for (int at = 0; at < bytes.capacity(); at += 4096) {
        bytes.put(at, (byte) 1);
      }
      arrays.add(array);
    }
    long held = residentBytes();
    assertTrue(held - baseline > 400L << 20, "512 MiB written, resident grew by " + (held - baseline));
    arrays.clear();
    long resident = held;
    for (int attempt = 0; attempt < 100 && resident - baseline > 128L << 20; attempt++) {
      System.gc();
      Thread.sleep(100);
      resident = residentBytes();
    }
    assertTrue(resident - baseline <= 128L << 20, "resident still " + (resident - baseline) + " bytes above the start");
  }

  private static ByteBuffer window(INDArray array) {
    long bytes = array.length() * array.dataType().width();
    return new BytePointer(array.data().addressPointer()).capacity(bytes).limit(bytes).asByteBuffer()
        .order(ByteOrder.nativeOrder());
  }

  private static void put(ByteBuffer bytes, DataType type, int at, double value) {
    switch (type) {
      case BOOL:
      case BYTE:
      case UBYTE:
        bytes.put(at, (byte) (long) value);
        break;
      case SHORT:
      case UINT16:
        bytes.putShort(at, (short) (long) value);
        break;
      case INT:
      case UINT32:
        bytes.putInt(at, (int) (long) value);
        break;
      case LONG:
      case UINT64:
        bytes.putLong(at, (long) value);
        break;
      case FLOAT:
        bytes.putFloat(at, (float) value);
        break;
      default:
        bytes.putDouble(at, value);
    }
  }

  private static double largest(DataType type) {
    switch (type) {
      case BOOL:
        return 1;
      case BYTE:
        return Byte.MAX_VALUE;
      case UBYTE:
        return 255;
      case SHORT:
        return Short.MAX_VALUE;
      case UINT16:
        return 65535;
      case INT:
        return Integer.MAX_VALUE;
      case UINT32:
        return 4294967295.0;
      case FLOAT:
        return Float.MAX_VALUE;
      case DOUBLE:
        return Double.MAX_VALUE;
      default:
        return 1L << 52;
    }
  }

  private static double expectedRowSum(int first) {
    double sum = 0;
    for (int i = first; i < first + 100; i++) {
      sum += i % 100;
    }
    return sum;
  }

  private static long residentBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
