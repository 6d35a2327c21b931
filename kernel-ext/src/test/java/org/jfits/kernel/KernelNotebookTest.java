package org.jfits.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kernel as Jupyter runs it: {@code scripts/notebooks.sh} installs the kernelspec under
 * {@code target/} (through {@code scripts/install-kernel.sh}, as binder does) and executes the test
 * notebooks of {@code src/test/notebooks} with nbconvert. The assertions read the executed notebooks'
 * JSON; expected outputs are worked out by hand from each cell's Java code.
 */
class KernelNotebookTest {
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path NOTEBOOKS = MODULE.resolve("src/test/notebooks");
  private static final Path BUILD = MODULE.resolve("target/notebook-test");
  private static final Path EXECUTED = BUILD.resolve("notebooks/kernel-ext/src/test/notebooks");

  private static int exitCode;
  private static List<String> runnerLines;

  @BeforeAll
  static void executeTestNotebooks() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash",
        MODULE.resolve("../scripts/notebooks.sh").normalize().toString(),
        "--build-dir", BUILD.toString(), "--no-build"));
    for (String name : List.of("cells", "throws", "compile_error")) {
      command.add(NOTEBOOKS.resolve(name + ".ipynb").toString());
    }
    Path log = Files.createDirectories(BUILD).resolve("runner.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("notebooks.sh still running after 10 minutes");
    }
    exitCode = process.exitValue();
    runnerLines = Files.readAllLines(log);
  }

  @Test
  void runnerPrintsOneLinePerNotebookAndFailsWhenOneFails() {
    assertEquals(1, exitCode, String.join("\n", runnerLines));
    assertTrue(runnerLines.stream().anyMatch(l -> l.matches("ok +\\d+\\.\\ds  .*/cells\\.ipynb")),
        String.join("\n", runnerLines));
    assertTrue(runnerLines.stream().anyMatch(l -> l.matches("FAILED +\\d+\\.\\ds  .*/throws\\.ipynb")));
    assertTrue(runnerLines.stream()
        .anyMatch(l -> l.matches("FAILED +\\d+\\.\\ds  .*/compile_error\\.ipynb")));
  }

  @Test
  void printedTextReachesTheNotebook() throws IOException {
    assertEquals("hello from a cell\n", stream(cell("cells", 0), "stdout"));
  }

  @Test
  void finalExpressionIsTheExecuteResult() throws IOException {
    assertTrue(cell("cells", 1).getAsJsonArray("outputs").isEmpty(), "a declaration shows nothing");
    assertEquals("43", result(cell("cells", 2), "execute_result"));
  }

  @Test
  void importedClassIsUsableInTheSameCell() throws IOException {
    assertEquals("a+b+c", result(cell("cells", 3), "execute_result"));
  }

  @Test
  void displayShowsItsArgument() throws IOException {
    JsonObject cell = cell("cells", 4);
    assertEquals("shown by display()", result(cell, "display_data"));
    assertEquals(1, cell.getAsJsonArray("outputs").size(), "display(...); has no result of its own");
  }

  @Test
  void extensionAddedByClasspathMagicInstallsAndItsFailingNeighbourIsLogged() throws IOException {
    String stderr = stream(cell("cells", 5), "stderr");
    assertTrue(stderr.contains("org.jfits.kernel.FailingTestExtension failed to install"), stderr);
    assertTrue(stderr.contains("NoSuchTestExtension not found"), stderr);
  }

  @Test
  void magicDeclaresAVariableByNestedEvaluation() throws IOException {
    assertTrue(cell("cells", 6).getAsJsonArray("outputs").isEmpty());
    assertEquals("10", result(cell("cells", 7), "execute_result")); // 1 + 2 + 3 + 4
  }

  @Test
  void jfitsReadsAnImageIntoNd4jInsideTheKernel() throws IOException {
    JsonObject cell = cell("cells", 8);
    // astropy: samples/astropy_test0.fits has 5 HDUs, ('SCI', 2) is a 40 x 40 image
    assertEquals("5 HDUs\n", stream(cell, "stdout"));
    assertEquals("[40, 40]", result(cell, "execute_result"));
    assertTrue(Files.isDirectory(BUILD.resolve("jupyter/lib/jfits-kernel/javacpp-cache")),
        "ND4J's native libraries unpack inside the kernel's install folder");
  }

  @Test
  void throwingCellFailsTheRunAndNamesTheException() throws IOException {
    String log = Files.readString(EXECUTED.resolve("throws.log"));
    assertTrue(log.contains("java.lang.IllegalStateException: deliberate failure, n = 2"), log);
    assertEquals("before the failure\n", stream(cell("throws", 0), "stdout"));
    JsonObject error = output(cell("throws", 1), "error");
    assertEquals(List.of("java.lang.IllegalStateException: deliberate failure, n = 2",
        "    at check (line 3)", "    at cell (line 6)"), traceback(error));
    assertTrue(cell("throws", 2).getAsJsonArray("outputs").isEmpty(), "ran after the failure");
    assertTrue(Files.readString(EXECUTED.resolve("throws.html")).contains("deliberate failure"));
  }

  @Test
  void compileErrorShowsTheCompilerMessageAndACaret() throws IOException {
    String log = Files.readString(EXECUTED.resolve("compile_error.log"));
    assertTrue(log.contains("incompatible types: java.lang.String cannot be converted to int"), log);
    JsonObject error = output(cell("compile_error", 0), "error");
    // "three" starts at column 12 of 'int count = "three";'
    assertEquals(List.of(
        "line 1: error: incompatible types: java.lang.String cannot be converted to int",
        "    int count = \"three\";",
        "    " + " ".repeat(12) + "^"), traceback(error));
  }

  @Test
  void kernelspecRunsKernelMainOnTheInstalledJars() throws IOException {
    Path lib = BUILD.resolve("jupyter/lib/jfits-kernel");
    JsonObject spec = JsonParser.parseString(Files.readString(
        BUILD.resolve("jupyter/data/kernels/jfits/kernel.json"))).getAsJsonObject();
    assertEquals("Java (jfits)", spec.get("display_name").getAsString());
    assertEquals("java", spec.get("language").getAsString());
    assertEquals("message", spec.get("interrupt_mode").getAsString());
    List<String> argv = new ArrayList<>();
    spec.getAsJsonArray("argv").forEach(a -> argv.add(a.getAsString()));
    assertTrue(argv.get(0).endsWith("java"), argv.get(0));
    assertEquals(List.of("-cp", lib + "/*", "org.jfits.kernel.KernelMain", "{connection_file}"),
        argv.subList(argv.size() - 4, argv.size()));
    assertTrue(argv.contains("-Djava.awt.headless=true"), argv.toString());
    assertTrue(argv.contains("-Dorg.bytedeco.javacpp.cachedir=" + lib + "/javacpp-cache"));
    List<String> jars;
    try (Stream<Path> files = Files.list(lib)) {
      jars = files.map(p -> p.getFileName().toString()).toList();
    }
    assertTrue(jars.contains("jfits-kernel-ext.jar"), jars.toString());
    assertTrue(jars.stream().anyMatch(j -> j.startsWith("jfits-core")), jars.toString());
    assertTrue(jars.contains("nd4j-native-1.0.0-M2.1-linux-x86_64.jar"), jars.toString());
    assertFalse(jars.stream().anyMatch(j -> j.matches(".*-(macosx|windows|android|ios|linux-arm|linux-ppc).*")),
        jars.toString());
  }

  private static JsonObject cell(String notebook, int index) throws IOException {
    JsonObject json = JsonParser.parseString(Files.readString(
        EXECUTED.resolve(notebook + ".ipynb"), StandardCharsets.UTF_8)).getAsJsonObject();
    return json.getAsJsonArray("cells").get(index).getAsJsonObject();
  }

  private static JsonObject output(JsonObject cell, String type) {
    for (JsonElement o : cell.getAsJsonArray("outputs")) {
      if (o.getAsJsonObject().get("output_type").getAsString().equals(type)) {
        return o.getAsJsonObject();
      }
    }
    throw new AssertionError("no " + type + " output in " + cell);
  }

  private static String stream(JsonObject cell, String name) {
    for (JsonElement o : cell.getAsJsonArray("outputs")) {
      JsonObject out = o.getAsJsonObject();
      if (out.get("output_type").getAsString().equals("stream")
          && out.get("name").getAsString().equals(name)) {
        return text(out.get("text"));
      }
    }
    throw new AssertionError("no " + name + " stream in " + cell);
  }

  private static String result(JsonObject cell, String type) {
    return text(output(cell, type).getAsJsonObject("data").get("text/plain"));
  }

  /** Notebook text is a string or a list of lines. */
  private static String text(JsonElement text) {
    if (!text.isJsonArray()) {
      return text.getAsString();
    }
    StringBuilder joined = new StringBuilder();
    text.getAsJsonArray().forEach(line -> joined.append(line.getAsString()));
    return joined.toString();
  }

  /** The traceback lines without their terminal colours. */
  private static List<String> traceback(JsonObject error) {
    JsonArray lines = error.getAsJsonArray("traceback");
    List<String> plain = new ArrayList<>();
    lines.forEach(l -> plain.add(l.getAsString().replaceAll("\u001b\\[[0-9;]*m", "")));
    return plain;
  }
}
