package org.jfits.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.List;
import org.jfits.table.RaggedColumn;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The bytes and cards of small written tables, worked out by hand from the FITS standard, and the refusals. */
class TableHduTest {

  private static byte[] data(TableHdu hdu) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    hdu.writeData(Channels.newChannel(bytes));
    assertEquals(hdu.dataSize(), bytes.size(), "dataSize() and the bytes written");
    return bytes.toByteArray();
  }

  private static String card(TableHdu hdu, String keyword) {
    return hdu.header(false).cards().stream().filter(c -> c.startsWith(String.format("%-8s=", keyword)))
        .map(c -> c.substring(10, 30).strip()).findFirst().orElse(null);
  }

  @Test
  void writesRowsThenTheHeapAsTheStandardLaysThemOut() throws Exception {
    IntColumn ints = IntColumn.create("N", 1, 2);
    ints.setMissing(1);
    RaggedColumn hits = new RaggedColumn("HITS", Nd4j.createFromArray(new short[] {1, -2, 3}), new long[] {0, 2, 2});
    StringColumn names = StringColumn.create("NAME", "ab", "");
    TableHdu hdu = TableHdu.of(Table.create("t", ints)).ragged("HITS", hits).column(names);
    byte[] expected = {
        0, 0, 0, 1, /* HITS: 2 elements at heap byte 0 */ 0, 0, 0, 2, 0, 0, 0, 0, 'a', 'b',
        (byte) 0x80, 0, 0, 0, /* empty row at heap byte 4 */ 0, 0, 0, 0, 0, 0, 0, 4, ' ', ' ',
        /* heap */ 0, 1, (byte) 0xff, (byte) 0xfe};
    assertArrayEquals(expected, data(hdu));
    assertEquals("14", card(hdu, "NAXIS1"));
    assertEquals("2", card(hdu, "NAXIS2"));
    assertEquals("4", card(hdu, "PCOUNT"));
    assertEquals("3", card(hdu, "TFIELDS"));
    assertEquals("'1J      '", card(hdu, "TFORM1"));
    assertEquals("-2147483648", card(hdu, "TNULL1"));
    assertEquals("'1PI(2)  '", card(hdu, "TFORM2"));
    assertEquals("'2A      '", card(hdu, "TFORM3"));
    assertEquals("'BINTABLE'", hdu.header(false).cards().get(0).substring(10, 20));
  }

  @Test
  void storesUnsignedAndSignedByteArraysWithTheSignBitFlipped() throws Exception {
    TableHdu hdu = TableHdu.create()
        .array("U16", Nd4j.createFromArray(new int[] {0, 65535}).castTo(DataType.UINT16).reshape(1, 2))
        .array("I8", Nd4j.createFromArray(new byte[] {-128, 127}).reshape(1, 2));
    // uint16 v is stored as v - 32768, int8 v as v + 128, big-endian
    assertArrayEquals(new byte[] {(byte) 0x80, 0, 0x7f, (byte) 0xff, 0, (byte) 0xff}, data(hdu));
    assertEquals("32768", card(hdu, "TZERO1"));
    assertEquals("-128", card(hdu, "TZERO2"));
  }

  @Test
  void writesViewsAsTheValuesTheyShow() throws Exception {
    INDArray base = Nd4j.createFromArray(new int[] {1, 2, 3, 4, 5, 6}).reshape(2, 3);
    INDArray columns = base.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3));   // [[2, 3], [5, 6]]
    INDArray ragged = Nd4j.createFromArray(new byte[] {9, 7, 8, 9}).castTo(DataType.UINT8)
        .get(NDArrayIndex.interval(1, 4));                                            // [7, 8, 9]
    TableHdu hdu = TableHdu.create().array("A", columns)
        .ragged("R", new RaggedColumn("R", ragged, new long[] {0, 1, 3}));
    byte[] expected = {
        0, 0, 0, 2, 0, 0, 0, 3, /* 1 element at 0 */ 0, 0, 0, 1, 0, 0, 0, 0,
        0, 0, 0, 5, 0, 0, 0, 6, /* 2 elements at 1 */ 0, 0, 0, 2, 0, 0, 0, 1,
        7, 8, 9};
    assertArrayEquals(expected, data(hdu));
  }

  @Test
  void choosesATnullTheDataDoesNotUse() {
    ShortColumn bytes = ShortColumn.create("B");
    for (int v = 0; v < 255; v++) {
      bytes.append((short) v);
    }
    bytes.appendMissing();
    assertEquals(255L, new IntegerColumn("B", bytes, 'B', 1, 0).tnull(), "the only unused byte");
    bytes.set(255, (short) 255);
    bytes.appendMissing();
    IntegerColumn full = new IntegerColumn("B", bytes, 'B', 1, 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, full::tnull);
    assertTrue(e.getMessage().contains("every value of TFORM 1B is used"), e.getMessage());

    IntColumn unsigned = IntColumn.create("U", 0, 65534, 7);
    unsigned.setMissing(2);
    // stored = value - 32768: the minimum -32768 is taken by 0, the maximum 32767 is free
    assertEquals(32767L, new IntegerColumn("U", unsigned, 'I', 1, 32768).tnull());

    IntColumn asked = IntColumn.create("J", -99, 5, 0);
    IntegerColumn withRequest = new IntegerColumn("J", asked, 'J', 1, 0);
    withRequest.nullValue(-99);
    assertNull(withRequest.tnull(), "-99 is a value, and nothing is missing: no TNULL");
    asked.setMissing(2);
    IntegerColumn fallBack = new IntegerColumn("J", asked, 'J', 1, 0);
    fallBack.nullValue(-99);
    assertEquals((long) Integer.MIN_VALUE, fallBack.tnull());
    IntegerColumn kept = new IntegerColumn("J", IntColumn.create("J", 1, 2), 'J', 1, 0);
    kept.nullValue(-99);
    assertEquals(-99L, kept.tnull(), "an unused TNULL asked for is kept, for round trips");
  }

  @Test
  void storesScaledValuesAsRoundedIntegersAndNanAsTnull() throws Exception {
    DoubleColumn scaled = DoubleColumn.create("S", 0.4, 3.4, Double.NaN, -5.6);
    IntegerColumn column = new IntegerColumn("S", scaled, 'I', 3, 0.4);
    assertEquals(-32768L, column.tnull());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TableColumn.drain(Channels.newChannel(bytes), encode(column, 4));
    // (0.4 - 0.4) / 3 = 0, (3.4 - 0.4) / 3 = 1, NaN -> TNULL, (-5.6 - 0.4) / 3 = -2
    assertArrayEquals(new byte[] {0, 0, 0, 1, (byte) 0x80, 0, (byte) 0xff, (byte) 0xfe}, bytes.toByteArray());
    assertThrows(IllegalArgumentException.class,
        () -> new IntegerColumn("S", DoubleColumn.create("S", 1e9), 'I', 1, 0), "1e9 does not fit 1I");
  }

  private static ByteBuffer encode(TableColumn column, int rows) {
    int width = (int) column.width();
    ByteBuffer chunk = ByteBuffer.allocate(rows * width);
    column.encode(chunk, 0, rows, width, 0, ByteBuffer.allocate(rows * width));
    return chunk.position(rows * width);
  }

  @Test
  void refusesStringsThatAreNotPrintableAsciiNamingColumnAndRow() {
    StringColumn names = StringColumn.create("NAME", "ok", "café");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TableHdu.create().column(names));
    assertTrue(e.getMessage().startsWith("column NAME, row 1: character U+00E9"), e.getMessage());
    StringColumn tab = StringColumn.create("TEXT", "a\tb");
    e = assertThrows(IllegalArgumentException.class, () -> TableHdu.create().ragged("TEXT", tab));
    assertTrue(e.getMessage().startsWith("column TEXT, row 0: character U+0009"), e.getMessage());
  }

  @Test
  void refusesWhatATableCannotHold() {
    TableHdu hdu = TableHdu.of(Table.create("t", IntColumn.create("A", 1, 2)));
    IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
        () -> hdu.column(IntColumn.create("B", 1, 2, 3)));
    assertEquals("column B has 3 rows, the table 2", rows.getMessage());
    IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> hdu.unit("C", "m"));
    assertEquals("no column C (columns: [A])", name.getMessage());
    assertThrows(IllegalArgumentException.class, () -> hdu.nullValue("A", 1L << 40), "outside 1J");
    assertThrows(IllegalArgumentException.class,
        () -> hdu.array("H", Nd4j.createFromArray(new float[] {1, 2}).castTo(DataType.HALF).reshape(2, 1)));
    assertThrows(IllegalArgumentException.class, () -> hdu.complex("Z", Nd4j.createFromArray(new float[] {1, 2, 3})
        .reshape(1, 3)), "no last axis of 2");
    assertThrows(IllegalStateException.class, () -> hdu.header(true), "a table cannot be primary");
    hdu.cards(new HeaderBuilder().add("TFORM9", "1J", ""));
    IllegalArgumentException structural = assertThrows(IllegalArgumentException.class, () -> hdu.header(false));
    assertTrue(structural.getMessage().contains("TFORM9"), structural.getMessage());
  }

  @Test
  void replacesAColumnAddedAgainUnderItsName() {
    TableHdu hdu = TableHdu.of(Table.create("t", IntColumn.create("A", 1, 2), IntColumn.create("B", 3, 4)))
        .ragged("a", StringColumn.create("A", "x", "yz"));
    List<String> cards = hdu.header(false).cards();
    assertTrue(cards.contains(String.format("%-80s", "TTYPE1  = 'a       '")), cards.toString());
    assertEquals("'1PA(2)  '", card(hdu, "TFORM1"));
    assertEquals("'1J      '", card(hdu, "TFORM2"));
  }
}
