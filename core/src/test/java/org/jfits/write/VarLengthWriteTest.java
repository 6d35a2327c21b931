package org.jfits.write;

import static org.jfits.write.WriteChecks.assertFitsverifyClean;
import static org.jfits.write.WrittenTables.assertAstropyReads;
import static org.jfits.write.WrittenTables.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.table.FitsTable;
import org.jfits.table.RaggedColumn;
import org.jfits.write.WrittenTables.Expected;
import org.jfits.write.WrittenTables.Unsigned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.StringColumn;

/**
 * Variable-length array columns of every element type in one table, with ragged shapes from a
 * seeded generator (empty rows, long rows), as astropy, fitsverify and jfits read them; and the
 * switch from 32-bit ({@code P}) to 64-bit ({@code Q}) descriptors.
 */
class VarLengthWriteTest {
  private static final long SEED = 20261204L;
  private static final int ROWS = 150;

  @TempDir
  Path dir;

  /** One generated column: its values as written (row by row) and as ND4J stores them. */
  private record Generated(String name, String code, RaggedColumn ragged, List<Object> rows, String zero,
      boolean complex) {}

  /** Row lengths: a quarter empty, a few long (hundreds to thousands), the rest short. */
  private static long[] offsets(Random random, int rows) {
    long[] offsets = new long[rows + 1];
    for (int i = 0; i < rows; i++) {
      double p = random.nextDouble();
      int length = p < 0.25 ? 0 : p < 0.3 ? 300 + random.nextInt(3000) : 1 + random.nextInt(12);
      offsets[i + 1] = offsets[i] + length;
    }
    return offsets;
  }

  private static Generated generate(Random random, String name, DataType type, boolean complex) {
    long[] offsets = offsets(random, ROWS);
    int n = (int) offsets[ROWS] * (complex ? 2 : 1);
    long[] bits = new long[n];
    double[] reals = new double[n];
    List<Object> flat = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      switch (type) {
        case BOOL -> flat.add(random.nextBoolean());
        case UBYTE -> flat.add(bits[i] = random.nextInt(256));
        case BYTE -> flat.add(bits[i] = random.nextInt(256) - 128);
        case SHORT -> flat.add(bits[i] = random.nextInt(65536) - 32768);
        case UINT16 -> flat.add(bits[i] = random.nextInt(65536));
        case INT -> flat.add(bits[i] = random.nextInt());
        case UINT32 -> flat.add(bits[i] = random.nextInt() & 0xffffffffL);
        case LONG -> flat.add(bits[i] = random.nextLong());
        case UINT64 -> flat.add(new Unsigned(bits[i] = random.nextLong()));
        case FLOAT -> flat.add(reals[i] = (float) random.nextGaussian() * 1e3f);
        default -> flat.add(reals[i] = random.nextGaussian() * 1e200);
      }
    }
    INDArray values;
    if (type == DataType.BOOL) {
      boolean[] b = new boolean[n];
      for (int i = 0; i < n; i++) {
        b[i] = (Boolean) flat.get(i);
      }
      values = Nd4j.createFromArray(b);
    } else if (type == DataType.FLOAT) {
      float[] f = new float[n];
      for (int i = 0; i < n; i++) {
        f[i] = (float) reals[i];
      }
      values = Nd4j.createFromArray(f);
    } else if (type == DataType.DOUBLE) {
      values = Nd4j.createFromArray(reals);
    } else {
      values = Nd4j.createFromArray(bits).castTo(type);
    }
    if (complex) {
      values = values.reshape(n / 2, 2);
    }
    List<Object> rows = new ArrayList<>();
    int per = complex ? 2 : 1;
    for (int r = 0; r < ROWS; r++) {
      rows.add(new ArrayList<>(flat.subList((int) offsets[r] * per, (int) offsets[r + 1] * per)));
    }
    String code = complex ? (type == DataType.FLOAT ? "C" : "M")
        : String.valueOf(ElementCoding.of(type, name).code);
    ElementCoding coding = ElementCoding.of(type, name);
    String zero = coding.zero == 0 ? null : coding == ElementCoding.UINT64 ? "2^63" : Long.toString((long) coding.zero);
    return new Generated(name, code, new RaggedColumn(name, values, offsets), rows, zero, complex);
  }

  private static long maxLength(RaggedColumn column) {
    long max = 0;
    for (int i = 0; i < column.size(); i++) {
      max = Math.max(max, column.length(i));
    }
    return max;
  }

  private static Object zeroValue(String zero) {
    return zero == null ? null : zero.equals("2^63") ? (Object) 9.223372036854775808E18 : (Object) Long.parseLong(zero);
  }

  @Test
  void writesManyVariableLengthColumnsOfEveryTypeAsAstropyReadsThem() throws Exception {
    Random random = new Random(SEED);
    List<Generated> columns = new ArrayList<>();
    Map<String, DataType> types = new LinkedHashMap<>();
    types.put("L", DataType.BOOL);
    types.put("U8", DataType.UBYTE);
    types.put("I8", DataType.BYTE);
    types.put("I16", DataType.SHORT);
    types.put("U16", DataType.UINT16);
    types.put("I32", DataType.INT);
    types.put("U32", DataType.UINT32);
    types.put("I64", DataType.LONG);
    types.put("U64", DataType.UINT64);
    types.put("F32", DataType.FLOAT);
    types.put("F64", DataType.DOUBLE);
    types.forEach((name, type) -> columns.add(generate(random, name, type, false)));
    columns.add(generate(random, "C64", DataType.FLOAT, true));
    columns.add(generate(random, "C128", DataType.DOUBLE, true));
    StringColumn strings = StringColumn.create("TEXT");
    List<Object> stringRows = new ArrayList<>();
    for (int r = 0; r < ROWS; r++) {
      int length = random.nextInt(4) == 0 ? 0 : random.nextInt(10) == 0 ? 2000 : random.nextInt(30);
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < length; i++) {
        s.append((char) ('!' + random.nextInt(94)));
      }
      strings.append(s.toString());
      stringRows.add(s.toString());
    }

    TableHdu hdu = TableHdu.create();
    Expected expected = new Expected(ROWS, "RAGGED");
    for (Generated g : columns) {
      hdu.ragged(g.name(), g.ragged());
      expected.column(g.name(), "1P" + g.code() + "(" + maxLength(g.ragged()) + ")", "vla", g.rows(),
          "zero", zeroValue(g.zero()), "complex", g.complex());
    }
    hdu.ragged("TEXT", strings).name("RAGGED");
    long longest = stringRows.stream().mapToLong(s -> ((String) s).length()).max().orElse(0);
    expected.column("TEXT", "1PA(" + longest + ")", "vla_string", stringRows);
    Path file = write(dir, "ragged.fits", hdu);
    assertFitsverifyClean(file);
    assertAstropyReads(file, expected);

    try (FitsFile fits = Fits.open(file)) {
      FitsTable read = fits.hdu(1).table().read();
      for (Generated g : columns) {
        RaggedColumn back = read.ragged(g.name());
        assertArrayEquals(g.ragged().offsets(), back.offsets(), g.name());
        INDArray written = g.ragged().values();
        assertEquals(written.dataType(), back.values().dataType(), g.name());
        if (written.dataType().isFPType()) {
          assertArrayEquals(written.data().asDouble(), back.values().data().asDouble(), g.name());
        } else {
          assertEquals(written, back.values(), g.name());
        }
      }
      for (int r = 0; r < ROWS; r++) {
        assertEquals(stringRows.get(r), read.table().stringColumn("TEXT").get(r), "TEXT[" + r + "]");
      }
    }
  }

  @Test
  void switchesToSixtyFourBitDescriptorsPastTheLimit() throws Exception {
    Random random = new Random(SEED + 1);
    Generated first = generate(random, "FIRST", DataType.DOUBLE, false);
    Generated second = generate(random, "SECOND", DataType.INT, false);
    Generated third = generate(random, "THIRD", DataType.UINT16, false);
    long firstBytes = first.ragged().values().length() * 8;
    // the first column's heap fits under the limit, the second's ends beyond it, the third starts beyond it
    TableHdu hdu = TableHdu.create(firstBytes + 8).ragged("FIRST", first.ragged())
        .ragged("SECOND", second.ragged()).ragged("THIRD", third.ragged());
    Path file = write(dir, "wide.fits", hdu);
    assertFitsverifyClean(file);
    Expected expected = new Expected(ROWS, null)
        .column("FIRST", "1PD(" + maxLength(first.ragged()) + ")", "vla", first.rows())
        .column("SECOND", "1QJ(" + maxLength(second.ragged()) + ")", "vla", second.rows())
        .column("THIRD", "1QI(" + maxLength(third.ragged()) + ")", "vla", third.rows(), "zero", 32768L);
    assertAstropyReads(file, expected);
    try (FitsFile fits = Fits.open(file)) {
      FitsTable read = fits.hdu(1).table().read();
      assertEquals(second.ragged().values(), read.ragged("SECOND").values());
      assertArrayEquals(third.ragged().offsets(), read.ragged("THIRD").offsets());
    }
  }
}
