package org.jfits.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfits.TestFiles;
import org.jfits.image.NativeWindow;
import org.jfits.write.FitsWriter;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes compressed images and checks them with the reference tools in one batch: fitsverify on
 * every file, funpack on every file, then one astropy run that compares funpack's output with the
 * original pixels and with astropy's own decompression of our file
 * ({@code src/test/python/compressed_image_check.py}).
 */
final class CompressionChecks {
  private static final Path SCRIPT = Path.of("src/test/python/compressed_image_check.py");

  /** astropy's verdict on one file: the largest error it measured and half the largest ZSCALE. */
  record Verdict(String name, String line, double error, double halfStep, int losslessTiles) {}

  private final Path dir;
  private final List<String> manifest = new ArrayList<>();
  private final List<Path> written = new ArrayList<>();

  CompressionChecks(Path dir) {
    this.dir = dir;
  }

  /** Writes {@code hdu}, whose pixels are {@code original}; {@code exact}: a lossless compression. */
  Path add(String name, INDArray original, CompressedImageHdu hdu, boolean exact) throws IOException {
    Path raw = dir.resolve(name + ".raw");
    INDArray c = original.dup('c');
    try (FileChannel out = FileChannel.open(raw, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      out.write(new NativeWindow(c).bytes(0, (int) (c.length() * c.dataType().width())));
    }
    String dtype = StoredType.of(original.dataType()).name().toLowerCase(Locale.ROOT);
    StringBuilder shape = new StringBuilder();
    for (long s : original.shape()) {
      shape.append(shape.length() == 0 ? "" : ",").append(s);
    }
    return add(name, hdu, exact,
        String.format("\"raw\": \"%s\", \"dtype\": \"%s\", \"shape\": [%s]", raw, dtype, shape));
  }

  /** Writes {@code hdu}, whose pixels are the primary image of the FITS file {@code source}. */
  Path addReal(String name, Path source, CompressedImageHdu hdu, boolean exact) throws IOException {
    return add(name, hdu, exact, String.format("\"source\": \"%s\"", source));
  }

  private Path add(String name, CompressedImageHdu hdu, boolean exact, String original) throws IOException {
    Path fz = dir.resolve(name + ".fits.fz");
    try (FitsWriter out = FitsWriter.create(fz)) {
      out.write(hdu);
    }
    written.add(fz);
    manifest.add(String.format("{\"name\": \"%s\", \"fz\": \"%s\", \"unpacked\": \"%s\", \"exact\": %s, %s}",
        name, fz, dir.resolve(name + ".fits"), exact, original));
    return fz;
  }

  /**
   * Runs fitsverify and funpack on every file written (failing on any warning or error), then astropy;
   * returns astropy's verdict by file name, failing if any file failed a comparison.
   */
  Map<String, Verdict> verify() throws IOException, InterruptedException {
    List<String> verify = new ArrayList<>(List.of("fitsverify"));
    written.forEach(p -> verify.add(p.toString()));
    TestFiles.Run run = TestFiles.run(verify, 300);
    long clean = run.stdout().lines()
        .filter(l -> l.contains("**** Verification found 0 warning(s) and 0 error(s). ****")).count();
    assertEquals(written.size(), clean, () -> "fitsverify found problems:\n" + run.stdout() + run.stderr());
    for (Path fz : written) {
      String unpacked = fz.toString().replaceFirst("\\.fz$", "");
      TestFiles.Run funpack = TestFiles.run(List.of("funpack", "-O", unpacked, fz.toString()), 120);
      assertEquals(0, funpack.exit(), () -> "funpack failed on " + fz + ":\n" + funpack.stdout() + funpack.stderr());
    }
    Path list = dir.resolve("manifest.jsonl");
    Files.write(list, manifest);
    TestFiles.Run python = TestFiles.run(List.of(TestFiles.python(), SCRIPT.toString(), list.toString()), 300);
    assertEquals(0, python.exit(), () -> "astropy check failed:\n" + python.stderr());
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    StringBuilder failures = new StringBuilder();
    for (String line : python.stdout().split("\n")) {
      String[] f = line.split(" ");
      if (f.length >= 5 && f[1].equals("OK")) {
        verdicts.put(f[0], new Verdict(f[0], line, Double.parseDouble(f[2]), Double.parseDouble(f[3]),
            Integer.parseInt(f[4])));
      } else {
        failures.append(line).append('\n');
      }
    }
    assertTrue(failures.length() == 0, () -> "files that do not match:\n" + failures);
    assertEquals(written.size(), verdicts.size(), () -> "astropy checked " + verdicts.keySet());
    return verdicts;
  }
}
