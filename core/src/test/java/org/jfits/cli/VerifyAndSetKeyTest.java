package org.jfits.cli;

import static org.jfits.cli.MainTest.jfits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.jfits.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jfits verify} and {@code jfits setkey}, checked by astropy. */
class VerifyAndSetKeyTest {
  /** Prints astropy's verdict per HDU of each file: OK, MISSING, BAD_DATA or BAD_HEADER. */
  private static final String ASTROPY_VERDICTS = String.join("\n",
      "import sys, warnings",
      "from astropy.io import fits",
      "warnings.simplefilter('ignore')",
      "for name in sys.argv[1:]:",
      "    with fits.open(name) as hl:",
      "        for i, h in enumerate(hl):",
      "            c, d = 'CHECKSUM' in h.header, 'DATASUM' in h.header",
      "            if not c and not d: s = 'MISSING'",
      "            elif d and h.verify_datasum() == 0: s = 'BAD_DATA'",
      "            elif c and h.verify_checksum() == 0: s = 'BAD_HEADER'",
      "            else: s = 'OK'",
      "            print('%s[%d] %s' % (name, i, s))");

  @TempDir
  Path dir;

  @Test
  void verifyAgreesWithAstropyAndExitsFourOnABadSum() throws Exception {
    Path good = TestFiles.real("real/astropy_checksum.fits");
    Path none = TestFiles.real("real/astropy_test0.fits");
    Path bad = dir.resolve("bad-data.fits");
    byte[] bytes = Files.readAllBytes(good);
    bytes[bytes.length - 100] ^= 0x10;
    Files.write(bad, bytes);
    Path header = dir.resolve("bad-header.fits");
    byte[] h = Files.readAllBytes(good);
    int at = TestFiles.cardOffset(h, "EXTEND", 0);
    TestFiles.replaceCard(h, at, TestFiles.value("EXTEND", "F"));
    Files.write(header, h);

    for (Path file : List.of(good, none, bad, header)) {
      MainTest.Result r = jfits("verify", file.toString());
      TestFiles.Run astropy = TestFiles.run(List.of(TestFiles.python(), "-c", ASTROPY_VERDICTS, file.toString()), 60);
      List<String> expected = astropy.stdout().lines().toList();
      List<String> got = r.out().lines().map(l -> l.substring(0, l.indexOf(']') + 1) + " "
          + l.substring(l.lastIndexOf(' ') + 1)).toList();
      assertEquals(expected, got, file + ": " + r.out());
      boolean anyBad = expected.stream().anyMatch(l -> l.contains("BAD"));
      assertEquals(anyBad ? Main.CHECKSUM_FAILED : Main.OK, r.exit(), file + ": " + r.err());
    }
    assertTrue(TestFiles.run(List.of(TestFiles.python(), "-c", ASTROPY_VERDICTS, bad.toString()), 60).stdout()
        .contains("BAD_DATA"), "the flipped data byte is a bad DATASUM for astropy too");
  }

  @Test
  void setkeyChangesWhatAstropyReadsAndKeepsChecksumsRight() throws Exception {
    Path file = dir.resolve("copy.fits");
    Files.copy(TestFiles.real("real/astropy_checksum.fits"), file, StandardCopyOption.REPLACE_EXISTING);
    MainTest.Result r = jfits("setkey", file.toString(), "--hdu", "0", "OBSERVER='Edwin Hubble'/who looked",
        "EXPTIME=30.5", "NEWFLAG=T", "NCOMBINE=12", "LONGER_THAN_EIGHT=3", "--rename", "TELESCOP=INSTRUME");
    assertEquals(Main.OK, r.exit(), r.err());
    assertTrue(r.out().contains("[0]"), r.out());
    TestFiles.Run check = TestFiles.run(List.of(TestFiles.python(), "-c", String.join("\n",
        "import sys, warnings",
        "from astropy.io import fits",
        "warnings.simplefilter('error')",
        "with fits.open(sys.argv[1], checksum=True) as hl:",
        "    h = hl[0].header",
        "    print(h['OBSERVER'], '|', h.comments['OBSERVER'], '|', h['EXPTIME'], h['NEWFLAG'], h['NCOMBINE'],",
        "          h['LONGER_THAN_EIGHT'], 'TELESCOP' in h, h['INSTRUME'])"), file.toString()), 60);
    assertEquals(0, check.exit(), "astropy verifies the updated checksums: " + check.stderr());
    assertEquals("Edwin Hubble | who looked | 30.5 True 12 3 False Optical", check.stdout().strip());

    MainTest.Result all = jfits("setkey", file.toString(), "--all", "ORIGIN=jfits", "--delete", "NCOMBINE");
    assertEquals(Main.OK, all.exit(), all.err());
    TestFiles.Run after = TestFiles.run(List.of(TestFiles.python(), "-c", String.join("\n",
        "import sys",
        "from astropy.io import fits",
        "with fits.open(sys.argv[1], checksum=True) as hl:",
        "    print(all(h.header['ORIGIN'] == 'jfits' for h in hl), 'NCOMBINE' in hl[0].header)"), file.toString()), 60);
    assertEquals("True False", after.stdout().strip(), after.stderr());
    assertEquals(Main.OK, jfits("verify", file.toString()).exit());
    assertEquals(Main.USAGE, jfits("setkey", file.toString(), "NAXIS1=3").exit(), "structural keywords are refused");
    assertEquals(Main.USAGE, jfits("setkey", file.toString(), "--rename", "EXTEND=EXTENDED").exit());
    assertEquals(Main.USAGE, jfits("setkey", file.toString()).exit());
  }
}
