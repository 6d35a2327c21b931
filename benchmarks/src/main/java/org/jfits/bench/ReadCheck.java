package org.jfits.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nom.tam.fits.ImageHDU;
import org.jfits.Fits;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checks, before timing, that the benchmarked readers return the same values: jfits' array and
 * nom-tam-fits' kernel (converted to float with nom-tam's own BSCALE/BZERO handling for the int16
 * files, exactly as the benchmark does) must agree bit for bit, pixel for pixel. Exits with status 1
 * if any file differs. Usage: {@code ReadCheck DIR [SIZE...]}.
 */
public final class ReadCheck {
  private ReadCheck() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    List<Integer> sizes = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      sizes.add(Integer.parseInt(args[i]));
    }
    if (sizes.isEmpty()) {
      sizes.addAll(DataGenerator.SIZES);
    }
    boolean ok = true;
    for (int size : sizes) {
      for (String type : DataGenerator.TYPES) {
        ok &= check(DataGenerator.file(dir, type, size), size);
      }
    }
    if (!ok) {
      System.exit(1);
    }
  }

  private static boolean check(Path file, int size) throws Exception {
    INDArray jfits = Fits.read(file, 0);
    float[][] nomTam;
    try (nom.tam.fits.Fits fits = new nom.tam.fits.Fits(file.toFile())) {
      ImageHDU hdu = (ImageHDU) fits.readHDU();
      nomTam = (float[][]) hdu.getData().convertTo(float.class).getKernel();
    }
    long differ = 0;
    if (jfits.dataType() != DataType.FLOAT || jfits.rows() != size || jfits.columns() != size) {
      differ = -1;
    } else {
      float[] flat = jfits.data().asFloat();
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          if (Float.floatToRawIntBits(flat[y * size + x]) != Float.floatToRawIntBits(nomTam[y][x])) {
            differ++;
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "%s: jfits %s %s, nom-tam float[%d][%d], %s%n", file.getFileName(),
        jfits.dataType(), java.util.Arrays.toString(jfits.shape()), nomTam.length, nomTam[0].length,
        differ == 0 ? "identical" : differ < 0 ? "DIFFERENT TYPE OR SHAPE" : differ + " pixels DIFFER");
    return differ == 0;
  }
}
