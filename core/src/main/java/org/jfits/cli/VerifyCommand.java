package org.jfits.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.checksum.ChecksumStatus;
import org.jfits.checksum.HduChecksum;

/**
 * {@code verify}: the CHECKSUM and DATASUM of every HDU, as astropy's {@code fits.open(f, checksum=True)}
 * and fitsverify check them: OK, MISSING (no cards), BAD_DATA or BAD_HEADER per HDU.
 */
final class VerifyCommand {
  private VerifyCommand() {}

  static FileReport report(String file) {
    try (FitsFile fits = Fits.open(file)) {
      List<Map<String, Object>> records = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      for (HduChecksum c : fits.verifyChecksums()) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("file", file);
        r.put("hdu", c.hdu());
        r.put("name", c.name());
        r.put("status", c.status().name());
        records.add(r);
        text.append(file).append('[').append(c.hdu()).append("] ").append(c.name()).append(": ").append(c.status())
            .append('\n');
      }
      return new FileReport(records, text.toString());
    }
  }

  /** True when a report names an HDU whose data or header does not match its sums. */
  static boolean failed(FileReport report) {
    return report.records().stream().anyMatch(r -> !r.get("status").equals(ChecksumStatus.OK.name())
        && !r.get("status").equals(ChecksumStatus.MISSING.name()));
  }
}
