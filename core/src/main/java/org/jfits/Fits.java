package org.jfits;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import org.jfits.io.Inputs;
import org.jfits.io.RandomAccessInput;
import org.jfits.remote.Remote;
import org.jfits.remote.RemoteOptions;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Entry points: open a FITS file, or read one image in one call.
 *
 * <pre>{@code
 * try (FitsFile fits = Fits.open("image.fits")) {
 *   System.out.println(fits.info());
 *   double exptime = fits.hdu(0).header().getDouble("EXPTIME");
 *   INDArray pixels = fits.hdu("SCI").image().read();
 * }
 * }</pre>
 */
public final class Fits {
  private static final Pattern URL_SCHEME = Pattern.compile("(?i)(https?|file):");

  private Fits() {}

  /**
   * Opens a FITS file (plain or gzip-compressed) and reads its primary header. Other headers are
   * read as they are asked for; data only when read.
   *
   * @throws FitsFormatException if the file is not FITS
   * @throws FitsIOException if it cannot be opened
   */
  public static FitsFile open(Path path) {
    ErrorContext context = ErrorContext.file(path.toString());
    if (!Files.exists(path)) {
      throw new FitsIOException(context, "cannot open", new NoSuchFileException(path.toString(), null, "no such file"));
    }
    RandomAccessInput input;
    try {
      input = Inputs.open(path);
    } catch (EOFException e) {
      throw new FitsFormatException(context.withHdu(0).withOffset(sizeOf(path)),
          "the gzip-compressed file ends early (truncated download?): " + e.getMessage());
    } catch (ZipException e) {
      throw new FitsFormatException(context.withHdu(0),
          "the file starts like gzip but cannot be inflated (corrupted?): " + e.getMessage());
    } catch (IOException e) {
      throw new FitsIOException(context, "cannot open", e);
    }
    try {
      return new FitsFile(input);
    } catch (IOException e) {
      closeQuietly(input, e);
      throw new FitsIOException(context, "cannot read", e);
    } catch (RuntimeException e) {
      closeQuietly(input, e);
      throw e;
    }
  }

  /**
   * Opens a FITS file given as a path, or as a URL: {@code http://} and {@code https://} URLs are
   * read remotely (see {@link #open(URI)}), {@code file:} URIs locally.
   */
  public static FitsFile open(String pathOrUrl) {
    if (URL_SCHEME.matcher(pathOrUrl).lookingAt()) {
      return open(URI.create(pathOrUrl));
    }
    return open(Path.of(pathOrUrl));
  }

  /**
   * Opens a FITS file named by a URI: {@code file:} URIs locally, {@code http://} and {@code https://}
   * URLs through HTTP range requests and the local cache, with {@link RemoteOptions#defaults()}.
   * Listing HDUs fetches header blocks only; sections, cutouts and row ranges fetch the blocks around
   * their bytes.
   *
   * @throws IllegalArgumentException for other schemes
   * @throws FitsIOException if the server cannot be reached or refuses the file
   */
  public static FitsFile open(URI uri) {
    return open(uri, RemoteOptions.defaults());
  }

  /**
   * Opens a FITS file named by a URI, reading remote ones with {@code options} (block size, timeouts,
   * retries, cache; see {@link org.jfits.remote.Remote}).
   */
  public static FitsFile open(URI uri, RemoteOptions options) {
    if ("file".equalsIgnoreCase(uri.getScheme())) {
      return open(Path.of(uri));
    }
    if (!Remote.isRemote(uri)) {
      throw new IllegalArgumentException("cannot open " + uri + ": only file, http and https URIs are read");
    }
    RandomAccessInput input = Remote.open(uri, options);
    try {
      return new FitsFile(input);
    } catch (IOException e) {
      closeQuietly(input, e);
      throw new FitsIOException(ErrorContext.file(uri.toString()), "cannot read", e);
    } catch (RuntimeException e) {
      closeQuietly(input, e);
      throw e;
    }
  }

  /**
   * Reads the image of one HDU and closes the file, as astropy's {@code fits.getdata(path, ext)}.
   *
   * @param hdu the HDU index
   */
  public static INDArray read(Path path, int hdu) {
    try (FitsFile fits = open(path)) {
      return fits.hdu(hdu).image().read();
    }
  }

  /**
   * Reads the first HDU that holds image data and closes the file, as astropy's
   * {@code fits.getdata(path)}: the primary image, or the first extension image when the primary
   * HDU has no data.
   */
  public static INDArray read(Path path) {
    try (FitsFile fits = open(path)) {
      for (Hdu hdu : fits) {
        if (hdu.type().isImage() && hdu.hasData()) {
          return hdu.image().read();
        }
      }
      throw new FitsUnsupportedException(fits.context(), "no HDU holds image data");
    }
  }

  private static long sizeOf(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      throw new FitsIOException(ErrorContext.file(path.toString()), "cannot read", e);
    }
  }

  private static void closeQuietly(RandomAccessInput input, Exception failure) {
    try {
      input.close();
    } catch (IOException e) {
      failure.addSuppressed(new UncheckedIOException(e));
    }
  }
}
