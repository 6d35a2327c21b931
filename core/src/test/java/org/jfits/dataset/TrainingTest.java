package org.jfits.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfits.dataset.StampFields.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.weightinit.impl.XavierInitScheme;

/**
 * A small network trained through {@link FitsDataSetIterator} learns to tell point sources, extended
 * sources and empty sky apart in stamps of fields it has not seen. Uses the fields of
 * {@link StampFields} (written by astropy, labelled by the generator).
 */
class TrainingTest {
  private static final int PIXELS = 12 * 12;

  @TempDir
  Path dir;

  @Test
  void aSmallNetworkLearnsToClassifyStampsOfUnseenFields() throws Exception {
    List<Source> all = StampFields.write(dir);
    Path unseen = dir.resolve("field-3.fits");
    List<Source> train = all.stream().filter(s -> !s.file().equals(unseen)).toList();
    List<Source> test = all.stream().filter(s -> s.file().equals(unseen)).toList();
    SampleTransform augment = Transforms.nanTo(0).then(Transforms.randomCrop(12, 12)).then(Transforms.randomFlip())
        .then(Transforms.randomRotate90()).then(Transforms.standardize());
    SampleTransform plain = Transforms.nanTo(0).then(Transforms.centerCrop(12, 12)).then(Transforms.standardize());

    Nd4j.getRandom().setSeed(1);
    SameDiff net = network();
    try (FitsDataset trainSet = StampFields.stamps(train).transform(augment).seed(3).build();
        FitsDataset testSet = StampFields.stamps(test).transform(plain).shuffle(false).build()) {
      FitsDataSetIterator batches = new FitsDataSetIterator(trainSet, 30, new Prefetch(4, 2));
      net.fit(batches, 12);
      assertTrue(batches.epoch() >= 11, "each epoch reshuffles: at epoch " + batches.epoch());

      int right = 0;
      try (BatchStream stream = testSet.batches(test.size(), 0, Prefetch.NONE)) {
        Batch b = stream.next();
        INDArray features = Nd4j.create(b.features(), b.featureShape(), 'c');
        INDArray predicted = net.output(Map.of("input", features), "out").get("out").argMax(1);
        for (int i = 0; i < b.size(); i++) {
          right += predicted.getInt(i) == test.get(b.indices()[i]).cls() ? 1 : 0;
        }
      }
      double accuracy = right / (double) test.size();
      assertEquals(StampFields.SOURCES, test.size());
      assertTrue(accuracy >= 0.9, "accuracy on an unseen field " + accuracy + " (chance: 1/3)");
    }
  }

  /** 144 pixels -> 32 ReLU units -> 3 classes, softmax, cross-entropy, Adam. */
  private static SameDiff network() {
    SameDiff sd = SameDiff.create();
    SDVariable input = sd.placeHolder("input", DataType.FLOAT, -1, 1, 12, 12);
    SDVariable label = sd.placeHolder("label", DataType.FLOAT, -1, 3);
    SDVariable flat = sd.reshape(input, sd.constant(Nd4j.createFromArray(-1L, PIXELS)));
    SDVariable w0 = sd.var("w0", new XavierInitScheme('c', PIXELS, 32), DataType.FLOAT, PIXELS, 32);
    SDVariable b0 = sd.zero("b0", DataType.FLOAT, 32);
    SDVariable hidden = sd.nn.relu(flat.mmul(w0).add(b0), 0);
    SDVariable w1 = sd.var("w1", new XavierInitScheme('c', 32, 3), DataType.FLOAT, 32, 3);
    SDVariable b1 = sd.zero("b1", DataType.FLOAT, 3);
    SDVariable logits = hidden.mmul(w1).add(b1);
    sd.nn.softmax("out", logits, 1);
    sd.loss.softmaxCrossEntropy("loss", label, logits, null);
    sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(1e-2)).dataSetFeatureMapping("input")
        .dataSetLabelMapping("label").build());
    return sd;
  }
}
