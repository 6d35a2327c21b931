package org.jfits.dataset;

import java.util.SplittableRandom;

/**
 * A step that turns a sample into what a model sees: normalisation, stretches, random crops and
 * flips (see {@link Transforms}). Random transforms draw only from {@code random}, which the dataset
 * seeds from its seed, the epoch and the sample's index: the same seed gives the same samples.
 */
@FunctionalInterface
public interface SampleTransform {

  /** The transformed sample; may change {@code sample}'s pixels in place and return it. */
  Sample apply(Sample sample, SplittableRandom random);

  /** This transform, then {@code next}. */
  default SampleTransform then(SampleTransform next) {
    return (sample, random) -> next.apply(apply(sample, random), random);
  }
}
