package org.jfits.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfits.Fits;
import org.jfits.FitsException;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.jfits.table.FitsTable;
import org.jfits.table.TableReader;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code jfits} command: {@code info}, {@code header}, {@code stats}, {@code table}, {@code verify},
 * {@code setkey}, {@code diff}, {@code copy}, {@code compress}, {@code decompress}, {@code arith},
 * {@code preview}, {@code convert}, {@code export} and {@code cutout}.
 *
 * <p>Exit codes: 0 success, 1 a bad or unreadable file (one line on stderr naming file, HDU and
 * keyword or offset), 2 a usage error, which includes asking for what the file does not have: an
 * unknown HDU, a column name not in the table (the message lists the columns), a row range outside
 * it or a {@code --where} expression that cannot run (the message points at the token). {@code info}
 * and {@code header} never load the native array library, so they
 * answer quickly. The inventory commands ({@code info}, {@code header}, {@code stats}, {@code table})
 * take many files ({@code @LIST}, {@code -}), read them on {@code -J} workers and print text, JSON
 * or JSON lines ({@code -f}).
 */
public final class Main {
  static final int OK = 0;
  static final int BAD_FILE = 1;
  static final int USAGE = 2;
  /** {@code verify}: an HDU's data or header does not match its DATASUM or CHECKSUM. */
  static final int CHECKSUM_FAILED = 4;
  /** {@code diff}: the files differ. */
  static final int DIFFERENT = 1;
  /** {@code diff}: a file cannot be read (GNU diff's "trouble"). */
  static final int DIFF_TROUBLE = 2;

  /** Each command's synopsis and description, in the order {@code --help} lists them. */
  private static final Map<String, String> COMMANDS = commands();

  /** The commands that take many files and the {@link #COMMON_OPTIONS}. */
  private static final Set<String> INVENTORY = Set.of("info", "header", "stats", "table", "verify");

  private static final String COMMON_OPTIONS = String.join("\n",
      "options of info, header, stats, table and verify:",
      "  -f, --format text|json|jsonl          output: text (default), one JSON array, or one JSON",
      "                                        object per line (each names its file)",
      "  -J, --jobs N                          files read in parallel by N workers (default 1);",
      "                                        output keeps the order of the files",
      "  FILE may be @LIST (names in a file, one per line) or - (names on standard input); a file",
      "  that cannot be read is reported on stderr and the others go on (exit code 1)");

  private static final String EXIT_CODES = String.join("\n",
      "exit codes: 0 ok, 1 bad or unreadable file, 2 usage error (an option the command does not",
      "take, an unknown HDU or column, a row range outside the table, a --where expression that",
      "cannot run, or an output that exists without --overwrite), 4 a checksum that does not",
      "match (verify); diff: 0 same, 1 different, 2 unreadable");

  private static final String USAGE_TEXT = "usage: jfits <command> [options]   (jfits <command> --help for one)\n\n"
      + "commands:\n" + String.join("\n", COMMANDS.values()) + "\n\n" + COMMON_OPTIONS + "\n\n" + EXIT_CODES;

  private static Map<String, String> commands() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("info", String.join("\n",
        "  info FILE...                          list the HDUs of each file, as astropy's fits.info()"));
    c.put("header", String.join("\n",
        "  header FILE... [--hdu N|NAME] [-k KEY]...",
        "                                        print the header cards of one HDU (default: 0); with",
        "                                        -k (wildcards * and ?, case-insensitive, repeatable)",
        "                                        only the matching cards of every HDU (or --hdu), one",
        "                                        line each: file, HDU, keyword, value"));
    c.put("stats", String.join("\n",
        "  stats FILE... [--hdu N|NAME]          pixels, finite pixels, min, max, mean, std, median of",
        "                                        each image HDU (or --hdu), NaN and BLANK left out, as",
        "                                        numpy's nanmin/nanmax/nanmean/nanstd/nanmedian"));
    c.put("table", String.join("\n",
        "  table FILE... [--hdu N|NAME] [-n ROWS] [--columns A,B] [--rows START:STOP] [--where EXPR]",
        "                                        the columns of a table HDU (default: the first) and",
        "                                        its first ROWS rows (default 10); of the selection,",
        "                                        with --columns, --rows and --where (as convert)"));
    c.put("verify", String.join("\n",
        "  verify FILE...                        CHECKSUM and DATASUM of every HDU: OK, MISSING,",
        "                                        BAD_DATA or BAD_HEADER; exit 4 when any is BAD"));
    c.put("setkey", String.join("\n",
        "  setkey FILE [--hdu N|NAME | --all] KEY=VALUE[/COMMENT]... [--delete KEY]... [--rename OLD=NEW]...",
        "                                        change header cards (in place when the header keeps",
        "                                        its size, else through a temporary copy); T/F, whole",
        "                                        numbers and reals are typed, other values are strings;",
        "                                        long keywords become HIERARCH; CHECKSUM/DATASUM kept right"));
    c.put("copy", String.join("\n",
        "  copy IN[EXT] OUT [--hdus A,B,...] [--overwrite]",
        "                                        the chosen HDUs (all by default) byte for byte; an",
        "                                        extension copied first gets an empty primary HDU"));
    c.put("compress", String.join("\n",
        "  compress IN OUT [--algorithm RICE_1|GZIP_1|GZIP_2|HCOMPRESS_1|PLIO_1|NOCOMPRESS]",
        "          [--tile X,Y[,Z]] [-q LEVEL | --lossless] [--overwrite]",
        "                                        as fpack: 2-D and 3-D images tile-compressed",
        "                                        (integers without loss, floats quantised at noise/LEVEL",
        "                                        or kept exact with --lossless; scaled integers stored",
        "                                        without loss, BSCALE/BZERO/BLANK kept); other HDUs",
        "                                        copied unchanged"));
    c.put("decompress", String.join("\n",
        "  decompress IN OUT [--overwrite]       as funpack: compressed images restored, others copied"));
    c.put("arith", String.join("\n",
        "  arith A[EXT] OP B OUT [--overwrite]   the image of A combined with a number or the image of",
        "                                        B (same shape), OP one of + - * /; float32, or float64",
        "                                        when either image is"));
    c.put("preview", String.join("\n",
        "  preview FILE[EXT] --out OUT.png [--interval zscale|minmax|percentile=P]",
        "          [--scale linear|sqrt|log|asinh] [--cmap gray|viridis|...] [--plane N] [--overwrite]",
        "                                        an image as a PNG with axes and a colour bar, as",
        "                                        %fits show draws it (astropy's intervals and stretches)",
        "  preview R[EXT] G[EXT] B[EXT] --rgb --out OUT.png [--q Q] [--stretch S] [--minimum M|MR,MG,MB]",
        "  preview CUBE[EXT] --rgb --out OUT.png [--planes R,G,B] [--q Q] [--stretch S] [--minimum ...]",
        "                                        three images of one shape, or three planes of a cube",
        "                                        (--planes, 0-based; a cube of 3 planes needs none), as",
        "                                        a colour PNG with the asinh stretch of Lupton et al.",
        "                                        (2004), as astropy's make_lupton_rgb (defaults: Q 8,",
        "                                        stretch 5, minimum 0), the first row at the bottom;",
        "                                        FILE[EXT][X1:X2,Y1:Y2] draws an image section"));
    c.put("diff", String.join("\n",
        "  diff A B [--rtol R] [--atol A] [--ignore-keywords K1,K2]",
        "                                        compare two files as astropy's FITSDiff: HDUs, header",
        "                                        values (COMMENT/HISTORY and CHECKSUM/DATASUM left out",
        "                                        unless --ignore-keywords names others), image and",
        "                                        table data (|a - b| <= atol + rtol * |b|, NaN = NaN);",
        "                                        exit 0 identical, 1 different, 2 unreadable"));
    c.put("convert", String.join("\n",
        "  convert FILE[EXT] --out OUT.csv|OUT.tsv|OUT.parquet|OUT.arrow|OUT.feather|OUT.fits",
        "          [--hdu N|NAME] [--columns A,B] [--rows START:STOP] [--where EXPR]",
        "          [--compression snappy|zstd|gzip|lz4|none] [--overwrite]",
        "                                        a table HDU (default: the first) as CSV or TSV text",
        "                                        (nulls as empty fields, arrays as [v1, v2, ...]),",
        "                                        Parquet (--compression snappy|zstd|gzip|lz4|none,",
        "                                        default snappy) or Arrow",
        "                                        IPC / Feather v2 (--compression zstd|lz4|none, default",
        "                                        none), streamed in chunks of rows; or the selection",
        "                                        as FITS"));
    c.put("export", String.join("\n",
        "  export FILE --hdu N|NAME --out OUT.npy [--raw] [--overwrite]",
        "                                        write an image HDU as a NumPy .npy file; --raw keeps",
        "                                        stored values (no BSCALE/BZERO/BLANK)",
        "  export FILE --hdu N|NAME --out OUT.npz [--columns A,B] [--rows START:STOP] [--where EXPR]",
        "                                        write a table HDU as a NumPy .npz file, one array per",
        "                                        column (COL.mask where it has nulls; COL.values and",
        "                                        COL.offsets for variable-length columns); rows are",
        "                                        0-based, STOP excluded, either may be left out;",
        "                                        --where keeps the rows where EXPR is true, such as",
        "                                        'MAG_G < 20 && FLAGS == 0' (see docs/where.md)"));
    c.put("cutout", String.join("\n",
        "  cutout FILE --hdu N|NAME --box X,Y,W,H --out OUT.npy [--raw] [--fill V] [--overwrite]",
        "                                        write the W x H pixels from column X, row Y (0-based)",
        "                                        as .npy, astropy's data[Y:Y+H, X:X+W]; pixels outside",
        "                                        the image are NaN (integers: V, default 0)",
        "  cutout FILE --hdu N|NAME --sky RA,DEC,RADIUS --out OUT.npy [--raw] [--fill V]",
        "                                        the same around a sky position (degrees, in the WCS's",
        "                                        frame), RADIUS arcsec, as astropy's Cutout2D with a",
        "                                        SkyCoord and size 2 * RADIUS arcsec",
        "  cutout 'FILE[EXT][X1:X2,Y1:Y2]' --out OUT.npy",
        "                                        an image section in CFITSIO's syntax: 1-based, inclusive,",
        "                                        NAXIS1 first, * for a whole axis, [EXT] optional"));
    return c;
  }

  private final PrintStream out;
  private final PrintStream err;
  private final InputStream stdin;
  private final boolean progress;

  Main(PrintStream out, PrintStream err) {
    this(out, err, InputStream.nullInputStream(), false);
  }

  /**
   * @param stdin where {@code -} reads file names from
   * @param progress whether runs over many files show a progress line on {@code err}
   */
  Main(PrintStream out, PrintStream err, InputStream stdin, boolean progress) {
    this.out = out;
    this.err = err;
    this.stdin = stdin;
    this.progress = progress;
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
      status = new Main(System.out, stderr, System.in, System.console() != null).run(args);
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
      if (COMMANDS.containsKey(args[0]) && Arrays.stream(args).skip(1).anyMatch(Main::isHelp)) {
        out.println("usage:\n" + help(args[0]) + "\n\n" + EXIT_CODES);
        return OK;
      }
      if (!COMMANDS.containsKey(args[0])) {
        throw new UsageException("unknown command '" + args[0] + "'");
      }
      Options options = Options.parse(args);
      options.check(help(args[0]));
      switch (args[0]) {
        case "info":
          return inventory(options, InventoryCommands::info);
        case "header":
          return inventory(options, file -> InventoryCommands.header(file, options));
        case "stats":
          return inventory(options, file -> StatsCommand.report(file, options));
        case "table":
          return inventory(options, file -> TableCommand.report(file, options));
        case "verify": {
          AtomicBoolean failed = new AtomicBoolean();
          int status = inventory(options, file -> {
            FileReport report = VerifyCommand.report(file);
            failed.compareAndSet(false, VerifyCommand.failed(report));
            return report;
          });
          return failed.get() ? CHECKSUM_FAILED : status;
        }
        case "setkey":
          return SetKeyCommand.run(options, out);
        case "copy":
          return RewriteCommands.copy(options, out);
        case "compress":
          return RewriteCommands.compress(options, out);
        case "decompress":
          return RewriteCommands.decompress(options, out);
        case "arith":
          return RewriteCommands.arith(options, out);
        case "preview":
          return PreviewCommand.run(options, out);
        case "diff":
          try {
            return DiffCommand.run(options, out);
          } catch (FitsException e) {
            err.println("jfits: " + e.getMessage());
            return DIFF_TROUBLE;
          }
        case "export":
          return export(options);
        case "convert":
          return ConvertCommand.run(options, out);
        case "cutout":
          return CutoutCommand.run(options, err);
        default:
          throw new IllegalStateException("no runner for the command " + args[0]);
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

  /** A command's synopsis and description, with the common options where the command takes them. */
  private static String help(String command) {
    return COMMANDS.get(command) + (INVENTORY.contains(command) ? "\n\n" + COMMON_OPTIONS : "");
  }

  private static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
  }

  /**
   * Runs an inventory command over every file (in parallel with {@code -J}) and prints the reports in
   * file order; a file that fails is reported on stderr and the others go on.
   */
  private int inventory(Options options, Function<String, FileReport> command) {
    List<String> files = FileArguments.expand(options.files, stdin);
    if (files.isEmpty()) {
      throw new UsageException(options.command + " needs at least one FILE");
    }
    int[] failures = {0};
    boolean[] first = {true};
    if (options.format == Format.JSON) {
      out.print("[");
    }
    Jobs.run(files, options.jobs, progress, err, command, outcome -> {
      if (outcome.error() instanceof UsageException usage) {
        throw usage;
      }
      if (outcome.error() != null) {
        failures[0]++;
        err.println("jfits: " + outcome.error().getMessage());
        return;
      }
      FileReport report = outcome.value();
      switch (options.format) {
        case TEXT -> out.print(report.text());
        case JSONL -> report.records().forEach(r -> out.println(JsonText.of(r)));
        case JSON -> report.records().forEach(r -> {
          out.print((first[0] ? "\n" : ",\n") + JsonText.of(r));
          first[0] = false;
        });
      }
    });
    if (options.format == Format.JSON) {
      out.println("\n]");
    }
    return failures[0] == 0 ? OK : BAD_FILE;
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
    TableReader reader = options.tableSelection(hdu);
    FitsTable table;
    try {
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

  /** The output of the inventory commands. */
  enum Format {
    TEXT, JSON, JSONL;

    static Format parse(String text) {
      return switch (text) {
        case "text" -> TEXT;
        case "json" -> JSON;
        case "jsonl" -> JSONL;
        default -> throw new UsageException("-f '" + text + "': the formats are text, json and jsonl");
      };
    }
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
    /** An option as help texts show it: a dash or two, then a letter, not inside a word. */
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--?[A-Za-z][A-Za-z-]*");
    /** A negative number, such as an operand of {@code arith}. */
    private static final Pattern NUMBER = Pattern.compile("-(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    /** Short options and the long ones they stand for. */
    private static final Map<String, String> LONG_FORMS = Map.of("-o", "--out", "-f", "--format", "-k", "--keyword",
        "-J", "--jobs");

    final String command;
    /** The options given, in their long forms. */
    private final Set<String> given = new LinkedHashSet<>();
    final List<String> files = new ArrayList<>();
    final List<String> keywords = new ArrayList<>();
    final List<String> deletions = new ArrayList<>();
    final List<String> renames = new ArrayList<>();
    boolean allHdus;
    String hdus;
    String algorithm;
    String compression;
    String tile;
    String quantize;
    boolean lossless;
    boolean overwrite;
    String interval;
    String scale;
    String cmap;
    int plane;
    boolean rgb;
    String q;
    String stretch;
    String minimum;
    String planes;
    Format format = Format.TEXT;
    int jobs = 1;
    int shownRows = -1;
    double rtol;
    double atol;
    String ignoreKeywords;
    String hdu;
    String out;
    boolean raw;
    String columns;
    String rows;
    String where;
    String box;
    String sky;
    String fill;

    private Options(String command) {
      this.command = command;
    }

    static Options parse(String[] args) {
      Options options = new Options(args[0]);
      for (int i = 1; i < args.length; i++) {
        String arg = args[i];
        if (isOption(arg)) {
          options.given.add(LONG_FORMS.getOrDefault(arg, arg));
        }
        switch (arg) {
          case "--hdu":
            options.hdu = value(args, ++i, arg);
            break;
          case "--out":
          case "-o":
            options.out = FileSpec.requireLocal(value(args, ++i, arg), arg);
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
          case "-f":
          case "--format":
            options.format = Format.parse(value(args, ++i, arg));
            break;
          case "-k":
          case "--keyword":
            options.keywords.add(value(args, ++i, arg));
            break;
          case "-J":
          case "--jobs":
            options.jobs = count(value(args, ++i, arg), arg, 1);
            break;
          case "--rtol":
            options.rtol = real(value(args, ++i, arg), arg);
            break;
          case "--atol":
            options.atol = real(value(args, ++i, arg), arg);
            break;
          case "--ignore-keywords":
            options.ignoreKeywords = value(args, ++i, arg);
            break;
          case "--delete":
            options.deletions.add(value(args, ++i, arg));
            break;
          case "--rename":
            options.renames.add(value(args, ++i, arg));
            break;
          case "--all":
            options.allHdus = true;
            break;
          case "--hdus":
            options.hdus = value(args, ++i, arg);
            break;
          case "--algorithm":
            options.algorithm = value(args, ++i, arg);
            break;
          case "--compression":
            options.compression = value(args, ++i, arg);
            break;
          case "--tile":
            options.tile = value(args, ++i, arg);
            break;
          case "-q":
            options.quantize = value(args, ++i, arg);
            break;
          case "--lossless":
            options.lossless = true;
            break;
          case "--overwrite":
            options.overwrite = true;
            break;
          case "--interval":
            options.interval = value(args, ++i, arg);
            break;
          case "--scale":
            options.scale = value(args, ++i, arg);
            break;
          case "--cmap":
            options.cmap = value(args, ++i, arg);
            break;
          case "--plane":
            options.plane = count(value(args, ++i, arg), arg, 0);
            break;
          case "--rgb":
            options.rgb = true;
            break;
          case "--q":
            options.q = value(args, ++i, arg);
            break;
          case "--stretch":
            options.stretch = value(args, ++i, arg);
            break;
          case "--minimum":
            options.minimum = value(args, ++i, arg);
            break;
          case "--planes":
            options.planes = value(args, ++i, arg);
            break;
          case "-n":
            options.shownRows = count(value(args, ++i, arg), arg, 0);
            break;
          default:
            if (isOption(arg)) {
              throw new UsageException("unknown option '" + arg + "'");
            }
            options.files.add(arg);
        }
      }
      return options;
    }

    /** True for an option; false for a file, for {@code -} (standard input) and for a negative number. */
    private static boolean isOption(String arg) {
      return arg.length() > 1 && arg.startsWith("-") && !NUMBER.matcher(arg).matches();
    }

    /**
     * Refuses an option the command's {@code help} does not show, and an {@code --out} file that exists
     * without {@code --overwrite}.
     */
    void check(String help) {
      Set<String> shown = new HashSet<>();
      Matcher m = OPTION.matcher(help);
      while (m.find()) {
        shown.add(LONG_FORMS.getOrDefault(m.group(), m.group()));
      }
      for (String option : given) {
        if (!shown.contains(option)) {
          throw new UsageException(command + " does not take " + option + " (jfits " + command + " --help lists its"
              + " options)");
        }
      }
      if (out != null) {
        newOutput(out);
      }
    }

    /** The path of an output file; a usage error if it exists and {@code --overwrite} was not given. */
    Path newOutput(String path) {
      Path target = Path.of(path);
      if (!overwrite && Files.exists(target)) {
        throw new UsageException(path + " exists; add --overwrite to replace it");
      }
      return target;
    }

    private static double real(String text, String option) {
      try {
        double v = Double.parseDouble(text);
        if (v >= 0 && Double.isFinite(v)) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new UsageException(option + " needs a number of at least 0, not '" + text + "'");
    }

    private static int count(String text, String option, int min) {
      try {
        int n = Integer.parseInt(text);
        if (n >= min) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new UsageException(option + " needs a whole number of at least " + min + ", not '" + text + "'");
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

    /**
     * The HDUs a multi-HDU command reports on: the one named by --hdu; else every HDU for
     * {@code stats} and {@code header -k}, and HDU 0 for {@code header}.
     */
    List<Hdu> hdus(FitsFile fits) {
      if (hdu != null) {
        return List.of(hdu(fits));
      }
      return command.equals("header") && keywords.isEmpty() ? List.of(fits.hdu(0)) : fits.hdus();
    }

    /** The reader of a table HDU with the --columns, --rows and --where of these options. */
    TableReader tableSelection(Hdu table) {
      TableReader reader = table.table();
      if (columns != null) {
        List<String> names = new ArrayList<>();
        for (String name : columns.split(",", -1)) {
          if (name.isBlank()) {
            throw new UsageException("--columns '" + columns + "' has an empty column name");
          }
          names.add(name.strip());
        }
        reader = reader.columns(names);
      }
      if (rows != null) {
        long[] range = parseRows(rows, table.axes().length > 1 ? table.axes()[1] : 0);
        reader = reader.rows(range[0], range[1]);
      }
      if (where != null) {
        try {
          reader = reader.where(where);
        } catch (IllegalArgumentException e) {
          // the message points at the token that cannot run
          throw new UsageException(e.getMessage());
        }
      }
      return reader;
    }

    /** The HDU named by --hdu: an index or an EXTNAME; HDU 0 by default. */
    Hdu hdu(FitsFile fits) {
      return hdu == null ? fits.hdu(0) : select(fits, hdu);
    }

    /**
     * Takes the HDU of a {@code FILE[EXT]} argument as if given with --hdu.
     *
     * @throws UsageException if --hdu names one too
     */
    void takeHdu(FileSpec spec) {
      if (spec.hdu().isPresent() && hdu != null) {
        throw new UsageException("the HDU is given twice: [" + spec.hdu().get() + "] and --hdu " + hdu);
      }
      spec.hdu().ifPresent(h -> hdu = h);
    }

    /** The HDU {@code name} names: an index or an EXTNAME; a usage error if the file has none such. */
    static Hdu select(FitsFile fits, String name) {
      try {
        int index = Integer.parseInt(name);
        if (index < 0 || index >= fits.size()) {
          throw new UsageException("--hdu " + index + ": " + fits.name() + " has HDUs 0 to " + (fits.size() - 1));
        }
        return fits.hdu(index);
      } catch (NumberFormatException e) {
        try {
          return fits.hdu(name);
        } catch (IllegalArgumentException missing) {
          throw new UsageException("--hdu " + name + ": " + missing.getMessage());
        }
      }
    }
  }
}
