package org.jfits.write;

import java.nio.ByteBuffer;

/**
 * A variable-length array column: in each row a descriptor (element count, byte offset into the
 * heap), the elements of all rows back to back in the heap, in row order. Descriptors are 32-bit
 * ({@code 1PT(max)}) while the column's heap bytes end within the limit of a signed 32-bit offset
 * (2^31 - 1 bytes from the heap start, as astropy reads {@code P} descriptors), 64-bit
 * ({@code 1QT(max)}) beyond.
 */
abstract class HeapColumn extends TableColumn {
  private final long[] offsets;
  private final int elementBytes;
  private final long maxLength;
  private long heapStart;
  private boolean wide;
  private boolean alwaysWide;

  /**
   * @param offsets {@code rows + 1} non-decreasing element offsets, as {@code RaggedColumn} has them
   * @param elementBytes bytes per element in the heap
   */
  HeapColumn(String name, long[] offsets, int elementBytes) {
    super(name);
    this.offsets = offsets;
    this.elementBytes = elementBytes;
    long longest = 0;
    for (int i = 0; i + 1 < offsets.length; i++) {
      longest = Math.max(longest, offsets[i + 1] - offsets[i]);
    }
    this.maxLength = longest;
  }

  /** Asks for 64-bit descriptors whatever the heap size (a {@code Q} column read back keeps its TFORM). */
  final void alwaysWide() {
    alwaysWide = true;
  }

  /** The element type code after {@code P}/{@code Q}. */
  abstract char code();

  /** The first and one-past-last element offsets of the column's heap part. */
  final long firstElement() {
    return offsets[0];
  }

  final long endElement() {
    return offsets[offsets.length - 1];
  }

  @Override
  final long rows() {
    return offsets.length - 1;
  }

  @Override
  final String tform() {
    return "1" + (wide ? 'Q' : 'P') + code() + "(" + maxLength + ")";
  }

  @Override
  final long width() {
    return wide ? 16 : 8;
  }

  @Override
  final long heapBytes() {
    return (endElement() - firstElement()) * elementBytes;
  }

  @Override
  final void placeHeap(long start, long narrowLimit) {
    heapStart = start;
    wide = alwaysWide || start + heapBytes() > narrowLimit;
  }

  @Override
  final void encode(ByteBuffer chunk, long first, int count, int rowWidth, int offset, ByteBuffer scratch) {
    int row = (int) first;
    long base = heapStart - offsets[0] * elementBytes;
    for (int i = 0, at = offset; i < count; i++, at += rowWidth) {
      long length = offsets[row + i + 1] - offsets[row + i];
      long heapOffset = base + offsets[row + i] * elementBytes;
      if (wide) {
        chunk.putLong(at, length);
        chunk.putLong(at + 8, heapOffset);
      } else {
        chunk.putInt(at, (int) length);
        chunk.putInt(at + 4, (int) heapOffset);
      }
    }
  }
}
