package org.jfits.remote;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body pulled piece by piece with a time limit on each piece. {@link java.net.http.HttpClient}
 * has no read timeout of its own once the headers have arrived; a stalled server would block an
 * {@code InputStream} read forever. Here the body's publisher pushes its buffers into a queue, one
 * list at a time, and {@link #next} waits at most the read timeout for the next one, then cancels the
 * transfer.
 */
final class BodyStream implements Flow.Subscriber<List<ByteBuffer>> {
  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private volatile Flow.Subscription subscription;
  private Iterator<ByteBuffer> current;

  private BodyStream() {}

  /** Subscribes to {@code body}; one list of buffers is requested at a time. */
  static BodyStream of(Flow.Publisher<List<ByteBuffer>> body) {
    BodyStream stream = new BodyStream();
    body.subscribe(stream);
    return stream;
  }

  /**
   * The next non-empty buffer of the body, or {@code null} at its end.
   *
   * @throws HttpTimeoutException if nothing arrives for {@code timeoutMillis}
   * @throws IOException if the transfer failed (reset, closed early)
   */
  ByteBuffer next(long timeoutMillis) throws IOException {
    while (true) {
      while (current != null && current.hasNext()) {
        ByteBuffer buffer = current.next();
        if (buffer.hasRemaining()) {
          return buffer;
        }
      }
      current = null;
      Object item;
      try {
        item = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancel();
        throw new java.io.InterruptedIOException("interrupted while reading the body");
      }
      if (item == null) {
        cancel();
        throw new HttpTimeoutException("no byte for " + timeoutMillis + " ms (stalled transfer)");
      }
      if (item == END) {
        queue.offer(END);
        return null;
      }
      if (item instanceof Throwable t) {
        queue.offer(t);
        throw t instanceof IOException io ? io : new IOException(t.toString(), t);
      }
      @SuppressWarnings("unchecked")
      List<ByteBuffer> buffers = (List<ByteBuffer>) item;
      current = buffers.iterator();
      subscription.request(1);
    }
  }

  /** Stops the transfer; the connection is dropped. */
  void cancel() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    queue.offer(item);
  }

  @Override
  public void onError(Throwable throwable) {
    queue.offer(throwable);
  }

  @Override
  public void onComplete() {
    queue.offer(END);
  }
}
