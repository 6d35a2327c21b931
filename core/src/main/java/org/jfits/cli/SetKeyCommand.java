package org.jfits.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.jfits.header.Card;
import org.jfits.write.HeaderUpdate;

/**
 * {@code setkey FILE [--hdu N|NAME | --all] KEY=VALUE[/COMMENT]... [--delete KEY]... [--rename OLD=NEW]...}:
 * changes header cards of a file in place when the header keeps its size, else rewrites the file
 * through a temporary copy ({@link HeaderUpdate}). Values are typed as FITS writes them: {@code T} and
 * {@code F} logicals, whole numbers, reals, and strings (optionally in single quotes); keywords longer
 * than 8 characters become HIERARCH cards. Structural keywords (BITPIX, NAXISn, ...) are refused.
 */
final class SetKeyCommand {
  private static final Pattern ASSIGNMENT = Pattern.compile("([^=]+)=(.*)");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern REAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eEdD][+-]?\\d+)?");

  private SetKeyCommand() {}

  static int run(Main.Options options, PrintStream out) {
    if (options.files.isEmpty()) {
      throw new Main.UsageException("setkey needs a FILE");
    }
    FileSpec spec = FileSpec.parse(options.files.get(0));
    List<String> changes = options.files.subList(1, options.files.size());
    if (changes.isEmpty() && options.deletions.isEmpty() && options.renames.isEmpty()) {
      throw new Main.UsageException("setkey needs KEY=VALUE, --delete KEY or --rename OLD=NEW");
    }
    options.takeHdu(spec);
    Path path = Path.of(FileSpec.requireLocal(spec.path(), "setkey"));
    List<Hdu> targets;
    List<HeaderUpdate> updates = new ArrayList<>();
    try (FitsFile fits = Fits.open(path)) {
      targets = options.allHdus ? fits.hdus() : List.of(options.hdu(fits));
      for (Hdu hdu : targets) {
        updates.add(update(path, hdu, options, changes));
      }
    } catch (IllegalArgumentException e) {
      // a structural keyword, or a keyword or value FITS cannot hold
      throw new Main.UsageException(e.getMessage());
    }
    for (int i = 0; i < updates.size(); i++) {
      HeaderUpdate.Result result = updates.get(i).apply();
      out.println(spec.path() + "[" + targets.get(i).index() + "]: " + (result == HeaderUpdate.Result.IN_PLACE
          ? "updated in place" : "rewritten (the header grew)"));
    }
    return Main.OK;
  }

  /** The changes of the command line for one HDU: renames, then deletions, then assignments. */
  private static HeaderUpdate update(Path path, Hdu hdu, Main.Options options, List<String> changes) {
    HeaderUpdate update = HeaderUpdate.of(path, hdu.index());
    for (String rename : options.renames) {
      Matcher m = ASSIGNMENT.matcher(rename);
      if (!m.matches()) {
        throw new Main.UsageException("--rename '" + rename + "' is not OLD=NEW");
      }
      Card old = hdu.header().card(m.group(1).strip()).orElse(null);
      if (old != null) {
        update.remove(old.keyword());
        set(update, m.group(2).strip(), old.value(), old.comment());
      }
    }
    options.deletions.forEach(update::remove);
    for (String change : changes) {
      Matcher m = ASSIGNMENT.matcher(change);
      if (!m.matches() || m.group(1).isBlank()) {
        throw new Main.UsageException("'" + change + "' is not KEY=VALUE[/COMMENT]");
      }
      String[] valueAndComment = splitComment(m.group(2));
      set(update, m.group(1).strip(), parse(valueAndComment[0]), valueAndComment[1]);
    }
    return update;
  }

  private static void set(HeaderUpdate update, String keyword, Object value, String comment) {
    String key = keyword.toUpperCase(Locale.ROOT);
    if (value instanceof Boolean b) {
      update.set(key, b, comment);
    } else if (value instanceof Long l) {
      update.set(key, l, comment);
    } else if (value instanceof Number n) {
      update.set(key, n.doubleValue(), comment);
    } else {
      update.set(key, value == null ? "" : value.toString(), comment);
    }
  }

  /** {@code VALUE/COMMENT}: the slash outside quotes starts the comment. */
  private static String[] splitComment(String text) {
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (c == '/' && !quoted) {
        return new String[] {text.substring(0, i).strip(), text.substring(i + 1).strip()};
      }
    }
    return new String[] {text.strip(), ""};
  }

  /** A value as FITS types it: T/F, a whole number, a real, else a string (quotes optional). */
  static Object parse(String text) {
    if (text.equals("T") || text.equals("F")) {
      return text.equals("T");
    }
    if (INTEGER.matcher(text).matches()) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException tooLong) {
        return Double.parseDouble(text);
      }
    }
    if (REAL.matcher(text).matches()) {
      return Double.parseDouble(text.replace('D', 'E').replace('d', 'e'));
    }
    if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
      return text.substring(1, text.length() - 1).replace("''", "'");
    }
    return text;
  }
}
