package org.jfits.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Compressed images written by jfits, checked with cfitsio's tools and astropy: fitsverify finds no
 * problem, funpack decompresses them, and astropy reads funpack's output equal to the input (within
 * the quantisation error for floats) and equal to its own decompression of our file.
 */
class CompressedImageWriteTest {
  private static final List<DataType> INTEGERS = List.of(DataType.INT8, DataType.UINT8, DataType.INT16,
      DataType.UINT16, DataType.INT32, DataType.UINT32);

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(value = TileCompression.class, names = {"RICE_1", "GZIP_1", "GZIP_2", "HCOMPRESS_1", "NOCOMPRESS"})
  void integerImagesDecompressExactly(TileCompression algorithm) throws Exception {
    CompressionChecks checks = new CompressionChecks(dir);
    boolean hcompress = algorithm == TileCompression.HCOMPRESS_1;
    for (DataType type : INTEGERS) {
      String name = StoredType.of(type).name().toLowerCase();
      INDArray flat = TestImages.integers(type, 1, 37, 53);
      checks.add(name + "_2d", flat, CompressedImageHdu.of(flat).algorithm(algorithm), true);
      checks.add(name + "_2d_odd_tile", flat, CompressedImageHdu.of(flat).algorithm(algorithm).tile(16, 5), true);
      INDArray cube = TestImages.integers(type, 2, 3, 19, 23);
      checks.add(name + "_3d", cube, CompressedImageHdu.of(cube).algorithm(algorithm)
          .tile(7, hcompress ? 5 : 4, hcompress ? 1 : 2), true);
    }
    assertEquals(3 * INTEGERS.size(), checks.verify().size());
  }

  @ParameterizedTest
  @EnumSource(value = DataType.class, names = {"UBYTE", "SHORT", "INT"})
  void masksDecompressExactlyWithPlio(DataType type) throws Exception {
    CompressionChecks checks = new CompressionChecks(dir);
    int max = type == DataType.UBYTE ? 255 : type == DataType.SHORT ? 32767 : (1 << 24) - 1;
    INDArray flat = TestImages.mask(type, max, 3, 70, 300);
    checks.add("mask_2d_rows", flat, CompressedImageHdu.of(flat).algorithm(TileCompression.PLIO_1), true);
    checks.add("mask_2d_blocks", flat, CompressedImageHdu.of(flat).algorithm(TileCompression.PLIO_1)
        .tile(300, 33), true);
    INDArray cube = TestImages.mask(type, max, 4, 3, 41, 97);
    checks.add("mask_3d", cube, CompressedImageHdu.of(cube).algorithm(TileCompression.PLIO_1).tile(97, 41, 2), true);
    Map<String, CompressionChecks.Verdict> verdicts = checks.verify();
    assertEquals(3, verdicts.size());
  }
}
