package org.jfits.kernel;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Loads the classes jshell compiles from cells, in this JVM, under a class loader whose parent is
 * the kernel's own: cells see the very classes (and statics) the kernel and its extensions use.
 * Jars added with {@code %classpath} or {@code %jars} are appended to the same loader, so ServiceLoader
 * lookups through {@link #classLoader()} find extensions they contain. Entries of the parent's own
 * class path are not added again: their classes already come from the parent.
 */
final class SnippetLoader implements LoaderDelegate {
  private final Loader loader;
  private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();
  private final Set<Path> parentClasspath;

  /**
   * @param parent the kernel's class loader
   * @param parentClasspath the class path {@code parent} loads from (path-separated)
   */
  SnippetLoader(ClassLoader parent, String parentClasspath) {
    this.loader = new Loader(parent);
    this.parentClasspath = entries(parentClasspath).collect(Collectors.toSet());
  }

  /** The absolute paths of a path-separated class path. */
  static Stream<Path> entries(String classpath) {
    return Arrays.stream(classpath.split(File.pathSeparator))
        .filter(e -> !e.isBlank())
        .map(e -> Path.of(e).toAbsolutePath().normalize());
  }

  /** The loader of cell classes and added jars. */
  ClassLoader classLoader() {
    return loader;
  }

  @Override
  public void load(ClassBytecodes[] classes) throws ClassInstallException {
    for (ClassBytecodes c : classes) {
      loader.declare(c.name(), c.bytecodes());
    }
    boolean[] installed = new boolean[classes.length];
    for (int i = 0; i < classes.length; i++) {
      String name = classes[i].name();
      try {
        Class<?> type = loader.loadClass(name);
        type.getDeclaredMethods(); // links the class now, so that errors surface here
        loaded.put(name, type);
        installed[i] = true;
      } catch (ClassNotFoundException | LinkageError e) {
        throw new ClassInstallException("cannot load " + name + ": " + e, installed);
      }
    }
  }

  @Override
  public void classesRedefined(ClassBytecodes[] classes) {
    for (ClassBytecodes c : classes) {
      loader.declare(c.name(), c.bytecodes());
    }
  }

  @Override
  public void addToClasspath(String classpath) throws InternalException {
    try {
      for (Path entry : entries(classpath).filter(e -> !parentClasspath.contains(e)).toList()) {
        loader.add(entry.toUri().toURL());
      }
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new InternalException("bad class path " + classpath + ": " + e.getMessage());
    }
  }

  @Override
  public Class<?> findClass(String name) throws ClassNotFoundException {
    Class<?> type = loaded.get(name);
    return type != null ? type : loader.loadClass(name);
  }

  /** Parent first; then the bytes jshell compiled; then the added jars and folders. */
  private static final class Loader extends URLClassLoader {
    static {
      registerAsParallelCapable();
    }

    private final Map<String, byte[]> declared = new ConcurrentHashMap<>();

    Loader(ClassLoader parent) {
      super("jshell-cells", new URL[0], parent);
    }

    void declare(String name, byte[] bytes) {
      declared.put(name, bytes);
    }

    void add(URL url) {
      addURL(url);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = declared.get(name);
      return bytes != null ? defineClass(name, bytes, 0, bytes.length) : super.findClass(name);
    }
  }
}
