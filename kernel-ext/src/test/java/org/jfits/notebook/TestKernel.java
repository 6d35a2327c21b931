package org.jfits.notebook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.execution.LocalExecutionControlProvider;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

/**
 * A kernel without Jupyter for tests: code runs in an in-process JShell on the test class path (so
 * values pass between the magic and the notebook as in a real kernel), and displayed data is kept in
 * {@link #displayed} instead of being published.
 */
public final class TestKernel extends BaseKernel implements AutoCloseable {
  final List<DisplayData> displayed = new ArrayList<>();
  private final JShell shell;

  TestKernel() {
    super("jfits-test", "0", new LanguageInfo("java", "17", "text/x-java", ".jshell", "java", null, null),
        List.of(), null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(),
        new MagicParser("(?<=(?:^|=))\\s*%", "%%", new MagicTranspiler()), new MagicsRegistry(), false,
        new StringStyler.Builder().build());
    shell = JShell.builder().executionEngine(new LocalExecutionControlProvider(), null).build();
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String entry : classPath.split(java.io.File.pathSeparator)) {
      shell.addToClasspath(entry);
    }
    new JfitsExtension().install(this);
  }

  @Override
  public void display(DisplayData data) {
    displayed.add(data);
  }

  /** Runs a line magic as the kernel would for {@code %name args}. */
  Object lineMagic(String... words) throws Exception {
    return getMagicsRegistry().evalLineMagic(this, "fits", List.of(words));
  }

  /** Runs the cell magic {@code %%fits} with {@code body}. */
  Object cellMagic(String body) throws Exception {
    return getMagicsRegistry().evalCellMagic(this, "fits", List.of(), body);
  }

  /**
   * Runs notebook code. An expression returns its live value, as a real kernel's evaluation does
   * (JShell itself only reports values as strings); declarations and statements return null.
   */
  @Override
  public Object evalRaw(String code) {
    List<Snippet> parts = shell.sourceCodeAnalysis().sourceToSnippets(code);
    boolean expression = parts.size() == 1 && (parts.get(0).kind() == Snippet.Kind.EXPRESSION
        || parts.get(0).subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND);
    if (!expression) {
      run(code);
      return null;
    }
    String key = "t" + NEXT.incrementAndGet();
    run("org.jfits.notebook.TestKernel.park(\"" + key + "\", " + code.strip().replaceAll(";$", "") + ");");
    Object value = PARKED.remove(key);
    return value == NULL ? null : value;
  }

  private void run(String code) {
    for (SnippetEvent event : shell.eval(code)) {
      if (event.exception() != null) {
        Exception e = event.exception();
        throw new IllegalStateException(e instanceof EvalException ee ? ee.getExceptionClassName() + ": " + e.getMessage()
            : e.toString(), e);
      }
      if (event.status() == Snippet.Status.REJECTED) {
        StringBuilder message = new StringBuilder("rejected: " + code);
        shell.diagnostics(event.snippet()).forEach(d -> message.append("; ").append(d.getMessage(null)));
        throw new IllegalStateException(message.toString());
      }
    }
  }

  private static final java.util.concurrent.atomic.AtomicLong NEXT = new java.util.concurrent.atomic.AtomicLong();
  private static final java.util.Map<String, Object> PARKED = new java.util.concurrent.ConcurrentHashMap<>();

  /** Called from JShell code by {@link #evalRaw} to hand an expression's value back. */
  public static void park(String key, Object value) {
    PARKED.put(key, value == null ? NULL : value);
  }

  private static final Object NULL = new Object();

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    return null;
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    return null;
  }

  @Override
  public String isComplete(String code) {
    return IS_COMPLETE_YES;
  }

  @Override
  public void close() {
    shell.close();
  }
}
