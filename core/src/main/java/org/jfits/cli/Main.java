package org.jfits.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfits.Fits;
import org.jfits.FitsException;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.jfits.table.FitsTable;
import org.jfits.table.TableReader;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code jfits} command: {@code info}, {@code header}, {@code export} and {@code cutout}.
 *
 * <p>Exit codes: 0 success, 1 a bad or unreadable file (one line on stderr naming file, HDU and
 * keyword or offset), 2 a usage error, which includes asking for what the file does not have: an
 * unknown HDU, a column name not in the table (the message lists the columns), a row range outside
 * it or a {@code --where} expression that cannot run (the message points at the token). {@code info} and {@code header} never load the native array
 * library, so they answer quickly.
 */
public final class Main {
  static final int OK = 0;
  static final int BAD_FILE = 1;
  static final int USAGE = 2;

  private static final String USAGE_TEXT = String.join("\n",
      "usage: jfits <command> [options]",
      "",
      "commands:",
      "  info FILE...                          list the HDUs of each file, as astropy's fits.info()",
      "  header FILE [--hdu N|NAME]            print the header cards of one HDU (default: 0)",
      "  export FILE --hdu N|NAME --out OUT.npy [--raw]",
      "                                        write an image HDU as a NumPy .npy file; --raw keeps",
      "                                        stored values (no BSCALE/BZERO/BLANK)",
      "  export FILE --hdu N|NAME --out OUT.npz [--columns A,B] [--rows START:STOP] [--where EXPR]",
      "                                        write a table HDU as a NumPy .npz file, one array per",
      "                                        column (COL.mask where it has nulls; COL.values and",
      "                                        COL.offsets for variable-length columns); rows are",
      "                                        0-based, STOP excluded, either may be left out;",
      "                                        --where keeps the rows where EXPR is true, such as",
      "                                        'MAG_G < 20 && FLAGS == 0' (see docs/where.md)",
      "  cutout FILE --hdu N|NAME --box X,Y,W,H --out OUT.npy [--raw] [--fill V]",
      "                                        write the W x H pixels from column X, row Y (0-based)",
      "                                        as .npy, astropy's data[Y:Y+H, X:X+W]; pixels outside",
      "                                        the image are NaN (integers: V, default 0)",
      "  cutout FILE --hdu N|NAME --sky RA,DEC,RADIUS --out OUT.npy [--raw] [--fill V]",
      "                                        the same around a sky position (degrees, in the WCS's",
      "                                        frame), RADIUS arcsec, as astropy's Cutout2D with a",
      "                                        SkyCoord and size 2 * RADIUS arcsec",
      "",
      "exit codes: 0 ok, 1 bad or unreadable file, 2 usage error (an unknown option, HDU or",
      "column, a row range outside the table, or a --where expression that cannot run)");

  private final PrintStream out;
  private final PrintStream err;

  Main(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /**
   * Runs the command line and exits with its status. What the libraries print on stderr while the
   * command runs (SLF4J warnings such as "the file ends inside HDU 2") is held back and shown only
   * when the command succeeds: a failed command prints its one error line and nothing else.
   */
  public static void main(String[] args) {
    PrintStream stderr = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    int status;
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
    try {
      status = new Main(System.out, stderr).run(args);
    } finally {
      System.setErr(stderr);
    }
    if (status == OK) {
      stderr.print(warnings.toString(StandardCharsets.UTF_8));
    }
    stderr.flush();
    System.exit(status);
  }

  /** Runs the command line and returns the exit status. */
  int run(String[] args) {
    try {
      if (args.length == 0 || isHelp(args[0])) {
        (args.length == 0 ? err : out).println(USAGE_TEXT);
        return args.length == 0 ? USAGE : OK;
      }
      Options options = Options.parse(args);
      switch (args[0]) {
        case "info":
          return info(options);
        case "header":
          return header(options);
        case "export":
          return export(options);
        case "cutout":
          return CutoutCommand.run(options, err);
        default:
          throw new UsageException("unknown command '" + args[0] + "'");
      }
    } catch (UsageException e) {
      err.println("jfits: " + e.getMessage());
      err.println("run 'jfits --help' for usage");
      return USAGE;
    } catch (FitsException e) {
      err.println("jfits: " + e.getMessage());
      return BAD_FILE;
    } catch (IOException e) {
      err.println("jfits: " + e.getMessage());
      return BAD_FILE;
    }
  }

  private static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
  }

  private int info(Options options) {
    if (options.files.isEmpty()) {
      throw new UsageException("info needs at least one FILE");
    }
    for (String file : options.files) {
      try (FitsFile fits = Fits.open(file)) {
        out.print(fits.info());
      }
    }
    return OK;
  }

  private int header(Options options) {
    try (FitsFile fits = Fits.open(options.singleFile("header"))) {
      out.print(options.hdu(fits).header().toText());
      out.println("END");
    }
    return OK;
  }

  private int export(Options options) throws IOException {
    String file = options.singleFile("export");
    if (options.out == null) {
      throw new UsageException("export needs --out OUT.npy (an image) or --out OUT.npz (a table)");
    }
    try (FitsFile fits = Fits.open(file)) {
      Hdu hdu = options.hdu(fits);
      if (hdu.type().isTable()) {
        return exportTable(hdu, options);
      }
      if (options.columns != null || options.rows != null || options.where != null) {
        throw new UsageException("--columns, --rows and --where apply to table HDUs; HDU " + hdu.index() + " is a "
            + hdu.type().astropyName());
      }
      if (!hdu.type().isImage() || hdu.axes().length == 0) {
        throw new org.jfits.FitsUnsupportedException(hdu.context(),
            "export writes image data, and this " + hdu.type().astropyName() + " has none");
      }
      var reader = options.raw ? hdu.image().raw() : hdu.image();
      INDArray array = reader.read();
      try {
        NpyWriter.write(array, Path.of(options.out));
      } catch (IOException e) {
        throw new IOException("cannot write " + options.out + ": " + e, e);
      }
    }
    return OK;
  }

  private int exportTable(Hdu hdu, Options options) throws IOException {
    if (options.raw) {
      throw new UsageException("--raw applies to image HDUs; HDU " + hdu.index() + " is a " + hdu.type().astropyName());
    }
    TableReader reader = hdu.table();
    if (options.columns != null) {
      List<String> names = new ArrayList<>();
      for (String name : options.columns.split(",", -1)) {
        if (name.isBlank()) {
          throw new UsageException("--columns '" + options.columns + "' has an empty column name");
        }
        names.add(name.strip());
      }
      reader = reader.columns(names);
    }
    if (options.rows != null) {
      long rows = hdu.axes().length > 1 ? hdu.axes()[1] : 0;
      long[] range = parseRows(options.rows, rows);
      reader = reader.rows(range[0], range[1]);
    }
    FitsTable table;
    try {
      if (options.where != null) {
        reader = reader.where(options.where);
      }
      table = reader.read();
    } catch (IllegalArgumentException e) {
      // an unknown column (the message lists the columns), a row range outside the table, or a --where
      // expression that cannot run (the message points at the token)
      throw new UsageException(e.getMessage());
    }
    NpzWriter npz = new NpzWriter();
    TableExport.add(table, npz);
    try {
      npz.write(Path.of(options.out));
    } catch (IOException e) {
      throw new IOException("cannot write " + options.out + ": " + e, e);
    }
    return OK;
  }

  /** {@code START:STOP}, either part optional (0 and the row count), STOP excluded. */
  static long[] parseRows(String text, long rows) {
    int colon = text.indexOf(':');
    if (colon < 0 || text.indexOf(':', colon + 1) >= 0) {
      throw new UsageException("--rows '" + text + "' is not START:STOP");
    }
    long start;
    long stop;
    try {
      String a = text.substring(0, colon).strip();
      String b = text.substring(colon + 1).strip();
      start = a.isEmpty() ? 0 : Long.parseLong(a);
      stop = b.isEmpty() ? rows : Long.parseLong(b);
    } catch (NumberFormatException e) {
      throw new UsageException("--rows '" + text + "' is not START:STOP with whole numbers");
    }
    if (start < 0 || stop < start || stop > rows) {
      throw new UsageException("--rows " + text + ": the table has " + rows + " rows (START:STOP, 0-based,"
          + " STOP excluded, START not past STOP)");
    }
    return new long[] {start, stop};
  }

  /** A usage error: exit code 2. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** The options shared by the commands. */
  static final class Options {
    final List<String> files = new ArrayList<>();
    String hdu;
    String out;
    boolean raw;
    String columns;
    String rows;
    String where;
    String box;
    String sky;
    String fill;

    static Options parse(String[] args) {
      Options options = new Options();
      for (int i = 1; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--hdu":
            options.hdu = value(args, ++i, arg);
            break;
          case "--out":
          case "-o":
            options.out = value(args, ++i, arg);
            break;
          case "--columns":
            options.columns = value(args, ++i, arg);
            break;
          case "--rows":
            options.rows = value(args, ++i, arg);
            break;
          case "--where":
            options.where = value(args, ++i, arg);
            break;
          case "--box":
            options.box = value(args, ++i, arg);
            break;
          case "--sky":
            options.sky = value(args, ++i, arg);
            break;
          case "--fill":
            options.fill = value(args, ++i, arg);
            break;
          case "--raw":
            options.raw = true;
            break;
          default:
            if (arg.startsWith("-") && arg.length() > 1) {
              throw new UsageException("unknown option '" + arg + "'");
            }
            options.files.add(arg);
        }
      }
      return options;
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new UsageException(option + " needs a value");
      }
      return args[i];
    }

    String singleFile(String command) {
      if (files.size() != 1) {
        throw new UsageException(command + " needs exactly one FILE, got " + files.size());
      }
      return files.get(0);
    }

    /** The HDU named by --hdu: an index or an EXTNAME; HDU 0 by default. */
    Hdu hdu(FitsFile fits) {
      if (hdu == null) {
        return fits.hdu(0);
      }
      try {
        int index = Integer.parseInt(hdu);
        if (index < 0 || index >= fits.size()) {
          throw new UsageException("--hdu " + index + ": " + fits.name() + " has HDUs 0 to " + (fits.size() - 1));
        }
        return fits.hdu(index);
      } catch (NumberFormatException e) {
        try {
          return fits.hdu(hdu);
        } catch (IllegalArgumentException missing) {
          throw new UsageException("--hdu " + hdu + ": " + missing.getMessage());
        }
      }
    }
  }
}
