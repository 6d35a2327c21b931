package org.jfits.kernel;

import java.util.List;

/**
 * A cell that failed: it did not compile, or it threw. The kernel answers the cell with an error
 * (so {@code nbconvert --execute} fails) whose text is {@link #report()}: the compiler's diagnostics
 * with the offending line, or the exception with its causes and the stack frames of the cell.
 */
public abstract class CellException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> report;

  CellException(String message, List<String> report) {
    super(message, null, false, false);
    this.report = List.copyOf(report);
  }

  /** The lines shown in the notebook under the failed cell. */
  public List<String> report() {
    return report;
  }
}
