package org.jfits.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of one Arrow record batch: the field nodes (length, null count) and buffers of every
 * column, depth first, as the IPC format lays them out. A variable-length level has an empty validity
 * buffer and its offsets (32-bit, or 64-bit for a LargeList); a fixed-size level an empty validity
 * buffer; the leaf a validity bitmap when it has nulls, then its values (little-endian, booleans as a
 * bitmap; strings 32-bit offsets and UTF-8 bytes).
 */
final class ArrowBatch {
  /** One field node: the number of slots and of nulls. */
  record Node(long length, long nulls) {}

  final List<Node> nodes = new ArrayList<>();
  /** The buffers in order, each little-endian, unpadded. */
  final List<byte[]> buffers = new ArrayList<>();
  final int rows;

  private ArrowBatch(int rows) {
    this.rows = rows;
  }

  /** The nodes and buffers of {@code columns} in one chunk of rows. */
  static ArrowBatch of(List<ColumnValues> columns, int rows) {
    ArrowBatch batch = new ArrowBatch(rows);
    for (ColumnValues values : columns) {
      batch.add(values);
    }
    return batch;
  }

  private void add(ColumnValues values) {
    ExportColumn column = values.column();
    long length = values.rows();
    if (column.ragged() != ExportColumn.Ragged.NONE) {
      long[] offsets = values.offsets();
      nodes.add(new Node(length, 0));
      buffers.add(new byte[0]);
      buffers.add(column.ragged() == ExportColumn.Ragged.LARGE_LIST ? longs(offsets) : ints(offsets, column));
      length = offsets[offsets.length - 1];
    }
    for (long dim : column.dims()) {
      nodes.add(new Node(length, 0));
      buffers.add(new byte[0]);
      length *= dim;
    }
    int nulls = values.nullCount();
    nodes.add(new Node(values.count(), nulls));
    buffers.add(nulls == 0 ? new byte[0] : validity(values));
    addLeaf(values);
  }

  private void addLeaf(ColumnValues values) {
    int n = values.count();
    Object data = values.values();
    Leaf leaf = values.column().leaf();
    switch (leaf) {
      case BOOL: {
        byte[] bools = (byte[]) data;
        byte[] bits = new byte[(n + 7) / 8];
        for (int i = 0; i < n; i++) {
          bits[i >>> 3] |= (byte) ((bools[i] & 1) << (i & 7));
        }
        buffers.add(bits);
        return;
      }
      case STRING: {
        byte[][] strings = (byte[][]) data;
        ByteBuffer offsets = little(4L * (n + 1));
        long total = 0;
        offsets.putInt(0);
        for (byte[] s : strings) {
          total += s.length;
          if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("column '" + values.column().name() + "' holds more than 2 GB of"
                + " text in one record batch; write fewer rows per batch");
          }
          offsets.putInt((int) total);
        }
        ByteBuffer text = ByteBuffer.allocate((int) total);
        for (byte[] s : strings) {
          text.put(s);
        }
        buffers.add(offsets.array());
        buffers.add(text.array());
        return;
      }
      case INT64:
      case UINT64: {
        ByteBuffer out = little(8L * n);
        out.asLongBuffer().put((long[]) data, 0, n);
        buffers.add(out.array());
        return;
      }
      case FLOAT32: {
        ByteBuffer out = little(4L * n);
        out.asFloatBuffer().put((float[]) data, 0, n);
        buffers.add(out.array());
        return;
      }
      case FLOAT64: {
        ByteBuffer out = little(8L * n);
        out.asDoubleBuffer().put((double[]) data, 0, n);
        buffers.add(out.array());
        return;
      }
      default:
        buffers.add(narrow((int[]) data, n, leaf.bits / 8));
    }
  }

  /** Integers of up to 32 bits at their width, little-endian. */
  private static byte[] narrow(int[] ints, int n, int width) {
    ByteBuffer out = little((long) width * n);
    if (width == 4) {
      out.asIntBuffer().put(ints, 0, n);
    } else if (width == 2) {
      for (int i = 0; i < n; i++) {
        out.putShort((short) ints[i]);
      }
    } else {
      for (int i = 0; i < n; i++) {
        out.put((byte) ints[i]);
      }
    }
    return out.array();
  }

  private static byte[] validity(ColumnValues values) {
    int n = values.count();
    byte[] bits = new byte[(n + 7) / 8];
    for (int i = 0; i < n; i++) {
      if (!values.isNull(i)) {
        bits[i >>> 3] |= (byte) (1 << (i & 7));
      }
    }
    return bits;
  }

  private static byte[] longs(long[] offsets) {
    ByteBuffer out = little(8L * offsets.length);
    out.asLongBuffer().put(offsets);
    return out.array();
  }

  private static byte[] ints(long[] offsets, ExportColumn column) {
    if (offsets[offsets.length - 1] > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("column '" + column.name() + "' holds " + offsets[offsets.length - 1]
          + " list elements in one record batch, more than a List's 32-bit offsets can; write fewer rows per batch");
    }
    ByteBuffer out = little(4L * offsets.length);
    for (long offset : offsets) {
      out.putInt((int) offset);
    }
    return out.array();
  }

  private static ByteBuffer little(long size) {
    return ByteBuffer.allocate(Math.toIntExact(size)).order(ByteOrder.LITTLE_ENDIAN);
  }
}
