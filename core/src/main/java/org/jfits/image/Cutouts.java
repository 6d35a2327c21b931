package org.jfits.image;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The result of a batched cutout read: the pixels, the boxes they were cut from and where each box
 * lay in the image. When every box has the same size the pixels are one array
 * {@code [N, height, width]} (cubes: {@code [N, planes, height, width]}), cutout {@code i} at index
 * {@code i}; with mixed sizes there is one array per box. The order is the order of the boxes given.
 * Immutable; the arrays are not copied.
 */
public final class Cutouts {
  private final INDArray stacked;
  private List<INDArray> arrays;
  private final List<Box> boxes;
  private final List<CutoutFlag> flags;

  Cutouts(INDArray stacked, List<INDArray> arrays, List<Box> boxes, List<CutoutFlag> flags) {
    this.stacked = stacked;
    this.arrays = arrays;
    this.boxes = Collections.unmodifiableList(new ArrayList<>(boxes));
    this.flags = Collections.unmodifiableList(new ArrayList<>(flags));
  }

  /** The number of cutouts. */
  public int size() {
    return boxes.size();
  }

  /** True if all boxes have the same size, so {@link #array()} holds them all. */
  public boolean uniform() {
    return stacked != null;
  }

  /**
   * All cutouts in one array, {@code [N, height, width]} or {@code [N, planes, height, width]}.
   *
   * @throws IllegalStateException if the boxes have mixed sizes (use {@link #arrays()})
   */
  public INDArray array() {
    if (stacked == null) {
      throw new IllegalStateException("the boxes have mixed sizes, so there is one array per box: use arrays()");
    }
    return stacked;
  }

  /** One array per cutout, {@code [height, width]} or {@code [planes, height, width]}; views of {@link #array()} when uniform. */
  public synchronized List<INDArray> arrays() {
    if (arrays == null) {
      List<INDArray> views = new ArrayList<>(size());
      for (int i = 0; i < size(); i++) {
        views.add(view(i));
      }
      arrays = Collections.unmodifiableList(views);
    }
    return arrays;
  }

  /** Cutout {@code i}: its own array, or a view of {@link #array()} when uniform. */
  public INDArray get(int i) {
    return stacked == null ? arrays.get(i) : view(i);
  }

  private INDArray view(int i) {
    INDArrayIndex[] index = new INDArrayIndex[stacked.rank()];
    index[0] = NDArrayIndex.point(i);
    for (int d = 1; d < index.length; d++) {
      index[d] = NDArrayIndex.all();
    }
    return stacked.get(index);
  }

  /** The boxes, in the order given: the pixel boxes a sky cutout computed, for instance. */
  public List<Box> boxes() {
    return boxes;
  }

  /** Where each box lay: inside, partly outside (padded) or wholly outside (all fill). */
  public List<CutoutFlag> flags() {
    return flags;
  }
}
