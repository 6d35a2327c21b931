package org.jfits.remote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP/1.1 proxy on 127.0.0.1 that forwards each request to a server on another loopback port and
 * spoils some responses on purpose: latency, latency spikes (shorter than a read timeout), stalls,
 * resets and truncation mid-body, a body shorter than its {@code Content-Range} with a matching
 * {@code Content-Length}, 503 bursts and a wrong {@code Content-Range}; optionally a bandwidth cap. One
 * request per connection ({@code Connection: close} both ways). Resets and truncation spoil bodies only;
 * a response without a body (HEAD) can only be stalled, because {@link java.net.http.HttpClient}
 * silently repeats a request whose connection closes before any response byte, which would hide the
 * fault from the retry counts.
 *
 * <p>Deterministic: faults come first from a script (one per request, in arrival order), then from a
 * {@link Random} seeded by the test. Bounded: request heads are at most 64 KiB, every socket has a
 * 10 s timeout, a stall lasts a fixed time, and {@link #close()} stops every thread.
 */
final class FaultProxy implements AutoCloseable {
  enum Fault {
    NONE, LATENCY_SPIKE, STALL, RESET, TRUNCATE, SHORT_BODY, ERROR_503, WRONG_RANGE
  }

  private static final int MAX_HEAD = 64 << 10;
  private static final long SPIKE_MILLIS = 300;
  /** How long a stalled response waits before closing: longer than the tests' read timeout. */
  private static final long STALL_MILLIS = 1_500;
  private static final int SOCKET_TIMEOUT_MILLIS = 10_000;
  private static final Pattern CONTENT_RANGE = Pattern.compile("(?i)\r\nContent-Range: bytes (\\d+)-(\\d+)/(\\d+)");
  private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\nContent-Length: (\\d+)");

  private final int targetPort;
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fault-proxy");
    t.setDaemon(true);
    return t;
  });
  private final Deque<Fault> script = new ArrayDeque<>();
  private final List<Fault> injected = new ArrayList<>();
  private Random random;
  private double faultRate;
  private Fault[] faultKinds = {};
  private volatile long latencyMillis;
  private volatile long bytesPerSecond;

  FaultProxy(int targetPort, long seed) throws IOException {
    this.targetPort = targetPort;
    this.random = new Random(seed);
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptLoop);
  }

  /** The URL of {@code path} (e.g. {@code /files/a.fits}) through the proxy. */
  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
  }

  /** The next requests get these faults, in order. */
  synchronized FaultProxy script(Fault... faults) {
    script.addAll(List.of(faults));
    return this;
  }

  /** After the script, each request gets one of {@code kinds} with probability {@code rate}. */
  synchronized FaultProxy randomFaults(long seed, double rate, Fault... kinds) {
    this.random = new Random(seed);
    this.faultRate = rate;
    this.faultKinds = kinds.clone();
    return this;
  }

  /** Every response is delayed by this long. */
  FaultProxy latency(long millis) {
    this.latencyMillis = millis;
    return this;
  }

  /** Caps the rate of bodies sent to each client (0: no cap). */
  FaultProxy throttle(long rate) {
    this.bytesPerSecond = rate;
    return this;
  }

  /** The faults injected so far, in order (a wrong Content-Range only where there was one to spoil). */
  synchronized List<Fault> injected() {
    return List.copyOf(injected);
  }

  private synchronized Fault nextFault() {
    Fault fault = !script.isEmpty() ? script.poll()
        : faultKinds.length > 0 && random.nextDouble() < faultRate ? faultKinds[random.nextInt(faultKinds.length)]
        : Fault.NONE;
    return fault;
  }

  private synchronized void record(Fault fault) {
    injected.add(fault);
  }

  /** Drops the faults still scripted. */
  synchronized void clearScript() {
    script.clear();
  }

  private synchronized double nextFraction() {
    return random.nextDouble();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        threads.execute(() -> serve(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
      String head = readHead(client.getInputStream());
      if (head == null) {
        return;
      }
      Fault fault = nextFault();
      OutputStream out = client.getOutputStream();
      if (latencyMillis > 0) {
        NginxServer.sleep(latencyMillis);
      }
      if (fault == Fault.LATENCY_SPIKE) {
        record(fault);
        NginxServer.sleep(SPIKE_MILLIS);
      }
      if (fault == Fault.ERROR_503) {
        record(fault);
        out.write(("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        return;
      }
      try (Socket upstream = new Socket()) {
        upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), SOCKET_TIMEOUT_MILLIS);
        upstream.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
        upstream.getOutputStream().write(withConnectionClose(head).getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = upstream.getInputStream();
        String responseHead = readHead(in);
        if (responseHead == null) {
          return;
        }
        long length = head.startsWith("HEAD") ? 0 : contentLength(responseHead);
        if (length <= 0 && fault == Fault.STALL) {
          record(fault);
          spoil(client, fault);
          return;
        }
        if (fault == Fault.WRONG_RANGE && CONTENT_RANGE.matcher(responseHead).find()) {
          record(fault);
          responseHead = shiftContentRange(responseHead);
        }
        long limit = length > 0 && (fault == Fault.STALL || fault == Fault.RESET || fault == Fault.TRUNCATE
            || fault == Fault.SHORT_BODY) ? (long) (length * nextFraction() * 0.9) : Long.MAX_VALUE;
        if (fault == Fault.SHORT_BODY) {
          responseHead = CONTENT_LENGTH.matcher(responseHead).replaceFirst("\r\nContent-Length: " + limit);
        }
        out.write(responseHead.getBytes(StandardCharsets.ISO_8859_1));
        pipe(in, out, limit);
        if (limit != Long.MAX_VALUE) {
          record(fault);
          out.flush();
          spoil(client, fault);
        }
      }
    } catch (IOException e) {
      // the client gave up or was reset on purpose
    }
  }

  /** Ends a response badly: a stall then close, a reset, or a plain early close. */
  private void spoil(Socket client, Fault fault) throws SocketException {
    if (fault == Fault.STALL) {
      NginxServer.sleep(STALL_MILLIS);
    } else if (fault == Fault.RESET) {
      client.setSoLinger(true, 0);
    }
  }

  private void pipe(InputStream in, OutputStream out, long limit) throws IOException {
    byte[] buffer = new byte[64 << 10];
    long left = limit;
    long start = System.nanoTime();
    long sent = 0;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        return;
      }
      out.write(buffer, 0, n);
      left -= n;
      sent += n;
      long rate = bytesPerSecond;
      if (rate > 0) {
        long aheadNanos = sent * 1_000_000_000L / rate - (System.nanoTime() - start);
        NginxServer.sleep(aheadNanos / 1_000_000);
      }
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (head.size() < MAX_HEAD) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
      if (matched == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    throw new IOException("head longer than " + MAX_HEAD + " bytes");
  }

  private static String withConnectionClose(String head) {
    StringBuilder out = new StringBuilder();
    for (String line : head.split("\r\n")) {
      if (!line.isEmpty() && !line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
        out.append(line).append("\r\n");
      }
    }
    return out.append("Connection: close\r\n\r\n").toString();
  }

  private static long contentLength(String head) {
    if (head.contains(" 304 ")) {
      return 0;
    }
    Matcher m = CONTENT_LENGTH.matcher(head);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  private static String shiftContentRange(String head) {
    Matcher m = CONTENT_RANGE.matcher(head);
    if (!m.find()) {
      return head;
    }
    long shift = Long.parseLong(m.group(1)) >= 2880 ? -2880 : 2880;
    long first = Long.parseLong(m.group(1)) + shift;
    long last = Long.parseLong(m.group(2)) + shift;
    return m.replaceFirst("\r\nContent-Range: bytes " + first + "-" + last + "/" + m.group(3));
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
