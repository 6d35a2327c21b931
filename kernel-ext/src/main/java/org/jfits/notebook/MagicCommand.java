package org.jfits.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parsed {@code %fits} command: the subcommand, its positional arguments and its options,
 * checked against {@link Subcommand}. Options are {@code --name value}, {@code --name=value} or, for
 * flags, {@code --name}; they may come before or after the arguments.
 */
final class MagicCommand {
  private final Subcommand subcommand;
  private final List<String> arguments;
  private final Map<String, String> options;

  private MagicCommand(Subcommand subcommand, List<String> arguments, Map<String, String> options) {
    this.subcommand = subcommand;
    this.arguments = arguments;
    this.options = options;
  }

  /**
   * Parses the words of a command line (as the kernel split them, or {@link #split} for a cell line).
   *
   * @throws FitsMagicException naming the problem: no or unknown subcommand, unknown option, missing
   *     option value, repeated option, wrong number of arguments
   */
  static MagicCommand parse(List<String> words) {
    if (words.isEmpty()) {
      throw new FitsMagicException("%fits: missing subcommand; %fits help lists them");
    }
    Subcommand subcommand = Subcommand.of(words.get(0));
    String name = "%fits " + subcommand.word();
    List<String> arguments = new ArrayList<>();
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i < words.size(); i++) {
      String word = words.get(i);
      if (!word.startsWith("--")) {
        arguments.add(word);
        continue;
      }
      int equals = word.indexOf('=');
      String key = equals < 0 ? word.substring(2) : word.substring(2, equals);
      Subcommand.Option option = subcommand.option(key);
      if (option == null) {
        throw new FitsMagicException(name + ": unknown option --" + key + "; usage: %fits " + subcommand.usage());
      }
      String value;
      if (option.value() == null) {
        if (equals >= 0) {
          throw new FitsMagicException(name + ": option --" + key + " takes no value");
        }
        value = "";
      } else if (equals >= 0) {
        value = word.substring(equals + 1);
      } else if (i + 1 < words.size()) {
        value = words.get(++i);
      } else {
        throw new FitsMagicException(name + ": option --" + key + " needs a value " + option.value());
      }
      if (options.put(key, value) != null) {
        throw new FitsMagicException(name + ": option --" + key + " is given twice");
      }
    }
    if (arguments.size() != subcommand.arguments().size()) {
      throw new FitsMagicException(name + ": expected " + (subcommand.arguments().isEmpty() ? "no arguments"
          : String.join(" ", subcommand.arguments())) + " but got " + (arguments.isEmpty() ? "none"
          : String.join(" ", arguments)) + "; usage: %fits " + subcommand.usage());
    }
    return new MagicCommand(subcommand, List.copyOf(arguments), options);
  }

  /**
   * Splits a command line into words at blanks; single or double quotes keep blanks inside a word
   * ({@code "my file.fits"[1]}).
   *
   * @throws FitsMagicException if a quote is not closed
   */
  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new FitsMagicException("%fits: unclosed quote " + quote + " in: " + line);
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  Subcommand subcommand() {
    return subcommand;
  }

  /** Positional argument {@code index}. */
  String argument(int index) {
    return arguments.get(index);
  }

  /** True if the flag or option was given. */
  boolean has(String option) {
    return options.containsKey(option);
  }

  /** The value of an option, or {@code fallback} when it was not given. */
  String option(String option, String fallback) {
    return options.getOrDefault(option, fallback);
  }

  /** The name of this command for messages: {@code %fits image}. */
  String name() {
    return "%fits " + subcommand.word();
  }
}
