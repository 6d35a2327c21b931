package org.jfits.cli;

import static org.jfits.cli.MainTest.jfits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfits.TestFiles;
import org.jfits.remote.RemoteRig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on http:// inputs served by a real nginx: every command that reads a file gives
 * the same output (text and written files, byte for byte) as on the local copy, whose output other
 * tests check against astropy; a missing URL, a refused connection and an unknown host fail with one
 * line naming the URL and what went wrong.
 */
class RemoteInputsTest {
  private static final String IMAGE = "fv_ngc1316o.fits";
  private static final String EVENTS = "fv_rosat_evt.fits";
  private static final String MULTI = "astropy_test0.fits";
  private static final String CHECKSUMS = "astropy_checksum.fits";
  private static final String GZIPPED = "astropy_dss.fits.gz";
  private static final String COMPRESSED = "ngc1316_rice_t100.fits.fz";
  /** The rig's generated image, over the size read whole: its cutouts are read through HTTP ranges. */
  private static final String BIG = "big.fits";

  private static RemoteRig rig;

  @TempDir
  Path dir;

  @BeforeAll
  static void serve() throws IOException {
    rig = RemoteRig.start();
    Files.createSymbolicLink(rig.local(COMPRESSED), TestFiles.real("derived/" + COMPRESSED));
  }

  @AfterAll
  static void stop() throws IOException {
    if (rig != null) {
      rig.close();
    }
  }

  /**
   * Runs {@code args} once with {@code name}'s local path and once with its URL in place of
   * {@code FILE} (also inside {@code FILE[...]}) and {@code dir}/local/ or {@code dir}/remote/ in place
   * of {@code OUT/}; asserts both succeed with the same output, the URL in place of the path, and
   * write the same files.
   */
  private void sameAsLocal(String name, String... args) throws IOException {
    String local = rig.local(name).toString();
    String url = rig.url(name);
    MainTest.Result fromDisk = jfits(substitute(args, local, "local"));
    MainTest.Result fromUrl = jfits(substitute(args, url, "remote"));
    String command = String.join(" ", args);
    assertEquals(Main.OK, fromDisk.exit(), command + " on the local file: " + fromDisk.err());
    assertEquals(Main.OK, fromUrl.exit(), command + " on " + url + ": " + fromUrl.err());
    assertEquals(fromDisk.out().replace(local, url).replace(dir.resolve("local").toString(),
        dir.resolve("remote").toString()), fromUrl.out(), command);
    assertEquals(fromDisk.err().replace(local, url), fromUrl.err(), command);
    int compared = 0;
    try (var files = Files.list(dir.resolve("local"))) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path twin = dir.resolve("remote").resolve(file.getFileName());
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(twin), command + ": " + file.getFileName());
        Files.delete(file);
        Files.delete(twin);
        compared++;
      }
    }
    assertEquals(command.contains("OUT/") ? 1 : 0, compared, command + ": files written");
  }

  private String[] substitute(String[] args, String file, String outputs) throws IOException {
    Files.createDirectories(dir.resolve(outputs));
    List<String> out = new ArrayList<>();
    for (String a : args) {
      out.add(a.replace("FILE", file).replace("OUT/", dir.resolve(outputs) + "/"));
    }
    return out.toArray(String[]::new);
  }

  @Test
  void inventoryCommandsPrintWhatTheyPrintForTheLocalCopy() throws IOException {
    for (String name : List.of(IMAGE, EVENTS, MULTI, GZIPPED, COMPRESSED)) {
      sameAsLocal(name, "info", "FILE");
      sameAsLocal(name, "info", "-f", "json", "FILE");
      sameAsLocal(name, "header", "FILE", "-k", "NAXIS*", "-k", "EXTNAME");
    }
    sameAsLocal(IMAGE, "header", "FILE");
    sameAsLocal(MULTI, "header", "FILE", "--hdu", "SCI", "-f", "jsonl");
    sameAsLocal(IMAGE, "stats", "FILE");
    sameAsLocal(MULTI, "stats", "FILE", "-f", "json");
    sameAsLocal(COMPRESSED, "stats", "FILE");
    sameAsLocal(GZIPPED, "stats", "FILE");
    sameAsLocal(EVENTS, "table", "FILE", "-n", "5");
    sameAsLocal(EVENTS, "table", "FILE", "--hdu", "EVENTS", "-f", "json", "-n", "3");
    sameAsLocal(CHECKSUMS, "verify", "FILE");
    sameAsLocal(CHECKSUMS, "verify", "-f", "jsonl", "FILE");
  }

  @Test
  void cutoutsOfSectionsAfterTheUrlAreTheLocalOnes() throws IOException {
    sameAsLocal(IMAGE, "cutout", "FILE[0][10:20,5:9]", "--out", "OUT/section.npy");
    sameAsLocal(BIG, "cutout", "FILE[0][100:140,900:1024]", "--out", "OUT/ranges.npy");
    sameAsLocal(BIG, "cutout", "FILE", "--hdu", "0", "--box", "1000,5,40,3", "--out", "OUT/edge.npy");
    sameAsLocal(IMAGE, "cutout", "FILE[10:20,5:9]", "--out", "OUT/section.npy");
    sameAsLocal(MULTI, "cutout", "FILE[SCI][3:40,*]", "--out", "OUT/sci.npy");
    sameAsLocal(MULTI, "cutout", "FILE[2][1:5,1:7]", "--out", "OUT/second.npy");
    sameAsLocal(COMPRESSED, "cutout", "FILE[1][101:164,51:82]", "--out", "OUT/tiles.npy");
    sameAsLocal(IMAGE, "cutout", "FILE", "--hdu", "0", "--box", "0,4,20,6", "--out", "OUT/box.npy");
    sameAsLocal(IMAGE, "cutout", "FILE", "--hdu", "0", "--box", "3,4,20,6", "--raw", "--out", "OUT/raw.npy");
  }

  @Test
  void conversionsAndCopiesWriteTheFilesTheyWriteFromTheLocalCopy() throws IOException {
    sameAsLocal(EVENTS, "convert", "FILE[EVENTS]", "--out", "OUT/events.csv", "--rows", "0:200");
    sameAsLocal(EVENTS, "convert", "FILE[2]", "--out", "OUT/events.tsv", "--columns", "X,Y,PHA");
    sameAsLocal(EVENTS, "convert", "FILE", "--hdu", "EVENTS", "--out", "OUT/events.fits", "--where", "PHA > 10");
    sameAsLocal(IMAGE, "export", "FILE", "--hdu", "0", "--out", "OUT/image.npy");
    sameAsLocal(COMPRESSED, "export", "FILE", "--hdu", "1", "--out", "OUT/image.npy");
    sameAsLocal(EVENTS, "export", "FILE", "--hdu", "EVENTS", "--out", "OUT/events.npz", "--rows", "0:100");
    sameAsLocal(MULTI, "copy", "FILE", "OUT/copy.fits");
    sameAsLocal(MULTI, "copy", "FILE[3]", "OUT/third.fits");
    sameAsLocal(GZIPPED, "copy", "FILE", "OUT/unzipped.fits");
    sameAsLocal(COMPRESSED, "decompress", "FILE", "OUT/restored.fits");
    sameAsLocal(IMAGE, "compress", "FILE", "OUT/packed.fits.fz");
  }

  @Test
  void aMissingUrlOrARefusedConnectionIsOneLineNamingTheUrl() throws IOException {
    String missing = rig.url("missing.fits");
    for (String[] args : List.of(new String[] {"info", missing}, new String[] {"stats", missing},
        new String[] {"cutout", missing + "[0][1:2,1:2]", "--out", dir.resolve("a.npy").toString()},
        new String[] {"copy", missing, dir.resolve("b.fits").toString()})) {
      failsNaming(missing, "(HTTP 404)", args);
    }
    String refused = "http://127.0.0.1:" + closedPort() + "/x.fits";
    failsNaming(refused, "(connection refused;", "info", refused);
    failsNaming(refused, "(connection refused;", "decompress", refused, dir.resolve("c.fits").toString());
    String unknown = "http://no-such-host.invalid/x.fits";
    failsNaming(unknown, "(unknown host no-such-host.invalid;", "stats", unknown);
    assertTrue(Files.notExists(dir.resolve("b.fits")) && Files.notExists(dir.resolve("c.fits")));
  }

  @Test
  void urlsAreNotWritten() {
    String url = rig.url(IMAGE);
    String local = rig.local(IMAGE).toString();
    for (String[] args : List.of(new String[] {"setkey", url, "OBJECT=x"}, new String[] {"copy", local, url},
        new String[] {"decompress", local, url}, new String[] {"arith", local, "+", "1", url},
        new String[] {"cutout", local + "[1:2,1:2]", "--out", url}, new String[] {"export", local, "--hdu", "0", "-o", url})) {
      MainTest.Result r = jfits(args);
      String command = String.join(" ", args);
      assertEquals(Main.USAGE, r.exit(), command + ": " + r.err());
      assertTrue(r.err().startsWith("jfits: " + args[0].replace("cutout", "--out").replace("export", "-o")
          + " writes local files, not " + url + "\n"), command + ": " + r.err());
    }
  }

  private static void failsNaming(String url, String detail, String... args) {
    MainTest.Result r = jfits(args);
    String command = String.join(" ", args);
    assertEquals(Main.BAD_FILE, r.exit(), command + ": " + r.err());
    assertEquals(1, r.errLines().size(), command + ": " + r.err());
    String line = r.errLines().get(0);
    assertTrue(line.startsWith("jfits: " + url), command + ": " + line);
    assertTrue(line.contains(detail), command + ": " + line);
    assertFalse(line.contains("Exception"), () -> command + ": names a Java class: " + line);
  }

  /** A port on 127.0.0.1 where nothing listens. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
