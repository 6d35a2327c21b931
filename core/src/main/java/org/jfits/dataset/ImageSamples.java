package org.jfits.dataset;

import java.util.Arrays;
import java.util.List;
import org.jfits.image.ImageReader;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Samples that are image HDUs or boxes of them, read as float32 through a shared set of open files. */
final class ImageSamples implements SampleProvider {
  private final List<SampleSource> sources;
  private final List<float[]> labels;
  private final OpenFiles files;

  ImageSamples(List<SampleSource> sources, List<float[]> labels, OpenFiles files) {
    if (labels.size() != sources.size()) {
      throw new IllegalArgumentException(sources.size() + " samples but " + labels.size() + " labels");
    }
    this.sources = List.copyOf(sources);
    this.labels = List.copyOf(labels);
    this.files = files;
  }

  @Override
  public int size() {
    return sources.size();
  }

  SampleSource source(int index) {
    return sources.get(index);
  }

  @Override
  public Sample load(int index) {
    SampleSource source = sources.get(index);
    OpenFiles.Entry entry = files.acquire(source.file());
    try {
      ImageReader image = entry.file().hdu(source.hdu()).image().threads(1);
      INDArray pixels = source.box().map(b -> image.cutout(b.x(), b.y(), b.width(), b.height()))
          .orElseGet(image::read);
      return sample(source, pixels, labels.get(index).clone());
    } finally {
      files.release(entry);
    }
  }

  private static Sample sample(SampleSource source, INDArray pixels, float[] label) {
    long[] shape = pixels.shape();
    if (shape.length < 2 || shape.length > 3) {
      throw new IllegalArgumentException(source + ": a sample must be a 2-D image or a cube, not shape "
          + Arrays.toString(shape));
    }
    INDArray floats = pixels.castTo(DataType.FLOAT);
    float[] values = (floats.isView() || floats.ordering() != 'c' ? floats.dup('c') : floats).data().asFloat();
    int channels = shape.length == 3 ? (int) shape[0] : 1;
    return new Sample(values, channels, (int) shape[shape.length - 2], (int) shape[shape.length - 1], label);
  }

  @Override
  public void close() {
    files.close();
  }
}
