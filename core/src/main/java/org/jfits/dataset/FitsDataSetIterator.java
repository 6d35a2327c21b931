package org.jfits.dataset;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link FitsDataset} as an ND4J {@link DataSetIterator}, for DL4J networks and SameDiff's
 * {@code fit}: features {@code [B, C, H, W]} (or {@code [B, F]} for table rows) and labels
 * {@code [B, L]}, float32, loaded ahead in the background as {@link Prefetch} says.
 *
 * <p>Each {@link #reset()} after batches were taken starts the next epoch (a new shuffle and new
 * random transforms); a reset before any batch of the epoch keeps it. The iterator does its own
 * prefetching, so {@link #asyncSupported()} is false: wrapping it in ND4J's async iterator would only
 * add a queue.
 */
public final class FitsDataSetIterator implements DataSetIterator {
  private static final long serialVersionUID = 1L;

  private final transient FitsDataset dataset;
  private final int batchSize;
  private final Prefetch prefetch;
  private final boolean dropLast;
  private transient BatchStream stream;
  private int epoch;
  private boolean epochStarted;
  private DataSetPreProcessor preProcessor;

  /** Batches of {@code batchSize} from epoch 0, the last one smaller if need be. */
  public FitsDataSetIterator(FitsDataset dataset, int batchSize, Prefetch prefetch) {
    this(dataset, batchSize, prefetch, false);
  }

  /** As above; {@code dropLast} leaves out each epoch's last incomplete batch. */
  public FitsDataSetIterator(FitsDataset dataset, int batchSize, Prefetch prefetch, boolean dropLast) {
    this.dataset = dataset;
    this.batchSize = batchSize;
    this.prefetch = prefetch;
    this.dropLast = dropLast;
  }

  /** The epoch the next batch belongs to. */
  public int epoch() {
    return epoch;
  }

  @Override
  public boolean hasNext() {
    return stream().hasNext();
  }

  @Override
  public DataSet next() {
    Batch b = stream().next();
    epochStarted = true;
    INDArray features = Nd4j.create(b.features(), b.featureShape(), 'c');
    INDArray labels = Nd4j.create(b.labels(), b.labelShape(), 'c');
    DataSet ds = new DataSet(features, labels);
    if (preProcessor != null) {
      preProcessor.preProcess(ds);
    }
    return ds;
  }

  /** Not supported: the batch size is fixed when the iterator is made. */
  @Override
  public DataSet next(int num) {
    throw new UnsupportedOperationException("the batch size is fixed at " + batchSize);
  }

  private BatchStream stream() {
    if (stream == null) {
      stream = dataset.batches(batchSize, epoch, prefetch, dropLast);
    }
    return stream;
  }

  @Override
  public void reset() {
    if (stream != null) {
      stream.close();
      stream = null;
    }
    if (epochStarted) {
      epoch++;
      epochStarted = false;
    }
  }

  @Override
  public int inputColumns() {
    Sample s = dataset.sample(0, epoch);
    return s.pixels().length;
  }

  @Override
  public int totalOutcomes() {
    return dataset.sample(0, epoch).label().length;
  }

  @Override
  public boolean resetSupported() {
    return true;
  }

  @Override
  public boolean asyncSupported() {
    return false;
  }

  @Override
  public int batch() {
    return batchSize;
  }

  @Override
  public void setPreProcessor(DataSetPreProcessor preProcessor) {
    this.preProcessor = preProcessor;
  }

  @Override
  public DataSetPreProcessor getPreProcessor() {
    return preProcessor;
  }

  /** No label names: labels are vectors. */
  @Override
  public List<String> getLabels() {
    return null;
  }
}
