package org.jfits.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.jfits.HduSummary;
import org.jfits.header.Card;

/**
 * {@code info} and {@code header} over one file: what they report, as records and as text. Neither
 * reads data, so neither loads the native array library.
 */
final class InventoryCommands {
  private InventoryCommands() {}

  /** The HDU listing, as astropy's {@code fits.info()}. */
  static FileReport info(String file) {
    try (FitsFile fits = Fits.open(file)) {
      List<Map<String, Object>> records = new ArrayList<>();
      for (HduSummary s : fits.summaries()) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("file", file);
        r.put("hdu", s.index());
        r.put("name", s.name());
        r.put("version", s.version());
        r.put("type", s.type());
        r.put("cards", s.cards());
        r.put("dimensions", s.dimensions());
        r.put("format", s.format());
        records.add(r);
      }
      return new FileReport(records, fits.info());
    }
  }

  /**
   * The cards of the chosen HDUs; with keyword patterns, only the cards whose keyword matches one
   * ({@code *} any characters, {@code ?} one; case-insensitive), one line each.
   */
  static FileReport header(String file, Main.Options options) {
    List<Pattern> patterns = options.keywords.stream().map(InventoryCommands::wildcard).toList();
    try (FitsFile fits = Fits.open(file)) {
      List<Map<String, Object>> records = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      for (Hdu hdu : options.hdus(fits)) {
        if (patterns.isEmpty()) {
          text.append(hdu.header().toText()).append("END\n");
        }
        for (Card card : hdu.header()) {
          if (!patterns.isEmpty() && patterns.stream().noneMatch(p -> p.matcher(card.keyword()).matches())) {
            continue;
          }
          Map<String, Object> r = new LinkedHashMap<>();
          r.put("file", file);
          r.put("hdu", hdu.index());
          r.put("keyword", card.keyword());
          r.put("value", card.value() instanceof Card.Complex c ? List.of(c.real(), c.imaginary()) : card.value());
          r.put("comment", card.comment());
          records.add(r);
          if (!patterns.isEmpty()) {
            text.append(file).append('\t').append(hdu.index()).append('\t').append(card.keyword()).append('\t')
                .append(card.value() == null ? "" : card.value()).append('\n');
          }
        }
      }
      return new FileReport(records, text.toString());
    }
  }

  /** A wildcard keyword pattern ({@code *}, {@code ?}) as a case-insensitive regular expression. */
  static Pattern wildcard(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
  }
}
