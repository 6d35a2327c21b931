package org.jfits.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code stats}: per image HDU, the count of pixels, of finite ones, and their minimum, maximum,
 * mean, standard deviation (population, numpy's {@code nanstd}) and median, over the values a read
 * returns (BSCALE/BZERO applied, BLANK as NaN); as numpy's {@code nanmin}, {@code nanmax},
 * {@code nanmean}, {@code nanstd} and {@code nanmedian}.
 */
final class StatsCommand {
  private StatsCommand() {}

  static FileReport report(String file, Main.Options options) {
    try (FitsFile fits = Fits.open(file)) {
      List<Map<String, Object>> records = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      for (Hdu hdu : options.hdus(fits)) {
        if (!hdu.type().isImage() || !hdu.hasData()) {
          if (options.hdu != null) {
            throw new Main.UsageException("stats: HDU " + hdu.index() + " of " + file + " has no image data");
          }
          continue;
        }
        Map<String, Object> r = stats(hdu);
        r.put("file", file);
        records.add(r);
        text.append(String.format(Locale.ROOT, "%s[%d] %s pixels %d finite %d min %s max %s mean %s std %s median %s%n",
            file, hdu.index(), Arrays.toString(hdu.shape()), r.get("pixels"), r.get("finite"), r.get("min"),
            r.get("max"), r.get("mean"), r.get("std"), r.get("median")));
      }
      return new FileReport(records, text.toString());
    }
  }

  private static Map<String, Object> stats(Hdu hdu) {
    INDArray pixels = hdu.image().read();
    double[] values = pixels.castTo(DataType.DOUBLE).data().asDouble();
    double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
    double mean = Double.NaN;
    double std = Double.NaN;
    double median = Double.NaN;
    if (finite.length > 0) {
      mean = Arrays.stream(finite).sum() / finite.length;
      double m = mean;
      std = Math.sqrt(Arrays.stream(finite).map(v -> (v - m) * (v - m)).sum() / finite.length);
      Arrays.sort(finite);
      int n = finite.length;
      median = n % 2 == 1 ? finite[n / 2] : (finite[n / 2 - 1] + finite[n / 2]) / 2;
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("hdu", hdu.index());
    r.put("shape", hdu.shape());
    r.put("pixels", (long) values.length);
    r.put("finite", (long) finite.length);
    r.put("min", finite.length > 0 ? finite[0] : Double.NaN);
    r.put("max", finite.length > 0 ? finite[finite.length - 1] : Double.NaN);
    r.put("mean", mean);
    r.put("std", std);
    r.put("median", median);
    return r;
  }
}
