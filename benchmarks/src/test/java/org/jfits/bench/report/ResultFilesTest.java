package org.jfits.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {
  private static final String MACHINE = "\"machine\": {\"cpu\": \"Test CPU\", \"cores\": 2, \"mem_gb\": 8}";

  @TempDir
  Path dir;

  @Test
  void takesTheLatestFullRunOfEachSuiteAndComparesJfitsWithPeersOnly() throws IOException {
    write("tables-2026-11-25.jsonl", line("jfits", "all", 100, 9.0));
    write("tables-2026-12-01.jsonl", line("jfits", "all", 100, 0.010), line("jfits-1t", "all", 100, 0.001),
        line("astropy", "all", 100, 0.050), line("stil", "all", 100, 0.020),
        "{\"lib\": \"astropy\", \"op\": \"all-peak-rss\", \"rows\": 100, \"peak_rss_kb\": 5}",
        "{\"meta\": {\"date\": \"x\"}}");
    write("tables-2026-12-02-quick.jsonl", line("jfits", "all", 100, 7.0));

    List<SuiteRun> runs = ResultFiles.latest(dir);
    assertEquals(1, runs.size());
    assertEquals("tables-2026-12-01.jsonl", runs.get(0).file().getFileName().toString());
    assertEquals("Test CPU, 2 cores, 8 GB", runs.get(0).machine());

    List<Comparison> comparisons = Comparison.of(runs.get(0).timings());
    assertEquals(1, comparisons.size());
    Comparison c = comparisons.get(0);
    assertEquals("stil", c.fastestPeer());
    assertEquals("astropy", c.slowestPeer());
    assertEquals(2.0, c.speedUp(), 1e-12);
    assertEquals(0.2, c.versusSlowest(), 1e-12);
    assertTrue(c.floor().isEmpty());
  }

  @Test
  void readsJmhMicrosecondsOfTheDefaultConfigurationWithTheFloor() throws IOException {
    write("image-read.jsonl", jmh("jfits", "default", 300), jmh("nom-tam-fits", "default", 900),
        jmh("floor", "default", 100), jmh("jfits", "thp", 1));

    List<Comparison> comparisons = Comparison.of(ResultFiles.latest(dir).get(0).timings());
    assertEquals(1, comparisons.size());
    Comparison c = comparisons.get(0);
    assertEquals(300e-6, c.jfits(), 1e-15);
    assertEquals(3.0, c.speedUp(), 1e-9);
    assertEquals(3.0, c.jfits() / c.floor().orElseThrow(), 1e-9);
  }

  private void write(String name, String... lines) throws IOException {
    Files.write(dir.resolve(name), List.of(lines));
  }

  private static String line(String lib, String op, int rows, double seconds) {
    return String.format("{\"lib\": \"%s\", \"op\": \"%s\", \"rows\": %d, \"median_s\": %s, \"date\": \"d\","
        + " \"commit\": \"c\", %s}", lib, op, rows, seconds, MACHINE);
  }

  private static String jmh(String lib, String config, double micros) {
    return String.format("{\"lib\": \"%s\", \"config\": \"%s\", \"type\": \"float32\", \"size\": 256, "
        + "\"median\": %s, \"date\": \"d\", \"commit\": \"c\", %s}", lib, config, micros, MACHINE);
  }
}
