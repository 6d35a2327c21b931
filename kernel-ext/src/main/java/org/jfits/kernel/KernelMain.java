package org.jfits.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * Starts the jfits Jupyter kernel: {@code java -cp ... org.jfits.kernel.KernelMain CONNECTION_FILE},
 * the command a kernelspec's {@code argv} runs, with the connection file Jupyter writes. Serves the
 * notebook until Jupyter asks the kernel to shut down, then exits the JVM (ND4J keeps non-daemon
 * threads).
 *
 * <p>{@code KernelMain --warm-up} starts a kernel without Jupyter, evaluates one cell and exits: the
 * installer runs it under {@code -XX:ArchiveClassesAtExit} so that the kernel's JVM starts from a
 * class-data archive of the compiler and kernel classes.
 */
public final class KernelMain {
  private KernelMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: KernelMain CONNECTION_FILE | --warm-up");
      System.exit(2);
    }
    quietLogging();
    if (args[0].equals("--warm-up")) {
      warmUp();
      return;
    }
    KernelConnectionProperties connection = readConnection(Path.of(args[0]));
    JupyterConnection channels = new JupyterConnection(connection);
    JfitsKernel kernel = JfitsKernel.builder().build();
    kernel.onStartup();
    kernel.becomeHandlerForConnection(channels);
    channels.connect();
    channels.waitUntilClose();
    System.exit(0);
  }

  /** The start-up path of a kernel and a first cell, without Jupyter. */
  private static void warmUp() {
    JfitsKernel kernel = JfitsKernel.builder().build();
    kernel.onStartup();
    kernel.eval("var warm = new ArrayList<String>(List.of(\"a\"));\nwarm.size() + 1");
    kernel.onShutdown(false);
  }

  private static KernelConnectionProperties readConnection(Path file) throws IOException {
    return KernelConnectionProperties.parse(Files.readString(file));
  }

  /**
   * slf4j-simple logs at INFO to stderr by default; a notebook wants warnings only, and not ND4J's
   * warning about its own duplicate TensorFlow op names, which every first SameDiff graph triggers.
   */
  private static void quietLogging() {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    String importMapping = "org.slf4j.simpleLogger.log.org.nd4j.imports.converters.ImportClassMapping";
    if (System.getProperty(importMapping) == null) {
      System.setProperty(importMapping, "error");
    }
  }
}
