package org.jfits.compress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jfits.write.FitsWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Settings and data that a compressed image cannot hold are refused with a message that says why. */
class CompressedImageErrorsTest {
  @TempDir
  Path dir;

  @Test
  void plioRefusesNegativePixelsAndWritesNothing() {
    INDArray image = Nd4j.createFromArray(new short[][] {{0, 1, 2}, {3, -1, 5}});
    Path target = dir.resolve("mask.fits.fz");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
      try (FitsWriter out = FitsWriter.create(target)) {
        out.write(CompressedImageHdu.of(image).algorithm(TileCompression.PLIO_1));
      }
    });
    assertTrue(e.getMessage().contains("PLIO_1 holds integers from 0 to 16777215 only; pixel 1 of a tile is -1"),
        e.getMessage());
    assertFalse(Files.exists(target), "a failed write leaves no file");
  }

  @Test
  void plioRefusesPixelsOf2To24AndMore() {
    INDArray image = Nd4j.createFromArray(new int[][] {{0, 1 << 24}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CompressedImageHdu.of(image).algorithm(TileCompression.PLIO_1).dataSize());
    assertTrue(e.getMessage().contains("pixel 1 of a tile is 16777216"), e.getMessage());
  }

  @Test
  void plioRefusesFloatAndOffsetTypes() {
    for (DataType type : new DataType[] {DataType.FLOAT, DataType.UINT16, DataType.BYTE}) {
      INDArray image = Nd4j.zeros(type, 4, 4);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> CompressedImageHdu.of(image).algorithm(TileCompression.PLIO_1).dataSize());
      assertTrue(e.getMessage().startsWith("PLIO_1 stores non-negative integers below 2^24"), e.getMessage());
    }
  }

  @Test
  void unsupportedTypesAndRanksAreRefused() {
    IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
        () -> CompressedImageHdu.of(Nd4j.zeros(DataType.LONG, 4, 4)));
    assertTrue(type.getMessage().endsWith("not long"), type.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CompressedImageHdu.of(Nd4j.zeros(DataType.BOOL, 4, 4)));
    IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
        () -> CompressedImageHdu.of(Nd4j.zeros(DataType.FLOAT, 4)));
    assertTrue(rank.getMessage().startsWith("tile-compressed images have 2 or 3 axes, not 1"), rank.getMessage());
  }

  @Test
  void invalidTilesAreRefused() {
    CompressedImageHdu hdu = CompressedImageHdu.of(Nd4j.zeros(DataType.SHORT, 3, 10, 20));
    IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> hdu.tile(20, 1));
    assertTrue(count.getMessage().contains("needs 3 sizes"), count.getMessage());
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> hdu.tile(20, 0, 1));
    assertTrue(zero.getMessage().contains("ZTILE2 = 0 is below 1"), zero.getMessage());
    IllegalArgumentException hcompress = assertThrows(IllegalArgumentException.class,
        () -> hdu.algorithm(TileCompression.HCOMPRESS_1).tile(20, 10, 3).dataSize());
    assertTrue(hcompress.getMessage().contains("ZTILE3 must be 1"), hcompress.getMessage());
    IllegalArgumentException oneRow = assertThrows(IllegalArgumentException.class,
        () -> hdu.algorithm(TileCompression.HCOMPRESS_1).tile(20, 3, 1).dataSize());
    assertTrue(oneRow.getMessage().contains("cannot code tiles one pixel wide: ZTILE2 = 3 on an axis of 10"),
        oneRow.getMessage());
    IllegalArgumentException oneColumn = assertThrows(IllegalArgumentException.class,
        () -> CompressedImageHdu.of(Nd4j.zeros(DataType.SHORT, 10, 1)).algorithm(TileCompression.HCOMPRESS_1)
            .dataSize());
    assertTrue(oneColumn.getMessage().contains("ZTILE1 = 1"), oneColumn.getMessage());
  }

  @Test
  void losslessFloatsNeedAGzipOrNoCompression() {
    CompressedImageHdu hdu = CompressedImageHdu.of(Nd4j.zeros(DataType.FLOAT, 4, 4)).lossless();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, hdu::dataSize);
    assertTrue(e.getMessage().startsWith("RICE_1 cannot store floating-point pixels exactly"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> hdu.quantize(0));
    assertThrows(IllegalArgumentException.class, () -> hdu.seed(10001));
  }

  @Test
  void aCompressedImageIsNeverThePrimaryHdu() {
    CompressedImageHdu hdu = CompressedImageHdu.of(Nd4j.zeros(DataType.SHORT, 4, 4));
    assertFalse(hdu.canBePrimary());
    assertThrows(IllegalStateException.class, () -> hdu.header(true));
  }
}
