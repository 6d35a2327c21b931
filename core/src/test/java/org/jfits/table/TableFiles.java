package org.jfits.table;

import static org.jfits.TestFiles.card;
import static org.jfits.TestFiles.concat;
import static org.jfits.TestFiles.header;
import static org.jfits.TestFiles.padded;
import static org.jfits.TestFiles.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.jfits.TestFiles;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.columns.Column;

/**
 * Test helpers for tables: a FITS file with one table extension written card by card, astropy's
 * values of every column (flattened, one line per column), and the same values read back from a
 * {@link FitsTable} for comparison.
 */
final class TableFiles {
  /** Prints each column as {@code name<TAB>v<TAB>v...}, flattened in C order. */
  static final String ASTROPY_VALUES = String.join("\n",
      "import sys, numpy as np",
      "from astropy.io import fits",
      "d = fits.open(sys.argv[1])[int(sys.argv[2]) if len(sys.argv) > 2 else 1].data",
      "def fmt(v):",
      "    if isinstance(v, (bytes, np.bytes_)): v = v.decode('latin-1')",
      "    if isinstance(v, str): return 's:' + v.encode('latin-1').hex()",
      "    if isinstance(v, (bool, np.bool_)): return str(bool(v))",
      "    if isinstance(v, (int, np.integer)): return str(int(v))",
      "    return repr(float(v))",
      "def flat(x):",
      "    a = np.asarray(x)",
      "    if a.dtype.kind == 'c': a = np.stack([a.real, a.imag], -1)",
      "    if a.dtype.kind in 'SU': return [fmt(v) for v in a.view(np.chararray).ravel()]",
      "    return [fmt(v) for v in a.ravel().tolist()]",
      "for n in d.names:",
      "    c = d[n]",
      "    vals = []",
      "    if any(ch in str(d.columns[n].format) for ch in 'PQ'):",
      "        for r in c:",
      "            if 'A' in str(d.columns[n].format):  # astropy gives a PA row as an array of characters",
      "                vals.append(fmt(''.join((x.decode('latin-1') if isinstance(x, bytes) else x) for x in np.asarray(r, dtype='S1').view(np.chararray).ravel())))",
      "            else: vals += flat(r)",
      "    else: vals = flat(c)",
      "    print('\\t'.join([n] + vals))");

  private TableFiles() {}

  /** A primary HDU without data followed by one extension with these cards and data bytes. */
  static byte[] file(List<String> cards, byte[] data) {
    byte[] primary = header(value("SIMPLE", "T"), value("BITPIX", "8"), value("NAXIS", "0"), value("EXTEND", "T"));
    return concat(primary, header(cards.toArray(new String[0])), padded(data));
  }

  /** The cards of a BINTABLE header: row width, rows, heap size, then {@code columns} as (TTYPE, TFORM) pairs. */
  static List<String> binaryHeader(int rowWidth, int rows, int pcount, String... columns) {
    List<String> cards = new ArrayList<>(List.of(value("XTENSION", "'BINTABLE'"), value("BITPIX", "8"),
        value("NAXIS", "2"), value("NAXIS1", "" + rowWidth), value("NAXIS2", "" + rows),
        value("PCOUNT", "" + pcount), value("GCOUNT", "1"), value("TFIELDS", "" + columns.length / 2)));
    for (int i = 0; i < columns.length; i += 2) {
      cards.add(value("TTYPE" + (i / 2 + 1), "'" + columns[i] + "'"));
      cards.add(value("TFORM" + (i / 2 + 1), "'" + columns[i + 1] + "'"));
    }
    return cards;
  }

  /** A big-endian buffer to write rows into. */
  static ByteBuffer rows(int bytes) {
    return ByteBuffer.allocate(bytes).order(ByteOrder.BIG_ENDIAN);
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Extra header card. */
  static String kw(String keyword, String value) {
    return value(keyword, value);
  }

  static String raw(String text) {
    return card(text);
  }

  /** astropy's values, as printed by {@link #ASTROPY_VALUES}, one list per column, in order. */
  static List<List<String>> astropy(java.nio.file.Path file) throws Exception {
    return astropy(file, 1);
  }

  /** astropy's values of HDU {@code hdu}, as {@link #astropy(java.nio.file.Path)}. */
  static List<List<String>> astropy(java.nio.file.Path file, int hdu) throws Exception {
    String out = TestFiles.python(ASTROPY_VALUES, file.toString(), "" + hdu);
    List<List<String>> columns = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isEmpty()) {
        columns.add(Arrays.asList(line.split("\t", -1)));
      }
    }
    return columns;
  }

  /** Where jfits put column {@code name}: its values, flattened. */
  static List<Object> actual(FitsTable table, String name) {
    if (table.table().containsColumn(name)) {
      return values(table.table().column(name));
    }
    if (table.array(name) != null) {
      return values(table.array(name));
    }
    return values(table.ragged(name).values());
  }

  /** The values of a Tablesaw column, null for missing. */
  static List<Object> values(Column<?> column) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < column.size(); i++) {
      out.add(column.isMissing(i) ? null : normal(column.get(i)));
    }
    return out;
  }

  /** The elements of an ND4J array in C order, read from its raw memory so no value is converted. */
  static List<Object> values(INDArray array) {
    List<Object> out = new ArrayList<>();
    DataType type = array.dataType();
    if (type == DataType.UTF8) {
      for (long i = 0; i < array.length(); i++) {
        out.add(array.getString(i));
      }
      return out;
    }
    if (array.length() == 0) {
      return out;
    }
    ByteBuffer raw = array.data().asNio().order(ByteOrder.nativeOrder());
    for (int i = 0; i < array.length(); i++) {
      switch (type) {
        case BOOL:
          out.add(raw.get(i) != 0);
          break;
        case BYTE:
          out.add((long) raw.get(i));
          break;
        case UBYTE:
          out.add((long) (raw.get(i) & 0xff));
          break;
        case SHORT:
          out.add((long) raw.getShort(2 * i));
          break;
        case UINT16:
          out.add((long) (raw.getShort(2 * i) & 0xffff));
          break;
        case INT:
          out.add((long) raw.getInt(4 * i));
          break;
        case UINT32:
          out.add(raw.getInt(4 * i) & 0xffffffffL);
          break;
        case LONG:
          out.add(raw.getLong(8 * i));
          break;
        case UINT64:
          out.add(new BigInteger(Long.toUnsignedString(raw.getLong(8 * i))));
          break;
        case FLOAT:
          out.add((double) raw.getFloat(4 * i));
          break;
        default:
          out.add(raw.getDouble(8 * i));
      }
    }
    return out;
  }

  private static Object normal(Object v) {
    if (v instanceof Short || v instanceof Integer || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return (double) f;
    }
    return v;
  }

  /**
   * Checks jfits' values against astropy's: numbers exactly (NaN equal to NaN), strings exactly, a
   * jfits missing value only where astropy has one of {@code nullsAs}.
   */
  static void assertSame(String column, List<String> expected, List<Object> actual, Set<String> nullsAs) {
    assertEquals(expected.size(), actual.size(), column + ": number of values " + expected + " vs " + actual);
    for (int i = 0; i < expected.size(); i++) {
      String e = expected.get(i);
      Object a = actual.get(i);
      String where = column + "[" + i + "]: astropy " + e + ", jfits " + a;
      if (a == null) {
        assertTrue(nullsAs.contains(e), where);
      } else if (e.startsWith("s:")) {
        assertEquals(new String(HexFormat.of().parseHex(e.substring(2)), StandardCharsets.ISO_8859_1), a, where);
      } else if (e.equals("True") || e.equals("False")) {
        assertEquals(Boolean.valueOf(e), a, where);
      } else if (a instanceof Double d) {
        double x = e.equals("nan") ? Double.NaN : e.equals("inf") ? Double.POSITIVE_INFINITY
            : e.equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(e);
        assertEquals(Double.doubleToLongBits(x) == Double.doubleToLongBits(Double.NaN) ? Double.NaN : x, d, 0.0, where);
        assertEquals(Double.isNaN(x), Double.isNaN(d), where);
      } else {
        // astropy gives float64 for B with TZERO = -128; the value must still be the same integer
        assertEquals(0, new java.math.BigDecimal(e).compareTo(new java.math.BigDecimal(a.toString())), where);
      }
    }
  }
}
