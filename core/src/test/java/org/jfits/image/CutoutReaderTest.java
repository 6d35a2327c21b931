package org.jfits.image;

import static org.jfits.TestFiles.header;
import static org.jfits.TestFiles.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.FitsFormatException;
import org.jfits.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The cutout reader's decisions (strategy choice, coalescing of row ranges, knobs and their system
 * properties) with hand-derived expectations, its errors, and cutouts of an image over 2 GiB whose
 * pixels are known, across the 1 GiB steps of the mapped windows. Values against astropy are in
 * {@code org.jfits.CutoutParityTest}.
 */
class CutoutReaderTest {
  private static final long MIB = 1L << 20;

  @TempDir
  Path dir;
  private Path big;

  @AfterEach
  void deleteBigFile() throws IOException {
    if (big != null) {
      Files.deleteIfExists(big);
    }
  }

  // ---- the strategy decision ----

  @Test
  void readsOnceWhenTheSpannedRowsFitTheReadOnceSize() {
    // a whole 256 x 256 float32 image (256 KiB) spanned by the boxes
    assertEquals(CutoutStrategy.READ_ONCE, CutoutPlanner.choose(256 << 10, 4 << 10, 256 << 10, 1024, true, 8 * MIB,
        32 * MIB));
    // a 4096-wide image, boxes in a band of 100 rows: 1.6 MB spanned out of a 64 MiB file
    assertEquals(CutoutStrategy.READ_ONCE, CutoutPlanner.choose(100 * 4096 * 4, 64 << 10, 64 * MIB, 4096 * 4, true,
        8 * MIB, 32 * MIB));
  }

  @Test
  void mapsLargeMappableFilesWithLongRowsForSparseBoxes() {
    // 100 boxes of 32 x 32 float32 spread over a 65536 x 1024 float32 image: rows of 256 KiB
    assertEquals(CutoutStrategy.MAPPED, CutoutPlanner.choose(256 * MIB, 100 * 32 * 32 * 4, 256 * MIB, 65536 * 4,
        true, 8 * MIB, 32 * MIB));
  }

  @Test
  void readsRowBandsWhenRowsAreShorterThanTheMapRowSize() {
    // the same boxes over a 4096 x 4096 float32 image: rows of 16 KiB are cheaper to read than to fault in
    assertEquals(CutoutStrategy.ROW_BANDS, CutoutPlanner.choose(64 * MIB, 100 * 32 * 32 * 4, 64 * MIB, 4096 * 4,
        true, 8 * MIB, 32 * MIB));
  }

  @Test
  void readsRowBandsWhenTheFileCannotBeMappedOrIsBelowTheMapSize() {
    assertEquals(CutoutStrategy.ROW_BANDS, CutoutPlanner.choose(64 * MIB, 400 << 10, 64 * MIB, 256 << 10, false,
        8 * MIB, 32 * MIB));
    assertEquals(CutoutStrategy.ROW_BANDS, CutoutPlanner.choose(16 * MIB, 400 << 10, 16 * MIB, 256 << 10, true,
        8 * MIB, 32 * MIB));
  }

  @Test
  void readsRowBandsWhenBoxesCoverHalfTheSpannedRows() {
    // boxes holding 40 of the 64 MiB they span: sequential band reads, not page faults
    assertEquals(CutoutStrategy.ROW_BANDS, CutoutPlanner.choose(64 * MIB, 40 * MIB, 64 * MIB, 256 << 10, true,
        8 * MIB, 32 * MIB));
  }

  @Test
  void coalescesOverlappingTouchingAndNearRowRanges() {
    List<long[]> merged = CutoutPlanner.coalesce(List.of(new long[] {50, 60}, new long[] {0, 10},
        new long[] {5, 20}, new long[] {20, 25}, new long[] {27, 30}, new long[] {40, 45}), 2);
    assertEquals("[[0, 30], [40, 45], [50, 60]]", Arrays.deepToString(merged.toArray()));
    assertEquals("[[0, 60]]", Arrays.deepToString(CutoutPlanner.coalesce(List.of(new long[] {0, 10},
        new long[] {50, 60}, new long[] {20, 25}), 25).toArray()));
  }

  @Test
  void theMapSizeDecidesForLongRows() throws IOException {
    // 20000 x 40 float32: rows of 80 000 bytes, 3.2 MB of data
    Path wide = dir.resolve("wide.fits");
    try (RandomAccessFile out = new RandomAccessFile(wide.toFile(), "rw")) {
      out.write(header(value("SIMPLE", "T"), value("BITPIX", "-32"), value("NAXIS", "2"),
          value("NAXIS1", "20000"), value("NAXIS2", "40")));
      out.setLength(DATA_OFFSET + (20000L * 40 * 4 + 2879) / 2880 * 2880);
    }
    try (FitsFile fits = Fits.open(wide)) {
      List<Box> boxes = List.of(new Box(100, 5, 16, 16), new Box(9000, 20, 16, 16));
      CutoutReader reader = fits.hdu(0).image().cutouts().readOnceBytes(1024);
      assertEquals(CutoutStrategy.ROW_BANDS, reader.strategyFor(boxes));
      assertEquals(CutoutStrategy.MAPPED, reader.mapBytes(1024).strategyFor(boxes));
    }
  }

  @Test
  void theStrategyCanBeChosenByApiAndSystemProperty() {
    try (FitsFile fits = Fits.open(TestFiles.real("real/fv_ngc1316o.fits"))) {
      List<Box> boxes = List.of(new Box(10, 20, 30, 40));
      CutoutReader reader = fits.hdu(0).image().cutouts();
      assertEquals(CutoutStrategy.READ_ONCE, reader.strategyFor(boxes));
      assertEquals(CutoutStrategy.MAPPED, reader.strategy(CutoutStrategy.MAPPED).strategyFor(boxes));
      // 440 x 300 int16: rows of 880 bytes are read in bands, whatever the map size
      assertEquals(CutoutStrategy.ROW_BANDS, reader.readOnceBytes(1024).mapBytes(1024).strategyFor(boxes));
      assertEquals(CutoutStrategy.ROW_BANDS, reader.readOnceBytes(1024).strategyFor(boxes));
      System.setProperty(CutoutPlanner.STRATEGY_PROPERTY, "row-bands");
      System.setProperty(CutoutPlanner.READ_ONCE_PROPERTY, "0");
      try {
        CutoutReader fromProperties = fits.hdu(0).image().cutouts();
        assertEquals(CutoutStrategy.ROW_BANDS, fromProperties.strategyFor(boxes));
        assertEquals(CutoutStrategy.MAPPED, fromProperties.strategy(CutoutStrategy.MAPPED).strategyFor(boxes));
        System.setProperty(CutoutPlanner.STRATEGY_PROPERTY, "sideways");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fits.hdu(0).image().cutouts());
        assertTrue(e.getMessage().contains("jfits.cutout.strategy"), e.getMessage());
      } finally {
        System.clearProperty(CutoutPlanner.STRATEGY_PROPERTY);
        System.clearProperty(CutoutPlanner.READ_ONCE_PROPERTY);
      }
    }
  }

  // ---- errors ----

  @Test
  void theErrorPolicyRefusesBoxesNotWhollyInside() {
    try (FitsFile fits = Fits.open(TestFiles.real("real/fv_ngc1316o.fits"))) {
      CutoutReader strict = fits.hdu(0).image().cutouts().offImage(OffImagePolicy.ERROR);
      // NAXIS1 = 440 columns, NAXIS2 = 300 rows
      assertEquals(List.of(CutoutFlag.INSIDE), strict.read(List.of(new Box(0, 0, 440, 300))).flags());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> strict.read(List.of(new Box(0, 0, 5, 5), new Box(438, 10, 5, 5))));
      assertTrue(e.getMessage().contains("box 1 (x,y,w,h = 438,10,5,5) lies partly outside the image of [440, 300]"),
          e.getMessage());
      assertTrue(e.getMessage().startsWith(TestFiles.real("real/fv_ngc1316o.fits") + ", HDU 0"), e.getMessage());
    }
  }

  @Test
  void badArgumentsAreIllegalArgumentExceptionsThatSayWhy() {
    assertThrows(IllegalArgumentException.class, () -> new Box(0, 0, 0, 5));
    assertThrows(IllegalArgumentException.class, () -> new Box(Long.MAX_VALUE, 0, 5, 5));
    try (FitsFile fits = Fits.open(TestFiles.real("real/fv_ngc1316o.fits"))) {
      CutoutReader reader = fits.hdu(0).image().cutouts();
      assertThrows(IllegalArgumentException.class, () -> reader.read(List.of()));
      assertThrows(IllegalArgumentException.class, () -> reader.planes(0, 1));
      assertThrows(IllegalArgumentException.class, () -> reader.readOnceBytes(-1));
      assertThrows(IllegalArgumentException.class, () -> reader.threads(0));
      // int16 cutouts cannot be padded with 1.5 or 40000
      Box edge = new Box(-1, 0, 3, 3);
      assertTrue(assertThrows(IllegalArgumentException.class, () -> reader.fill(1.5).read(edge)).getMessage()
          .contains("fill value 1.5 is not a int16"));
      assertThrows(IllegalArgumentException.class, () -> reader.fill(40000).read(edge));
      assertThrows(IllegalArgumentException.class, () -> reader.fill(Double.NaN).read(edge));
      // 46341^2 int16 pixels are just over 2^32 bytes: refused before anything is allocated
      assertTrue(assertThrows(IllegalArgumentException.class, () -> reader.read(new Box(0, 0, 46341, 46341)))
          .getMessage().contains("over 2 GiB"));
    }
    try (FitsFile fits = Fits.open(TestFiles.real("real/fv_datacube.fits"))) {
      CutoutReader cube = fits.hdu(0).image().cutouts();
      assertThrows(IllegalArgumentException.class, () -> cube.planes(25, 6));
      assertThrows(IllegalArgumentException.class, () -> cube.planes(-1, 2));
      assertArrayEquals(new long[] {6, 3, 4}, cube.planes(24, 6).shape(new Box(0, 0, 4, 3)));
    }
  }

  @Test
  void aTruncatedFileIsAFormatErrorNamingTheShapeForEveryStrategy() throws IOException {
    byte[] bytes = Files.readAllBytes(TestFiles.real("real/fv_ngc1316o.fits"));
    Path cut = TestFiles.write(dir, "cut.fits", Arrays.copyOf(bytes, 100_000));
    try (FitsFile fits = Fits.open(cut)) {
      for (CutoutStrategy s : CutoutStrategy.values()) {
        FitsFormatException e = assertThrows(FitsFormatException.class,
            () -> fits.hdu(0).image().cutouts().strategy(s).read(new Box(10, 10, 5, 5)));
        assertTrue(e.getMessage().contains("file ends at byte 100000"), e.getMessage());
      }
    }
  }

  // ---- an image over 2 GiB ----

  /** 23171^2 float32 pixels: 2,147,580,964 bytes of data, in a sparse file. */
  private static final int SIDE = 23171;
  private static final long DATA_OFFSET = 2880;

  @Test
  void cutsOutOfAnImageOver2GiBAcrossMappedWindowStepsWithEveryStrategy() throws IOException {
    // pixels whose bytes straddle the 1 GiB and 2 GiB file offsets, and the last pixel
    long[] planted = {((1L << 30) - DATA_OFFSET) / 4 - 1, ((1L << 30) - DATA_OFFSET) / 4,
        ((1L << 31) - DATA_OFFSET) / 4 + 3, (long) SIDE * SIDE - 1};
    big = dir.resolve("big.fits");
    try (RandomAccessFile out = new RandomAccessFile(big.toFile(), "rw")) {
      out.write(header(value("SIMPLE", "T"), value("BITPIX", "-32"), value("NAXIS", "2"),
          value("NAXIS1", String.valueOf(SIDE)), value("NAXIS2", String.valueOf(SIDE))));
      out.setLength(DATA_OFFSET + ((long) SIDE * SIDE * 4 + 2879) / 2880 * 2880);
      for (int i = 0; i < planted.length; i++) {
        out.seek(DATA_OFFSET + planted[i] * 4);
        out.writeFloat(i + 1.5f);
      }
    }
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      try (FitsFile fits = Fits.open(big)) {
        ImageReader image = fits.hdu(0).image();
        for (CutoutStrategy s : new CutoutStrategy[] {CutoutStrategy.AUTO, CutoutStrategy.MAPPED,
            CutoutStrategy.ROW_BANDS, CutoutStrategy.READ_ONCE}) {
          for (int i = 0; i < planted.length; i++) {
            long row = planted[i] / SIDE;
            long column = planted[i] % SIDE;
            // a 9 x 5 box with the planted pixel at (4, 2), partly off the image for the last pixel
            Cutouts cutouts = image.cutouts().strategy(s).read(List.of(new Box(column - 4, row - 2, 9, 5)));
            INDArray cutout = cutouts.array();
            float[] values = cutout.data().asFloat();
            for (int k = 0; k < values.length; k++) {
              long y = row - 2 + k / 9;
              long x = column - 4 + k % 9;
              long at = y * SIDE + x;
              int which = Arrays.stream(planted).boxed().toList().indexOf(at);
              float expected = x >= SIDE || y >= SIDE ? Float.NaN : which >= 0 ? which + 1.5f : 0f;
              assertEquals(expected, values[k], s + " pixel " + planted[i] + " cutout element " + k);
            }
          }
        }
      }
    });
  }

  @Test
  void mappedWindowsServeRangesUpTo1GiBAnywhereInTheFile() throws IOException {
    Path file = TestFiles.write(dir, "small.bin", new byte[] {1, 2, 3, 4, 5});
    try (var input = org.jfits.io.Inputs.open(file)) {
      assertTrue(input.mappable());
      ByteBuffer view = input.map(1, 3);
      assertEquals(3, view.remaining());
      assertEquals(2, view.get(0));
      assertEquals(4, view.get(2));
      assertThrows(java.io.EOFException.class, () -> input.map(3, 3));
    }
  }
}
