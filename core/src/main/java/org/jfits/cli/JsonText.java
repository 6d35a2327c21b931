package org.jfits.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON text of the values the commands report: maps (objects, in their iteration order), lists,
 * strings, numbers (non-finite ones as {@code null}, as JSON has none), booleans and null.
 */
final class JsonText {
  private JsonText() {}

  static String of(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  private static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(out, s);
    } else if (value instanceof Double d) {
      out.append(Double.isFinite(d) ? d.toString() : "null");
    } else if (value instanceof Float f) {
      out.append(Float.isFinite(f) ? f.toString() : "null");
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
      while (entries.hasNext()) {
        Map.Entry<?, ?> e = entries.next();
        string(out, String.valueOf(e.getKey()));
        out.append(": ");
        append(out, e.getValue());
        out.append(entries.hasNext() ? ", " : "");
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        append(out, list.get(i));
        out.append(i + 1 < list.size() ? ", " : "");
      }
      out.append(']');
    } else if (value instanceof long[] longs) {
      append(out, Arrays.stream(longs).boxed().toList());
    } else {
      string(out, value.toString());
    }
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
