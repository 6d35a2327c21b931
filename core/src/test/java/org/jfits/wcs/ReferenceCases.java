package org.jfits.wcs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The cases {@code wcs_reference.py} writes: one header, astropy's transforms of its points. */
final class ReferenceCases {
  /** One header and astropy's numbers for it. */
  record Case(String name, String file, int hdu, char alt, String expect, Map<String, double[]> values) {
    double[] get(String key) {
      double[] v = values.get(key);
      if (v == null) {
        throw new AssertionError(name + ": no " + key + " in the reference");
      }
      return v;
    }
  }

  private ReferenceCases() {}

  static List<Case> read(Path casesFile) throws IOException {
    List<Case> cases = new ArrayList<>();
    Map<String, String> fields = new HashMap<>();
    Map<String, double[]> values = new HashMap<>();
    for (String line : Files.readAllLines(casesFile)) {
      if (line.equals("end")) {
        String alt = fields.get("alt");
        cases.add(new Case(fields.get("case"), fields.get("file"), Integer.parseInt(fields.get("hdu")),
            alt.equals("_") ? ' ' : alt.charAt(0), fields.get("expect"), values));
        fields = new HashMap<>();
        values = new HashMap<>();
        continue;
      }
      int space = line.indexOf(' ');
      String key = space < 0 ? line : line.substring(0, space);
      String rest = space < 0 ? "" : line.substring(space + 1);
      if (List.of("case", "file", "hdu", "alt", "expect").contains(key)) {
        fields.put(key, rest);
      } else {
        String[] parts = rest.isEmpty() ? new String[0] : rest.split(" ");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
          v[i] = Double.parseDouble(parts[i]);
        }
        values.put(key, v);
      }
    }
    return cases;
  }
}
