package org.jfits.image;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jfits.FitsFormatException;
import org.jfits.FitsIOException;
import org.jfits.Hdu;
import org.jfits.io.NativeBytes;

/**
 * Copies the boxes of one cutout read from the file into their target memory: pads the parts outside
 * the image, then converts each box row's stored pixels with the same {@link PixelConverter} as
 * {@link ImageReader}, taking the stored bytes from wherever the {@link CutoutStrategy} put them: a
 * buffer of whole rows read in one go, the mapped file, or (rows too long to buffer) a positional read
 * per row piece. One instance per read; not thread-safe, though it converts boxes on several threads
 * when they are many.
 */
final class CutoutCopy {
  /** Stored bytes per conversion piece. */
  private static final int PIECE_BYTES = 1 << 20;
  /** Stored bytes of rows read at once by {@link CutoutStrategy#ROW_BANDS}. */
  private static final long BAND_BYTES = 4L << 20;
  /** The largest buffer of rows (a {@link NativeBytes} limit is 2 GiB). */
  private static final long MAX_BUFFER_BYTES = 1L << 30;
  /** Stored box bytes per converting thread: below this a thread costs more than it saves. */
  private static final long PARALLEL_BYTES = 256L << 10;

  /** Where stored bytes come from. */
  private enum Source { BUFFER, MAPPED, DIRECT }

  /** A box clipped to the image, with its target memory, one slab of {@code height * width} per plane. */
  record Placed(Box box, long x0, long x1, long y0, long y1, ByteBuffer[] slabs) {
    static Placed of(Box box, long columns, long rows, ByteBuffer[] slabs) {
      return new Placed(box, Math.max(box.x(), 0), Math.min(box.x() + box.width(), columns), Math.max(box.y(), 0),
          Math.min(box.y() + box.height(), rows), slabs);
    }

    boolean inside() {
      return x0 == box.x() && y0 == box.y() && x1 == box.x() + box.width() && y1 == box.y() + box.height();
    }

    boolean overlaps() {
      return x0 < x1 && y0 < y1;
    }
  }

  private final Hdu hdu;
  private final PixelScaling scaling;
  private final int threads;
  private final long columns;
  private final long rows;
  private final long[] planes;
  private final int storedWidth;
  private final int outWidth;

  /**
   * @param planes the flat indices of the image planes to read, in output order
   */
  CutoutCopy(Hdu hdu, PixelScaling scaling, int threads, long[] planes) {
    long[] shape = hdu.shape();
    this.hdu = hdu;
    this.scaling = scaling;
    this.threads = threads;
    this.columns = shape[shape.length - 1];
    this.rows = shape[shape.length - 2];
    this.planes = planes;
    this.storedWidth = scaling.storedType().bytes();
    this.outWidth = scaling.outputType().bytes();
  }

  /** Pads the boxes not wholly inside with {@code fill} (bytes of one output element), then copies the pixels inside. */
  void run(List<Placed> boxes, CutoutStrategy strategy, long readOnceBytes, ByteBuffer fill) {
    List<Placed> active = new ArrayList<>();
    for (Placed p : boxes) {
      if (!p.inside()) {
        for (ByteBuffer slab : p.slabs()) {
          pad(slab, fill);
        }
      }
      if (p.overlaps()) {
        active.add(p);
      }
    }
    if (active.isEmpty()) {
      return;
    }
    long rowBytes = columns * storedWidth;
    long limit = Math.min(strategy == CutoutStrategy.READ_ONCE ? readOnceBytes : BAND_BYTES, MAX_BUFFER_BYTES);
    if (strategy == CutoutStrategy.MAPPED || rowBytes > Math.max(limit, PIECE_BYTES)) {
      Source source = strategy == CutoutStrategy.MAPPED ? Source.MAPPED : Source.DIRECT;
      for (int q = 0; q < planes.length; q++) {
        convertBoxes(active, q, 0, rows, source, null);
      }
      return;
    }
    List<long[]> ranges = new ArrayList<>();
    for (Placed p : active) {
      ranges.add(new long[] {p.y0(), p.y1()});
    }
    long gapRows = strategy == CutoutStrategy.READ_ONCE ? rows : CutoutPlanner.GAP_BYTES / rowBytes;
    ranges = CutoutPlanner.coalesce(ranges, gapRows);
    long bandRows = Math.max(1, limit / rowBytes);
    long widest = ranges.stream().mapToLong(r -> r[1] - r[0]).max().orElse(1);
    try (NativeBytes band = new NativeBytes(Math.min(bandRows, widest) * rowBytes)) {
      for (int q = 0; q < planes.length; q++) {
        long planeStart = planes[q] * rows * columns;
        for (long[] range : ranges) {
          for (long r0 = range[0]; r0 < range[1]; r0 += bandRows) {
            long r1 = Math.min(range[1], r0 + bandRows);
            ByteBuffer bytes = band.buffer((int) ((r1 - r0) * rowBytes));
            ImageReader.readData(hdu, bytes, hdu.dataOffset() + (planeStart + r0 * columns) * storedWidth);
            convertBoxes(active, q, r0, r1, Source.BUFFER, bytes);
          }
        }
      }
    }
  }

  /** Converts rows {@code [r0, r1)} of plane {@code q} of every box that has some, on several threads when worth it. */
  private void convertBoxes(List<Placed> active, int q, long r0, long r1, Source source, ByteBuffer band) {
    List<Placed> here = new ArrayList<>();
    long bytes = 0;
    for (Placed p : active) {
      long n = Math.min(p.y1(), r1) - Math.max(p.y0(), r0);
      if (n > 0) {
        here.add(p);
        bytes += n * (p.x1() - p.x0()) * storedWidth;
      }
    }
    int parts = (int) Math.max(1, Math.min(Math.min(threads, here.size()), bytes / PARALLEL_BYTES));
    if (parts == 1) {
      try (RowConverter converter = new RowConverter(source, band, r0)) {
        for (Placed p : here) {
          converter.box(p, q, r0, r1);
        }
      }
      return;
    }
    IntStream.range(0, parts).parallel().forEach(part -> {
      try (RowConverter converter = new RowConverter(source, band, r0)) {
        for (int i = part; i < here.size(); i += parts) {
          converter.box(here.get(i), q, r0, r1);
        }
      }
    });
  }

  /** Writes the fill element over a whole slab. */
  private void pad(ByteBuffer slab, ByteBuffer fill) {
    pad(slab, fill, outWidth);
  }

  /** Fills {@code slab} with copies of the {@code width} bytes of {@code fill}. */
  static void pad(ByteBuffer slab, ByteBuffer fill, int width) {
    for (int at = 0; at < slab.capacity(); at += width) {
      slab.put(at, fill, 0, width);
    }
  }

  /** One thread's converter and scratch memory. */
  private final class RowConverter implements AutoCloseable {
    private final PixelConverter converter = new PixelConverter(scaling);
    private final int piece = converter.chunkElements(PIECE_BYTES);
    private final Source source;
    private final ByteBuffer band;
    private final long bandFirstRow;
    private NativeBytes scratch;

    RowConverter(Source source, ByteBuffer band, long bandFirstRow) {
      this.source = source;
      this.band = band;
      this.bandFirstRow = bandFirstRow;
    }

    /** Converts rows {@code [r0, r1)} of plane {@code q} of one box into its slab. */
    void box(Placed p, int q, long r0, long r1) {
      ByteBuffer slab = p.slabs()[q];
      long count = p.x1() - p.x0();
      for (long r = Math.max(p.y0(), r0); r < Math.min(p.y1(), r1); r++) {
        long target = ((r - p.box().y()) * p.box().width() + p.x0() - p.box().x()) * outWidth;
        for (long done = 0; done < count; ) {
          int n = (int) Math.min(piece, count - done);
          ByteBuffer stored = stored(q, r, p.x0() + done, n);
          converter.convert(stored, slab.slice((int) (target + done * outWidth), n * outWidth), n);
          done += n;
        }
      }
    }

    /** The stored bytes of {@code n} pixels from column {@code x} of row {@code r} of plane {@code q}, from position 0. */
    private ByteBuffer stored(int q, long r, long x, int n) {
      int bytes = n * storedWidth;
      long position;
      ByteBuffer stored;
      switch (source) {
        case BUFFER:
          stored = band.slice((int) (((r - bandFirstRow) * columns + x) * storedWidth), bytes);
          break;
        case MAPPED:
          position = hdu.dataOffset() + ((planes[q] * rows + r) * columns + x) * storedWidth;
          stored = map(position, bytes);
          break;
        default:
          position = hdu.dataOffset() + ((planes[q] * rows + r) * columns + x) * storedWidth;
          stored = scratch(bytes);
          ImageReader.readData(hdu, stored, position);
          return stored;
      }
      if (converter.modifiesSource()) {
        // the converter flips sign bits in place: never in the shared band or the read-only mapping
        return scratch(bytes).put(stored);
      }
      return stored;
    }

    private ByteBuffer map(long position, int bytes) {
      try {
        return hdu.file().input().map(position, bytes);
      } catch (EOFException e) {
        throw new FitsFormatException(hdu.context().withOffset(position), "the file ends inside the image data");
      } catch (IOException e) {
        throw new FitsIOException(hdu.context().withOffset(position), "cannot map image data", e);
      }
    }

    private ByteBuffer scratch(int bytes) {
      if (scratch == null) {
        scratch = new NativeBytes((long) piece * storedWidth);
      }
      return scratch.buffer(bytes);
    }

    @Override
    public void close() {
      if (scratch != null) {
        scratch.close();
      }
    }
  }
}
