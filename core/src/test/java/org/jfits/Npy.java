package org.jfits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reader for numpy {@code .npy} files (format versions 1 to 3) holding one little-endian array of
 * a plain numeric or bool dtype, in C order: enough for the astropy reference images.
 *
 * @param dtype the numpy dtype name, e.g. {@code uint16}
 * @param shape the shape in numpy order
 * @param data the element bytes, little-endian, C order
 */
public record Npy(String dtype, long[] shape, byte[] data) {
  private static final Map<String, String> DESCRIPTORS = Map.ofEntries(
      Map.entry("|u1", "uint8"), Map.entry("|i1", "int8"), Map.entry("<i2", "int16"), Map.entry("<u2", "uint16"),
      Map.entry("<i4", "int32"), Map.entry("<u4", "uint32"), Map.entry("<i8", "int64"), Map.entry("<u8", "uint64"),
      Map.entry("<f4", "float32"), Map.entry("<f8", "float64"), Map.entry("|b1", "bool"));
  private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
  private static final Pattern ORDER = Pattern.compile("'fortran_order':\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

  public static Npy read(Path path) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[6];
    bytes.get(magic);
    if (!new String(magic, StandardCharsets.ISO_8859_1).equals("\u0093NUMPY")) {
      throw new IOException(path + ": not a .npy file");
    }
    int major = bytes.get();
    bytes.get();
    int headerLength = major == 1 ? Short.toUnsignedInt(bytes.getShort()) : bytes.getInt();
    byte[] header = new byte[headerLength];
    bytes.get(header);
    String dict = new String(header, major >= 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    Matcher descr = DESCR.matcher(dict);
    Matcher order = ORDER.matcher(dict);
    Matcher shape = SHAPE.matcher(dict);
    if (!descr.find() || !order.find() || !shape.find()) {
      throw new IOException(path + ": cannot read the .npy header " + dict);
    }
    String dtype = DESCRIPTORS.get(descr.group(1));
    if (dtype == null) {
      throw new IOException(path + ": unsupported dtype " + descr.group(1));
    }
    if (order.group(1).equals("True")) {
      throw new IOException(path + ": Fortran order is not supported");
    }
    String[] parts = shape.group(1).split(",");
    long[] dims = new long[(int) java.util.Arrays.stream(parts).filter(s -> !s.isBlank()).count()];
    int d = 0;
    for (String part : parts) {
      if (!part.isBlank()) {
        dims[d++] = Long.parseLong(part.strip());
      }
    }
    byte[] data = new byte[bytes.remaining()];
    bytes.get(data);
    return new Npy(dtype, dims, data);
  }

  /** Bytes per element. */
  public int width() {
    if (dtype.equals("bool")) {
      return 1;
    }
    return Integer.parseInt(dtype.replaceAll("\\D", "")) / 8;
  }

  /** The number of elements. */
  public long length() {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    return n;
  }

  /** The elements of an ND4J array in C order as little-endian bytes, read from its buffer untouched. */
  public static byte[] littleEndianBytes(org.nd4j.linalg.api.ndarray.INDArray array, int width) {
    org.nd4j.linalg.api.ndarray.INDArray c = array.isView() || array.ordering() != 'c' ? array.dup('c') : array;
    org.junit.jupiter.api.Assertions.assertEquals(width, c.dataType().width(), "element width of " + c.dataType());
    long length = c.length();
    if (length == 0) {
      return new byte[0];
    }
    byte[] bytes = new byte[(int) (length * width)];
    new org.bytedeco.javacpp.BytePointer(c.data().addressPointer()).position(c.offset() * width).get(bytes);
    org.junit.jupiter.api.Assertions.assertEquals(java.nio.ByteOrder.LITTLE_ENDIAN, java.nio.ByteOrder.nativeOrder(),
        "these tests assume a little-endian machine");
    return bytes;
  }
}
