package org.jfits.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java Jupyter kernel: cells are Java code evaluated by {@code jdk.jshell} inside the kernel's
 * own JVM, on the kernel's class path (jfits, ND4J, Tablesaw, and whatever {@code %classpath} or
 * {@code %jars} adds).
 *
 * <p>A cell holds any number of statements, declarations and imports; the value of a final
 * expression is the cell's result, shown through the kernel's {@code Renderer}, unless the
 * expression ends with a semicolon ({@code list.add(x);} shows nothing). Every cell starts
 * with {@link #DEFAULT_IMPORTS} imported, and the statics of {@code BaseNotebookStatics}
 * ({@code display(x)}, {@code render(x)}). Magics ({@code %name args} lines, {@code %%name} cells) are
 * turned into Java calls by jjava's {@code MagicParser} and run inside the cell, so a magic may call
 * {@link #evalRaw(String)} to declare notebook variables.
 *
 * <p>Extensions ({@code org.dflib.jjava.jupyter.Extension}, found through {@link ServiceLoader}) are
 * installed at start-up and again whenever jars are added; one that fails is logged and skipped.
 * A cell that does not compile fails with a {@link CompilationException}, one that throws with an
 * {@link EvaluationException}. Interrupting a cell interrupts its thread: blocking calls stop, a
 * loop that never checks {@link Thread#interrupted()} does not.
 *
 * <p>One kernel per JVM: {@link #onStartup()} makes it the notebook kernel that magics find.
 */
public final class JfitsKernel extends BaseKernel {
  /** The imports every notebook starts with. */
  public static final List<String> DEFAULT_IMPORTS = List.of(
      "java.util.*",
      "java.nio.file.*",
      "org.jfits.*",
      "org.nd4j.linalg.api.ndarray.INDArray",
      "org.nd4j.linalg.factory.Nd4j",
      "tech.tablesaw.api.*",
      "static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*");

  private static final Logger LOG = LoggerFactory.getLogger(JfitsKernel.class);
  /** Stops scanning for extensions after this many broken service entries in one scan. */
  private static final int MAX_BROKEN_EXTENSIONS = 64;

  private final CellEvaluator evaluator;

  private JfitsKernel(String name, String version, HistoryManager history, JupyterIO io,
      CommManager comms, Renderer renderer, MagicParser magics, MagicsRegistry registry,
      boolean extensionsEnabled, StringStyler errorStyler, String classpath) {
    super(name, version, languageInfo(), List.of(), history, io, comms, renderer, magics, registry,
        extensionsEnabled, errorStyler);
    this.evaluator = new CellEvaluator(JfitsKernel.class.getClassLoader(), classpath,
        DEFAULT_IMPORTS.stream().map(i -> "import " + i + ";").collect(Collectors.joining("\n")));
    ClasspathMagics.register(magicsRegistry);
  }

  /** A builder with the defaults of the {@code jfits} kernelspec. */
  public static Builder builder() {
    return new Builder();
  }

  private static LanguageInfo languageInfo() {
    return new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell",
        "java", "java", "script");
  }

  /**
   * Evaluates a cell, magics included, and returns the value of its final expression (null when
   * the cell ends with a statement, a declaration or a semicolon). May be called from code running
   * in a cell.
   *
   * @throws CompilationException when the code does not compile
   * @throws EvaluationException when the code throws
   */
  @Override
  public Object evalRaw(String source) {
    return evaluator.eval(magicParser.resolveMagics(source));
  }

  /**
   * Adds jars or class folders to what cells compile against and load from, then installs the
   * extensions they declare.
   *
   * @throws IllegalArgumentException when a path does not exist (nothing is added then)
   */
  public void addToClasspath(List<Path> paths) {
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new IllegalArgumentException("no such jar or folder: " + path);
      }
    }
    paths.forEach(evaluator::addToClasspath);
    if (extensionsEnabled) {
      installExtensions(getClassLoader());
    }
  }

  @Override
  public String isComplete(String code) {
    return evaluator.isComplete(code);
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    CellEvaluator.Completion c = evaluator.complete(code, at);
    return new ReplacementOptions(c.texts(), c.start(), c.end());
  }

  /** The signature (and with {@code extraDetail} the Javadoc) of what is at the cursor. */
  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    List<Documentation> docs = evaluator.documentation(code, at, extraDetail);
    if (docs.isEmpty()) {
      return null;
    }
    String text = docs.stream()
        .map(d -> d.javadoc() == null || d.javadoc().isBlank() ? d.signature()
            : d.signature() + "\n" + d.javadoc())
        .collect(Collectors.joining("\n\n"));
    return new DisplayData(text);
  }

  @Override
  public void interrupt() {
    evaluator.stop();
  }

  /** Cell failures print their short report; anything else its stack trace. */
  @Override
  public List<String> formatError(Throwable e) {
    if (!(e instanceof CellException cell)) {
      return super.formatError(e);
    }
    List<String> lines = new ArrayList<>();
    List<String> report = cell.report();
    for (int i = 0; i < report.size(); i++) {
      lines.add(i == 0 ? errorStyler.primary(report.get(i)) : errorStyler.secondary(report.get(i)));
    }
    return lines;
  }

  /** The loader of cell classes: the kernel's class path plus the jars cells added. */
  @Override
  protected ClassLoader getClassLoader() {
    return evaluator.classLoader();
  }

  /**
   * Installs every extension the loader declares that is not installed yet; an extension that
   * cannot be loaded or whose {@code install} throws is logged and skipped.
   */
  @Override
  protected void installExtensions(ClassLoader loader) {
    Iterator<Extension> found = ServiceLoader.load(Extension.class, loader).iterator();
    int broken = 0;
    while (broken < MAX_BROKEN_EXTENSIONS) {
      Extension extension;
      try {
        if (!found.hasNext()) {
          return;
        }
        extension = found.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        broken++;
        LOG.warn("kernel extension skipped: {}", e.toString());
        continue;
      }
      try {
        installExtension(extension);
      } catch (RuntimeException | LinkageError e) {
        extensions.remove(extension.getClass().getName(), extension);
        LOG.warn("kernel extension {} failed to install, skipped: {}",
            extension.getClass().getName(), e.toString());
      }
    }
  }

  @Override
  public void onShutdown(boolean restarting) {
    try {
      super.onShutdown(restarting);
    } finally {
      evaluator.close();
    }
  }

  /** Builds a {@link JfitsKernel}; the defaults suit the {@code jfits} kernelspec. */
  public static final class Builder extends BaseKernelBuilder<Builder, JfitsKernel> {
    private String classpath = System.getProperty("java.class.path");

    private Builder() {
      name("jfits");
    }

    /**
     * The class path cells compile against (the path-separated form of {@code -cp}); by default the
     * JVM's {@code java.class.path}. Classes are always loaded through the kernel's class loader.
     */
    public Builder classpath(String classpath) {
      this.classpath = classpath;
      return this;
    }

    @Override
    public JfitsKernel build() {
      if (extensionsEnabled == null) {
        extensionsEnabled(true);
      }
      return new JfitsKernel(buildName(), buildVersion(), buildHistoryManager(),
          buildJupyterIO(buildJupyterIOEncoding()), buildCommManager(), buildRenderer(),
          new MagicParser("(?<=(?:^|=))\\s*%", "%%", buildMagicTranspiler()),
          buildMagicsRegistry(), buildExtensionsEnabled(), buildErrorStyler(), classpath);
    }
  }
}
