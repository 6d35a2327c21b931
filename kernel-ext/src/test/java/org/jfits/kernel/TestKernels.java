package org.jfits.kernel;

/** Kernels for tests, compiling cells against the test class path. */
final class TestKernels {
  private TestKernels() {}

  /** A started kernel: the notebook kernel of this JVM until its {@code onShutdown}. */
  static JfitsKernel start() {
    JfitsKernel kernel = JfitsKernel.builder().classpath(classpath()).build();
    kernel.onStartup();
    return kernel;
  }

  /** Surefire runs tests from a manifest-only jar; the real class path is in this property. */
  static String classpath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }
}
