package org.jfits.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a command works on: arguments as given, {@code @LIST} for the names in a file (one per
 * line; blank lines and lines starting with {@code #} skipped) and {@code -} for names read from
 * standard input the same way.
 */
final class FileArguments {
  private FileArguments() {}

  static List<String> expand(List<String> arguments, InputStream stdin) {
    List<String> files = new ArrayList<>();
    for (String a : arguments) {
      if (a.equals("-")) {
        files.addAll(names(stdin, "standard input"));
      } else if (a.startsWith("@") && a.length() > 1) {
        Path list = Path.of(a.substring(1));
        try (InputStream in = Files.newInputStream(list)) {
          files.addAll(names(in, list.toString()));
        } catch (IOException e) {
          throw new Main.UsageException("cannot read the file list " + list + ": " + e.getMessage());
        }
      } else {
        files.add(a);
      }
    }
    return files;
  }

  private static List<String> names(InputStream in, String source) {
    List<String> names = new ArrayList<>();
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new Main.UsageException("cannot read file names from " + source + ": " + e.getMessage());
    }
    return names;
  }
}
