package org.jfits.write;

import java.nio.file.Path;
import org.jfits.Fits;
import org.jfits.FitsFile;

/**
 * The child process of {@link SelectedRowsHduTest}'s bounded-memory check: copies the rows of HDU 1 of
 * {@code args[0]} where {@code args[2]} holds into a new file {@code args[1]}, and prints the rows copied.
 */
public final class SelectedRowsCopyMain {
  private SelectedRowsCopyMain() {}

  public static void main(String[] args) throws Exception {
    try (FitsFile fits = Fits.open(Path.of(args[0])); FitsWriter out = FitsWriter.create(Path.of(args[1]))) {
      SelectedRowsHdu copy = SelectedRowsHdu.of(fits.hdu(1).table().where(args[2]));
      out.write(copy);
      System.out.println(copy.rows());
    }
  }
}
