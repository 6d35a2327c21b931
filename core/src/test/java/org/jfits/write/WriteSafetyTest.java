package org.jfits.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jfits.FitsIOException;
import org.jfits.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes never lose data: a writer killed with SIGKILL in the middle of a large overwrite leaves the
 * original file byte for byte (its temporary file is the only trace, and the next writer of that name
 * deletes it); a failing write leaves no file; create() refuses to replace an existing file.
 */
class WriteSafetyTest {
  @TempDir
  Path dir;

  private List<String> folder() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Starts {@code main} on {@code file} in a child JVM, waits for its {@code ready} line, then SIGKILLs it. */
  private static Process killMidway(Class<?> main, Path file, String ready, long afterMillis) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), main.getName(),
        file.toString()).redirectErrorStream(true).start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      StringBuilder seen = new StringBuilder();
      while ((line = out.readLine()) != null && !line.equals(ready)) {
        seen.append(line).append('\n');
      }
      assertEquals(ready, line, "the child never got going:\n" + seen);
      Thread.sleep(afterMillis);
      assertTrue(child.isAlive(), "the child finished before it could be killed");
      child.destroyForcibly(); // SIGKILL on POSIX systems
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }
    return child;
  }

  /**
   * The kill lands wherever the child happens to be (between updates, writing the journal, writing the
   * header); whatever it interrupted, recovery leaves a valid header (old or new) and the same data.
   */
  @Test
  void anInPlaceHeaderUpdateKilledAnywhereLeavesTheOldOrTheNewHeader() throws Exception {
    Path file = dir.resolve("updated.fits");
    try (FitsWriter out = FitsWriter.create(file).checksums(true)) {
      out.write(ImageHdu.of(org.nd4j.linalg.factory.Nd4j.createFromArray(new float[] {1, 2, 3}))
          .cards(new HeaderBuilder().add("OBJECT", "start", "target")));
    }
    byte[] data = java.util.Arrays.copyOfRange(Files.readAllBytes(file), 2880, 5760);
    for (int round = 0; round < 3; round++) {
      Process child = killMidway(HeaderUpdaterMain.class, file, "updating", 200 + 150 * round);
      assertEquals(137, child.exitValue(), "killed by SIGKILL");
      HeaderUpdate.recover(file);
      assertEquals(List.of("updated.fits"), folder());
      byte[] after = Files.readAllBytes(file);
      assertEquals(5760, after.length);
      assertArrayEquals(data, java.util.Arrays.copyOfRange(after, 2880, 5760));
      WriteChecks.assertFitsverifyClean(file);
      String object = WriteChecks.astropyCards(file, 0).stream().filter(c -> c.keyword().equals("OBJECT"))
          .findFirst().orElseThrow().value();
      assertTrue(object.equals("A") || object.equals("B"), object);
    }
  }

  @Test
  void aWriterKilledMidWriteLeavesTheOriginalIntact() throws Exception {
    Path file = TestFiles.write(dir, "precious.fits", Files.readAllBytes(TestFiles.real("real/fv_rate.fits")));
    byte[] before = Files.readAllBytes(file);
    Process child = killMidway(SlowWriterMain.class, file, "writing", 300);
    assertEquals(137, child.exitValue(), "killed by SIGKILL");
    assertArrayEquals(before, Files.readAllBytes(file));
    List<String> left = folder();
    assertEquals(2, left.size(), "the original and the killed writer's temporary file: " + left);
    String temp = left.get(0);
    assertTrue(temp.startsWith(".precious.fits." + child.pid() + "-") && temp.endsWith(".tmp"), temp);
    assertTrue(Files.size(dir.resolve(temp)) > 16L << 20, "the child was killed in the middle of a large write");

    try (FitsWriter out = FitsWriter.create(dir.resolve("other.fits"))) {
      out.write(new ShortImageHdu(new short[] {1}, 1));
    }
    assertEquals(3, folder().size(), "a writer of another name leaves the temporary file alone: " + folder());
    try (FitsWriter out = FitsWriter.overwrite(file)) {
      out.abort();
    }
    assertEquals(List.of("other.fits", "precious.fits"), folder());
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void createRefusesAnExistingFile() throws Exception {
    Path file = dir.resolve("exists.fits");
    Files.write(file, new byte[] {1, 2, 3});
    FitsIOException e = assertThrows(FitsIOException.class, () -> FitsWriter.create(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
    assertEquals(List.of("exists.fits"), folder());
  }

  @Test
  void aFailingWriteLeavesNoFile() throws Exception {
    Path file = dir.resolve("short.fits");
    ShortImageHdu broken = new ShortImageHdu(new short[] {1, 2, 3, 4, 5, 6}, 6);
    broken.missingBytes = 2;
    try (FitsWriter out = FitsWriter.create(file)) {
      out.write(new ShortImageHdu(new short[] {1, 2, 3, 4, 5, 6}, 6));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> out.write(broken));
      assertTrue(e.getMessage().contains("HDU 1") && e.getMessage().contains("wrote 10 data bytes"), e.getMessage());
      assertThrows(IllegalStateException.class, () -> out.write(new ShortImageHdu(new short[] {1, 2, 3, 4, 5, 6}, 6)));
    }
    assertEquals(List.of(), folder());
  }
}
