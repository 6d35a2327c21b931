package org.jfits.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.jfits.Fits;
import org.jfits.FitsFile;
import tech.tablesaw.api.Table;

/**
 * A dataset for machine learning over many FITS files: each sample is an image HDU, a box of one
 * (cutouts) or a table row, with a label; samples go through a transform (normalisation, stretches,
 * random crops and flips) and come out in batches, shuffled by a seed.
 *
 * <pre>{@code
 * List<SampleSource> stamps = ...;                      // SampleSource.cutout(file, hdu, box)
 * try (FitsDataset data = FitsDataset.images(stamps)
 *     .labels(Labels.oneHot(classes, 3))
 *     .transform(Transforms.nanTo(0).then(Transforms.randomFlip()).then(Transforms.standardize()))
 *     .seed(42).build()) {
 *   DataSetIterator train = new FitsDataSetIterator(data, 64, Prefetch.defaults());  // ND4J / DL4J
 *   try (BatchStream epoch = data.batches(64, 0, Prefetch.defaults())) {            // plain Java
 *     while (epoch.hasNext()) { Batch b = epoch.next(); ... }
 *   }
 * }
 * }</pre>
 *
 * <p><b>Determinism.</b> The order of epoch {@code e} is a permutation drawn from the seed and
 * {@code e} (or the dataset order when shuffling is off), and each sample's random transforms draw
 * from a generator seeded by the seed, {@code e} and the sample's index: the same seed gives the same
 * batches, whatever the prefetch depth and thread count.
 *
 * <p><b>Files.</b> Image samples are read from files kept open between samples (at most
 * {@code maxOpenFiles} idle ones, least recently used closed first), each read on one thread: the
 * parallelism is across samples, on the prefetch threads. Files are opened with
 * {@link Fits#open(String)} unless another opener is given.
 */
public final class FitsDataset implements AutoCloseable {
  private final SampleProvider provider;
  private final boolean vectorSamples;
  private final SampleTransform transform;
  private final long seed;
  private final boolean shuffle;
  private final IntConsumer epochListener;

  private FitsDataset(Builder b, SampleProvider provider) {
    this.provider = provider;
    this.vectorSamples = b.vectorSamples;
    this.transform = b.transform;
    this.seed = b.seed;
    this.shuffle = b.shuffle;
    this.epochListener = b.epochListener;
  }

  /** A dataset whose samples are images or cutouts; labels are set on the builder. */
  public static Builder images(List<SampleSource> sources) {
    return new Builder(List.copyOf(sources));
  }

  /**
   * A dataset whose samples are the rows of a table: the feature columns as a vector (batches
   * {@code [B, F]}), the label columns as the label; missing values are NaN.
   */
  public static Builder tableRows(Table table, List<String> featureColumns, List<String> labelColumns) {
    Builder b = new Builder(List.of());
    b.table = Objects.requireNonNull(table, "table");
    b.featureColumns = List.copyOf(featureColumns);
    b.labelColumns = List.copyOf(labelColumns);
    b.vectorSamples = true;
    return b;
  }

  /** The number of samples. */
  public int size() {
    return provider.size();
  }

  /** True when samples are vectors (table rows): batches are {@code [B, F]}, not {@code [B, C, H, W]}. */
  public boolean vectorSamples() {
    return vectorSamples;
  }

  /** Sample {@code index} as epoch {@code epoch} sees it: loaded, then transformed. */
  public Sample sample(int index, int epoch) {
    Sample s = provider.load(index);
    return transform == null ? s : transform.apply(s, new SplittableRandom(mix(seed, epoch, index)));
  }

  /** The order of the samples in epoch {@code epoch}: a seeded permutation, or 0..n-1 without shuffling. */
  public int[] order(int epoch) {
    int[] order = new int[size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    if (shuffle) {
      SplittableRandom random = new SplittableRandom(mix(seed, epoch, -1));
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    return order;
  }

  /**
   * The batches of epoch {@code epoch}; the last batch is smaller when the size is not a multiple
   * of {@code batchSize}. Tells the epoch listener first.
   */
  public BatchStream batches(int batchSize, int epoch, Prefetch prefetch) {
    return batches(batchSize, epoch, prefetch, false);
  }

  /** As {@link #batches(int, int, Prefetch)}; {@code dropLast} leaves out a last incomplete batch. */
  public BatchStream batches(int batchSize, int epoch, Prefetch prefetch, boolean dropLast) {
    if (epochListener != null) {
      epochListener.accept(epoch);
    }
    return new BatchStream(this, batchSize, dropLast, epoch, prefetch);
  }

  String describe(int index) {
    return provider instanceof ImageSamples images ? images.source(index).toString() : "row " + index;
  }

  /** Closes the files the dataset holds open. */
  @Override
  public void close() {
    provider.close();
  }

  private static long mix(long seed, int epoch, int index) {
    long h = seed * 0x9E3779B97F4A7C15L + epoch;
    return h * 0xBF58476D1CE4E5B9L + index;
  }

  /** Labels, transform, seed and files of a dataset. */
  public static final class Builder {
    private final List<SampleSource> sources;
    private List<float[]> labels;
    private Function<SampleSource, float[]> labelFunction;
    private Table table;
    private List<String> featureColumns;
    private List<String> labelColumns;
    private boolean vectorSamples;
    private SampleTransform transform;
    private long seed;
    private boolean shuffle = true;
    private int maxOpenFiles = 64;
    private Function<String, FitsFile> opener = Fits::open;
    private IntConsumer epochListener;

    private Builder(List<SampleSource> sources) {
      this.sources = sources;
    }

    /** One label per sample, in sample order (see {@link Labels}). */
    public Builder labels(List<float[]> perSample) {
      this.labels = List.copyOf(perSample);
      return this;
    }

    /** A label computed from each sample's source. */
    public Builder labels(Function<SampleSource, float[]> function) {
      this.labelFunction = Objects.requireNonNull(function);
      return this;
    }

    /** The transform every sample goes through (none by default). */
    public Builder transform(SampleTransform transform) {
      this.transform = transform;
      return this;
    }

    /** The seed of shuffling and random transforms (0 by default). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Whether each epoch shuffles the samples (true by default). */
    public Builder shuffle(boolean shuffle) {
      this.shuffle = shuffle;
      return this;
    }

    /** How many idle files stay open between samples (64 by default). */
    public Builder maxOpenFiles(int maxOpenFiles) {
      this.maxOpenFiles = maxOpenFiles;
      return this;
    }

    /** How files are opened ({@link Fits#open(String)} by default). */
    public Builder opener(Function<String, FitsFile> opener) {
      this.opener = Objects.requireNonNull(opener);
      return this;
    }

    /** Called with the epoch number each time a new epoch's batches start (e.g. to tell a cache). */
    public Builder onEpoch(IntConsumer listener) {
      this.epochListener = listener;
      return this;
    }

    public FitsDataset build() {
      if (table != null) {
        return new FitsDataset(this, new TableRowSamples(table, featureColumns, labelColumns));
      }
      List<float[]> perSample = labels;
      if (perSample == null) {
        perSample = new ArrayList<>();
        for (SampleSource s : sources) {
          perSample.add(labelFunction == null ? new float[0] : labelFunction.apply(s));
        }
      }
      return new FitsDataset(this, new ImageSamples(sources, perSample, new OpenFiles(maxOpenFiles, opener)));
    }
  }
}
