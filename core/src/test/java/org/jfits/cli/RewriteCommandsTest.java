package org.jfits.cli;

import static org.jfits.cli.MainTest.jfits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfits.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code copy}, {@code compress}, {@code decompress} and {@code arith}, checked by astropy, funpack and
 * fitsverify.
 */
class RewriteCommandsTest {
  @TempDir
  Path dir;

  private static String python(String script, Object... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(TestFiles.python(), "-c",
        "import sys, numpy as np\nfrom astropy.io import fits\n" + script));
    for (Object a : args) {
      command.add(a.toString());
    }
    TestFiles.Run run = TestFiles.run(command, 120);
    assertEquals(0, run.exit(), run.stderr());
    return run.stdout().strip();
  }

  private static void fitsverifyClean(Path file) throws Exception {
    TestFiles.Run run = TestFiles.run(List.of("fitsverify", "-q", file.toString()), 60);
    assertTrue(run.stdout().startsWith("verification OK"), file + ": " + run.stdout());
  }

  @Test
  void compressThenDecompressGivesTheImagesBackAsFunpackDoes() throws Exception {
    Path original = TestFiles.real("real/fv_ngc1316o.fits");
    Path packed = dir.resolve("ngc.fits.fz");
    Path unpacked = dir.resolve("ngc.fits");
    Path funpacked = dir.resolve("ngc-funpack.fits");
    assertEquals(Main.OK, jfits("compress", original.toString(), packed.toString(), "--algorithm", "gzip_2",
        "--tile", "100,10").exit());
    fitsverifyClean(packed);
    TestFiles.Run funpack = TestFiles.run(List.of("funpack", "-O", funpacked.toString(), packed.toString()), 60);
    assertEquals(0, funpack.exit(), funpack.stderr());
    assertEquals(Main.OK, jfits("decompress", packed.toString(), unpacked.toString()).exit());
    fitsverifyClean(unpacked);
    assertEquals("True True GZIP_2 True", python(String.join("\n",
        "o = fits.getdata(sys.argv[1])",
        "with fits.open(sys.argv[2], disable_image_compression=True) as p:",
        "    kind = p[1].header['ZCMPTYPE']",
        "print(np.array_equal(fits.getdata(sys.argv[3]), o), np.array_equal(fits.getdata(sys.argv[4]), o), kind,",
        "      fits.getheader(sys.argv[4], 1)['OBJECT'] == fits.getheader(sys.argv[1])['OBJECT'])"),
        original, packed, funpacked, unpacked));
    long size = Files.size(packed);
    MainTest.Result again = jfits("compress", original.toString(), packed.toString());
    assertEquals(Main.USAGE, again.exit(), "an existing output is kept without --overwrite");
    assertTrue(again.err().contains(packed + " exists; add --overwrite to replace it"), again.err());
    assertEquals(size, Files.size(packed));
    assertEquals(Main.USAGE, jfits("compress", original.toString(), dir.resolve("x.fz").toString(), "--algorithm",
        "zip").exit());
  }

  @Test
  void compressStoresScaledIntegersAsFpackDoesAndDecompressRestoresThem() throws Exception {
    Path script = Path.of("src/test/python/scaled_integers.py");
    TestFiles.Run make = TestFiles.run(List.of(TestFiles.python(), script.toString(), "make", dir.toString()), 120);
    assertEquals(0, make.exit(), make.stderr());
    List<String> inputs = new java.util.ArrayList<>(List.of(TestFiles.real("real/astropy_scale.fits") + " false"));
    inputs.addAll(List.of(make.stdout().strip().split("\n")));
    StringBuilder cases = new StringBuilder();
    List<String> verify = new java.util.ArrayList<>(List.of("fitsverify", "-q"));
    for (String input : inputs) {
      String[] nameAndPlio = input.split(" ");
      Path original = nameAndPlio[0].endsWith(".fits") ? Path.of(nameAndPlio[0]) : dir.resolve(nameAndPlio[0] + ".fits");
      List<String> algorithms = new java.util.ArrayList<>(List.of("RICE_1", "GZIP_1", "GZIP_2", "HCOMPRESS_1"));
      if (Boolean.parseBoolean(nameAndPlio[1])) {
        algorithms.add("PLIO_1");
      }
      for (String algorithm : algorithms) {
        String base = original.getFileName() + "." + algorithm;
        Path packed = dir.resolve(base + ".fz");
        Path funpacked = dir.resolve(base + ".funpack.fits");
        Path unpacked = dir.resolve(base + ".jfits.fits");
        MainTest.Result compress = jfits("compress", original.toString(), packed.toString(), "--algorithm", algorithm);
        assertEquals(Main.OK, compress.exit(), compress.err());
        assertEquals("", compress.err(), "the stored integers are compressed, not copied with a note");
        TestFiles.Run funpack = TestFiles.run(List.of("funpack", "-O", funpacked.toString(), packed.toString()), 60);
        assertEquals(0, funpack.exit(), funpack.stderr());
        assertEquals(Main.OK, jfits("decompress", packed.toString(), unpacked.toString()).exit());
        verify.add(packed.toString());
        verify.add(unpacked.toString());
        cases.append(String.join(" ", original.toString(), algorithm, packed.toString(), funpacked.toString(),
            unpacked.toString())).append('\n');
      }
    }
    MainTest.Result negative = jfits("compress", dir.resolve("int16_blank.fits").toString(),
        dir.resolve("plio.fz").toString(), "--algorithm", "PLIO_1");
    assertEquals(Main.USAGE, negative.exit(), negative.err());
    assertTrue(negative.err().startsWith("jfits: PLIO_1 holds integers from 0 to 16777215 only; pixel "),
        "the message of a tile refused on a pool thread, unwrapped: " + negative.err());
    TestFiles.Run fitsverify = TestFiles.run(verify, 120);
    String[] reports = fitsverify.stdout().strip().split("\n");
    assertEquals(verify.size() - 2, reports.length);
    for (String report : reports) {
      assertTrue(report.startsWith("verification OK"), report);
    }
    Path list = Files.writeString(dir.resolve("cases.txt"), cases);
    TestFiles.Run check = TestFiles.run(List.of(TestFiles.python(), script.toString(), "check", list.toString()), 300);
    assertEquals(0, check.exit(), check.stderr());
    assertEquals("OK\n".repeat(6 * 4 + 2).strip(), check.stdout().strip());
  }

  @Test
  void copyKeepsTheChosenHdusByteForByte() throws Exception {
    Path source = TestFiles.real("real/astropy_test0.fits");
    Path copy = dir.resolve("copy.fits");
    assertEquals(Main.OK, jfits("copy", source.toString(), copy.toString(), "--hdus", "0,SCI").exit());
    fitsverifyClean(copy);
    assertEquals("2 True True", python(String.join("\n",
        "s, c = fits.open(sys.argv[1]), fits.open(sys.argv[2])",
        "print(len(c), c[1].header == s[1].header, np.array_equal(c[1].data, s[1].data))"), source, copy));
    Path one = dir.resolve("one.fits");
    assertEquals(Main.OK, jfits("copy", source + "[3]", one.toString()).exit());
    assertEquals("2 0 True", python(String.join("\n",
        "s, c = fits.open(sys.argv[1]), fits.open(sys.argv[2])",
        "print(len(c), c[0].header['NAXIS'], np.array_equal(c[1].data, s[3].data))"), source, one),
        "an extension copied alone gets an empty primary before it");
  }

  @Test
  void arithMatchesNumpy() throws Exception {
    Path a = TestFiles.real("real/fv_ngc1316o.fits");
    Path doubled = dir.resolve("doubled.fits");
    Path difference = dir.resolve("difference.fits");
    assertEquals(Main.OK, jfits("arith", a.toString(), "*", "2.5", doubled.toString()).exit());
    assertEquals(Main.OK, jfits("arith", doubled.toString(), "-", a.toString(), difference.toString()).exit());
    fitsverifyClean(difference);
    assertEquals("True True float32", python(String.join("\n",
        "o = fits.getdata(sys.argv[1]).astype(np.float32)",
        "d = fits.getdata(sys.argv[2])",
        "print(np.array_equal(d, o * np.float32(2.5)), np.array_equal(fits.getdata(sys.argv[3]), d - o),",
        "      d.dtype.newbyteorder('=').name)"), a, doubled, difference));
    assertEquals(Main.USAGE, jfits("arith", a.toString(), "%", "2", dir.resolve("x.fits").toString()).exit());
    assertEquals(Main.USAGE, jfits("arith", a.toString(), "-", TestFiles.real("real/astropy_test0.fits").toString(),
        dir.resolve("y.fits").toString()).exit(), "shapes differ");
    assertTrue(Files.notExists(dir.resolve("y.fits")));
  }
}
