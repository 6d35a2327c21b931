package org.jfits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.jfits.checksum.ChecksumVerifier;
import org.jfits.checksum.HduChecksum;
import org.jfits.header.CompressedImageHeader;
import org.jfits.header.Header;
import org.jfits.header.HeaderReader;
import org.jfits.io.RandomAccessInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open FITS file: the list of its HDUs, found by reading header blocks only.
 *
 * <p>HDUs are discovered lazily, in order, as they are asked for ({@link #hdu(int)} reads headers up
 * to that index; {@link #size()}, {@link #hdus()} and {@link #info()} read them all). No data is read
 * until an HDU's data is requested. Bytes after the last HDU that do not start an extension header are
 * ignored with a warning, as astropy and cfitsio do. Close the file (try-with-resources) to release it;
 * arrays already read stay valid. Safe for use from several threads.
 */
public final class FitsFile implements AutoCloseable, Iterable<Hdu> {
  private static final Logger LOG = LoggerFactory.getLogger(FitsFile.class);
  private static final byte[] XTENSION = "XTENSION".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SIMPLE = "SIMPLE  =".getBytes(StandardCharsets.US_ASCII);

  private final RandomAccessInput input;
  private final ErrorContext context;
  private final long size;
  private final List<Hdu> hdus = new ArrayList<>();
  private long nextOffset;
  private boolean complete;

  FitsFile(RandomAccessInput input) throws IOException {
    this.input = input;
    this.context = ErrorContext.file(input.name());
    this.size = input.size();
    if (!startsWith(0, SIMPLE)) {
      throw new FitsFormatException(context.withHdu(0).withOffset(0),
          size == 0 ? "the file is empty" : "not a FITS file: it must begin with the card 'SIMPLE  ='");
    }
    scanNext();
  }

  /** The path or URL this file was opened from. */
  public String name() {
    return input.name();
  }

  /** The byte source, for decoders that read data sections. */
  public RandomAccessInput input() {
    return input;
  }

  /** An error context naming this file. */
  public ErrorContext context() {
    return context;
  }

  /** The HDU at {@code index} (0 is the primary HDU). */
  public synchronized Hdu hdu(int index) {
    while (hdus.size() <= index && !complete) {
      scanNext();
    }
    if (index < 0 || index >= hdus.size()) {
      throw new IndexOutOfBoundsException(
          name() + ": no HDU " + index + "; the file has " + hdus.size() + " HDUs (0 to " + (hdus.size() - 1) + ")");
    }
    return hdus.get(index);
  }

  /**
   * The first HDU whose EXTNAME is {@code name} (case-insensitive; {@code PRIMARY} names HDU 0), as
   * astropy's {@code hdul['SCI']}.
   *
   * @throws IllegalArgumentException if no HDU has that name
   */
  public Hdu hdu(String name) {
    return find(name, null);
  }

  /** The HDU with this EXTNAME and EXTVER, as astropy's {@code hdul['SCI', 2]}. */
  public Hdu hdu(String name, int version) {
    return find(name, version);
  }

  private synchronized Hdu find(String name, Integer version) {
    String wanted = name.strip().toUpperCase(Locale.ROOT);
    for (int i = 0; ; i++) {
      while (i >= hdus.size() && !complete) {
        scanNext();
      }
      if (i >= hdus.size()) {
        break;
      }
      Hdu hdu = hdus.get(i);
      if (hdu.name().toUpperCase(Locale.ROOT).equals(wanted) && (version == null || hdu.version() == version)) {
        return hdu;
      }
    }
    throw new IllegalArgumentException(name() + ": no HDU named " + name
        + (version == null ? "" : " with EXTVER " + version));
  }

  /** The number of HDUs; reads every header. */
  public synchronized int size() {
    while (!complete) {
      scanNext();
    }
    return hdus.size();
  }

  /** All HDUs in file order; reads every header. */
  public List<Hdu> hdus() {
    size();
    synchronized (this) {
      return Collections.unmodifiableList(new ArrayList<>(hdus));
    }
  }

  @Override
  public Iterator<Hdu> iterator() {
    return hdus().iterator();
  }

  /** One summary per HDU, as astropy's {@code hdul.info(output=False)}. */
  public List<HduSummary> summaries() {
    List<HduSummary> rows = new ArrayList<>();
    for (Hdu hdu : hdus()) {
      rows.add(HduSummary.of(hdu));
    }
    return rows;
  }

  /** The HDU listing as astropy's {@code fits.info()} prints it. */
  public String info() {
    return HduSummary.table(name(), summaries());
  }

  /**
   * Verifies the CHECKSUM and DATASUM cards of every HDU (the FITS checksum convention), as astropy's
   * {@code verify_checksum()}/{@code verify_datasum()} and fitsverify do: one verdict per HDU, naming
   * it. Reads the whole file once.
   *
   * @throws FitsFormatException if the file ends inside an HDU
   */
  public List<HduChecksum> verifyChecksums() {
    return ChecksumVerifier.verify(this);
  }

  @Override
  public void close() {
    try {
      input.close();
    } catch (IOException e) {
      throw new FitsIOException(context, "cannot close", e);
    }
  }

  @Override
  public String toString() {
    return info();
  }

  private void scanNext() {
    if (complete) {
      return;
    }
    int index = hdus.size();
    long offset = nextOffset;
    if (offset >= size) {
      complete = true;
      return;
    }
    if (index > 0 && !startsWith(offset, XTENSION)) {
      LOG.warn("{}: ignoring {} bytes after the last HDU (they do not start an XTENSION header)",
          name(), size - offset);
      complete = true;
      return;
    }
    ErrorContext at = context.withHdu(index);
    HeaderReader.Result read = HeaderReader.read(input, offset, at);
    Header header = read.header();
    HduLayout layout = HduLayout.of(header, offset, read.length(), index == 0, at);
    HduType type = typeOf(header, index, layout, at);
    CompressedImageHeader compressed = null;
    FitsException compressionError = null;
    if (type == HduType.COMPRESSED_IMAGE) {
      try {
        compressed = CompressedImageHeader.of(header);
      } catch (FitsException e) {
        LOG.warn("{}: HDU {} is listed as a binary table: {}", name(), index, e.getMessage());
        compressionError = e;
        type = HduType.BINTABLE;
      }
    }
    hdus.add(new Hdu(this, index, header, type, layout, compressed, compressionError));
    nextOffset = layout.end();
    if (layout.dataOffset() + layout.dataSize() > size) {
      LOG.warn("{}: HDU {} needs {} data bytes from byte {} but the file ends at byte {} (truncated?)",
          name(), index, layout.dataSize(), layout.dataOffset(), size);
      complete = true;
    }
  }

  private static HduType typeOf(Header header, int index, HduLayout layout, ErrorContext at) {
    if (index == 0) {
      boolean groups = header.getBoolean("GROUPS", false) && layout.axes().length > 0 && layout.axes()[0] == 0;
      return groups ? HduType.GROUPS : HduType.PRIMARY;
    }
    String xtension = header.getString("XTENSION").strip().toUpperCase(Locale.ROOT);
    switch (xtension) {
      case "IMAGE":
        return HduType.IMAGE;
      case "TABLE":
        return HduType.TABLE;
      case "BINTABLE":
      case "A3DTABLE":
        return CompressedImageHeader.isCompressedImage(header) ? HduType.COMPRESSED_IMAGE : HduType.BINTABLE;
      default:
        return HduType.NONSTANDARD;
    }
  }

  private boolean startsWith(long offset, byte[] prefix) {
    if (offset + prefix.length > size) {
      return false;
    }
    ByteBuffer bytes = ByteBuffer.allocate(prefix.length);
    try {
      input.read(bytes, offset);
    } catch (IOException e) {
      throw new FitsIOException(context.withOffset(offset), "cannot read", e);
    }
    return java.util.Arrays.equals(bytes.array(), prefix);
  }
}
