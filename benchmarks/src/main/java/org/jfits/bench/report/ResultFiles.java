package org.jfits.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.json.JSONObject;

/**
 * Reads the result files under {@code benchmarks/results/}: the latest full run of each peer
 * comparison ({@code SUITE-YYYY-MM-DD.jsonl}, one line per library, op and size with
 * {@code median_s}) and the JMH image reads ({@code image-read.jsonl}, medians in microseconds,
 * default configuration only).
 */
public final class ResultFiles {
  private static final Pattern DATED = Pattern.compile("([a-z0-9-]+?)-(\\d{4}-\\d{2}-\\d{2})\\.jsonl");
  private static final String JMH_FILE = "image-read.jsonl";

  private ResultFiles() {}

  /** The latest run of every suite found in {@code folder}, by suite name. */
  public static List<SuiteRun> latest(Path folder) throws IOException {
    Map<String, Path> newest = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.sorted(Comparator.comparing(Path::getFileName)).forEach(file -> {
        Matcher m = DATED.matcher(file.getFileName().toString());
        if (m.matches()) {
          newest.put(m.group(1), file);
        }
      });
    }
    List<SuiteRun> runs = new ArrayList<>();
    for (Map.Entry<String, Path> e : newest.entrySet()) {
      runs.add(peerRun(e.getKey(), e.getValue()));
    }
    Path jmh = folder.resolve(JMH_FILE);
    if (Files.exists(jmh)) {
      runs.add(jmhRun(jmh));
    }
    return runs;
  }

  private static SuiteRun peerRun(String suite, Path file) throws IOException {
    List<Timing> timings = new ArrayList<>();
    JSONObject first = null;
    for (JSONObject line : lines(file)) {
      if (!line.has("median_s") || !line.has("lib")) {
        continue;
      }
      first = first == null ? line : first;
      String size = line.has("size") ? line.get("size").toString() : line.opt("rows") + "";
      timings.add(new Timing(suite, line.getString("op"), size, line.getString("lib"), line.getDouble("median_s")));
    }
    if (first == null) {
      throw new IOException(file + " holds no timings");
    }
    return new SuiteRun(suite, file, first.optString("date"), first.optString("commit"), machine(first), timings);
  }

  private static SuiteRun jmhRun(Path file) throws IOException {
    List<Timing> timings = new ArrayList<>();
    JSONObject first = null;
    for (JSONObject line : lines(file)) {
      if (!"default".equals(line.optString("config", "default"))) {
        continue;
      }
      first = first == null ? line : first;
      double seconds = line.getDouble("median") * 1e-6;
      timings.add(new Timing("image-read", line.getString("type"), line.get("size").toString(),
          line.getString("lib"), seconds));
    }
    if (first == null) {
      throw new IOException(file + " holds no default-configuration timings");
    }
    return new SuiteRun("image-read", file, first.optString("date"), first.optString("commit"), machine(first),
        timings);
  }

  private static String machine(JSONObject line) {
    JSONObject m = line.optJSONObject("machine");
    if (m == null) {
      return "unknown machine";
    }
    Object memory = m.has("mem_gb") ? m.get("mem_gb") : m.opt("mem_gib");
    return m.optString("cpu") + ", " + m.opt("cores") + " cores, " + memory + " GB";
  }

  private static List<JSONObject> lines(Path file) throws IOException {
    try (Stream<String> text = Files.lines(file)) {
      return text.filter(s -> !s.isBlank()).map(JSONObject::new).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
