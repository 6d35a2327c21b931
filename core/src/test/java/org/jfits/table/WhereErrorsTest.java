package org.jfits.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.TestFiles;
import org.jfits.table.filter.ExpressionException;
import org.junit.jupiter.api.Test;

/**
 * A filter that cannot run is refused by {@code where(...)} itself, before any row is read, with the
 * file, the HDU, the token and its position; columns a filter cannot use say why.
 */
class WhereErrorsTest {

  @Test
  void unknownColumnNamesTheFileHduPositionAndColumns() {
    Path file = TestFiles.real("real/fv_rosat_evt.fits");
    try (FitsFile fits = Fits.open(file)) {
      ExpressionException e = assertThrows(ExpressionException.class, () -> fits.hdu(2).table().where("PHA > 3 && PIX < 2"));
      assertEquals(fits.hdu(2).context().describe("unknown column 'PIX' at 11 (columns: X, Y, PHA, PI, TIME, DX, DY)")
          + "\n  PHA > 3 && PIX < 2\n             ^", e.getMessage());
      assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }
  }

  @Test
  void arrayAndVariableLengthColumnsAreRefusedWithTheReason() {
    try (FitsFile fits = Fits.open(TestFiles.real("real/astropy_variable_length_table.fits"))) {
      assertEquals("column 'var' at 0 cannot be filtered on: it holds variable-length arrays",
          assertThrows(ExpressionException.class, () -> fits.hdu(1).table().where("var > 1")).problem());
      assertEquals("column 'xyz' at 4 cannot be filtered on: it holds arrays (TFORM2 = '2I')",
          assertThrows(ExpressionException.class, () -> fits.hdu(1).table().where("1 < xyz")).problem());
    }
    try (FitsFile fits = Fits.open(TestFiles.real("real/astropy_tdim.fits"))) {
      assertEquals("column 'V_mag' at 0 cannot be filtered on: it holds arrays (TFORM2 = 'E')",
          assertThrows(ExpressionException.class, () -> fits.hdu(1).table().where("V_mag < 12")).problem());
    }
  }

  @Test
  void rowRangeOutsideTheTableIsRefusedByRowIndices() {
    try (FitsFile fits = Fits.open(TestFiles.real("real/fv_rate.fits"))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> fits.hdu(1).table().where("RATE > 0").rows(5000, 6000).rowIndices());
      assertTrue(e.getMessage().contains("rows [5000, 6000) do not lie inside the table of 5371 rows"), e.getMessage());
    }
  }
}
