package org.jfits.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jfits.image.NativeWindow;
import org.jfits.io.AtomicOutput;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes an ND4J array as a NumPy {@code .npy} file (format version 1.0, 'c' order, the machine's
 * little-endian byte order).
 * The file is written to a temporary sibling and renamed into place, so an existing file is replaced
 * only by a complete one.
 */
final class NpyWriter {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
  private static final int ALIGNMENT = 64;
  private static final int WINDOW = 1 << 26;

  private NpyWriter() {}

  static void write(INDArray array, Path target) throws IOException {
    INDArray data = array.isView() || array.ordering() != 'c' ? array.dup('c') : array;
    AtomicOutput.write(target, temp -> {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        out.write(ByteBuffer.wrap(header(descr(data.dataType(), false), array.shape())));
        long bytes = data.length() * data.dataType().width();
        NativeWindow window = new NativeWindow(data);
        for (long done = 0; done < bytes; ) {
          int n = (int) Math.min(WINDOW, bytes - done);
          ByteBuffer chunk = window.bytes(done, n);
          while (chunk.hasRemaining()) {
            out.write(chunk);
          }
          done += n;
        }
      }
    });
  }

  /**
   * The header for a NumPy type descriptor such as {@code <f8} or {@code |S12}: magic, version,
   * length and the dict, padded with blanks to a 64-byte boundary.
   */
  static byte[] header(String descr, long[] shape) {
    StringBuilder dims = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      dims.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    dims.append(shape.length == 1 ? ",)" : ")");
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + dims + ", }";
    int unpadded = MAGIC.length + 2 + dict.length() + 1;
    int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
    String text = dict + " ".repeat(padding) + "\n";
    ByteBuffer header = ByteBuffer.allocate(MAGIC.length + 2 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
    header.put(MAGIC).putShort((short) text.length()).put(text.getBytes(StandardCharsets.US_ASCII));
    return header.array();
  }

  /**
   * The NumPy type descriptor of an ND4J element type, little-endian; with {@code complex}, float and
   * double arrays whose last axis holds (real, imaginary) pairs are described as complex.
   */
  static String descr(DataType type, boolean complex) {
    if (type == DataType.BOOL) {
      return "|b1";
    } else if (type == DataType.INT8) {
      return "|i1";
    } else if (type == DataType.UINT8) {
      return "|u1";
    } else if (type == DataType.INT16) {
      return "<i2";
    } else if (type == DataType.UINT16) {
      return "<u2";
    } else if (type == DataType.INT32) {
      return "<i4";
    } else if (type == DataType.UINT32) {
      return "<u4";
    } else if (type == DataType.INT64) {
      return "<i8";
    } else if (type == DataType.UINT64) {
      return "<u8";
    } else if (type == DataType.FLOAT) {
      return complex ? "<c8" : "<f4";
    } else if (type == DataType.DOUBLE) {
      return complex ? "<c16" : "<f8";
    }
    throw new IllegalStateException("no .npy dtype for ND4J type " + type);
  }
}
