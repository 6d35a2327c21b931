package org.jfits.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel in this JVM, without Jupyter: cells go straight to {@code evalRaw}. Expected values are
 * worked out by hand from the Java code of each cell.
 */
class JfitsKernelTest {
  private JfitsKernel kernel;

  @BeforeEach
  void start() {
    kernel = TestKernels.start();
  }

  @AfterEach
  void stop() {
    kernel.onShutdown(false);
  }

  @Test
  void finalExpressionIsTheCellValue() {
    assertEquals(6, kernel.evalRaw("int a = 2;\nint b = 3;\na * b"));
  }

  @Test
  void cellEndingWithAStatementOrSemicolonHasNoValue() {
    assertNull(kernel.evalRaw("int c = 4;"));
    assertNull(kernel.evalRaw("String s = \"x\";\ns = \"y\";"));
    assertNull(kernel.evalRaw("new ArrayList<Integer>().add(3);"));
    assertEquals(true, kernel.evalRaw("new ArrayList<Integer>().add(3)"));
  }

  @Test
  void variablesAndMethodsOutliveTheirCell() {
    kernel.evalRaw("int base = 40;\nint plus(int x) { return base + x; }");
    assertEquals(42, kernel.evalRaw("plus(2)"));
  }

  @Test
  void defaultImportsAreInScope() {
    assertEquals(2, kernel.evalRaw("new ArrayList<>(List.of(1, 2)).size()"));
    assertEquals("b", kernel.evalRaw("Paths.get(\"a\", \"b\").getFileName().toString()"));
    assertEquals("t", kernel.evalRaw("Table.create(\"t\").name()"));
    assertEquals("org.jfits.Fits", kernel.evalRaw("Fits.class.getName()"));
    assertEquals("org.nd4j.linalg.api.ndarray.INDArray", kernel.evalRaw("INDArray.class.getName()"));
  }

  @Test
  void importsInACellHoldForLaterCells() {
    kernel.evalRaw("import java.util.concurrent.atomic.AtomicInteger;");
    assertEquals(5, kernel.evalRaw("new AtomicInteger(5).get()"));
  }

  @Test
  void compileErrorNamesTheCellLineAndPointsAtTheColumn() {
    CompilationException e = assertThrows(CompilationException.class,
        () -> kernel.evalRaw("int x = 1;\nint y = x + missing;"));
    assertEquals("cannot find symbol", e.getMessage());
    List<String> report = e.report();
    assertEquals("line 2: error: cannot find symbol", report.get(0));
    int source = report.indexOf("    int y = x + missing;");
    assertTrue(source > 0, String.join("\n", report));
    // "missing" starts at column 12 of its line
    assertEquals("    " + " ".repeat(12) + "^", report.get(source + 1));
  }

  @Test
  void cellStoppingInsideABlockIsACompilationError() {
    CompilationException e = assertThrows(CompilationException.class,
        () -> kernel.evalRaw("int k = 1;\nif (k > 0) {\n  k++;"));
    assertTrue(e.report().get(0).startsWith("line 2: incomplete code"), e.report().get(0));
  }

  @Test
  void exceptionReportsClassMessageCausesAndOnlyCellFrames() {
    EvaluationException e = assertThrows(EvaluationException.class, () -> kernel.evalRaw(
        "void fail() {\n"
            + "  throw new IllegalStateException(\"outer\", new java.io.IOException(\"inner\"));\n"
            + "}\n"
            + "fail();"));
    assertEquals("java.lang.IllegalStateException", e.exceptionClass());
    List<String> report = e.report();
    assertEquals("java.lang.IllegalStateException: outer", report.get(0));
    assertEquals("    at fail (line 2)", report.get(1));
    assertEquals("    at cell (line 4)", report.get(2));
    assertEquals("Caused by: java.io.IOException: inner", report.get(3));
    for (String line : report) {
      assertFalse(line.contains("jdk.jshell") || line.contains("java.lang.reflect")
          || line.contains("org.jfits.kernel"), "kernel frame in report: " + line);
    }
  }

  @Test
  void framesOfLibraryCodeCalledByTheCellAreKept() {
    EvaluationException e = assertThrows(EvaluationException.class,
        () -> kernel.evalRaw("Integer.parseInt(\"x\")"));
    assertEquals("java.lang.NumberFormatException: For input string: \"x\"", e.report().get(0));
    assertTrue(e.report().stream().anyMatch(l -> l.startsWith("    at java.base/java.lang.Integer.parseInt")),
        String.join("\n", e.report()));
    assertEquals("    at cell (line 1)", e.report().get(e.report().size() - 1));
  }

  @Test
  void magicCanDeclareAVariableByNestedEvaluation() {
    assertNull(kernel.evalRaw("%define answer 6 * 7"));
    assertEquals(42, kernel.evalRaw("answer"));
  }

  @Test
  void extensionThatFailsToInstallDoesNotStopTheOthers() {
    assertTrue(FailingTestExtension.attempted);
    assertTrue(kernel.getMagicsRegistry().getLineMagicNames().contains("define"));
  }

  @Test
  void jarsMagicAddsAJarAndInstallsItsExtension(@TempDir Path dir) throws IOException {
    TestJars.greeterWithExtension(dir.resolve("greeter.jar"));
    kernel.evalRaw("%jars " + dir + "/*.jar");
    assertEquals("hello, fits", kernel.evalRaw("new demo.Greeter().greet(\"fits\")"));
    kernel.evalRaw("String greeting = %greet magic");
    assertEquals("hello, magic", kernel.evalRaw("greeting"));
  }

  @Test
  void classpathMagicRejectsAMissingPath(@TempDir Path dir) {
    EvaluationException e = assertThrows(EvaluationException.class,
        () -> kernel.evalRaw("%classpath " + dir.resolve("absent.jar")));
    // jjava's lineMagic wraps what a magic throws in a RuntimeException
    assertEquals("java.lang.RuntimeException", e.exceptionClass());
    assertTrue(e.report().contains("Caused by: java.lang.IllegalArgumentException: nothing matches "
        + dir.resolve("absent.jar")), String.join("\n", e.report()));
  }

  @Test
  void isCompleteTellsOpenBlocksFromWholeCode() {
    assertEquals("complete", kernel.isComplete("int z = 1;\nz + 1"));
    String open = kernel.isComplete("for (int i = 0; i < 3; i++) {");
    assertTrue(open.isBlank(), "an indent, not '" + open + "'");
  }

  @Test
  void completionSuggestsMembersOfTheSnippetAtTheCursor() {
    String code = "int n = 1;\n\"abc\".subs";
    ReplacementOptions options = kernel.complete(code, code.length());
    assertTrue(options.getReplacements().contains("substring("), options.getReplacements().toString());
    assertEquals(code.indexOf("subs"), options.getSourceStart());
    assertEquals(code.length(), options.getSourceEnd());
  }

  @Test
  void inspectionShowsTheSignatureAtTheCursor() {
    String code = "int n = 2;\nInteger.toHexString(";
    String text = (String) kernel.inspect(code, code.length(), false)
        .getData(MIMEType.TEXT_PLAIN);
    assertEquals("String Integer.toHexString(int i)", text);
  }

  @Test
  void interruptStopsASleepingCell() {
    CompletableFuture<Object> cell = CompletableFuture.supplyAsync(
        () -> kernel.evalRaw("Thread.sleep(60_000);\n\"not interrupted\""));
    ExecutionException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      while (!cell.isDone()) {
        kernel.interrupt();
        Thread.sleep(50);
      }
      return assertThrows(ExecutionException.class, cell::get);
    });
    EvaluationException cause = (EvaluationException) e.getCause();
    assertEquals("java.lang.InterruptedException", cause.exceptionClass());
  }
}
