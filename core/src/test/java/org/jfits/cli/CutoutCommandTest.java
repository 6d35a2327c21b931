package org.jfits.cli;

import static org.jfits.cli.MainTest.jfits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfits.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jfits cutout}: the {@code .npy} it writes, loaded by numpy, equals astropy's
 * {@code data[y:y+h, x:x+w]} with the off-image part padded; usage errors exit 2, bad files 1 and
 * leave an existing output untouched. With {@code --sky} the {@code .npy} equals astropy's
 * {@code Cutout2D} of the sky position.
 */
class CutoutCommandTest {
  private static final Path PYTHON_DIR = Path.of(System.getProperty("basedir", "."), "src/test/python");

  @TempDir
  Path dir;

  /** For each spec NPY|FITS|HDU|raw-or-scaled|x,y,w,h|fill: OK when np.load equals the padded astropy slice. */
  private static final String VERDICT = String.join("\n",
      "import sys, numpy as np",
      "sys.path.insert(0, sys.argv[1])",
      "from astropy.io import fits",
      "from astropy_reference import scaled_reference",
      "for spec in sys.argv[2:]:",
      "    npy, path, ext, mode, box, fill = spec.split('|')",
      "    x, y, w, h = (int(v) for v in box.split(','))",
      "    a = np.load(npy)",
      "    with fits.open(path) as hl:",
      "        header = hl[int(ext)].header.copy()",
      "        dtype = hl[int(ext)].data.dtype.newbyteorder('=')",
      "    with fits.open(path, do_not_scale_image_data=True) as hl:",
      "        raw = np.array(hl[int(ext)].data)",
      "    data = raw.astype(raw.dtype.newbyteorder('=')) if mode == 'raw' else scaled_reference(raw, header, dtype)",
      "    pad = float(fill) if fill else (np.nan if data.dtype.kind == 'f' else 0)",
      "    b = np.full(data.shape[:-2] + (h, w), pad, dtype=data.dtype)",
      "    rows, cols = data.shape[-2:]",
      "    x0, x1, y0, y1 = max(x, 0), min(x + w, cols), max(y, 0), min(y + h, rows)",
      "    if x0 < x1 and y0 < y1:",
      "        b[..., y0 - y:y1 - y, x0 - x:x1 - x] = data[..., y0:y1, x0:x1]",
      "    same = a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b, equal_nan=a.dtype.kind == 'f')",
      "    print('OK' if same else 'MISMATCH %s %s%s %s%s' % (spec, a.dtype, a.shape, b.dtype, b.shape))");

  @Test
  void cutoutWritesNpyThatNumpyLoadsEqualToThePaddedAstropySlice() throws Exception {
    String[][] cases = {
        {"real/fv_ngc1316o.fits", "0", "", "100,50,64,32", ""},      // int16, inside
        {"real/fv_ngc1316o.fits", "0", "", "420,290,40,30", ""},     // int16, corner: padded with 0
        {"real/astropy_scale.fits", "0", "", "-3,-2,10,8", ""},      // scaled to float32: NaN padding
        {"real/astropy_scale.fits", "0", "raw", "5,5,4,4", ""},      // stored int16
        {"real/skimage_multi.fits", "2", "", "280,-4,16,16", "7"},   // uint16, padded with 7
        {"real/fv_datacube.fits", "0", "", "60,10,8,6", ""},         // int16 cube: [30, 6, 8]
        {"real/eso_isaac_1024.fits", "0", "", "2000,2000,5,5", "-1"}, // float32, wholly outside
    };
    List<String> specs = new ArrayList<>();
    for (int i = 0; i < cases.length; i++) {
      String[] c = cases[i];
      Path in = TestFiles.real(c[0]);
      Path out = dir.resolve("cut" + i + ".npy");
      List<String> args = new ArrayList<>(List.of("cutout", in.toString(), "--hdu", c[1], "--box", c[3], "--out",
          out.toString()));
      if (c[2].equals("raw")) {
        args.add("--raw");
      }
      if (!c[4].isEmpty()) {
        args.addAll(List.of("--fill", c[4]));
      }
      MainTest.Result r = jfits(args.toArray(new String[0]));
      assertEquals(Main.OK, r.exit(), () -> String.join(" ", args) + ": " + r.err());
      specs.add(out + "|" + in + "|" + c[1] + "|" + (c[2].isEmpty() ? "scaled" : "raw") + "|" + c[3] + "|" + c[4]);
    }
    List<String> args = new ArrayList<>(List.of(PYTHON_DIR.toAbsolutePath().toString()));
    args.addAll(specs);
    List<String> verdicts = Arrays.asList(TestFiles.python(VERDICT, args.toArray(new String[0])).split("\n"));
    assertEquals(cases.length, verdicts.size(), verdicts.toString());
    for (String v : verdicts) {
      assertEquals("OK", v);
    }
  }

  /** For each spec NPY|FITS|HDU|ra,dec,radius: OK when np.load equals astropy's Cutout2D of that sky position. */
  private static final String SKY_VERDICT = String.join("\n",
      "import sys, warnings, numpy as np",
      "warnings.simplefilter('ignore')",
      "import astropy.units as u",
      "from astropy.coordinates import SkyCoord",
      "from astropy.io import fits",
      "from astropy.nddata import Cutout2D",
      "from astropy.wcs import WCS",
      "from astropy.wcs.utils import wcs_to_celestial_frame",
      "for spec in sys.argv[1:]:",
      "    npy, path, ext, sky = spec.split('|')",
      "    ra, dec, radius = (float(v) for v in sky.split(','))",
      "    a = np.load(npy)",
      "    with fits.open(path) as hl:",
      "        data = np.array(hl[int(ext)].data)",
      "        w = WCS(hl[int(ext)].header)",
      "    data = data.astype(data.dtype.newbyteorder('='))",
      "    fill = np.nan if data.dtype.kind == 'f' else 0",
      "    coord = SkyCoord(ra, dec, unit='deg', frame=wcs_to_celestial_frame(w))",
      "    b = Cutout2D(data, coord, 2 * radius * u.arcsec, wcs=w, mode='partial', fill_value=fill).data",
      "    same = a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b, equal_nan=a.dtype.kind == 'f')",
      "    print('OK' if same else 'MISMATCH %s %s%s %s%s' % (spec, a.dtype, a.shape, b.dtype, b.shape))");

  @Test
  void skyCutoutWritesNpyThatNumpyLoadsEqualToAstropysCutout2D() throws Exception {
    String[][] cases = {
        {"real/eso_isaac_1024.fits", "0", "265.208205507,-30.873084351,15"},  // float32 TAN, inside
        {"real/fv_ngc1316o.fits", "0", "50.741591759,-37.376199852,60"},     // int16 SIN, off the left edge
        {"real/skimage_multi.fits", "1", "306.914227256,37.342528906,30"},   // uint16, rotated CD
    };
    List<String> specs = new ArrayList<>();
    for (int i = 0; i < cases.length; i++) {
      String[] c = cases[i];
      Path in = TestFiles.real(c[0]);
      Path out = dir.resolve("sky" + i + ".npy");
      MainTest.Result r = jfits("cutout", in.toString(), "--hdu", c[1], "--sky", c[2], "--out", out.toString());
      assertEquals(Main.OK, r.exit(), r.err());
      specs.add(out + "|" + in + "|" + c[1] + "|" + c[2]);
    }
    List<String> verdicts = Arrays.asList(TestFiles.python(SKY_VERDICT, specs.toArray(new String[0])).split("\n"));
    assertEquals(List.of("OK", "OK", "OK"), verdicts);
  }

  @Test
  void aSkyPositionOffTheImageIsPaddedWithANoteNamingTheBox() {
    Path out = dir.resolve("sky-edge.npy");
    // 7" pixels, radius 60": a 17 x 17 box around 0-based pixel (2.3, 150.2), from column -6, row 142
    MainTest.Result r = jfits("cutout", TestFiles.real("real/fv_ngc1316o.fits").toString(), "--sky",
        "50.741591759,-37.376199852,60", "--out", out.toString());
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals(List.of("jfits: note: sky position 50.741591759,-37.376199852,60 (box -6,142,17,17) lies partly"
        + " outside the image of [440, 300] (NAXIS1, NAXIS2, ...); padded with 0"), r.errLines());
  }

  @Test
  void aSkyCutoutOfAnImageWithoutACelestialWcsExitsWith1() {
    Path out = dir.resolve("nowcs.npy");
    MainTest.Result r = jfits("cutout", TestFiles.real("real/astropy_arange.fits").toString(), "--sky", "10,20,5",
        "--out", out.toString());
    assertEquals(Main.BAD_FILE, r.exit(), r.err());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().startsWith("jfits: "), r.err());
    assertTrue(Files.notExists(out));
  }

  @Test
  void aBoxOffTheImageIsPaddedWithANoteOnStderr() {
    Path out = dir.resolve("edge.npy");
    MainTest.Result r = jfits("cutout", TestFiles.real("real/fv_ngc1316o.fits").toString(), "--box", "-2,0,4,4",
        "--out", out.toString());
    assertEquals(Main.OK, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals(List.of("jfits: note: box -2,0,4,4 lies partly outside the image of [440, 300] (NAXIS1, NAXIS2,"
        + " ...); padded with 0"), r.errLines());
    MainTest.Result inside = jfits("cutout", TestFiles.real("real/fv_ngc1316o.fits").toString(), "--box", "2,0,4,4",
        "--out", out.toString(), "--overwrite");
    assertEquals("", inside.err());
  }

  @Test
  void usageErrorsExitWith2() {
    String file = TestFiles.real("real/fv_ngc1316o.fits").toString();
    String out = dir.resolve("u.npy").toString();
    for (String[] args : new String[][] {
        {"cutout", file, "--out", out},
        {"cutout", file, "--box", "1,2,3,4"},
        {"cutout", file, "--box", "1,2,3", "--out", out},
        {"cutout", file, "--box", "a,b,c,d", "--out", out},
        {"cutout", file, "--box", "0,0,0,5", "--out", out},
        {"cutout", file, "--box", "0,0,5,5", "--fill", "x", "--out", out},
        {"cutout", file, "--box", "-1,0,5,5", "--fill", "1.5", "--out", out},
        {"cutout", file, "--hdu", "3", "--box", "0,0,5,5", "--out", out},
        {"cutout", file, "--box", "0,0,5,5", "--sky", "50.7,-37.4,60", "--out", out},
        {"cutout", file, "--sky", "50.7,-37.4", "--out", out},
        {"cutout", file, "--sky", "50.7,south,60", "--out", out},
        {"cutout", file, "--sky", "50.7,-37.4,1", "--out", out}}) {
      MainTest.Result r = jfits(args);
      assertEquals(Main.USAGE, r.exit(), () -> Arrays.toString(args) + ": " + r.err());
      assertTrue(r.err().startsWith("jfits: "), r.err());
      assertEquals("", r.out());
    }
  }

  @Test
  void badFilesExitWith1AndLeaveTheOutputUntouched() throws IOException {
    Path out = dir.resolve("keep.npy");
    byte[] precious = "precious".getBytes(StandardCharsets.US_ASCII);
    Files.write(out, precious);
    byte[] bytes = Files.readAllBytes(TestFiles.real("real/fv_ngc1316o.fits"));
    Path cut = TestFiles.write(dir, "cut.fits", Arrays.copyOf(bytes, 100_000));
    MainTest.Result r = jfits("cutout", cut.toString(), "--box", "0,0,5,5", "--out", out.toString(), "--overwrite");
    assertEquals(Main.BAD_FILE, r.exit(), r.err());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.errLines().get(0).startsWith("jfits: " + cut + ", HDU 0"), r.err());
    Path table = TestFiles.real("real/fv_rate.fits");
    MainTest.Result t = jfits("cutout", table.toString(), "--hdu", "1", "--box", "0,0,5,5", "--out", out.toString(),
        "--overwrite");
    assertEquals(Main.BAD_FILE, t.exit(), t.err());
    assertArrayEquals(precious, Files.readAllBytes(out));
    try (var files = Files.list(dir)) {
      assertEquals(List.of("cut.fits", "keep.npy"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void imageSectionsCutWhatCfitsioCuts() throws Exception {
    String[][] cases = {
        {"real/fv_ngc1316o.fits", "[0][101:164,51:82]"},
        {"real/fv_ngc1316o.fits", "[*,3:7]"},
        {"real/astropy_test0.fits", "[SCI][5:40,1:1]"},
        {"real/eso_isaac_1024.fits", "[1000:1024,1:2]"},
    };
    List<String> checks = new ArrayList<>();
    for (int i = 0; i < cases.length; i++) {
      Path out = dir.resolve("section" + i + ".npy");
      String spec = TestFiles.real(cases[i][0]) + cases[i][1];
      MainTest.Result r = jfits("cutout", spec, "--out", out.toString());
      assertEquals(Main.OK, r.exit(), r.err());
      checks.add(out + "|" + spec);
    }
    List<String> command = new ArrayList<>(List.of(TestFiles.python(), "-c", String.join("\n",
        "import sys, numpy as np, fitsio",
        "for spec in sys.argv[1:]:",
        "    npy, section = spec.split('|')",
        "    a, b = np.load(npy), fitsio.read(section)",
        "    print('OK' if a.shape == b.shape and np.array_equal(a, b) else 'MISMATCH %s %s %s' % (spec, a.shape, b.shape))")));
    command.addAll(checks);
    TestFiles.Run verdict = TestFiles.run(command, 120);
    assertEquals(0, verdict.exit(), verdict.stderr());
    assertEquals("OK\nOK\nOK\nOK", verdict.stdout().strip(), verdict.stdout());

    String image = TestFiles.real("real/fv_ngc1316o.fits").toString();
    for (String bad : new String[] {"[0:10,1:5]", "[1:10:2,1:5]", "[10:1,1:5]", "[1:10,1:5000]", "[1:10]"}) {
      MainTest.Result r = jfits("cutout", image + bad, "--out", dir.resolve("bad.npy").toString());
      assertEquals(Main.USAGE, r.exit(), bad + ": " + r.err());
      assertTrue(r.err().contains("section"), bad + ": " + r.err());
    }
    assertEquals(Main.USAGE, jfits("cutout", image + "[1:10,1:5]", "--box", "0,0,2,2", "--out",
        dir.resolve("bad.npy").toString()).exit(), "a section and --box");
  }
}
