package org.jfits.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes an output file so that no reader ever sees part of it: the content goes to a temporary
 * sibling ({@code .NAME.UUID.tmp}, a plain new file, so the output gets the usual permissions), which
 * is forced to disk and then replaces the target in one atomic rename once it is complete, so a crash
 * leaves either the old file or the whole new one. If writing fails the temporary file is deleted and
 * an existing target is left as it was.
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
      try (FileChannel written = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        written.force(true);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      syncFolder(absolute);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Forces the folder entry of {@code file} (a rename or a new link) to disk. Folders cannot be opened
   * for fsync on every platform; there the rename is still atomic, only not yet durable.
   */
  public static void syncFolder(Path file) {
    try (FileChannel folder = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
      folder.force(true);
    } catch (IOException e) {
      // the rename stands; it reaches the disk with the file system's next commit
    }
  }
}
