package org.jfits.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.FitsFormatException;
import org.jfits.FitsIOException;
import org.jfits.Hdu;
import org.jfits.TestFiles;
import org.jfits.table.TableReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies of selected rows and columns ({@link SelectedRowsHdu}) hold what astropy selects from the
 * source itself ({@code data[start:stop][mask][columns]}, the mask computed by numpy), the kept
 * columns' keywords renumbered and every other keyword as astropy reads it in the source, and pass
 * fitsverify; on a generated table with every column kind and on real binary and ASCII tables. A
 * table five times larger than the heap of a child JVM is copied within it.
 *
 * <p>The reference is {@code src/test/python/selected_rows_reference.py}.
 */
class SelectedRowsHduTest {
  private static final Path SCRIPT = Path.of("src/test/python/selected_rows_reference.py");

  @TempDir
  static Path dir;
  static Path generated;

  @BeforeAll
  static void generate() throws Exception {
    generated = dir.resolve("generated.fits");
    reference("make", generated.toString(), "3000", "5");
  }

  /** One selection: HDU, columns (null: all), row range, jfits filter (null: none), numpy mask. */
  private record Case(String file, int hdu, String columns, long start, long stop, String where, String mask) {}

  @Test
  void copiesOfAGeneratedTableHoldAstropysSelection() throws Exception {
    String g = generated.toString();
    List<Case> cases = List.of(
        new Case(g, 1, null, 0, -1, null, "True"),
        new Case(g, 1, "VAR,ID,SC,BITS,FLT", 100, 2500, "I16 > 100", "(I16 > 100) & (I16 != -99)"),
        new Case(g, 1, "SPEC,ARR,U16,NAME,FLAG,I16", 0, -1, "FLAG && U16 > 30000", "FLAG & (U16 > 30000)"),
        new Case(g, 1, "FLT,VAR", 0, -1, "ID < 0", "ID < 0"));
    for (Case c : cases) {
      assertCopyMatches(c);
    }
  }

  @Test
  void copiesOfRealTablesHoldAstropysSelection() throws Exception {
    List<Case> cases = List.of(
        new Case("real/astropy_tb.fits", 1, null, 0, -1, null, "True"),               // scaled, strings, logicals
        new Case("real/astropy_tb.fits", 1, "c4,c2", 1, 2, null, "True"),
        new Case("real/astropy_variable_length_table.fits", 1, "var", 1, 2, null, "True"),
        new Case("real/astropy_theap-gap.fits", 1, null, 0, -1, "i % 3 == 0", "i % 3 == 0"),
        new Case("derived/astropy_vla_q.fits", 1, "p,q", 1, -1, null, "True"),       // 64-bit descriptors
        new Case("derived/astropy_vla_q.fits", 1, "p", 0, -1, null, "True"),
        new Case("real/fv_rosat_evt.fits", 2, "TIME,PI,X,Y,PHA", 0, -1, "PI > 100 && PHA < 200",
            "(PI > 100) & (PHA < 200)"),
        new Case("real/astropy_memtest.fits", 1, "QUALITY,TIME,CCACKSUM", 0, -1, null, "True"),   // bits
        new Case("real/astropy_chandra_time.fits", 1, "tdetx,time,y", 0, -1, null, "True"),      // TNULL
        new Case("real/eso_F1_PZPI_fhis.fits", 1, "N,OBJECT,RA,M", 0, -1, "RA > 0", "RA > 0"),
        new Case("real/astropy_tdim.fits", 1, "V_mag", 0, -1, null, "True"),
        new Case("real/astropy_ascii.fits", 1, null, 0, -1, null, "True"),
        new Case("real/astropy_ascii.fits", 1, "b", 1, 4, null, "True"),
        new Case("real/fv_asciitab.fits", 1, "RAH,V,Diam,PK", 0, -1, "Diam > 10", "Diam > 10"));
    for (Case c : cases) {
      assertCopyMatches(new Case(TestFiles.real(c.file).toString(), c.hdu, c.columns, c.start, c.stop, c.where,
          c.mask));
    }
  }

  @Test
  void descriptorsBecome64BitWhenTheNewHeapNeedsThem() throws Exception {
    Path out = dir.resolve("wide.fits");
    try (FitsFile fits = Fits.open(generated); FitsWriter writer = FitsWriter.create(out)) {
      writer.write(SelectedRowsHdu.of(fits.hdu(1).table().columns("ID", "VAR", "SPEC").rows(10, 400), 1000));
    }
    String report = check(new Case(generated.toString(), 1, "ID,VAR,SPEC", 10, 400, null, "True"), out);
    assertTrue(report.contains("TFORMS K,QJ(5),QE(3)\n"), report);
  }

  @Test
  void aTableFiveTimesLargerThanTheHeapIsCopiedInBoundedMemory() throws Exception {
    Path big = dir.resolve("big.fits");
    Path out = dir.resolve("big-copy.fits");
    int rows = 1_500_000;
    reference("big", big.toString(), Integer.toString(rows));
    long heapLimit = 64L << 20;
    assertTrue(Files.size(big) > 5 * heapLimit, "the table must be several times the child's heap");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    TestFiles.Run run = TestFiles.run(List.of(java, "-Xmx" + (heapLimit >> 20) + "m", "-XX:MaxDirectMemorySize=16m",
        "-cp", System.getProperty("java.class.path"), SelectedRowsCopyMain.class.getName(), big.toString(),
        out.toString(), "X > 0.5"), 60);
    assertEquals(0, run.exit(), run.stderr());
    String report = reference("bigcheck", out.toString(), Integer.toString(rows));
    assertTrue(report.startsWith("OK "), report);
    assertEquals(report.substring(3).strip(), run.stdout().strip(), "rows copied");
    WriteChecks.assertFitsverifyClean(out);
  }

  @Test
  void aDescriptorOutsideTheHeapIsAFormatErrorAndNothingIsWritten() throws Exception {
    Path broken = dir.resolve("broken.fits");
    byte[] bytes = Files.readAllBytes(generated);
    long rowWidth;
    long dataOffset;
    try (FitsFile fits = Fits.open(generated)) {
      Hdu hdu = fits.hdu(1);
      rowWidth = hdu.axes()[0];
      dataOffset = hdu.dataOffset();
    }
    // VAR is the tenth column: after 8 + 2 + 2 + 4 + 4 + 8 + 2 + 1 + 48 bytes
    int at = (int) (dataOffset + 7 * rowWidth + 79);
    ByteBuffer.wrap(bytes).putInt(at, 1).putInt(at + 4, 0x7fff0000);
    Files.write(broken, bytes);
    Path out = dir.resolve("never.fits");
    try (FitsFile fits = Fits.open(broken)) {
      TableReader reader = fits.hdu(1).table().columns("VAR");
      FitsFormatException e = assertThrows(FitsFormatException.class, () -> SelectedRowsHdu.of(reader));
      assertTrue(e.getMessage().contains("TFORM10") && e.getMessage().contains("row 7")
          && e.getMessage().contains(Integer.toString(at)), e.getMessage());
    }
    assertFalse(Files.exists(out));
  }

  @Test
  void anExistingTargetIsRefusedByCreateAndReplacedByOverwrite() throws Exception {
    Path out = dir.resolve("existing.fits");
    Files.writeString(out, "not yet a FITS file");
    try (FitsFile fits = Fits.open(generated)) {
      TableReader reader = fits.hdu(1).table().columns("ID").where("ID < 10");
      assertThrows(FitsIOException.class, () -> FitsWriter.create(out));
      assertEquals("not yet a FITS file", Files.readString(out));
      try (FitsWriter writer = FitsWriter.overwrite(out)) {
        writer.write(SelectedRowsHdu.of(reader));
      }
    }
    check(new Case(generated.toString(), 1, "ID", 0, -1, "ID < 10", "ID < 10"), out);
  }

  /** Copies the case's selection with jfits and checks it against astropy's; returns the report. */
  private static void assertCopyMatches(Case c) throws Exception {
    Path out = Files.createTempFile(dir, "copy", ".fits");
    Files.delete(out);
    try (FitsFile fits = Fits.open(Path.of(c.file)); FitsWriter writer = FitsWriter.create(out)) {
      TableReader reader = fits.hdu(c.hdu).table().rows(c.start, c.stop);
      if (c.columns != null) {
        reader = reader.columns(c.columns.split(","));
      }
      if (c.where != null) {
        reader = reader.where(c.where);
      }
      writer.write(SelectedRowsHdu.of(reader));
    }
    check(c, out);
  }

  /** Fails on any difference astropy finds between the copy and its selection of the source, or fitsverify's. */
  private static String check(Case c, Path copy) throws Exception {
    String report = reference("check", c.file, Integer.toString(c.hdu), copy.toString(), c.mask,
        c.columns == null ? "-" : c.columns, Long.toString(c.start), Long.toString(c.stop));
    assertFalse(report.contains("MISMATCH"), c + ":\n" + report);
    WriteChecks.assertFitsverifyClean(copy);
    return report;
  }

  private static String reference(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(TestFiles.python(), SCRIPT.toString()));
    command.addAll(List.of(args));
    TestFiles.Run run = TestFiles.run(command, 120);
    assertEquals(0, run.exit(), () -> String.join(" ", args) + ":\n" + run.stderr());
    return run.stdout();
  }
}
