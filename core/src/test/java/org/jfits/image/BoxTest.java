package org.jfits.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jfits.TestFiles;
import org.junit.jupiter.api.Test;

/**
 * Boxes around pixel positions against astropy's {@code Cutout2D}, and the flags and the parsing of
 * boxes by hand.
 */
class BoxTest {
  private static final double[] POSITIONS = {100, 100.5, 100.25, 100.75, 99.5, 100.49999999999, 100.50000000001,
      1000.999, 52.0000001, 57.5};
  private static final int[] SIZES = {1, 2, 3, 4, 5, 16, 31, 32};

  /** Prints astropy's box (x, y, width, height) for each "x,y,w,h" argument; all boxes lie inside the data. */
  private static final String CUTOUT2D = String.join("\n",
      "import sys, numpy as np",
      "from astropy.nddata import Cutout2D",
      "data = np.zeros((1100, 1100), dtype=np.float32)",
      "for spec in sys.argv[1:]:",
      "    x, y, w, h = spec.split(',')",
      "    c = Cutout2D(data, (float(x), float(y)), (int(h), int(w)))",
      "    (ymin, ymax), (xmin, xmax) = c.bbox_original",
      "    print(xmin, ymin, xmax - xmin + 1, ymax - ymin + 1)");

  @Test
  void boxAroundAPositionIsAstropysCutout2DBox() throws Exception {
    List<String> specs = new ArrayList<>();
    List<Box> boxes = new ArrayList<>();
    for (int i = 0; i < POSITIONS.length; i++) {
      for (int size : SIZES) {
        double x = POSITIONS[i];
        double y = POSITIONS[(i + 3) % POSITIONS.length];
        int h = SIZES[(size + i) % SIZES.length];
        specs.add(x + "," + y + "," + size + "," + h);
        boxes.add(Box.around(x, y, size, h));
      }
    }
    String[] lines = TestFiles.python(CUTOUT2D, specs.toArray(new String[0])).split("\n");
    assertEquals(specs.size(), lines.length);
    for (int i = 0; i < lines.length; i++) {
      Box b = boxes.get(i);
      assertEquals(lines[i].strip(), b.x() + " " + b.y() + " " + b.width() + " " + b.height(), specs.get(i));
    }
  }

  @Test
  void aBoxNeedsAFinitePosition() {
    assertThrows(IllegalArgumentException.class, () -> Box.around(Double.NaN, 3, 4, 4));
    assertThrows(IllegalArgumentException.class, () -> Box.around(3, Double.POSITIVE_INFINITY, 4, 4));
    assertThrows(IllegalArgumentException.class, () -> Box.around(1e300, 3, 4, 4));
  }

  @Test
  void flagsSayWhetherABoxIsInsidePartlyOutsideOrOutside() {
    // a 10 x 8 image: columns 0..9, rows 0..7
    assertEquals(CutoutFlag.INSIDE, new Box(0, 0, 10, 8).flagIn(10, 8));
    assertEquals(CutoutFlag.PARTIAL, new Box(0, 0, 11, 8).flagIn(10, 8));
    assertEquals(CutoutFlag.PARTIAL, new Box(-1, 7, 2, 2).flagIn(10, 8));
    assertEquals(CutoutFlag.OUTSIDE, new Box(10, 0, 3, 3).flagIn(10, 8));
    assertEquals(CutoutFlag.OUTSIDE, new Box(-3, 0, 3, 3).flagIn(10, 8));
    assertEquals(CutoutFlag.OUTSIDE, new Box(0, 8, 3, 3).flagIn(10, 8));
  }

  @Test
  void parsesXYWidthHeightAndRefusesOtherText() {
    assertEquals(new Box(-3, 12, 5, 7), Box.parse("-3, 12,5 ,7"));
    for (String bad : new String[] {"1,2,3", "1,2,3,4,5", "a,2,3,4", "1.5,2,3,4", "1,2,0,4", "", "1,2,3,"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Box.parse(bad), bad);
      assertTrue(e.getMessage().startsWith("'" + bad + "'"), e.getMessage());
    }
  }
}
