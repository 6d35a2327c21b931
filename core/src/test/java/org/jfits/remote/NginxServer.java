package org.jfits.remote;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx (Debian's {@code /usr/sbin/nginx}) serving a folder on 127.0.0.1, started as a child
 * process in the foreground ({@code daemon off}, one process) with a generated configuration whose
 * pid file, logs and temporary folders live in a work folder: no root needed. {@code /files/} serves
 * with nginx's own range support; {@code /norange/} serves the same folder with {@code max_ranges 0},
 * so every range request gets the whole file with status 200. Optionally it also serves {@code /files/}
 * over TLS on a second port, with a given certificate.
 */
final class NginxServer implements AutoCloseable {
  private static final String NGINX = System.getProperty("jfits.nginx", "/usr/sbin/nginx");

  private final Path root;
  private final Path work;
  private final int port;
  private final TlsCertificate tls;
  private final int tlsPort;
  private Process process;

  /** A PEM certificate and its unencrypted PEM private key. */
  record TlsCertificate(Path certificate, Path key) {}

  /** Starts nginx serving {@code root}; its files go in {@code work}. */
  NginxServer(Path root, Path work) throws IOException {
    this(root, work, null);
  }

  /** Starts nginx serving {@code root}, also over TLS with {@code tls} if it is not null. */
  NginxServer(Path root, Path work, TlsCertificate tls) throws IOException {
    this.root = root.toAbsolutePath();
    this.work = work.toAbsolutePath();
    this.port = freePort();
    this.tls = tls;
    this.tlsPort = tls == null ? -1 : freePort();
    Files.createDirectories(work.resolve("tmp"));
    Files.writeString(work.resolve("nginx.conf"), config(), StandardCharsets.US_ASCII);
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "nginx-stop"));
    start();
  }

  /** Whether nginx is installed here. */
  static boolean available() {
    return Files.isExecutable(Path.of(NGINX));
  }

  int port() {
    return port;
  }

  /** The URL of a served file, with range support. */
  URI uri(String name) {
    return URI.create("http://127.0.0.1:" + port + "/files/" + name);
  }

  /** The {@code https} URL of a served file, with range support (a server started with a certificate). */
  URI httpsUri(String name) {
    if (tls == null) {
      throw new IllegalStateException("nginx was started without a certificate");
    }
    return URI.create("https://127.0.0.1:" + tlsPort + "/files/" + name);
  }

  /** The URL of a served file where ranges are ignored. */
  URI noRangeUri(String name) {
    return URI.create("http://127.0.0.1:" + port + "/norange/" + name);
  }

  /** Starts nginx and waits (at most 10 s) until it accepts connections. */
  synchronized void start() throws IOException {
    if (process != null && process.isAlive()) {
      return;
    }
    process = new ProcessBuilder(List.of(NGINX, "-p", work.toString(), "-c", work.resolve("nginx.conf").toString(),
        "-e", work.resolve("error.log").toString()))
        .redirectErrorStream(true).redirectOutput(work.resolve("stdout.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        if (!process.isAlive()) {
          throw new IOException("nginx exited with " + process.exitValue() + ": " + log());
        }
        sleep(50);
      }
    }
    stop();
    throw new IOException("nginx did not listen on port " + port + " within 10 s: " + log());
  }

  /** Stops nginx (at most 10 s); also run when the JVM exits, so that no nginx outlives it. */
  synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  @Override
  public void close() {
    stop();
  }

  private String config() {
    String tmp = work.resolve("tmp").toString();
    return String.join("\n",
        "daemon off;",
        "master_process off;",
        "worker_processes 1;",
        "pid " + work.resolve("nginx.pid") + ";",
        "error_log " + work.resolve("error.log") + " warn;",
        "events { worker_connections 256; }",
        "http {",
        "  access_log off;",
        "  default_type application/octet-stream;",
        "  client_body_temp_path " + tmp + "/body;",
        "  proxy_temp_path " + tmp + "/proxy;",
        "  fastcgi_temp_path " + tmp + "/fastcgi;",
        "  uwsgi_temp_path " + tmp + "/uwsgi;",
        "  scgi_temp_path " + tmp + "/scgi;",
        "  sendfile on;",
        "  server {",
        "    listen 127.0.0.1:" + port + ";",
        "    location /files/ { alias " + root + "/; }",
        "    location /norange/ { alias " + root + "/; max_ranges 0; }",
        "  }",
        tls == null ? "" : String.join("\n",
            "  server {",
            "    listen 127.0.0.1:" + tlsPort + " ssl;",
            "    ssl_certificate " + tls.certificate().toAbsolutePath() + ";",
            "    ssl_certificate_key " + tls.key().toAbsolutePath() + ";",
            "    location /files/ { alias " + root + "/; }",
            "  }"),
        "}",
        "");
  }

  private String log() {
    try {
      return Files.readString(work.resolve("error.log")) + Files.readString(work.resolve("stdout.log"));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Sleeps {@code millis} (nothing if it is not positive), keeping the interrupt status. */
  static void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
