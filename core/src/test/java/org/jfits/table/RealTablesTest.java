package org.jfits.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.jfits.TestFiles;
import org.junit.jupiter.api.Test;

/** Every table HDU of the real test files reads without error, every column into one place. */
class RealTablesTest {

  @Test
  void readsEveryTableHduOfTheTestData() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(TestFiles.testData())) {
      files = walk.filter(p -> p.toString().matches(".*\\.fits(\\.gz|\\.fz)?$")).sorted().collect(Collectors.toList());
    }
    int tables = 0;
    for (Path file : files) {
      if (file.getFileName().toString().equals("astropy_verify.fits")) {
        continue;
      }
      try (FitsFile fits = Fits.open(file)) {
        for (Hdu hdu : fits) {
          if (!hdu.type().isTable()) {
            continue;
          }
          FitsTable table = hdu.table().read();
          tables++;
          int placed = table.table().columnCount() + table.arrays().size() + table.raggedColumns().size();
          assertEquals(table.columns().size(), placed, file + " HDU " + hdu.index());
          assertEquals(hdu.axes()[1], table.rowCount(), file + " HDU " + hdu.index());
        }
      }
    }
    assertTrue(tables >= 20, "only " + tables + " table HDUs found");
  }
}
