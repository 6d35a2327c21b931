package org.jfits.remote;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.jfits.ErrorContext;
import org.jfits.FitsIOException;

/**
 * HTTP requests for one remote file, with the retry policy applied: a HEAD request that finds its
 * size and validators, and GET requests for byte ranges.
 *
 * <p>A range response is served only when it is exactly what was asked for: status 206 with a
 * {@code Content-Range} that starts at the byte asked for and names the known size, and a body of the
 * announced length. A wrong {@code Content-Range}, a short body, a stall longer than the read timeout,
 * a reset connection, 408, 429 and 5xx statuses are retried with backoff; a body cut short is resumed
 * from its last byte. Status 200 to a range request means the server ignores ranges (the whole body
 * is streamed to the sink, which keeps what it can use) or, when its validators differ, that the file
 * changed ({@link RemoteChangedException}). Other statuses fail at once. After the policy's attempts or
 * budget a {@link FitsIOException} names the URL, the range and every failure.
 */
final class HttpRanges {
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  private static final Map<ClientSettings, HttpClient> CLIENTS = new ConcurrentHashMap<>();

  /** Receives body bytes in order: {@code offset} is where {@code bytes[from]} lies in the file. */
  interface Sink {
    void accept(long offset, byte[] bytes, int from, int length) throws IOException;
  }

  /** The remote file changed while it was being read. */
  static final class RemoteChangedException extends IOException {
    private static final long serialVersionUID = 1L;

    RemoteChangedException(String message) {
      super(message);
    }
  }

  /** A failure that another try may cure. */
  private static final class RetryableException extends IOException {
    private static final long serialVersionUID = 1L;

    RetryableException(String message) {
      super(message);
    }
  }

  /** A failure that no retry cures (404, 403, 416...). */
  private static final class FatalException extends IOException {
    private static final long serialVersionUID = 1L;

    FatalException(String message) {
      super(message);
    }
  }

  private interface Attempt<T> {
    T run() throws IOException;
  }

  private final URI uri;
  private final String url;
  private final RemoteOptions options;
  private final RemoteStats stats;
  private final HttpClient client;
  private final Random random = new Random();

  HttpRanges(URI uri, RemoteOptions options, RemoteStats stats) {
    this.uri = uri;
    this.url = uri.toString();
    this.options = options;
    this.stats = stats;
    this.client = CLIENTS.computeIfAbsent(new ClientSettings(options.connectTimeout(), options.sslContext()),
        ClientSettings::client);
  }

  /**
   * True if {@code failure} of a request says the server could not be reached or kept failing
   * (refused or timed-out connections, resets, 5xx), not that it refused the file (404, 403...).
   */
  static boolean unreachable(FitsIOException failure) {
    return !(failure.getCause() instanceof FatalException || failure.getCause() instanceof InterruptedIOException);
  }

  /** The size and validators of the remote file (a HEAD request). */
  RemoteVersion probe() {
    return withRetries("HEAD", -1, -1, () -> {
      HttpRequest request = request().method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
      HttpResponse<Void> response = send(request, HttpResponse.BodyHandlers.discarding());
      checkStatus(response.statusCode(), 200);
      HttpHeaders headers = response.headers();
      long size = headers.firstValueAsLong("Content-Length").orElse(-1);
      if (size < 0) {
        throw new FatalException("the server gives no Content-Length");
      }
      return new RemoteVersion(size, headers.firstValue("ETag"), headers.firstValue("Last-Modified"));
    });
  }

  /**
   * Delivers the bytes {@code [start, end)} of the file to {@code sink}, in order and each once; when
   * the server ignores ranges, the sink receives every byte from {@code start} to the end of the file.
   *
   * @throws RemoteChangedException if the server's validators no longer match {@code version}
   * @throws FitsIOException when the retry policy is spent, or at once on a status no retry cures
   */
  void fetch(long start, long end, RemoteVersion version, Sink sink) throws RemoteChangedException {
    long[] position = {start};
    try {
      withRetries("GET", start, end, () -> {
        while (position[0] < end) {
          fetchOnce(position, end, version, sink);
        }
        return null;
      });
    } catch (UncheckedChange e) {
      throw e.change;
    }
  }

  /** One request for {@code [position[0], end)}; {@code position[0]} follows the bytes delivered. */
  private void fetchOnce(long[] position, long end, RemoteVersion version, Sink sink) throws IOException {
    long from = position[0];
    HttpRequest.Builder builder = request().GET().header("Range", "bytes=" + from + "-" + (end - 1));
    version.ifRange().ifPresent(v -> builder.header("If-Range", v));
    HttpResponse<Flow.Publisher<List<ByteBuffer>>> response =
        send(builder.build(), HttpResponse.BodyHandlers.ofPublisher());
    BodyStream body = BodyStream.of(response.body());
    try {
      int status = response.statusCode();
      if (status == 200) {
        HttpHeaders headers = response.headers();
        if (version.contradictedBy(headers.firstValue("ETag"), headers.firstValue("Last-Modified"))) {
          throw new UncheckedChange(new RemoteChangedException("the remote file changed while it was read (was "
              + version + ", now " + headers.firstValue("ETag").orElse("") + " "
              + headers.firstValue("Last-Modified").orElse("") + ")"));
        }
        copy(body, 0, position, version.size(), sink);
        return;
      }
      checkStatus(status, 206);
      String range = response.headers().firstValue("Content-Range").orElse("");
      Matcher m = CONTENT_RANGE.matcher(range);
      if (!m.matches() || Long.parseLong(m.group(1)) != from || Long.parseLong(m.group(2)) >= end
          || Long.parseLong(m.group(2)) < from || !m.group(3).equals(Long.toString(version.size()))) {
        throw new RetryableException("wrong Content-Range '" + range + "' for bytes " + from + "-" + (end - 1) + "/"
            + version.size());
      }
      copy(body, from, position, Long.parseLong(m.group(2)) + 1, sink);
    } finally {
      body.cancel();
    }
  }

  /**
   * Copies a body that starts at file offset {@code bodyStart} to the sink, skipping what lies before
   * {@code position[0]}, up to {@code bodyEnd}; {@code position[0]} follows the bytes delivered, so
   * that a failed transfer resumes from there.
   */
  private void copy(BodyStream body, long bodyStart, long[] position, long bodyEnd, Sink sink) throws IOException {
    long at = bodyStart;
    byte[] chunk = new byte[64 << 10];
    long timeout = options.readTimeout().toMillis();
    while (at < bodyEnd) {
      ByteBuffer buffer;
      try {
        buffer = body.next(timeout);
      } catch (IOException e) {
        throw new RetryableException(describe(e) + " at byte " + at);
      }
      if (buffer == null) {
        throw new RetryableException("short body: it ended at byte " + at + " of " + bodyEnd);
      }
      while (buffer.hasRemaining() && at < bodyEnd) {
        int n = (int) Math.min(Math.min(buffer.remaining(), chunk.length), bodyEnd - at);
        buffer.get(chunk, 0, n);
        long skip = Math.max(0, Math.min(n, position[0] - at));
        if (skip < n) {
          sink.accept(at + skip, chunk, (int) skip, (int) (n - skip));
          stats.fetched(n - skip);
          position[0] = at + n;
        }
        at += n;
      }
    }
  }

  private HttpRequest.Builder request() {
    return HttpRequest.newBuilder(uri).timeout(options.readTimeout());
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
    try {
      return client.send(request, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + url);
    } catch (IllegalArgumentException e) {
      throw new FatalException("not a usable URL: " + e.getMessage());
    } catch (SSLHandshakeException e) {
      throw new FatalException("TLS handshake failed: " + e.getMessage()
          + " (for a private certificate authority, see RemoteOptions.withSslContext or javax.net.ssl.trustStore)");
    }
  }

  private static void checkStatus(int status, int expected) throws IOException {
    if (status == expected) {
      return;
    }
    String problem = "HTTP " + status + (status == 200 || status == 206 ? " where " + expected + " was expected" : "");
    if (status == 408 || status == 429 || status >= 500) {
      throw new RetryableException(problem);
    }
    throw new FatalException(problem);
  }

  private <T> T withRetries(String method, long start, long end, Attempt<T> attempt) {
    RetryPolicy policy = options.retry();
    long begin = System.nanoTime();
    long deadline = begin + policy.budget().toNanos();
    List<String> failures = new ArrayList<>();
    IOException last = null;
    int tries = 0;
    while (true) {
      tries++;
      stats.request();
      if (tries > 1) {
        stats.retry();
      }
      try {
        return attempt.run();
      } catch (FatalException e) {
        failures.add(e.getMessage());
        last = e;
        break;
      } catch (InterruptedIOException e) {
        failures.add("interrupted");
        last = e;
        break;
      } catch (IOException e) {
        failures.add(describe(e));
        last = e;
      }
      if (tries >= policy.attempts()) {
        break;
      }
      long wait = policy.backoffMillis(tries, random);
      if (System.nanoTime() + wait * 1_000_000 > deadline) {
        failures.add("retry budget of " + policy.budget().toMillis() + " ms spent");
        break;
      }
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        last = new InterruptedIOException("interrupted during backoff");
        break;
      }
    }
    long millis = (System.nanoTime() - begin) / 1_000_000;
    ErrorContext context = ErrorContext.file(url);
    String what = method;
    if (start >= 0) {
      context = context.withOffset(start);
      what += " bytes " + start + "-" + (end - 1);
    }
    throw FitsIOException.described(context, what + " failed after " + tries + (tries == 1 ? " attempt" : " attempts")
        + " in " + millis + " ms (" + String.join("; ", failures) + ")", last);
  }

  private String describe(IOException e) {
    if (e instanceof RetryableException || e instanceof FatalException) {
      return e.getMessage();
    }
    if (e instanceof java.net.ConnectException && unresolved(e)) {
      return "unknown host " + uri.getHost();
    }
    String message = e.getMessage();
    String kind = e instanceof java.net.http.HttpTimeoutException ? "timeout"
        : e instanceof java.net.ConnectException ? "connection refused"
        : message != null && message.toLowerCase(java.util.Locale.ROOT).contains("reset") ? "connection reset"
        : e.getClass().getSimpleName();
    return message == null ? kind : kind + ": " + message;
  }

  /** Whether a failed connection failed because the host name has no address. */
  private static boolean unresolved(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  /** What tells one shared client from another: its connect timeout and TLS context. */
  private record ClientSettings(Duration connectTimeout, Optional<SSLContext> sslContext) {
    HttpClient client() {
      HttpClient.Builder builder = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(connectTimeout)
          .followRedirects(HttpClient.Redirect.NORMAL);
      sslContext.ifPresent(builder::sslContext);
      return builder.build();
    }
  }

  /** Carries a {@link RemoteChangedException} through the retry loop, which must not retry it. */
  private static final class UncheckedChange extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final RemoteChangedException change;

    UncheckedChange(RemoteChangedException change) {
      super(change.getMessage(), change, false, false);
      this.change = change;
    }
  }
}
