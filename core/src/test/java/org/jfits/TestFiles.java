package org.jfits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Helpers shared by tests: synthetic FITS files written card by card, byte surgery on copies of the
 * real files in {@code jfits.testdata}, and an astropy reference run in Debian's Python.
 */
public final class TestFiles {
  public static final int CARD = 80;
  public static final int BLOCK = 2880;

  private TestFiles() {}

  /** The folder of real FITS files (system property {@code jfits.testdata}). */
  public static Path testData() {
    String dir = System.getProperty("jfits.testdata", "../../shared/fits-data");
    Path path = Path.of(dir).toAbsolutePath().normalize();
    assertTrue(Files.isDirectory(path), "test data folder " + path + " is missing");
    return path;
  }

  /** A file of the test data, e.g. {@code real/fv_ngc1316o.fits}. */
  public static Path real(String relative) {
    Path path = testData().resolve(relative);
    assertTrue(Files.isRegularFile(path), "test file " + path + " is missing");
    return path;
  }

  /** The Python with astropy and numpy (system property {@code jfits.python}). */
  public static String python() {
    return System.getProperty("jfits.python", "/usr/bin/python3");
  }

  /** One 80-character card image, padded with blanks; fails if {@code text} is longer. */
  public static String card(String text) {
    if (text.length() > CARD) {
      throw new IllegalArgumentException("card longer than 80 characters: " + text);
    }
    return text + " ".repeat(CARD - text.length());
  }

  /** A fixed-format value card: keyword in columns 1-8, "= ", value right-aligned to column 30. */
  public static String value(String keyword, String value) {
    return card(String.format("%-8s= %20s", keyword, value));
  }

  /** A header: the given card images, END, blank-padded to a whole number of blocks. */
  public static byte[] header(String... cards) {
    StringBuilder text = new StringBuilder();
    for (String c : cards) {
      if (c.length() % CARD != 0) {
        throw new IllegalArgumentException("card image of length " + c.length());
      }
      text.append(c);
    }
    text.append(card("END"));
    int padded = (text.length() + BLOCK - 1) / BLOCK * BLOCK;
    text.append(" ".repeat(padded - text.length()));
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Data bytes padded with zeros to a whole number of blocks. */
  public static byte[] padded(byte[] data) {
    int length = (data.length + BLOCK - 1) / BLOCK * BLOCK;
    return Arrays.copyOf(data, length);
  }

  /** Concatenates byte arrays. */
  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** Writes {@code bytes} to {@code dir/name} and returns the path. */
  public static Path write(Path dir, String name, byte[] bytes) throws IOException {
    Path path = dir.resolve(name);
    Files.write(path, bytes);
    return path;
  }

  /** The offset of the first card image whose keyword field is {@code keyword}, at or after {@code from}. */
  public static int cardOffset(byte[] file, String keyword, int from) {
    String key = String.format("%-8s", keyword);
    for (int at = from; at + CARD <= file.length; at += CARD) {
      if (new String(file, at, 8, StandardCharsets.US_ASCII).equals(key)) {
        return at;
      }
    }
    throw new AssertionError("no card " + keyword + " after byte " + from);
  }

  /** Replaces the card at {@code offset} with {@code image}. */
  public static void replaceCard(byte[] file, int offset, String image) {
    byte[] bytes = image.getBytes(StandardCharsets.US_ASCII);
    assertEquals(CARD, bytes.length);
    System.arraycopy(bytes, 0, file, offset, CARD);
  }

  /** The result of a subprocess. */
  public record Run(int exit, String stdout, String stderr) {}

  /** Runs a command, failing the test if it takes longer than {@code seconds}. */
  public static Run run(List<String> command, int seconds) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    Process process = builder.start();
    process.getOutputStream().close();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread o = drain(process.getInputStream(), out);
    Thread e = drain(process.getErrorStream(), err);
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out after " + seconds + " s: " + command);
    }
    o.join();
    e.join();
    return new Run(process.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Thread drain(InputStream in, ByteArrayOutputStream sink) {
    Thread t = new Thread(() -> {
      try {
        in.transferTo(sink);
      } catch (IOException ignored) {
        // the process died; what was read is kept
      }
    });
    t.start();
    return t;
  }

  /**
   * Runs a Python script with astropy under Debian's Python and returns its standard output; the
   * script gets {@code args} as {@code sys.argv[1:]}. Fails the test on a non-zero exit.
   */
  public static String python(String script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(python(), "-c", script));
    command.addAll(Arrays.asList(args));
    Run run = run(command, 120);
    assertEquals(0, run.exit(), () -> "python failed:\n" + run.stderr());
    return run.stdout();
  }

  /**
   * Runs a reference script as {@code python SCRIPT FITS_DATA_DIR OUTPUT_DIR} into an emptied
   * {@code output} folder and fails the test, with the script's output, if it does not succeed
   * within five minutes.
   */
  public static void runReferenceScript(Path script, Path output) throws IOException, InterruptedException {
    Files.createDirectories(output);
    try (java.util.stream.Stream<Path> old = Files.walk(output)) {
      for (Path p : (Iterable<Path>) old.sorted(java.util.Comparator.reverseOrder())::iterator) {
        if (!p.equals(output)) {
          Files.delete(p);
        }
      }
    }
    Process process = new ProcessBuilder(python(), script.toString(), testData().toRealPath().toString(),
        output.toString()).redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
      process.destroyForcibly();
      org.junit.jupiter.api.Assertions.fail(script.getFileName() + " did not finish in 5 minutes");
    }
    org.junit.jupiter.api.Assertions.assertEquals(0, process.exitValue(), script.getFileName()
        + " failed (it needs astropy and numpy in " + python() + ", see -Djfits.python):\n" + text);
  }
}
