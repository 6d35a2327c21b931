package org.jfits.kernel;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * One statement, declaration or expression of a cell, as jshell evaluates it (blank lines before it
 * included), with the cell line (0-based) of its first non-blank character, so that diagnostics and
 * stack frames can name cell lines. {@code unterminated}: the code ends without a semicolon (jshell
 * adds it); only an unterminated expression shows its value, as in IPython, where a final
 * semicolon hides it.
 */
record CellSnippet(String source, int firstLine, boolean unterminated) {

  /** The 0-based cell line of a position in {@link #source()}. */
  int cellLine(int position) {
    return firstLine + lineOf(source, position) - lineOf(source, leadingBlanks(source));
  }

  /**
   * Splits a cell into the snippets jshell evaluates one by one, with jshell's own parser (a
   * missing final semicolon is added). Code left over that does not form a whole snippet (an open
   * brace, a dangling operator) is a {@link CompilationException}.
   */
  static List<CellSnippet> split(SourceCodeAnalysis analysis, String cell) {
    List<CellSnippet> snippets = new ArrayList<>();
    String remaining = cell;
    CompletionInfo info = analysis.analyzeCompletion(remaining);
    while (info.completeness().isComplete()) {
      int start = cell.length() - remaining.length();
      int code = start + leadingBlanks(remaining);
      boolean unterminated = info.completeness() == Completeness.COMPLETE_WITH_SEMI
          || !info.source().stripTrailing().endsWith(";");
      snippets.add(new CellSnippet(info.source(), lineOf(cell, code), unterminated));
      remaining = info.remaining();
      info = analysis.analyzeCompletion(remaining);
    }
    if (info.completeness() != Completeness.EMPTY) {
      int line = lineOf(cell, cell.length() - remaining.length() + leadingBlanks(remaining));
      String text = remaining.strip();
      throw new CompilationException("incomplete code at the end of the cell",
          List.of("line " + (line + 1) + ": incomplete code at the end of the cell (an unclosed"
              + " bracket or string, or a statement that stops short):", "    " + firstLine(text)));
    }
    return snippets;
  }

  static int lineOf(String text, int offset) {
    int line = 0;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int leadingBlanks(String text) {
    int i = 0;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
