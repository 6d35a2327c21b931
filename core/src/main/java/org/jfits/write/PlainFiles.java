package org.jfits.write;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfits.ErrorContext;
import org.jfits.FitsIOException;
import org.jfits.FitsUnsupportedException;

/** The check that a file to be changed is plain FITS, not gzip-compressed FITS (which reads fine). */
final class PlainFiles {
  private PlainFiles() {}

  /** @throws FitsUnsupportedException if the file starts with the gzip magic bytes */
  static void requireUncompressed(Path path, ErrorContext context, String what) {
    byte[] magic = new byte[2];
    try (InputStream in = Files.newInputStream(path)) {
      if (in.readNBytes(magic, 0, 2) == 2 && magic[0] == (byte) 0x1f && magic[1] == (byte) 0x8b) {
        throw new FitsUnsupportedException(context, "gzip-compressed files cannot be " + what
            + "; decompress the file first");
      }
    } catch (IOException e) {
      throw new FitsIOException(context, "cannot read", e);
    }
  }
}
