package org.jfits.header;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jfits.ErrorContext;
import org.jfits.FitsFormatException;
import org.jfits.FitsIOException;
import org.jfits.io.RandomAccessInput;

/**
 * Reads a header from an input, 2880-byte block by block, until its END card.
 *
 * <p>Only header blocks are read; the data that follows is not touched. Header bytes must be
 * printable ASCII (FITS 4.0, section 4.1.1); anything else is reported with its byte offset, which
 * is how truncated files and non-FITS bytes are caught early.
 */
public final class HeaderReader {
  /** The FITS block size. */
  public static final int BLOCK = 2880;
  private static final int CARDS_PER_BLOCK = BLOCK / CardParser.CARD;
  /**
   * The most card images a header may hold before its END: far beyond real headers (80 MB of
   * cards), but a bound on the memory a file of blanks without END can make a reader spend.
   */
  public static final int MAX_CARDS = 1_000_000;

  private HeaderReader() {}

  /** A header and the number of bytes its blocks occupy. */
  public record Result(Header header, long length) {}

  /**
   * Reads the header that starts at {@code offset}.
   *
   * @param context the file and HDU, for error messages and for the header's own errors
   * @throws FitsFormatException if the file ends before END or the header has non-ASCII bytes
   */
  public static Result read(RandomAccessInput input, long offset, ErrorContext context) {
    ByteBuffer block = ByteBuffer.allocate(BLOCK);
    List<String> images = new ArrayList<>();
    List<Long> offsets = new ArrayList<>();
    long at = offset;
    while (true) {
      block.clear();
      try {
        input.read(block, at);
      } catch (EOFException e) {
        throw new FitsFormatException(context.withOffset(endOfInput(input, at)),
            "the file ends inside the header, before its END card (truncated file?)");
      } catch (IOException e) {
        throw new FitsIOException(context.withOffset(at), "cannot read header block", e);
      }
      byte[] bytes = block.array();
      for (int card = 0; card < CARDS_PER_BLOCK; card++) {
        int start = card * CardParser.CARD;
        checkAscii(bytes, start, at, context);
        String image = new String(bytes, start, CardParser.CARD, StandardCharsets.US_ASCII);
        if (CardParser.keywordField(image).equals("END")) {
          return new Result(new Header(assemble(images, offsets), context), at + BLOCK - offset);
        }
        if (images.size() == MAX_CARDS) {
          throw new FitsFormatException(context.withOffset(at + start), "the header has " + MAX_CARDS
              + " cards and no END card; not a FITS header, or a corrupted file");
        }
        images.add(image);
        offsets.add(at + start);
      }
      at += BLOCK;
    }
  }

  /** Where the input ends (the offset a truncation error points at), or {@code fallback} if unknown. */
  private static long endOfInput(RandomAccessInput input, long fallback) {
    try {
      return input.size();
    } catch (IOException e) {
      return fallback;
    }
  }

  private static void checkAscii(byte[] bytes, int start, long blockOffset, ErrorContext context) {
    for (int i = start; i < start + CardParser.CARD; i++) {
      int b = bytes[i] & 0xff;
      if (b < 0x20 || b > 0x7e) {
        throw new FitsFormatException(context.withOffset(blockOffset + i), String.format(
            "byte 0x%02x in a header card; FITS headers hold printable ASCII only (not a FITS header,"
                + " or a truncated or corrupted file)", b));
      }
    }
  }

  /** Turns card images into logical cards, joining CONTINUE cards into the string card before them. */
  private static List<Card> assemble(List<String> images, List<Long> offsets) {
    List<Card> cards = new ArrayList<>(images.size());
    int i = 0;
    while (i < images.size()) {
      Card card = CardParser.parse(images.get(i), offsets.get(i));
      int next = i + 1;
      if (!card.isCommentary() && card.value() instanceof String) {
        while (next < images.size() && CardParser.keywordField(images.get(next)).equals("CONTINUE")) {
          next++;
        }
        if (next > i + 1) {
          card = CardParser.joinContinued(card, images.subList(i + 1, next).toArray(new String[0]));
        }
      }
      cards.add(card);
      i = next;
    }
    return cards;
  }
}
