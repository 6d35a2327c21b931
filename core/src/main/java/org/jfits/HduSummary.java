package org.jfits;

import java.util.ArrayList;
import java.util.List;
import org.jfits.header.Header;
import org.jfits.image.PixelScaling;

/**
 * One line of an HDU listing, with the fields and wording of astropy's {@code HDUList.info()}:
 * dimensions in FITS order ({@code (NAXIS1, NAXIS2)}, or {@code 5R x 2C} for tables) and the
 * format as a numpy type ({@code int16 (rescales to uint16)}) or the list of TFORMs.
 *
 * @param index the HDU index
 * @param name EXTNAME, {@code PRIMARY} for an unnamed primary HDU
 * @param version EXTVER
 * @param type the astropy class name, e.g. {@code ImageHDU}
 * @param cards the number of header cards, END excluded
 * @param dimensions the dimensions as astropy prints them
 * @param format the data format as astropy prints it
 * @param extra more detail: the group and parameter counts of random groups, else ""
 */
public record HduSummary(int index, String name, int version, String type, int cards, String dimensions,
    String format, String extra) {

  static HduSummary of(Hdu hdu) {
    Header header = hdu.header();
    String dims;
    String format;
    String extra = "";
    switch (hdu.type()) {
      case BINTABLE:
      case TABLE:
        dims = tableDimensions(header);
        format = tableFormats(header);
        break;
      case COMPRESSED_IMAGE:
        dims = tuple(hdu.axes());
        format = PixelScaling.numpyName(hdu.bitpix());
        break;
      case GROUPS: {
        long[] axes = hdu.axes();
        long[] groupAxes = java.util.Arrays.copyOfRange(axes, 1, axes.length);
        dims = tuple(groupAxes);
        format = allPositive(groupAxes) ? PixelScaling.numpyName(hdu.bitpix()) : "";
        extra = hdu.gcount() + " Groups  " + hdu.pcount() + " Parameters";
        break;
      }
      case NONSTANDARD:
        dims = tuple(new long[] {hdu.dataSize()});
        format = "";
        break;
      default:
        dims = tuple(hdu.axes());
        format = imageFormat(hdu);
    }
    return new HduSummary(hdu.index(), hdu.name(), hdu.version(), hdu.type().astropyName(),
        header.size(), dims, format, extra);
  }

  private static String imageFormat(Hdu hdu) {
    if (hdu.axes().length == 0 || !allPositive(hdu.axes())) {
      return "";
    }
    PixelScaling scaling = PixelScaling.of(hdu.header(), hdu.bitpix(), false);
    String stored = PixelScaling.numpyName(hdu.bitpix());
    if (scaling.rescales() && hdu.bitpix() > 0) {
      return stored + " (rescales to " + scaling.outputType().numpyName() + ")";
    }
    return stored;
  }

  private static boolean allPositive(long[] axes) {
    for (long a : axes) {
      if (a <= 0) {
        return false;
      }
    }
    return true;
  }

  private static String tableDimensions(Header header) {
    return header.getLong("NAXIS2") + "R x " + header.getInt("TFIELDS") + "C";
  }

  private static String tableFormats(Header header) {
    List<String> forms = new ArrayList<>();
    int fields = header.getInt("TFIELDS");
    for (int i = 1; i <= fields; i++) {
      forms.add(header.getString("TFORM" + i));
    }
    return "[" + String.join(", ", forms) + "]";
  }

  /** A Python tuple literal: {@code ()}, {@code (5,)}, {@code (40, 40)}. */
  private static String tuple(long[] values) {
    if (values.length == 1) {
      return "(" + values[0] + ",)";
    }
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < values.length; i++) {
      text.append(i == 0 ? "" : ", ").append(values[i]);
    }
    return text.append(')').toString();
  }

  /** The listing of {@code rows} under a {@code Filename:} line, laid out as astropy's. */
  static String table(String file, List<HduSummary> rows) {
    StringBuilder text = new StringBuilder("Filename: ").append(file).append('\n');
    text.append("No.    Name      Ver    Type      Cards   Dimensions   Format\n");
    for (HduSummary row : rows) {
      text.append(row.line()).append('\n');
    }
    return text.toString();
  }

  /** This summary as one line of astropy's {@code info()} table. */
  public String line() {
    return String.format("%3d  %-10s  %3d %-11s  %5d   %s   %s   %s", index, name, version, type, cards,
        dimensions, format, extra);
  }
}
