package org.jfits.remote;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jfits.TestFiles;

/**
 * The served side of the remote tests: a temporary folder of FITS files (links to real files of the
 * test data, and a generated 1024 x 1024 float32 image of 4 MiB) and a real nginx serving it.
 * Options for the client use small blocks, short timeouts and short backoffs, so that faults are
 * exercised in little time.
 */
public final class RemoteRig implements AutoCloseable {
  static final int BLOCK = 64 << 10;
  static final String BIG = "big.fits";
  static final int BIG_SIDE = 1024;
  static final String[] REAL = {"real/fv_ngc1316o.fits", "real/fv_rosat_evt.fits", "real/astropy_test0.fits",
      "real/astropy_dss.fits.gz", "real/eso_isaac_1024.fits", "real/astropy_checksum.fits"};

  final Path folder;
  final NginxServer nginx;

  private RemoteRig(Path folder, NginxServer nginx) {
    this.folder = folder;
    this.nginx = nginx;
  }

  /** Makes the folder and starts nginx; skips the calling test where nginx is not installed. */
  public static RemoteRig start() throws IOException {
    return start(null);
  }

  /** As {@link #start()}, nginx also serving over TLS with {@code tls} if it is not null. */
  static RemoteRig start(NginxServer.TlsCertificate tls) throws IOException {
    assumeTrue(NginxServer.available(), "nginx is not installed (scripts/setup.sh test installs it)");
    Path base = Files.createTempDirectory("jfits-remote-");
    Path folder = Files.createDirectories(base.resolve("served"));
    for (String real : REAL) {
      Path source = TestFiles.real(real);
      Files.createSymbolicLink(folder.resolve(source.getFileName()), source);
    }
    Files.write(folder.resolve(BIG), bigImage());
    return new RemoteRig(folder, new NginxServer(folder, base.resolve("nginx"), tls));
  }

  /** The local path of a served file; files put in the folder are served too. */
  public Path local(String name) {
    return folder.resolve(name);
  }

  /** The URL of a served file, with range support. */
  public String url(String name) {
    return nginx.uri(name).toString();
  }

  /** Client options for tests: 64 KiB blocks, no whole-file download, short timeouts and backoffs. */
  static RemoteOptions options(RemoteCache cache) {
    return RemoteOptions.defaults()
        .withCache(cache)
        .withBlockSize(BLOCK)
        .withWholeFileBytes(0)
        .withConnectTimeout(Duration.ofSeconds(1))
        .withReadTimeout(Duration.ofSeconds(1))
        .withRetry(RetryPolicy.defaults().withAttempts(8).withBaseDelay(Duration.ofMillis(5))
            .withMaxDelay(Duration.ofMillis(40)).withBudget(Duration.ofSeconds(15)));
  }

  /** A 1024 x 1024 float32 image whose pixel (x, y) holds {@code y * 1024 + x + 0.5}. */
  static byte[] bigImage() {
    byte[] header = TestFiles.header(TestFiles.value("SIMPLE", "T"), TestFiles.value("BITPIX", "-32"),
        TestFiles.value("NAXIS", "2"), TestFiles.value("NAXIS1", Integer.toString(BIG_SIDE)),
        TestFiles.value("NAXIS2", Integer.toString(BIG_SIDE)), TestFiles.value("OBJECT", "'generated'"));
    ByteBuffer data = ByteBuffer.allocate(BIG_SIDE * BIG_SIDE * 4);
    for (int i = 0; i < BIG_SIDE * BIG_SIDE; i++) {
      data.putFloat(i + 0.5f);
    }
    return TestFiles.concat(header, TestFiles.padded(data.array()));
  }

  /** Stops nginx and deletes the folder. */
  @Override
  public void close() throws IOException {
    nginx.close();
    try (Stream<Path> paths = Files.walk(folder.getParent())) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
