package org.jfits.io;

import java.lang.ref.Cleaner;
import org.bytedeco.javacpp.BooleanPointer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.ShortPointer;
import org.bytedeco.javacpp.indexer.BooleanIndexer;
import org.bytedeco.javacpp.indexer.ByteIndexer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.Indexer;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.LongIndexer;
import org.bytedeco.javacpp.indexer.ShortIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.javacpp.indexer.UIntIndexer;
import org.bytedeco.javacpp.indexer.UShortIndexer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Uninitialized ND4J arrays whose pages are first written by the code that fills them. ND4J's own
 * allocator writes every page of a new buffer before returning it, so a large array costs one
 * single-threaded pass of page faults and then the fill; an array from here is malloc'd and left
 * untouched, and a fill on several threads takes the page faults on all of them (a 128 MB float
 * array filled on 2 threads: about 0.24 s against 0.40 s, measured on a 2-core VM where a page fault
 * costs about 12 µs). Arrays under {@link #MALLOC_BYTES} come from ND4J, whose allocator costs less
 * per call.
 *
 * <p>The memory is freed when the array's data buffer becomes unreachable (a {@link Cleaner}); ND4J
 * sees it as external memory and never frees it itself. {@code INDArray.close()} therefore releases
 * nothing at once: the memory goes with the last reference.
 */
public final class NativeArrays {
  /** Arrays of at least this many bytes are malloc'd. */
  static final long MALLOC_BYTES = 1L << 20;

  private static final Cleaner CLEANER = Cleaner.create();

  private NativeArrays() {}

  /** A new C-order array of {@code type} and {@code shape} whose values are whatever the memory held. */
  public static INDArray uninitialized(DataType type, long... shape) {
    long length = 1;
    for (long n : shape) {
      length = Math.multiplyExact(length, n);
    }
    long bytes = Math.multiplyExact(length, (long) type.width());
    if (bytes < MALLOC_BYTES || !mallocable(type)) {
      return Nd4j.createUninitialized(type, shape, 'c');
    }
    Pointer memory = Pointer.malloc(bytes);
    if (memory.isNull()) {
      throw new OutOfMemoryError("cannot allocate " + bytes + " bytes of native memory for a " + type + " array");
    }
    DataBuffer buffer = buffer(type, memory, length);
    CLEANER.register(buffer, () -> Pointer.free(memory));
    return Nd4j.create(buffer, shape, Nd4j.getStrides(shape, 'c'), 0, 'c');
  }

  private static boolean mallocable(DataType type) {
    switch (type) {
      case BOOL:
      case BYTE:
      case UBYTE:
      case SHORT:
      case UINT16:
      case INT:
      case UINT32:
      case LONG:
      case UINT64:
      case FLOAT:
      case DOUBLE:
        return true;
      default:
        return false;
    }
  }

  /** The memory as a data buffer of {@code type}, with the pointer and indexer ND4J itself uses for it. */
  private static DataBuffer buffer(DataType type, Pointer memory, long length) {
    Pointer typed;
    Indexer indexer;
    switch (type) {
      case BOOL: {
        BooleanPointer p = new BooleanPointer(memory);
        typed = sized(p, length);
        indexer = BooleanIndexer.create(p);
        break;
      }
      case BYTE: {
        BytePointer p = new BytePointer(memory);
        typed = sized(p, length);
        indexer = ByteIndexer.create(p);
        break;
      }
      case UBYTE: {
        BytePointer p = new BytePointer(memory);
        typed = sized(p, length);
        indexer = UByteIndexer.create(p);
        break;
      }
      case SHORT: {
        ShortPointer p = new ShortPointer(memory);
        typed = sized(p, length);
        indexer = ShortIndexer.create(p);
        break;
      }
      case UINT16: {
        ShortPointer p = new ShortPointer(memory);
        typed = sized(p, length);
        indexer = UShortIndexer.create(p);
        break;
      }
      case INT: {
        IntPointer p = new IntPointer(memory);
        typed = sized(p, length);
        indexer = IntIndexer.create(p);
        break;
      }
      case UINT32: {
        IntPointer p = new IntPointer(memory);
        typed = sized(p, length);
        indexer = UIntIndexer.create(p);
        break;
      }
      case LONG:
      case UINT64: {
        LongPointer p = new LongPointer(memory);
        typed = sized(p, length);
        indexer = LongIndexer.create(p);
        break;
      }
      case FLOAT: {
        FloatPointer p = new FloatPointer(memory);
        typed = sized(p, length);
        indexer = FloatIndexer.create(p);
        break;
      }
      case DOUBLE: {
        DoublePointer p = new DoublePointer(memory);
        typed = sized(p, length);
        indexer = DoubleIndexer.create(p);
        break;
      }
      default:
        throw new IllegalArgumentException("no malloc'd buffer for " + type);
    }
    return Nd4j.getDataBufferFactory().create(typed, type, length, indexer);
  }

  private static <P extends Pointer> P sized(P pointer, long length) {
    pointer.position(0).capacity(length).limit(length);
    return pointer;
  }
}
