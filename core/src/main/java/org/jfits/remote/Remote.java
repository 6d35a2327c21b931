package org.jfits.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import org.jfits.ErrorContext;
import org.jfits.FitsIOException;
import org.jfits.io.Inputs;
import org.jfits.io.RandomAccessInput;

/**
 * Opens remote FITS files ({@code http://} and {@code https://} URLs) as a {@link RandomAccessInput}
 * for the decoders: headers and data are read through HTTP range requests and a verified local cache
 * ({@link RemoteCache}). Most users call {@code Fits.open("https://...")} instead.
 *
 * <pre>{@code
 * RemoteOptions options = RemoteOptions.defaults()
 *     .withCache(RemoteCache.open(CacheConfig.in(Path.of("/scratch/fits-cache"))))
 *     .withRetry(RetryPolicy.defaults().withAttempts(4));
 * try (FitsFile fits = Fits.open(URI.create("https://example.org/image.fits"), options)) {
 *   INDArray box = fits.hdu(1).image().cutout(100, 200, 64, 64);   // fetches only the blocks around it
 * }
 * }</pre>
 *
 * <p>Gzip-compressed files ({@code .fits.gz}, recognised by their first bytes) are fetched whole, through
 * the cache, then inflated into a temporary file, as local ones are.
 */
public final class Remote {
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;

  private Remote() {}

  /** True if {@code uri} names a file that {@link #open} reads ({@code http} or {@code https}). */
  public static boolean isRemote(URI uri) {
    String scheme = uri.getScheme();
    return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
  }

  /**
   * Opens the remote file at {@code uri}: one HEAD request finds its size and version; nothing else
   * is fetched until it is read.
   *
   * @throws IllegalArgumentException if the URI is not http or https
   * @throws FitsIOException if the server cannot be reached within the retry policy, or refuses
   */
  public static RandomAccessInput open(URI uri, RemoteOptions options) {
    if (!isRemote(uri)) {
      throw new IllegalArgumentException("not an http or https URL: " + uri);
    }
    RemoteInput input;
    try {
      input = new RemoteInput(uri, options);
    } catch (UncheckedIOException e) {
      throw new FitsIOException(ErrorContext.file(uri.toString()), "cannot use the cache", e.getCause());
    }
    try {
      if (!isGzip(input)) {
        return input;
      }
      input.fetchAll();
      try (InputStream compressed = new SequentialStream(input)) {
        return Inputs.inflate(input.name(), compressed);
      } finally {
        input.close();
      }
    } catch (IOException e) {
      input.close();
      throw new FitsIOException(ErrorContext.file(uri.toString()), "cannot read", e);
    }
  }

  /** Opens {@code uri} with {@link RemoteOptions#defaults()}. */
  public static RandomAccessInput open(URI uri) {
    return open(uri, RemoteOptions.defaults());
  }

  private static boolean isGzip(RandomAccessInput input) throws IOException {
    if (input.size() < 2) {
      return false;
    }
    ByteBuffer head = ByteBuffer.allocate(2);
    input.read(head, 0);
    return (head.get(0) & 0xff) == GZIP_MAGIC_1 && (head.get(1) & 0xff) == GZIP_MAGIC_2;
  }

  /** A plain stream over an input, front to back, for the gzip inflater. */
  private static final class SequentialStream extends InputStream {
    private final RandomAccessInput input;
    private long position;

    SequentialStream(RandomAccessInput input) {
      this.input = input;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      long left = input.size() - position;
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      input.read(ByteBuffer.wrap(b, off, n), position);
      position += n;
      return n;
    }
  }
}
