package org.jfits.write;

import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the header keywords that belong to table columns by number and renumbers them for a
 * table that keeps only some columns. Column keywords are T followed by one to five letters and the
 * column number (TTYPEn, TFORMn, TUNITn, TNULLn, TSCALn, TDIMn, TLMINn, the conventions TCOMMn and
 * TUCDn, ESO-MIDAS's TLABLnnn, the WCS keywords of pixel lists TCTYPn, TCRVLna ...), the WCS
 * keywords of image-array columns (iCTYPn, ijPCn, iVn_m ..., WCSNn, WCAXna), and those of pixel
 * lists that name two columns (TPn_k, TCn_k, TPCn_k, TCDn_k), with or without an alternate-description
 * letter; a number is a column number when it lies between 1 and TFIELDS. A renumbered keyword keeps
 * the zero padding of its number (TLABL007 becomes TLABL003).
 */
final class ColumnKeywords {
  /** A keyword form: the pattern and the numbers of its groups that hold column numbers. */
  private record Form(Pattern pattern, int... columnGroups) {}

  private static final List<Form> FORMS = List.of(
      new Form(Pattern.compile("(T[A-Z]{1,5}|WCSN|WCAX|WCSAX)([0-9]{1,3})([A-Z]?)"), 2),
      new Form(Pattern.compile("([1-9])(CTYP|CTY|CUNI|CUN|CRVL|CRV|CDLT|CDE|CRPX|CRP|CROT|CRD|CSY|CNA)"
          + "([0-9]{1,3})([A-Z]?)"), 3),
      new Form(Pattern.compile("([1-9][1-9])(PC|CD)([0-9]{1,3})([A-Z]?)"), 3),
      new Form(Pattern.compile("(TPC|TCD|TP|TC)([0-9]{1,3})_([0-9]{1,3})([A-Z]?)"), 2, 3),
      new Form(Pattern.compile("(T|[1-9])(V|S)([0-9]{1,3})_([0-9]{1,2})([A-Z]?)"), 3));

  private ColumnKeywords() {}

  /**
   * The keyword for the new table: itself when it is not a column keyword of a table with
   * {@code columns} columns; renumbered by {@code newNumber} (1-based old number to 1-based new
   * number, or 0 for a column left out) when it is; empty when it names a column left out.
   */
  static Optional<String> renumber(String keyword, int columns, IntUnaryOperator newNumber) {
    for (Form form : FORMS) {
      Matcher m = form.pattern.matcher(keyword);
      if (!m.matches()) {
        continue;
      }
      StringBuilder out = new StringBuilder(keyword);
      // from the last group to the first, so that earlier positions stay valid
      for (int i = form.columnGroups.length - 1; i >= 0; i--) {
        int group = form.columnGroups[i];
        int old = Integer.parseInt(m.group(group));
        if (old < 1 || old > columns) {
          return Optional.of(keyword);
        }
        int renumbered = newNumber.applyAsInt(old);
        if (renumbered == 0) {
          return Optional.empty();
        }
        String digits = m.group(group);
        String number = digits.startsWith("0") ? String.format("%0" + digits.length() + "d", renumbered)
            : Integer.toString(renumbered);
        out.replace(m.start(group), m.end(group), number);
      }
      return Optional.of(out.toString());
    }
    return Optional.of(keyword);
  }
}
