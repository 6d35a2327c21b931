package org.jfits.image;

import java.nio.ByteBuffer;
import java.util.List;
import org.jfits.compress.CompressedImageReader;
import org.jfits.io.NativeArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Cutouts of a tile-compressed image: each box's part inside the image is read, plane by plane, as a
 * section (so only the tiles it touches are decoded, on the reader's threads) and copied row by row
 * into the box's slab; the rest of the box is padded. The cutout strategies of uncompressed images do
 * not apply: the unit of reading is the tile. Tiles shared by several boxes, or by several planes of
 * one box, are decoded once per box and plane.
 */
final class CompressedCutouts {
  private final CompressedImageReader reader;
  private final PixelScaling scaling;
  private final int threads;
  private final long[] shape;
  private final long[] planes;
  private final int width;

  /**
   * @param shape the image shape, numpy order
   * @param planes the flat indices of the planes to read (all leading axes flattened), in output order
   */
  CompressedCutouts(CompressedImageReader reader, PixelScaling scaling, int threads, long[] shape, long[] planes) {
    this.reader = reader;
    this.scaling = scaling;
    this.threads = threads;
    this.shape = shape;
    this.planes = planes;
    this.width = scaling.outputType().bytes();
  }

  void run(List<CutoutCopy.Placed> boxes, ByteBuffer fill) {
    int n = shape.length;
    for (CutoutCopy.Placed p : boxes) {
      if (!p.inside()) {
        for (ByteBuffer slab : p.slabs()) {
          CutoutCopy.pad(slab, fill, width);
        }
      }
      if (!p.overlaps()) {
        continue;
      }
      int w = (int) (p.x1() - p.x0());
      int h = (int) (p.y1() - p.y0());
      for (int q = 0; q < planes.length; q++) {
        long[] start = new long[n];
        long[] size = new long[n];
        long rest = planes[q];
        for (int i = n - 3; i >= 0; i--) {
          start[i] = rest % shape[i];
          rest /= shape[i];
          size[i] = 1;
        }
        start[n - 2] = p.y0();
        start[n - 1] = p.x0();
        size[n - 2] = h;
        size[n - 1] = w;
        INDArray section = NativeArrays.uninitialized(ImageReader.toNd4j(scaling.outputType()), size);
        reader.read(scaling, threads, start, size, section);
        ByteBuffer pixels = new NativeWindow(section).bytes(0, w * h * width);
        ByteBuffer slab = p.slabs()[q];
        for (int y = 0; y < h; y++) {
          long target = ((p.y0() - p.box().y() + y) * p.box().width() + (p.x0() - p.box().x())) * width;
          slab.put((int) target, pixels, y * w * width, w * width);
        }
      }
    }
  }
}
