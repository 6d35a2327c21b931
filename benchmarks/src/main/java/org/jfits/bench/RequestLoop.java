package org.jfits.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The request loop of the JVM harnesses that the peer-comparison drivers talk to: it says
 * {@code READY}, then answers each line on stdin ({@code LIB OP FILE ...}, split at blanks) with one
 * line, the handler's answer or {@code ERR message}, until {@code quit} or the end of input.
 */
public final class RequestLoop {
  /** What the last timed call returned, held until the next request so that nothing is elided. */
  private static volatile Object kept;

  private RequestLoop() {}

  /** Answers one request with one line ({@code OK seconds checksum}). */
  @FunctionalInterface
  public interface Handler {
    String answer(String[] request) throws Exception;
  }

  /** Serves requests from stdin until {@code quit}. */
  public static void serve(Handler handler) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = System.out;
    out.println("READY");
    out.flush();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] request = line.trim().split("\\s+");
      if (request[0].equals("quit")) {
        break;
      }
      try {
        out.println(handler.answer(request));
      } catch (Throwable e) {
        out.println("ERR " + e.toString().replace('\n', ' '));
      }
      out.flush();
    }
  }

  /**
   * One call, timed after the previous result is dropped and a GC: {@code OK seconds checksum}, the
   * checksum computed from the result outside the timing.
   */
  public static String timed(Callable<Object> call, Function<Object, Object> checksum) throws Exception {
    kept = null;
    System.gc();
    long t0 = System.nanoTime();
    Object result = call.call();
    double seconds = (System.nanoTime() - t0) / 1e9;
    kept = result;
    return "OK " + seconds + " " + checksum.apply(result);
  }
}
