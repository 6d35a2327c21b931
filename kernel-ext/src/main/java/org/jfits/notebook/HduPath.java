package org.jfits.notebook;

import java.util.function.Predicate;
import org.jfits.FitsFile;
import org.jfits.Hdu;

/**
 * A file and an optional HDU, written {@code PATH[HDU]} as in astropy and cfitsio:
 * {@code f.fits[1]} (index), {@code f.fits[SCI]} (EXTNAME), {@code f.fits[SCI,2]} (EXTNAME, EXTVER).
 *
 * @param path the file
 * @param selector what is inside the brackets, or {@code null} when there are none
 */
record HduPath(String path, String selector) {

  /** @throws FitsMagicException if the path is empty or the brackets are empty */
  static HduPath parse(String text, String command) {
    String path = text;
    String selector = null;
    int open = text.lastIndexOf('[');
    if (text.endsWith("]") && open >= 0) {
      path = text.substring(0, open);
      selector = text.substring(open + 1, text.length() - 1).strip();
      if (selector.isEmpty()) {
        throw new FitsMagicException(command + ": empty HDU brackets in " + text
            + "; write an index or EXTNAME: f.fits[1], f.fits[SCI], f.fits[SCI,2]");
      }
    }
    if (path.isBlank()) {
      throw new FitsMagicException(command + ": missing file path in '" + text + "'");
    }
    return new HduPath(path, selector);
  }

  /**
   * The HDU named by the brackets, or without brackets the first HDU that {@code fallback} accepts.
   *
   * @param what what the fallback looks for, for the message when none matches
   * @throws FitsMagicException if no HDU matches
   */
  Hdu select(FitsFile file, Predicate<Hdu> fallback, String what, String command) {
    if (selector == null) {
      for (Hdu hdu : file) {
        if (fallback.test(hdu)) {
          return hdu;
        }
      }
      throw new FitsMagicException(command + ": " + path + " has no " + what + "; name an HDU with " + path + "[N]");
    }
    if (selector.chars().allMatch(Character::isDigit)) {
      return file.hdu(Integer.parseInt(selector));
    }
    int comma = selector.indexOf(',');
    if (comma < 0) {
      return file.hdu(selector);
    }
    String version = selector.substring(comma + 1).strip();
    if (version.isEmpty() || !version.chars().allMatch(Character::isDigit)) {
      throw new FitsMagicException(command + ": EXTVER '" + version + "' in [" + selector + "] is not a number");
    }
    return file.hdu(selector.substring(0, comma).strip(), Integer.parseInt(version));
  }
}
