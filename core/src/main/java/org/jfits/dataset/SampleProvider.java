package org.jfits.dataset;

/** The samples of a dataset by index, before transforms. Implementations are thread-safe. */
interface SampleProvider extends AutoCloseable {

  /** The number of samples. */
  int size();

  /** Sample {@code index}: fresh pixels the caller may change, and its label. */
  Sample load(int index);

  @Override
  void close();
}
