package org.jfits.kernel;

import java.util.List;

/**
 * Cell code that the Java compiler rejected, or that ends in the middle of a statement. The
 * message is the first diagnostic; {@link #report()} lists every diagnostic with its cell line, the
 * source line and a caret under the position.
 */
public final class CompilationException extends CellException {
  private static final long serialVersionUID = 1L;

  CompilationException(String message, List<String> report) {
    super(message, report);
  }
}
