package org.jfits.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfits.TestFiles;
import org.jfits.image.Box;

/**
 * Generated fields with labelled sources (src/test/python/dataset_fixture.py, written by astropy):
 * {@value #FILES} files of {@value #SOURCES} sources each, and what astropy read back.
 */
final class StampFields {
  static final int FILES = 4;
  static final int SOURCES = 30;
  static final int STAMP = 16;

  private StampFields() {}

  /** One source of the fixture: where it is, its class, and the sum of its stamp as astropy reads it. */
  record Source(Path file, int x, int y, int cls, double stampSum) {
    SampleSource stamp() {
      return SampleSource.cutout(file.toString(), 0, new Box(x - STAMP / 2, y - STAMP / 2, STAMP, STAMP));
    }
  }

  /** Writes the fields and the catalogue into {@code dir}; the sources in file order. */
  static List<Source> write(Path dir) throws IOException, InterruptedException {
    TestFiles.Run run = TestFiles.run(List.of(TestFiles.python(), "src/test/python/dataset_fixture.py", dir.toString(),
        "" + FILES, "" + SOURCES, "7"), 120);
    assertEquals(0, run.exit(), run.stderr());
    List<Source> sources = new ArrayList<>();
    for (String line : run.stdout().strip().split("\n")) {
      String[] f = line.split(" ");
      sources.add(new Source(dir.resolve(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
          Integer.parseInt(f[3]), Double.parseDouble(f[4])));
    }
    assertEquals(FILES * SOURCES, sources.size());
    return sources;
  }

  /** A dataset of the sources' stamps, labelled one-hot by class. */
  static FitsDataset.Builder stamps(List<Source> of) {
    return FitsDataset.images(of.stream().map(Source::stamp).toList())
        .labels(Labels.oneHot(of.stream().mapToInt(Source::cls).toArray(), 3));
  }
}
