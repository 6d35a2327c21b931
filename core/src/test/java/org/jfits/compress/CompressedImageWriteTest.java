package org.jfits.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

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
    // runs of exactly 4095 zeros (one full line-list word) before a single pixel, twice
    INDArray edge = Nd4j.zeros(type, 2, 8200);
    edge.putScalar(new int[] {0, 4095}, 7);
    edge.putScalar(new int[] {0, 8191}, max);
    edge.putScalar(new int[] {1, 8199}, 1);
    checks.add("mask_full_zero_words", edge, CompressedImageHdu.of(edge).algorithm(TileCompression.PLIO_1), true);
    Map<String, CompressionChecks.Verdict> verdicts = checks.verify();
    assertEquals(4, verdicts.size());
  }

  @ParameterizedTest
  @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
  void quantisedFloatsStayWithinHalfAStep(DataType type) throws Exception {
    CompressionChecks checks = new CompressionChecks(dir);
    Map<String, CompressedImageHdu> hdus = new LinkedHashMap<>();
    INDArray sky = TestImages.sky(type, 5, 37, 53);
    hdus.put("rice_dither1", CompressedImageHdu.of(sky));
    hdus.put("gzip1_no_dither", CompressedImageHdu.of(sky).algorithm(TileCompression.GZIP_1).tile(16, 5)
        .dither(Dither.NO_DITHER));
    hdus.put("gzip2_seed", CompressedImageHdu.of(sky).algorithm(TileCompression.GZIP_2).seed(9999).quantize(16));
    hdus.put("hcompress", CompressedImageHdu.of(sky).algorithm(TileCompression.HCOMPRESS_1));
    hdus.put("absolute_step", CompressedImageHdu.of(sky).quantize(-0.5));
    INDArray zeros = sky.dup();
    for (int x = 0; x < 53; x += 3) {
      zeros.putScalar(new int[] {7, x}, 0.0);
    }
    hdus.put("dither2_zeros", CompressedImageHdu.of(zeros).dither(Dither.SUBTRACTIVE_DITHER_2));
    INDArray holes = sky.dup();
    for (int x = 0; x < 53; x++) {
      holes.putScalar(new int[] {3, x}, Double.NaN); // a tile of NaN only
      holes.putScalar(new int[] {x % 37, x}, Double.NaN);
    }
    hdus.put("nan_rice", CompressedImageHdu.of(holes));
    // row tiles: funpack (cfitsio 4.2) restores tiles of several rows with NaN wrongly, fpack's own too
    hdus.put("nan_gzip2", CompressedImageHdu.of(holes).algorithm(TileCompression.GZIP_2).tile(20, 1));
    INDArray flat = sky.dup();
    flat.get(NDArrayIndex.interval(0, 5), NDArrayIndex.all()).assign(42.5);
    hdus.put("constant_rows", CompressedImageHdu.of(flat));
    INDArray cube = TestImages.sky(type, 6, 3, 19, 23);
    hdus.put("cube", CompressedImageHdu.of(cube).tile(7, 4, 2));
    Map<String, INDArray> originals = Map.of("dither2_zeros", zeros, "nan_rice", holes, "nan_gzip2", holes,
        "constant_rows", flat, "cube", cube);
    for (Map.Entry<String, CompressedImageHdu> e : hdus.entrySet()) {
      checks.add(e.getKey(), originals.getOrDefault(e.getKey(), sky), e.getValue(), false);
    }
    Map<String, CompressionChecks.Verdict> verdicts = checks.verify();
    double slack = type == DataType.FLOAT ? Math.ulp(700f) : Math.ulp(700.0);
    for (Map.Entry<String, CompressedImageHdu> e : hdus.entrySet()) {
      CompressionChecks.Verdict v = verdicts.get(e.getKey());
      double reported = e.getValue().maxQuantizationError();
      assertTrue(v.error() > 0, v::line);
      assertTrue(v.error() <= v.halfStep() + slack, () -> "error above half a step: " + v.line());
      assertEquals(v.error(), reported, 1e-9 * v.error(), () -> "reported error " + reported + ", " + v.line());
    }
    assertEquals(0.25, verdicts.get("absolute_step").halfStep());
    assertEquals(5, verdicts.get("constant_rows").losslessTiles(), "constant tiles are kept as floats");
    assertEquals(0, verdicts.get("rice_dither1").losslessTiles());
  }

  @ParameterizedTest
  @EnumSource(value = TileCompression.class, names = {"GZIP_1", "GZIP_2", "NOCOMPRESS"})
  void losslessFloatsDecompressExactly(TileCompression algorithm) throws Exception {
    CompressionChecks checks = new CompressionChecks(dir);
    for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
      INDArray sky = TestImages.sky(type, 7, 37, 53);
      sky.putScalar(new int[] {2, 2}, -0.0);
      if (algorithm != TileCompression.NOCOMPRESS) {
        // funpack (cfitsio 4.2) misreads UNCOMPRESSED_DATA float tiles of several rows that hold NaN
        // (as it misreads fpack's own quantised tiles of several rows with NaN), and flushes
        // subnormal numbers in them to zero
        sky.putScalar(new int[] {0, 0}, Double.NaN);
        sky.putScalar(new int[] {1, 1}, Double.POSITIVE_INFINITY);
        sky.putScalar(new int[] {3, 3}, type == DataType.FLOAT ? Float.MIN_VALUE : Double.MIN_VALUE);
      }
      String name = StoredType.of(type).name().toLowerCase();
      CompressedImageHdu hdu = CompressedImageHdu.of(sky).algorithm(algorithm).lossless().tile(20, 3);
      checks.add(name, sky, hdu, true);
      assertEquals(0, hdu.maxQuantizationError());
      INDArray cube = TestImages.sky(type, 8, 3, 19, 23);
      checks.add(name + "_3d", cube, CompressedImageHdu.of(cube).algorithm(algorithm).lossless(), true);
    }
    assertEquals(4, checks.verify().size());
  }
}
