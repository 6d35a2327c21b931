package org.jfits.write;

import java.nio.file.Path;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The child process of {@link WriteSafetyTest}: overwrites {@code args[0]} with many large HDUs,
 * printing "writing" once the first is out, so that the test can kill it in the middle.
 */
public final class SlowWriterMain {
  private SlowWriterMain() {}

  public static void main(String[] args) throws Exception {
    var pixels = Nd4j.rand(DataType.FLOAT, 2048, 2048);
    try (FitsWriter out = FitsWriter.overwrite(Path.of(args[0])).checksums(true)) {
      for (int i = 0; i < 10_000; i++) {
        out.write(ImageHdu.of(pixels));
        if (i == 0) {
          System.out.println("writing");
          System.out.flush();
        }
      }
    }
  }
}
