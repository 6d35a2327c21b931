package org.jfits.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jfits.io.AtomicOutput;

/**
 * Writes a NumPy {@code .npz} file: a zip archive of {@code .npy} members, stored without compression
 * as {@code numpy.savez} does, which {@code numpy.load} opens as a mapping from names to arrays.
 * Members are collected in memory, in the order added, then written to a temporary sibling and renamed
 * into place, so an existing file is replaced only by a complete one. Meant for tables, whose columns
 * are held in memory anyway.
 */
final class NpzWriter {
  private final Map<String, byte[]> members = new LinkedHashMap<>();

  /** Adds the array {@code name} (stored as {@code name.npy}): a whole {@code .npy} file's bytes. */
  void add(String name, byte[] npy) {
    if (members.putIfAbsent(name, npy) != null) {
      throw new IllegalArgumentException("two arrays named '" + name + "' in one .npz");
    }
  }

  void write(Path target) throws IOException {
    AtomicOutput.write(target, temp -> {
      try (OutputStream file = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(file)) {
        zip.setMethod(ZipOutputStream.STORED);
        for (Map.Entry<String, byte[]> member : members.entrySet()) {
          byte[] bytes = member.getValue();
          ZipEntry entry = new ZipEntry(member.getKey() + ".npy");
          CRC32 crc = new CRC32();
          crc.update(bytes);
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(bytes.length);
          entry.setCompressedSize(bytes.length);
          entry.setCrc(crc.getValue());
          zip.putNextEntry(entry);
          zip.write(bytes);
          zip.closeEntry();
        }
      }
    });
  }
}
