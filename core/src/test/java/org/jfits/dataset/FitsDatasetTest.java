package org.jfits.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.dataset.StampFields.Source;
import org.jfits.image.Box;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Datasets over generated fields written by astropy, with the stamps' sums astropy reports. */
class FitsDatasetTest {
  @TempDir
  static Path dir;
  static List<Source> sources;

  @BeforeAll
  static void writeFields() throws IOException, InterruptedException {
    sources = StampFields.write(dir);
  }

  @Test
  void batchesHoldTheStampsAstropyReadsWithTheirLabels() {
    try (FitsDataset data = StampFields.stamps(sources).shuffle(false).build()) {
      assertEquals(sources.size(), data.size());
      try (BatchStream epoch = data.batches(8, 0, Prefetch.NONE)) {
        assertEquals(15, epoch.batchCount());
        int seen = 0;
        while (epoch.hasNext()) {
          Batch b = epoch.next();
          assertArrayEquals(new long[] {8, 1, StampFields.STAMP, StampFields.STAMP}, b.featureShape());
          assertArrayEquals(new long[] {8, 3}, b.labelShape());
          for (int i = 0; i < b.size(); i++) {
            Source s = sources.get(b.indices()[i]);
            double sum = 0;
            for (int p = 0; p < StampFields.STAMP * StampFields.STAMP; p++) {
              sum += b.features()[i * StampFields.STAMP * StampFields.STAMP + p];
            }
            assertEquals(s.stampSum(), sum, 1e-3, "stamp of " + s);
            assertEquals(1f, b.labels()[i * 3 + s.cls()], "label of " + s);
            seen++;
          }
        }
        assertEquals(sources.size(), seen);
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameBatchesWithOrWithoutPrefetch() {
    SampleTransform augment = Transforms.nanTo(0).then(Transforms.randomCrop(12, 12)).then(Transforms.randomFlip())
        .then(Transforms.randomRotate90()).then(Transforms.standardize());
    try (FitsDataset data = StampFields.stamps(sources).transform(augment).seed(42).build();
        FitsDataset other = StampFields.stamps(sources).transform(augment).seed(43).build()) {
      List<Batch> plain = epoch(data, 1, Prefetch.NONE);
      List<Batch> prefetched = epoch(data, 1, new Prefetch(4, 3));
      assertEquals(plain.size(), prefetched.size());
      for (int b = 0; b < plain.size(); b++) {
        assertArrayEquals(plain.get(b).indices(), prefetched.get(b).indices());
        assertArrayEquals(plain.get(b).features(), prefetched.get(b).features());
        assertArrayEquals(new long[] {plain.get(b).size(), 1, 12, 12}, plain.get(b).featureShape());
      }
      int[] order = plain.stream().flatMapToInt(b -> Arrays.stream(b.indices())).toArray();
      assertArrayEquals(java.util.stream.IntStream.range(0, sources.size()).toArray(),
          Arrays.stream(order).sorted().toArray(), "each sample once per epoch");
      assertFalse(Arrays.equals(order, data.order(2)), "another epoch, another order");
      assertFalse(Arrays.equals(order, other.order(1)), "another seed, another order");
      assertFalse(Arrays.equals(data.sample(5, 1).pixels(), data.sample(5, 2).pixels()),
          "another epoch, other random crops");
    }
  }

  private static List<Batch> epoch(FitsDataset data, int epoch, Prefetch prefetch) {
    List<Batch> out = new ArrayList<>();
    try (BatchStream stream = data.batches(16, epoch, prefetch)) {
      stream.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void tableRowsAreFeatureVectorsWithTheirLabels() {
    Table catalog;
    try (FitsFile fits = Fits.open(dir.resolve("catalog.fits"))) {
      catalog = fits.hdu(1).table().read().table();
    }
    try (FitsDataset data = FitsDataset.tableRows(catalog, List.of("X", "Y"), List.of("CLASS")).shuffle(false)
        .build();
        BatchStream stream = data.batches(50, 0, new Prefetch(2, 2))) {
      Batch first = stream.next();
      assertArrayEquals(new long[] {50, 2}, first.featureShape());
      for (int i = 0; i < 50; i++) {
        Source s = sources.get(i);
        assertEquals(s.x(), first.features()[2 * i]);
        assertEquals(s.y(), first.features()[2 * i + 1]);
        assertEquals(s.cls(), first.labels()[i]);
      }
      assertEquals(50, stream.next().size());
      assertEquals(sources.size() - 100, stream.next().size());
      assertFalse(stream.hasNext());
    }
  }

  @Test
  void samplesOfDifferentShapesInOneBatchAreAClearError() {
    List<SampleSource> mixed = List.of(SampleSource.cutout(dir.resolve("field-0.fits").toString(), 0,
        new Box(0, 0, 8, 8)), SampleSource.image(dir.resolve("field-1.fits").toString(), 0));
    try (FitsDataset data = FitsDataset.images(mixed).shuffle(false).build();
        BatchStream stream = data.batches(2, 0, new Prefetch(1, 1))) {
      IllegalStateException e = assertThrows(IllegalStateException.class, stream::next);
      assertTrue(e.getMessage().contains("field-1.fits") && e.getMessage().contains("1 x 160 x 160"), e.getMessage());
    }
  }

  @Test
  void idleFilesBeyondTheLimitAreClosedButFilesInUseAreNot() {
    try (OpenFiles files = new OpenFiles(2, Fits::open)) {
      List<OpenFiles.Entry> held = new ArrayList<>();
      for (int k = 0; k < StampFields.FILES; k++) {
        held.add(files.acquire(dir.resolve("field-" + k + ".fits").toString()));
      }
      assertEquals(StampFields.FILES, files.openCount(), "all in use: none closed");
      held.forEach(files::release);
      assertEquals(2, files.openCount());
      OpenFiles.Entry again = files.acquire(dir.resolve("field-3.fits").toString());
      assertEquals(160, again.file().hdu(0).axes()[0], "the most recently used file stayed open and readable");
      files.release(again);
    }
  }
}
