package org.jfits.checksum;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jfits.FitsFile;
import org.jfits.FitsFormatException;
import org.jfits.FitsIOException;
import org.jfits.Hdu;
import org.jfits.io.NativeBytes;

/**
 * Verifies the CHECKSUM and DATASUM cards of every HDU of a file, reading each header and data unit
 * once in 4 MiB chunks (use {@link FitsFile#verifyChecksums()}).
 */
public final class ChecksumVerifier {
  private static final int CHUNK = 4 << 20;

  private ChecksumVerifier() {}

  /**
   * One verdict per HDU, in file order.
   *
   * @throws FitsFormatException if the file ends inside an HDU's data
   */
  public static List<HduChecksum> verify(FitsFile file) {
    List<HduChecksum> results = new ArrayList<>();
    try (NativeBytes staging = new NativeBytes(CHUNK)) {
      for (Hdu hdu : file) {
        results.add(verify(hdu, staging));
      }
    }
    return results;
  }

  /** The verdict on one HDU (reads its header and data once). */
  public static HduChecksum verify(Hdu hdu) {
    try (NativeBytes staging = new NativeBytes(CHUNK)) {
      return verify(hdu, staging);
    }
  }

  private static HduChecksum verify(Hdu hdu, NativeBytes staging) {
    // missing padding after the last HDU is tolerated (zero bytes add nothing to the sum)
    long padded = Math.min((hdu.dataSize() + 2879) / 2880 * 2880,
        Math.max(hdu.dataSize(), size(hdu) - hdu.dataOffset()));
    long dataSum = sum(hdu, hdu.dataOffset(), padded, staging);
    long headerSum = sum(hdu, hdu.headerOffset(), hdu.dataOffset() - hdu.headerOffset(), staging);
    long hduSum = FitsChecksum.add(headerSum, dataSum);
    boolean hasChecksum = hdu.header().containsKey("CHECKSUM");
    boolean hasDatasum = hdu.header().containsKey("DATASUM");
    ChecksumStatus status;
    if (!hasChecksum && !hasDatasum) {
      status = ChecksumStatus.MISSING;
    } else if (hasDatasum && !datasumMatches(hdu, dataSum)) {
      status = ChecksumStatus.BAD_DATA;
    } else if (hasChecksum && !FitsChecksum.isComplete(hduSum)) {
      status = ChecksumStatus.BAD_HEADER;
    } else {
      status = ChecksumStatus.OK;
    }
    String name = hdu.index() == 0 && hdu.name().isEmpty() ? "PRIMARY" : hdu.name();
    return new HduChecksum(hdu.index(), name, status, dataSum, hduSum);
  }

  private static long size(Hdu hdu) {
    try {
      return hdu.file().input().size();
    } catch (IOException e) {
      throw new FitsIOException(hdu.context(), "cannot read the file size", e);
    }
  }

  private static boolean datasumMatches(Hdu hdu, long dataSum) {
    Object value = hdu.header().get("DATASUM");
    if (!(value instanceof String text)) {
      return false;
    }
    try {
      return Long.parseLong(text.strip()) == dataSum;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static long sum(Hdu hdu, long from, long length, NativeBytes staging) {
    FitsChecksum sum = new FitsChecksum();
    for (long done = 0; done < length; ) {
      int n = (int) Math.min(CHUNK, length - done);
      ByteBuffer buffer = staging.buffer(n);
      long at = from + done;
      try {
        hdu.file().input().read(buffer, at);
      } catch (EOFException e) {
        throw new FitsFormatException(hdu.context().withOffset(at),
            "the file ends inside the HDU, so its checksum cannot be verified (truncated file?)");
      } catch (IOException e) {
        throw new FitsIOException(hdu.context().withOffset(at), "cannot read for checksum verification", e);
      }
      buffer.flip();
      sum.update(buffer);
      done += n;
    }
    return sum.value();
  }
}
