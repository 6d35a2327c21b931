package org.jfits.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.FitsIOException;
import org.jfits.TestFiles;
import org.jfits.io.RandomAccessInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote files over {@code https} from a real nginx with a self-signed certificate made by openssl
 * for 127.0.0.1: bytes, images and tables read as over http once the certificate is trusted (through
 * {@link RemoteOptions#withSslContext}, or for the command line through the JVM's
 * {@code javax.net.ssl.trustStore}); an untrusted certificate fails at once, naming the URL.
 */
class RemoteHttpsTest {
  private static final String OPENSSL = "/usr/bin/openssl";
  private static final String EVENTS = "fv_rosat_evt.fits";
  private static final String TRUST_PASSWORD = "changeit";

  private static Path keys;
  private static RemoteRig rig;
  private static KeyStore trusted;

  @TempDir
  Path cacheDir;

  @BeforeAll
  static void serveOverTls() throws Exception {
    assumeTrue(Files.isExecutable(Path.of(OPENSSL)), "openssl is not installed (scripts/setup.sh test installs it)");
    keys = Files.createTempDirectory("jfits-tls-");
    Path certificate = keys.resolve("cert.pem");
    Path key = keys.resolve("key.pem");
    TestFiles.Run made = TestFiles.run(List.of(OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out",
        certificate.toString()), 60);
    assertEquals(0, made.exit(), made.stderr());
    trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    try (InputStream in = Files.newInputStream(certificate)) {
      Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
      trusted.setCertificateEntry("jfits-test", cert);
    }
    rig = RemoteRig.start(new NginxServer.TlsCertificate(certificate, key));
  }

  @AfterAll
  static void stop() throws Exception {
    if (rig != null) {
      rig.close();
    }
    if (keys != null) {
      try (var files = Files.list(keys)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.delete(f);
        }
      }
      Files.delete(keys);
    }
  }

  private static SSLContext trusting() throws Exception {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  @Test
  void everyByteImageAndTableRowReadsAsTheLocalFile() throws Exception {
    RemoteOptions options = RemoteRig.options(RemoteCache.open(CacheConfig.in(cacheDir))).withSslContext(trusting());
    for (String name : new String[] {RemoteRig.BIG, EVENTS}) {
      byte[] local = Files.readAllBytes(rig.local(name));
      try (RandomAccessInput input = Remote.open(rig.nginx.httpsUri(name), options)) {
        ByteBuffer remote = ByteBuffer.allocate(local.length);
        input.read(remote, 0);
        assertArrayEquals(local, remote.array(), name);
      }
    }
    try (FitsFile local = Fits.open(rig.local(RemoteRig.BIG));
        FitsFile remote = Fits.open(rig.nginx.httpsUri(RemoteRig.BIG), options)) {
      assertEquals(local.hdu(0).image().cutout(300, 700, 40, 30), remote.hdu(0).image().cutout(300, 700, 40, 30));
    }
    try (FitsFile local = Fits.open(rig.local(EVENTS));
        FitsFile remote = Fits.open(rig.nginx.httpsUri(EVENTS), options)) {
      assertEquals(local.hdu("EVENTS").table().rows(1000, 1200).read().table().printAll(),
          remote.hdu("EVENTS").table().rows(1000, 1200).read().table().printAll());
    }
  }

  @Test
  void anUntrustedCertificateFailsAtOnceNamingTheUrl() {
    URI uri = rig.nginx.httpsUri(RemoteRig.BIG);
    FitsIOException e = assertThrows(FitsIOException.class,
        () -> Remote.open(uri, RemoteRig.options(RemoteCache.open(CacheConfig.in(cacheDir)))));
    assertTrue(e.getMessage().startsWith(uri + ": HEAD failed after 1 attempt"), e.getMessage());
    assertTrue(e.getMessage().contains("TLS handshake failed"), e.getMessage());
  }

  @Test
  void theCommandLineTrustsTheJvmTrustStore() throws Exception {
    Path trustStore = cacheDir.resolve("trust.p12");
    try (OutputStream out = Files.newOutputStream(trustStore)) {
      trusted.store(out, TRUST_PASSWORD.toCharArray());
    }
    String url = rig.nginx.httpsUri(EVENTS).toString();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> jvm = List.of(java, "-Djfits.cache.dir=" + cacheDir.resolve("cache"), "-cp",
        System.getProperty("java.class.path"));
    TestFiles.Run untrusted = TestFiles.run(cli(jvm, List.of(), url), 60);
    assertTrue(untrusted.exit() != 0 && untrusted.stderr().contains("TLS handshake failed"), untrusted.stderr());
    TestFiles.Run remote = TestFiles.run(cli(jvm, List.of("-Djavax.net.ssl.trustStore=" + trustStore,
        "-Djavax.net.ssl.trustStorePassword=" + TRUST_PASSWORD), url), 60);
    TestFiles.Run local = TestFiles.run(cli(jvm, List.of(), rig.local(EVENTS).toString()), 60);
    assertEquals(0, remote.exit(), remote.stderr());
    assertEquals(0, local.exit(), local.stderr());
    assertEquals(local.stdout().replace(rig.local(EVENTS).toString(), url), remote.stdout());
  }

  /** {@code jfits info FILE} in a child JVM with {@code properties}. */
  private static List<String> cli(List<String> jvm, List<String> properties, String file) {
    List<String> command = new java.util.ArrayList<>(jvm.subList(0, 1));
    command.addAll(properties);
    command.addAll(jvm.subList(1, jvm.size()));
    command.addAll(List.of("org.jfits.cli.Main", "info", file));
    return command;
  }
}
