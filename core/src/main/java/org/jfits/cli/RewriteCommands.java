package org.jfits.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.jfits.compress.CompressedImageHdu;
import org.jfits.compress.TileCompression;
import org.jfits.image.PixelScaling;
import org.jfits.write.CopiedHdu;
import org.jfits.write.FitsWriter;
import org.jfits.write.HeaderBuilder;
import org.jfits.write.ImageHdu;
import org.jfits.write.IntegerScaling;
import org.jfits.write.WritableHdu;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The commands that write a new file from another: {@code copy} (chosen HDUs, unchanged),
 * {@code compress} and {@code decompress} (as fpack and funpack: image HDUs tile-compressed or
 * restored, every other HDU copied unchanged) and {@code arith} (an image combined with a scalar or a
 * second image). Outputs go through a temporary file renamed into place; an existing output is
 * replaced only with {@code --overwrite}.
 */
final class RewriteCommands {
  private RewriteCommands() {}

  /** {@code copy IN[EXT] OUT [--hdus A,B,...]}: the chosen HDUs (all by default), byte for byte. */
  static int copy(Main.Options options, PrintStream out) {
    InOut io = InOut.of(options, "copy");
    try (FitsFile in = Fits.open(io.source.path())) {
      List<Hdu> chosen = new ArrayList<>();
      if (io.source.hdu().isPresent()) {
        chosen.add(Main.Options.select(in, io.source.hdu().get()));
      } else if (options.hdus != null) {
        for (String h : options.hdus.split(",")) {
          chosen.add(Main.Options.select(in, h.strip()));
        }
      } else {
        chosen.addAll(in.hdus());
      }
      List<WritableHdu> hdus = new ArrayList<>();
      chosen.forEach(h -> hdus.add(CopiedHdu.of(h)));
      write(io.target, options.overwrite, hdus);
      out.println("wrote " + hdus.size() + " HDU(s) to " + io.target);
    }
    return Main.OK;
  }

  /**
   * {@code compress IN OUT [--algorithm A] [--tile X,Y] [-q LEVEL | --lossless]}: every image HDU
   * with 2 or 3 axes tile-compressed (integers without loss, floats quantised or, with
   * {@code --lossless}, stored exactly; scaled integers as their stored integers, with BSCALE, BZERO
   * and BLANK, as fpack does); every other HDU copied unchanged.
   */
  static int compress(Main.Options options, PrintStream out) {
    InOut io = InOut.of(options, "compress");
    TileCompression algorithm = options.algorithm == null ? TileCompression.RICE_1
        : parse(options.algorithm);
    try (FitsFile in = Fits.open(io.source.path())) {
      List<WritableHdu> hdus = new ArrayList<>();
      for (Hdu hdu : in) {
        int axes = hdu.axes().length;
        boolean image = hdu.type().isImage() && hdu.hasData() && hdu.compression() == null && (axes == 2 || axes == 3);
        if (!image) {
          hdus.add(CopiedHdu.of(hdu));
          continue;
        }
        CompressedImageHdu c = compressed(hdu).algorithm(algorithm).metadata(hdu.header());
        if (options.tile != null) {
          c = c.tile(ints(options.tile, "--tile"));
        }
        if (options.lossless) {
          c = c.lossless();
        } else if (options.quantize != null) {
          c = c.quantize(Double.parseDouble(options.quantize));
        }
        hdus.add(c);
      }
      write(io.target, options.overwrite, hdus);
      out.println("wrote " + io.target);
    } catch (IllegalArgumentException e) {
      // settings the image does not allow (PLIO on negative values, lossless RICE floats, ...)
      throw new Main.UsageException(e.getMessage());
    }
    return Main.OK;
  }

  /** The pixels of an image to compress: its values, or the stored integers of scaled integers. */
  private static CompressedImageHdu compressed(Hdu hdu) {
    IntegerScaling scaling = scaledIntegers(hdu);
    return scaling == null ? CompressedImageHdu.of(hdu.image().read())
        : CompressedImageHdu.of(hdu.image().raw().read()).scaling(scaling);
  }

  /** {@code decompress IN OUT}: every tile-compressed image restored as an image HDU; others copied. */
  static int decompress(Main.Options options, PrintStream out) {
    InOut io = InOut.of(options, "decompress");
    try (FitsFile in = Fits.open(io.source.path())) {
      List<WritableHdu> hdus = new ArrayList<>();
      for (Hdu hdu : in) {
        if (hdu.compression() == null) {
          hdus.add(CopiedHdu.of(hdu));
          continue;
        }
        HeaderBuilder metadata = new HeaderBuilder().copyFrom(hdu.header(), k -> !k.equals("EXTNAME"));
        ImageHdu image = restored(hdu).cards(metadata);
        if (!hdu.name().equals(CompressedImageHdu.DEFAULT_NAME)) {
          image = image.name(hdu.name());
        }
        hdus.add(image);
      }
      write(io.target, options.overwrite, hdus);
      out.println("wrote " + io.target);
    }
    return Main.OK;
  }

  /** A decompressed image: its values, or the stored integers of scaled integers, as funpack writes them. */
  private static ImageHdu restored(Hdu hdu) {
    IntegerScaling scaling = scaledIntegers(hdu);
    return scaling == null ? ImageHdu.of(hdu.image().read()) : ImageHdu.of(hdu.image().raw().read()).scaling(scaling);
  }

  /**
   * The scaling of an image of integers that reads as floats (BSCALE/BZERO other than the unsigned
   * conventions, or a BLANK), or null for any other image.
   */
  private static IntegerScaling scaledIntegers(Hdu hdu) {
    PixelScaling scaling = PixelScaling.of(hdu.header(), hdu.bitpix(), false);
    return hdu.bitpix() > 0 && scaling.mode() == PixelScaling.Mode.LINEAR
        ? new IntegerScaling(scaling.bscale(), scaling.bzero(), scaling.blank()) : null;
  }

  /**
   * {@code arith A OP B OUT}: the image of A (its first image HDU, or [EXT]) combined with a number or
   * with the image of B of the same shape, OP one of {@code + - * /}; float64 if either side is, else
   * float32; the header metadata of A kept.
   */
  static int arith(Main.Options options, PrintStream out) {
    if (options.files.size() != 4) {
      throw new Main.UsageException("arith needs A OP B OUT, e.g. arith a.fits / 2 out.fits");
    }
    String op = options.files.get(1);
    if (!List.of("+", "-", "*", "/").contains(op)) {
      throw new Main.UsageException("arith: OP must be +, -, * or /, not '" + op + "'");
    }
    FileSpec a = FileSpec.parse(options.files.get(0));
    Path target = options.newOutput(FileSpec.requireLocal(options.files.get(3), "arith"));
    try (FitsFile fa = Fits.open(a.path())) {
      Hdu left = image(fa, a);
      INDArray x = left.image().read();
      INDArray y;
      String right = options.files.get(2);
      try {
        y = Nd4j.scalar(Double.parseDouble(right));
      } catch (NumberFormatException notANumber) {
        FileSpec b = FileSpec.parse(right);
        try (FitsFile fb = Fits.open(b.path())) {
          y = image(fb, b).image().read();
        }
        if (!Arrays.equals(x.shape(), y.shape())) {
          throw new Main.UsageException("arith: shapes differ: " + Arrays.toString(x.shape()) + " and "
              + Arrays.toString(y.shape()));
        }
      }
      DataType type = x.dataType() == DataType.DOUBLE || (y.dataType() == DataType.DOUBLE && !y.isScalar())
          ? DataType.DOUBLE : DataType.FLOAT;
      INDArray l = x.castTo(type);
      INDArray r = y.castTo(type);
      INDArray result = switch (op) {
        case "+" -> r.isScalar() ? l.add(r.getDouble(0)) : l.add(r);
        case "-" -> r.isScalar() ? l.sub(r.getDouble(0)) : l.sub(r);
        case "*" -> r.isScalar() ? l.mul(r.getDouble(0)) : l.mul(r);
        default -> r.isScalar() ? l.div(r.getDouble(0)) : l.div(r);
      };
      HeaderBuilder metadata = new HeaderBuilder().copyFrom(left.header(), k -> true)
          .history("jfits arith: " + String.join(" ", options.files.subList(0, 3)));
      write(target, options.overwrite, List.of(ImageHdu.of(result).cards(metadata)));
      out.println("wrote " + target);
    }
    return Main.OK;
  }

  private static Hdu image(FitsFile fits, FileSpec spec) {
    if (spec.hdu().isPresent()) {
      return Main.Options.select(fits, spec.hdu().get());
    }
    for (Hdu hdu : fits) {
      if (hdu.type().isImage() && hdu.hasData()) {
        return hdu;
      }
    }
    throw new Main.UsageException(fits.name() + " has no image data");
  }

  private static void write(Path target, boolean overwrite, List<WritableHdu> hdus) {
    try (FitsWriter out = overwrite ? FitsWriter.overwrite(target) : FitsWriter.create(target)) {
      for (WritableHdu hdu : hdus) {
        out.write(hdu);
      }
    }
  }

  private static TileCompression parse(String name) {
    try {
      return TileCompression.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException("--algorithm " + name + ": one of " + Arrays.toString(
          TileCompression.values()));
    }
  }

  private static int[] ints(String text, String option) {
    try {
      return Arrays.stream(text.split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
    } catch (NumberFormatException e) {
      throw new Main.UsageException(option + " '" + text + "' is not whole numbers separated by commas");
    }
  }

  /** The input (with an optional [EXT]) and the output of a rewriting command. */
  private record InOut(FileSpec source, Path target) {
    static InOut of(Main.Options options, String command) {
      if (options.files.size() != 2) {
        throw new Main.UsageException(command + " needs IN and OUT, got " + options.files.size() + " file(s)");
      }
      return new InOut(FileSpec.parse(options.files.get(0)),
          options.newOutput(FileSpec.requireLocal(options.files.get(1), command)));
    }
  }
}
