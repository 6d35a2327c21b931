package org.jfits.cli;

import static org.jfits.TestFiles.cardOffset;
import static org.jfits.TestFiles.replaceCard;
import static org.jfits.TestFiles.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jfits.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code jfits} command, run in-process through {@link Main#run} and once as a separate JVM:
 * exit codes, one-line errors, {@code info} against astropy's {@code fits.info()} and
 * {@code export} against astropy's {@code fits.getdata}.
 */
class MainTest {
  private static final Duration LIMIT = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  /** What one in-process run printed and returned. */
  record Result(int exit, String out, String err) {
    List<String> errLines() {
      return err.isEmpty() ? List.of() : Arrays.asList(err.split("\n", -1)).subList(0, err.split("\n", -1).length - 1);
    }
  }

  /** Runs the command line in-process under a time limit; other CLI tests of this package use it too. */
  static Result jfits(String... args) {
    return assertTimeoutPreemptively(LIMIT, () -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int exit;
      try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
          PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
        exit = new Main(o, e).run(args);
      }
      return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    });
  }

  /** Exit 1, nothing on stdout, exactly one line on stderr: {@code jfits: FILE...}. */
  private static String badFile(Path file, String... args) {
    Result r = jfits(args);
    assertEquals(Main.BAD_FILE, r.exit(), () -> "exit code for " + Arrays.toString(args) + "; stderr: " + r.err());
    assertEquals("", r.out(), "stdout of a failed command");
    assertEquals(1, r.errLines().size(), () -> "stderr is not one line: " + r.err());
    String line = r.errLines().get(0);
    assertTrue(line.startsWith("jfits: " + file), () -> "stderr does not start with 'jfits: " + file + "': " + line);
    return line;
  }

  private static void usage(String... args) {
    Result r = jfits(args);
    assertEquals(Main.USAGE, r.exit(), () -> "exit code for " + Arrays.toString(args) + "; stderr: " + r.err());
    assertFalse(r.errLines().isEmpty(), "a usage error says why");
    String first = args.length == 0 ? "usage: jfits" : "jfits: ";
    assertTrue(r.errLines().get(0).startsWith(first), r.err());
    assertEquals("", r.out());
  }

  private Path broken(String name, String source, String keyword, String card) throws IOException {
    byte[] bytes = Files.readAllBytes(TestFiles.real(source));
    replaceCard(bytes, cardOffset(bytes, keyword, 0), card);
    return TestFiles.write(dir, name, bytes);
  }

  private Path cut(String name, String source, int length) throws IOException {
    byte[] bytes = Files.readAllBytes(TestFiles.real(source));
    return TestFiles.write(dir, name, Arrays.copyOf(bytes, length));
  }

  // ---- exit codes ----

  @Test
  void usageErrorsExitWith2() {
    usage();
    usage("frobnicate", "x.fits");
    usage("info");
    usage("info", "--bogus", TestFiles.real("real/fv_ngc1316o.fits").toString());
    usage("header");
    usage("export", TestFiles.real("real/fv_ngc1316o.fits").toString());
    usage("export", TestFiles.real("real/fv_ngc1316o.fits").toString(), "--out");
    usage("header", TestFiles.real("real/astropy_test0.fits").toString(), "--hdu", "9");
    usage("header", TestFiles.real("real/astropy_test0.fits").toString(), "--hdu", "NOSUCH");
  }

  @Test
  void anOptionTheCommandDoesNotTakeIsAUsageErrorNamingIt() {
    String image = TestFiles.real("real/fv_ngc1316o.fits").toString();
    String out = dir.resolve("out.fits").toString();
    String[][] cases = {{"info", image, "--where", "X > 1"}, {"stats", image, "--columns", "A"},
        {"verify", image, "-n", "3"}, {"diff", image, image, "--hdu", "0"}, {"copy", image, out, "--compression", "zstd"},
        {"header", image, "--out", out}, {"cutout", image, "--box", "0,0,2,2", "--out", out, "--where", "X > 1"}};
    for (String[] args : cases) {
      String option = args[args.length - 2];
      Result r = jfits(args);
      assertEquals(Main.USAGE, r.exit(), () -> Arrays.toString(args) + ": " + r.err());
      String longForm = option.equals("-n") ? "-n" : option;
      assertTrue(r.err().startsWith("jfits: " + args[0] + " does not take " + longForm + " "), r.err());
    }
    assertFalse(Files.exists(Path.of(out)));
    Result shortForms = jfits("info", image, "-f", "jsonl", "-J", "2");
    assertEquals(Main.OK, shortForms.exit(), shortForms.err());
  }

  @Test
  void anOutputThatExistsIsReplacedOnlyWithOverwrite() throws IOException {
    String image = TestFiles.real("real/fv_ngc1316o.fits").toString();
    String events = TestFiles.real("real/fv_rosat_evt.fits").toString();
    String[][] commands = {{"convert", events, "--out", "OUT.csv"}, {"export", image, "--out", "OUT.npy"},
        {"cutout", image, "--box", "0,0,4,4", "--out", "OUT.npy"}, {"preview", image, "--out", "OUT.png"},
        {"copy", image, "OUT.fits"}, {"arith", image, "*", "2", "OUT.fits"}};
    byte[] precious = "precious bytes".getBytes(StandardCharsets.US_ASCII);
    for (String[] command : commands) {
      String[] args = command.clone();
      Path target = null;
      for (int i = 0; i < args.length; i++) {
        if (args[i].startsWith("OUT.")) {
          target = dir.resolve(args[0] + "-" + args[i]);
          args[i] = target.toString();
        }
      }
      Files.write(target, precious);
      Result refused = jfits(args);
      assertEquals(Main.USAGE, refused.exit(), () -> command[0] + ": " + refused.err());
      assertTrue(refused.err().startsWith("jfits: " + target + " exists; add --overwrite to replace it"), refused.err());
      assertArrayEquals(precious, Files.readAllBytes(target), command[0]);
      String[] replacing = Arrays.copyOf(args, args.length + 1);
      replacing[args.length] = "--overwrite";
      Result replaced = jfits(replacing);
      assertEquals(Main.OK, replaced.exit(), () -> command[0] + ": " + replaced.err());
      assertFalse(Arrays.equals(precious, Files.readAllBytes(target)), command[0]);
    }
  }

  @Test
  void helpExitsWith0() {
    Result r = jfits("--help");
    assertEquals(Main.OK, r.exit());
    assertTrue(r.out().startsWith("usage: jfits"), r.out());
  }

  @Test
  void goodFilesExitWith0AndPrintNothingOnStderr() {
    String file = TestFiles.real("real/astropy_test0.fits").toString();
    Result info = jfits("info", file);
    assertEquals(Main.OK, info.exit(), info.err());
    assertEquals("", info.err());
    Result header = jfits("header", file, "--hdu", "SCI");
    assertEquals(Main.OK, header.exit(), header.err());
    assertTrue(header.out().startsWith("XTENSION= 'IMAGE   '"), header.out());
    assertTrue(header.out().endsWith("\nEND\n"), header.out());
    assertEquals("", header.err());
  }

  @Test
  void badFilesExitWith1AndOneLineNamingTheFile() throws IOException {
    Path missing = dir.resolve("missing.fits");
    badFile(missing, "info", missing.toString());
    Path empty = TestFiles.write(dir, "empty.fits", new byte[0]);
    assertTrue(badFile(empty, "info", empty.toString()).contains("HDU 0, byte 0"));
    Path text = TestFiles.write(dir, "notes.txt", "hello\n".getBytes(StandardCharsets.US_ASCII));
    badFile(text, "header", text.toString());
    Path cutHeader = cut("cut-header.fits", "real/fv_ngc1316o.fits", 1000);
    assertTrue(badFile(cutHeader, "info", cutHeader.toString()).contains("HDU 0, byte 1000"));
    Path cutLater = cut("cut-hdu1.fits", "real/astropy_test0.fits", 12000);
    assertTrue(badFile(cutLater, "info", cutLater.toString()).contains("HDU 1, byte 12000"));
    assertTrue(badFile(cutLater, "header", cutLater.toString(), "--hdu", "1").contains("HDU 1, byte 12000"));
    Path abc = broken("abc.fits", "real/fv_ngc1316o.fits", "NAXIS1", value("NAXIS1", "'abc'"));
    assertTrue(badFile(abc, "info", abc.toString()).contains("HDU 0, keyword NAXIS1, byte 240"));
    Path bitpix = broken("bitpix.fits", "real/fv_ngc1316o.fits", "BITPIX", value("BITPIX", "12"));
    assertTrue(badFile(bitpix, "export", bitpix.toString(), "--out", dir.resolve("b.npy").toString())
        .contains("HDU 0, keyword BITPIX, byte 80"));
  }

  @Test
  void infoOfAGoodFileBeforeABadOneStillPrintsTheGoodOne() throws IOException {
    Path empty = TestFiles.write(dir, "empty.fits", new byte[0]);
    Result r = jfits("info", TestFiles.real("real/fv_ngc1316o.fits").toString(), empty.toString());
    assertEquals(Main.BAD_FILE, r.exit());
    assertTrue(r.out().contains("(440, 300)"), r.out());
    assertEquals(1, r.errLines().size(), r.err());
  }

  // ---- export: never a partial output ----

  @Test
  void failedExportLeavesAnExistingOutputUntouchedAndNoTemporaryFiles() throws IOException {
    Path out = dir.resolve("out.npy");
    byte[] precious = "precious bytes".getBytes(StandardCharsets.US_ASCII);
    Files.write(out, precious);
    Path truncated = cut("cut-data.fits", "real/fv_ngc1316o.fits", 100_000);
    String line = badFile(truncated, "export", truncated.toString(), "--out", out.toString(), "--overwrite");
    assertTrue(line.contains("HDU 0 (PRIMARY), keyword NAXIS, byte 100000"), line);
    Path test0 = TestFiles.real("real/astropy_test0.fits");
    badFile(test0, "export", test0.toString(), "--hdu", "0", "--out", out.toString(), "--overwrite");
    Path table = cut("cut-table.fits", "real/fv_rate.fits", 40_000);
    badFile(table, "export", table.toString(), "--hdu", "1", "--out", out.toString(), "--overwrite");
    Path naxis2 = broken("naxis2.fits", "real/fv_ngc1316o.fits", "NAXIS2", value("NAXIS2", "3000"));
    badFile(naxis2, "export", naxis2.toString(), "--out", out.toString(), "--overwrite");
    Path missing = dir.resolve("missing.fits");
    badFile(missing, "export", missing.toString(), "--out", out.toString(), "--overwrite");
    assertArrayEquals(precious, Files.readAllBytes(out));
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(List.of("cut-data.fits", "cut-table.fits", "naxis2.fits", "out.npy"), names);
    }
  }

  @Test
  void failedExportCreatesNoOutputFile() throws IOException {
    Path out = dir.resolve("new.npy");
    Path truncated = cut("cut-data.fits", "real/fv_ngc1316o.fits", 200_000);
    badFile(truncated, "export", truncated.toString(), "--out", out.toString());
    assertFalse(Files.exists(out));
  }

  @Test
  void exportIntoAMissingFolderIsABadFileErrorNamingTheOutput() {
    Path in = TestFiles.real("real/astropy_arange.fits");
    Path out = dir.resolve("no-such-folder").resolve("x.npy");
    Result r = jfits("export", in.toString(), "--out", out.toString());
    assertEquals(Main.BAD_FILE, r.exit(), r.err());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.errLines().get(0).startsWith("jfits: "), r.err());
    assertTrue(r.errLines().get(0).contains(out.toString()), r.err());
  }

  @Test
  void exportedFileHasTheSamePermissionsAsOtherNewFiles() throws IOException {
    Path out = dir.resolve("m51.npy");
    Result r = jfits("export", TestFiles.real("real/pdl_m51.fits").toString(), "--out", out.toString());
    assertEquals(Main.OK, r.exit(), r.err());
    Path plain = Files.createFile(dir.resolve("plain.txt"));
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out));
  }

  // ---- export: values equal astropy's ----

  private static final String VERDICT = String.join("\n",
      "import sys, numpy as np",
      "from astropy.io import fits",
      "for spec in sys.argv[1:]:",
      "    npy, path, ext, mode = spec.split('|')",
      "    raw = mode == 'raw'",
      "    a = np.load(npy)",
      "    with fits.open(path, do_not_scale_image_data=raw) as h:",
      "        hdr = h[int(ext)].header",
      "        # before .data: astropy drops BSCALE/BZERO from the header once it has scaled the data",
      "        scaled = not raw and (hdr.get('BSCALE', 1) != 1 or hdr.get('BZERO', 0) != 0)",
      "        b = h[int(ext)].data",
      "        if a.dtype.name != b.dtype.name or a.shape != b.shape:",
      "            print('MISMATCH', spec, a.dtype.name, a.shape, b.dtype.name, b.shape)",
      "        elif a.dtype.kind == 'f' and scaled:",
      "            # astropy scales 8/16-bit data in float32 arithmetic, jfits in double rounded once",
      "            both = np.isnan(a) & np.isnan(b)",
      "            diff = np.where(both, 0, np.abs(a.astype(np.float64) - b.astype(np.float64)))",
      "            ulp = np.spacing(np.abs(b)).astype(np.float64)",
      "            ok = not np.any(np.isnan(a) != np.isnan(b)) and bool(np.all(diff <= ulp))",
      "            print('OK' if ok else 'MISMATCH %s max diff %r' % (spec, float(np.nanmax(diff))))",
      "        else:",
      "            print('OK' if np.array_equal(a, b, equal_nan=a.dtype.kind == 'f') else 'MISMATCH ' + spec)");

  @Test
  void exportWritesNpyThatNumpyLoadsEqualToAstropy() throws Exception {
    String[][] cases = {
        {"real/fv_ngc1316o.fits", "0", ""},             // int16
        {"real/pdl_m51.fits", "0", ""},                 // int32
        {"real/astropy_arange.fits", "0", ""},          // int32, 3 axes
        {"real/astropy_1904-66_AZP.fits", "0", ""},     // float32
        {"real/astropy_scale.fits", "0", ""},           // int16 with BSCALE/BZERO: float32
        {"real/astropy_scale.fits", "0", "raw"},        // the stored int16
        {"real/astropy_blank.fits", "0", ""},           // int64 with BLANK: float64 with NaN
        {"real/astropy_test0.fits", "SCI", ""},         // an extension by name
        {"real/skimage_multi.fits", "2", ""},           // int16, BZERO 32768: uint16
        {"real/skimage_multi.fits", "2", "raw"},
        {"derived/cfitsio_uint32_bzero.fits", "0", ""}, // uint32
        {"derived/cfitsio_uint32_bzero.fits", "0", "raw"},
        {"derived/astropy_uint64_bzero.fits", "0", ""}, // uint64, one axis
        {"derived/cfitsio_int8_bzero.fits", "0", ""},   // int8
        {"derived/cfitsio_int8_bzero.fits", "0", "raw"},
    };
    List<String> specs = new ArrayList<>();
    for (int i = 0; i < cases.length; i++) {
      String[] c = cases[i];
      Path in = TestFiles.real(c[0]);
      Path out = dir.resolve("case" + i + ".npy");
      List<String> args = new ArrayList<>(List.of("export", in.toString(), "--hdu", c[1], "--out", out.toString()));
      if (c[2].equals("raw")) {
        args.add("--raw");
      }
      Result r = jfits(args.toArray(new String[0]));
      assertEquals(Main.OK, r.exit(), () -> String.join(" ", args) + ": " + r.err());
      assertEquals("", r.err());
      String ext = c[1].equals("SCI") ? "1" : c[1];
      specs.add(out + "|" + in + "|" + ext + "|" + (c[2].isEmpty() ? "scaled" : "raw"));
    }
    List<String> verdicts = Arrays.asList(TestFiles.python(VERDICT, specs.toArray(new String[0])).split("\n"));
    assertEquals(cases.length, verdicts.size(), verdicts.toString());
    for (String v : verdicts) {
      assertEquals("OK", v);
    }
  }

  // ---- info: the same table as astropy ----

  @Test
  void infoPrintsTheSameTableAsAstropy() throws Exception {
    String[] names = {"real/fv_ngc1316o.fits", "real/astropy_test0.fits", "real/astropy_scale.fits",
        "real/skimage_multi.fits", "real/astropy_tb.fits", "real/astropy_arange.fits", "real/pdl_m51.fits",
        "derived/cfitsio_uint32_bzero.fits"};
    String script = String.join("\n",
        "import sys",
        "from astropy.io import fits",
        "fits.info(sys.argv[1])");
    for (String name : names) {
      Path file = TestFiles.real(name);
      String expected = TestFiles.python(script, file.toString());
      Result r = jfits("info", file.toString());
      assertEquals(Main.OK, r.exit(), r.err());
      assertEquals(afterFilename(expected), afterFilename(r.out()), name);
      assertTrue(r.out().startsWith("Filename: " + file + "\n"), r.out());
    }
  }

  private static String afterFilename(String text) {
    int at = text.indexOf("Filename:");
    assertTrue(at >= 0, text);
    return text.substring(text.indexOf('\n', at) + 1);
  }

  // ---- a separate JVM, with the JVM options of bin/jfits ----

  /** The JVM flags the jfits launchers pass to java, from scripts/java-flags.sh, which they source. */
  private static List<String> launcherOptions() throws Exception {
    Path flags = Path.of("..", "scripts", "java-flags.sh").toAbsolutePath().normalize();
    assertTrue(Files.isRegularFile(flags), "no launcher flags at " + flags);
    TestFiles.Run printed = TestFiles.run(List.of("bash", "-c",
        "source \"$1\" && printf '%s\\n' \"${jfits_java_flags[@]}\"", "flags", flags.toString()), 60);
    assertEquals(0, printed.exit(), printed.stderr());
    List<String> options = new ArrayList<>(printed.stdout().lines().filter(l -> !l.isBlank()).toList());
    assertTrue(options.contains("-Djava.awt.headless=true"), options::toString);
    options.add("-Dorg.bytedeco.javacpp.cachedir=" + Path.of("target", "javacpp-cache").toAbsolutePath());
    return options;
  }

  static TestFiles.Run separateJvm(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(launcherOptions());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return TestFiles.run(command, 120);
  }

  @Test
  void separateJvmExitsWithTheSameCodesAndOneLineErrors() throws Exception {
    Path good = TestFiles.real("real/astropy_test0.fits");
    TestFiles.Run ok = separateJvm("info", good.toString());
    assertEquals(0, ok.exit(), ok.stderr());
    assertEquals("", ok.stderr());
    assertTrue(ok.stdout().contains("SCI           4 ImageHDU"), ok.stdout());

    TestFiles.Run usage = separateJvm("export", good.toString());
    assertEquals(2, usage.exit(), usage.stderr());

    Path out = dir.resolve("keep.npy");
    Files.writeString(out, "keep");
    Path truncated = cut("cut-data.fits", "real/fv_ngc1316o.fits", 100_000);
    TestFiles.Run bad = separateJvm("export", truncated.toString(), "--out", out.toString(), "--overwrite");
    assertEquals(1, bad.exit(), bad.stderr());
    assertEquals("", bad.stdout());
    List<String> lines = bad.stderr().lines().toList();
    assertEquals(1, lines.size(), () -> "stderr is not one line:\n" + bad.stderr());
    assertTrue(lines.get(0).startsWith("jfits: " + truncated + ", HDU 0"), bad.stderr());
    assertEquals("keep", Files.readString(out));

    Path npy = dir.resolve("m51.npy");
    TestFiles.Run export = separateJvm("export", TestFiles.real("real/pdl_m51.fits").toString(), "--out", npy.toString());
    assertEquals(0, export.exit(), export.stderr());
    assertEquals("", export.stderr());
    String verdict = TestFiles.python(VERDICT, npy + "|" + TestFiles.real("real/pdl_m51.fits") + "|0|scaled");
    assertEquals("OK", verdict.strip());
  }
}
