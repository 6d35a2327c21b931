package org.jfits.kernel;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;

/**
 * Evaluates Java cells with jshell, in this JVM. A cell is split into snippets, evaluated in order;
 * the value of a final expression snippet is the cell's value. Evaluation may nest: code running in
 * a cell (a magic) may evaluate more code, on the same thread.
 *
 * <p>Not thread-safe: the kernel evaluates one cell at a time; only {@link #stop()} may be called
 * from another thread.
 */
final class CellEvaluator implements AutoCloseable {
  private final SnippetLoader loader;
  private final SnippetExecutionControl control;
  /** jshell, once started with the start-up code evaluated; compiler start-up takes seconds. */
  private final CompletableFuture<JShell> started = new CompletableFuture<>();
  /** Snippet id to the 0-based cell line it starts on, for the cell being evaluated. */
  private final Map<String, Integer> cellLines = new HashMap<>();
  private int nesting;

  /**
   * Starts jshell on a thread of its own, so that the kernel can answer Jupyter meanwhile; the
   * first use of the evaluator waits for it.
   *
   * @param parent the loader cell classes delegate to (the kernel's)
   * @param classpath what the compiler sees besides the JDK: the kernel's class path
   * @param startupCode code evaluated first (the default imports)
   */
  CellEvaluator(ClassLoader parent, String classpath, String startupCode) {
    this.loader = new SnippetLoader(parent, classpath);
    this.control = new SnippetExecutionControl(loader);
    Thread start = new Thread(() -> {
      try {
        JShell shell = JShell.builder().executionEngine(control.provider(), Map.of()).build();
        shell.addToClasspath(classpath); // for the compiler: the loader has these classes already
        eval(shell, startupCode);
        started.complete(shell);
      } catch (RuntimeException | Error e) {
        started.completeExceptionally(e);
      }
    }, "jfits-kernel-start");
    start.setDaemon(true);
    start.start();
  }

  private JShell shell() {
    try {
      return started.join();
    } catch (CompletionException e) {
      throw new IllegalStateException("the kernel failed to start: " + e.getCause(), e.getCause());
    }
  }

  /** The loader of cell classes and of jars added by {@link #addToClasspath(Path)}. */
  ClassLoader classLoader() {
    return loader.classLoader();
  }

  /**
   * Evaluates Java code (no magics) and returns the value of its last snippet when that is an
   * expression (not an assignment) without a final semicolon, else null.
   *
   * @throws CompilationException when a snippet does not compile (earlier snippets stay evaluated)
   * @throws EvaluationException when a snippet throws
   */
  Object eval(String code) {
    return eval(shell(), code);
  }

  private Object eval(JShell shell, String code) {
    if (nesting++ == 0) {
      cellLines.clear();
    }
    try {
      Object value = null;
      for (CellSnippet snippet : CellSnippet.split(shell.sourceCodeAnalysis(), code)) {
        value = evalSnippet(shell, snippet);
      }
      return value;
    } finally {
      if (--nesting == 0) {
        control.forgetValues();
      }
    }
  }

  private Object evalSnippet(JShell shell, CellSnippet snippet) {
    List<SnippetEvent> events = shell.eval(snippet.source());
    Object value = null;
    for (SnippetEvent event : events) {
      if (event.causeSnippet() != null) {
        continue; // a dependent declaration updated by this snippet
      }
      Snippet s = event.snippet();
      cellLines.putIfAbsent(s.id(), snippet.firstLine());
      if (event.exception() != null) {
        throw CellErrors.runtime(event.exception(), cellLines);
      }
      if (event.status() == Snippet.Status.REJECTED) {
        throw CellErrors.compilation(snippet, shell.diagnostics(s).toList());
      }
      value = snippet.unterminated() && isValue(s.subKind()) ? control.take(event.value()) : null;
    }
    return value;
  }

  private static boolean isValue(Snippet.SubKind kind) {
    return kind == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
        || kind == Snippet.SubKind.VAR_VALUE_SUBKIND
        || kind == Snippet.SubKind.OTHER_EXPRESSION_SUBKIND;
  }

  /** Adds a jar or class folder for the compiler and for cell code. */
  void addToClasspath(Path path) {
    shell().addToClasspath(path.toAbsolutePath().toString());
  }

  /**
   * Whether the code is ready to run: {@code "complete"}, {@code "invalid"}, or an indent to continue
   * the next line with when a statement is still open.
   */
  String isComplete(String code) {
    SourceCodeAnalysis analysis = shell().sourceCodeAnalysis();
    CompletionInfo info = analysis.analyzeCompletion(code);
    while (info.completeness().isComplete() && !info.remaining().isBlank()) {
      info = analysis.analyzeCompletion(info.remaining());
    }
    switch (info.completeness()) {
      case COMPLETE:
      case COMPLETE_WITH_SEMI:
      case EMPTY:
        return "complete";
      case UNKNOWN:
        return "invalid";
      default:
        return "    ";
    }
  }

  /** Completion suggestions at {@code cursor}: the texts, and the cell range they replace. */
  Completion complete(String code, int cursor) {
    String current = currentSnippet(code, cursor);
    int offset = cursor - current.length();
    int[] anchor = new int[1];
    List<String> texts = shell().sourceCodeAnalysis().completionSuggestions(current, current.length(), anchor).stream()
        .map(Suggestion::continuation)
        .distinct()
        .toList();
    return new Completion(texts, offset + anchor[0], cursor);
  }

  /** Completion texts and the range {@code [start, end)} of the cell they replace. */
  record Completion(List<String> texts, int start, int end) {}

  /** Signatures and Javadoc of what is at {@code cursor}, one entry per overload; may be empty. */
  List<Documentation> documentation(String code, int cursor, boolean javadoc) {
    String current = currentSnippet(code, cursor);
    return shell().sourceCodeAnalysis().documentation(current, current.length(), javadoc);
  }

  /** The text from the start of the snippet the cursor is in up to the cursor. */
  private String currentSnippet(String code, int cursor) {
    SourceCodeAnalysis analysis = shell().sourceCodeAnalysis();
    String rest = code.substring(0, Math.max(0, Math.min(cursor, code.length())));
    CompletionInfo info = analysis.analyzeCompletion(rest);
    while (info.completeness().isComplete() && !info.remaining().isBlank()) {
      rest = info.remaining();
      info = analysis.analyzeCompletion(rest);
    }
    return rest;
  }

  /** Interrupts the thread running cell code (see {@link SnippetExecutionControl#stop()}). */
  void stop() {
    JShell shell = started.getNow(null);
    if (shell != null) {
      shell.stop();
    }
  }

  @Override
  public void close() {
    started.thenAccept(JShell::close);
  }
}
