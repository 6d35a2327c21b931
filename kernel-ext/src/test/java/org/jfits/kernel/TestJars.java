package org.jfits.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Jars compiled during a test, to be added to a kernel's class path. */
final class TestJars {
  private TestJars() {}

  /**
   * A jar with {@code demo.Greeter} ({@code greet(name)} returns "hello, NAME") and an extension,
   * declared for ServiceLoader, that adds the line magic {@code %greet NAME} returning the same.
   */
  static Path greeterWithExtension(Path jar) throws IOException {
    Path src = Files.createTempDirectory(jar.getParent(), "src");
    Path classes = Files.createTempDirectory(jar.getParent(), "classes");
    Files.createDirectories(src.resolve("demo"));
    Files.writeString(src.resolve("demo/Greeter.java"),
        "package demo;\npublic class Greeter {\n"
            + "  public String greet(String name) { return \"hello, \" + name; }\n}\n");
    Files.writeString(src.resolve("demo/GreeterExtension.java"),
        "package demo;\n"
            + "public class GreeterExtension implements org.dflib.jjava.jupyter.Extension {\n"
            + "  public void install(org.dflib.jjava.jupyter.kernel.BaseKernel kernel) {\n"
            + "    kernel.getMagicsRegistry().registerLineMagic(\"greet\",\n"
            + "        (org.dflib.jjava.jupyter.kernel.magic.LineMagic<String,"
            + " org.dflib.jjava.jupyter.kernel.BaseKernel>)\n"
            + "        (k, args) -> new Greeter().greet(String.join(\" \", args)));\n"
            + "  }\n}\n");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "--release", "17", "-cp", TestKernels.classpath(),
        "-d", classes.toString(),
        src.resolve("demo/Greeter.java").toString(),
        src.resolve("demo/GreeterExtension.java").toString());
    assertTrue(rc == 0, "javac failed");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out)) {
      for (String name : List.of("demo/Greeter.class", "demo/GreeterExtension.class")) {
        jarOut.putNextEntry(new JarEntry(name));
        jarOut.write(Files.readAllBytes(classes.resolve(name)));
      }
      jarOut.putNextEntry(new JarEntry("META-INF/services/org.dflib.jjava.jupyter.Extension"));
      jarOut.write("demo.GreeterExtension\n".getBytes(StandardCharsets.UTF_8));
    }
    return jar;
  }
}
