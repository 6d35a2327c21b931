package org.jfits.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.PathsHandler;

/**
 * The line magics that grow the class path of cells: {@code %classpath PATH...} (jars or class
 * folders, each argument a path-separated list, globs allowed) and {@code %jars GLOB...} (the jar
 * files a glob matches). Relative paths are resolved against the kernel's working folder (the
 * notebook's folder). Extensions in the added jars are installed at once.
 */
final class ClasspathMagics {
  private ClasspathMagics() {}

  static void register(MagicsRegistry registry) {
    registry.registerLineMagic("classpath", (LineMagic<Void, JfitsKernel>) (kernel, args) -> {
      List<Path> paths = new ArrayList<>();
      for (String arg : args) {
        for (String pattern : PathsHandler.split(arg)) {
          paths.addAll(matches(pattern, p -> Files.exists(p)));
        }
      }
      kernel.addToClasspath(paths);
      return null;
    });
    registry.registerLineMagic("jars", (LineMagic<Void, JfitsKernel>) (kernel, args) -> {
      List<Path> jars = new ArrayList<>();
      for (String glob : args) {
        jars.addAll(matches(glob,
            p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar")));
      }
      kernel.addToClasspath(jars);
      return null;
    });
  }

  /** The paths a glob (or plain path) matches that pass {@code accept}; at least one. */
  private static List<Path> matches(String glob, Predicate<Path> accept) throws IOException {
    List<Path> matched = PathsHandler.resolveGlobs(glob).stream().filter(accept).toList();
    if (matched.isEmpty()) {
      throw new IllegalArgumentException("nothing matches " + glob);
    }
    return matched;
  }
}
