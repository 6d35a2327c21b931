package org.jfits.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Turns jshell's diagnostics and exceptions into the short reports a notebook shows: compiler
 * messages with the cell line, the source line and a caret; exceptions with their causes and only
 * the stack frames of cell code and what it called (the kernel's reflection and jshell frames are
 * cut off).
 */
final class CellErrors {
  /** The wrapper class jshell puts each snippet in: {@code REPL.$JShell$12}, nested classes after. */
  private static final Pattern WRAPPER = Pattern.compile("^REPL\\.\\$JShell\\$\\d+[A-Z]*\\$?(.*)");
  /** jshell names the source of a snippet's frames {@code #id}. */
  private static final Pattern SNIPPET_FILE = Pattern.compile("#\\d+");
  /** The method of a snippet's own code (jshell leaves its name out of translated frames). */
  private static final String CELL_METHOD = "do_it$";

  private CellErrors() {}

  /** A rejected snippet: its error diagnostics (warnings are left out). */
  static CompilationException compilation(CellSnippet snippet, List<Diag> diagnostics) {
    List<String> report = new ArrayList<>();
    String first = null;
    for (Diag d : diagnostics) {
      if (!d.isError()) {
        continue;
      }
      String message = d.getMessage(Locale.ROOT);
      if (first == null) {
        first = message.lines().findFirst().orElse(message);
      }
      report.addAll(diagnostic(snippet, message, (int) d.getPosition()));
    }
    if (first == null) {
      first = "the compiler rejected the code";
      report.add("line " + (snippet.firstLine() + 1) + ": " + first);
    }
    return new CompilationException(first, report);
  }

  /** One diagnostic: "line N: message", the source line, a caret under the position. */
  static List<String> diagnostic(CellSnippet snippet, String message, int position) {
    String source = snippet.source();
    int at = position < 0 ? 0 : Math.min(position, source.length());
    int lineStart = source.lastIndexOf('\n', at - 1) + 1;
    int lineEnd = source.indexOf('\n', at);
    String line = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
    int cellLine = snippet.cellLine(at) + 1;
    List<String> lines = new ArrayList<>();
    List<String> messageLines = message.lines().toList();
    lines.add("line " + cellLine + ": error: " + (messageLines.isEmpty() ? "" : messageLines.get(0)));
    for (int i = 1; i < messageLines.size(); i++) {
      if (!messageLines.get(i).strip().equals("location: class")) { // jshell's nameless wrapper
        lines.add("  " + messageLines.get(i));
      }
    }
    lines.add("    " + line);
    lines.add("    " + " ".repeat(Math.max(0, at - lineStart)) + "^");
    return lines;
  }

  /**
   * A snippet that threw. {@code cellLines} maps the ids of the current cell's snippets to the
   * 0-based cell line they start on; frames of other snippets (methods declared in earlier cells)
   * name the snippet instead.
   */
  static EvaluationException runtime(JShellException e, Map<String, Integer> cellLines) {
    if (e instanceof UnresolvedReferenceException unresolved) {
      String message = "the code uses a definition that is not complete yet: "
          + unresolved.getSnippet().source().strip().lines().findFirst().orElse("");
      return new EvaluationException(UnresolvedReferenceException.class.getName(), message,
          List.of(message));
    }
    String className = e instanceof EvalException eval ? eval.getExceptionClassName()
        : e.getClass().getName();
    String headline = headline(className, e.getMessage());
    List<String> report = new ArrayList<>();
    report.add(headline);
    frames(e.getStackTrace(), cellLines, report);
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      String causeClass = cause instanceof EvalException eval ? eval.getExceptionClassName()
          : cause.getClass().getName();
      report.add("Caused by: " + headline(causeClass, cause.getMessage()));
      frames(cause.getStackTrace(), cellLines, report);
    }
    return new EvaluationException(className, headline, report);
  }

  private static String headline(String className, String message) {
    return message == null ? className : className + ": " + message;
  }

  /** The frames down to the last one of cell code; all frames when there is none. */
  private static void frames(StackTraceElement[] trace, Map<String, Integer> cellLines,
      List<String> report) {
    int last = trace.length - 1;
    while (last >= 0 && snippetId(trace[last]) == null) {
      last--;
    }
    if (last < 0) {
      last = trace.length - 1;
    }
    for (int i = 0; i <= last; i++) {
      report.add("    at " + frame(trace[i], cellLines));
    }
  }

  /**
   * One frame; frames of cell code read {@code cell (line 3)}, {@code square (line 1)} or
   * {@code Point.norm (line 5)}, with a cell line when the snippet belongs to the current cell, and
   * the snippet ({@code #12:3}) otherwise.
   */
  static String frame(StackTraceElement frame, Map<String, Integer> cellLines) {
    String id = snippetId(frame);
    if (id == null) {
      return frame.toString();
    }
    String method = frame.getMethodName();
    String owner = WRAPPER.matcher(frame.getClassName()).replaceFirst("$1").replace('$', '.');
    String where = method.isEmpty() || CELL_METHOD.equals(method) ? "cell"
        : owner.isEmpty() ? method : owner + "." + method;
    Integer first = cellLines.get(id);
    if (first != null && frame.getLineNumber() > 0) {
      return where + " (line " + (first + frame.getLineNumber()) + ")";
    }
    return where + " (#" + id + ":" + frame.getLineNumber() + ")";
  }

  /** The id of the snippet a frame runs in (jshell names the file {@code #id}), or null. */
  private static String snippetId(StackTraceElement frame) {
    String file = frame.getFileName();
    return file != null && SNIPPET_FILE.matcher(file).matches() ? file.substring(1) : null;
  }
}
