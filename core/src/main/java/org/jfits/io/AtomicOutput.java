package org.jfits.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes an output file so that no reader ever sees part of it: the content goes to a temporary
 * sibling ({@code .NAME.UUID.tmp}, a plain new file, so the output gets the usual permissions), which
 * replaces the target in one atomic rename once it is complete. If writing fails the temporary file
 * is deleted and an existing target is left as it was.
 */
public final class AtomicOutput {
  private AtomicOutput() {}

  /** What writes the content, given the temporary file's path. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path temporary) throws IOException;
  }

  /** Writes {@code target} through a temporary sibling and renames it into place. */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path temp = Files.createFile(absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID()
        + ".tmp"));
    try {
      content.writeTo(temp);
      Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
