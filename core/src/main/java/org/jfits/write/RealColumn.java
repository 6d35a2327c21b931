package org.jfits.write;

import java.nio.ByteBuffer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.NumberColumn;

/**
 * A Tablesaw float or double column as {@code E} or {@code D}; missing values are NaN already. With
 * a TSCAL/TZERO (a scaled real column read back and written again) the stored value is
 * {@code (value - TZERO) / TSCAL}.
 */
final class RealColumn extends TableColumn {
  private final NumberColumn<?, ?> source;
  private final char code;
  private final double scale;
  private final double zero;

  /**
   * @param source a FloatColumn or DoubleColumn
   * @param code {@code E} or {@code D}
   */
  RealColumn(String name, NumberColumn<?, ?> source, char code, double scale, double zero) {
    super(name);
    if (!(source instanceof FloatColumn || source instanceof DoubleColumn)) {
      throw new IllegalArgumentException("column " + name + ": a real column needs float or double values");
    }
    this.source = source;
    this.code = code;
    this.scale = scale;
    this.zero = zero;
  }

  @Override
  long rows() {
    return source.size();
  }

  @Override
  String tform() {
    return "1" + code;
  }

  @Override
  long width() {
    return code == 'E' ? 4 : 8;
  }

  @Override
  void layoutCards(HeaderBuilder header, int n) {
    if (scale != 1) {
      header.add("TSCAL" + n, scale, "");
    }
    if (zero != 0) {
      header.add("TZERO" + n, zero, "");
    }
  }

  @Override
  void encode(ByteBuffer chunk, long first, int count, int rowWidth, int offset, ByteBuffer scratch) {
    int row = (int) first;
    boolean scaled = scale != 1 || zero != 0;
    if (source instanceof FloatColumn floats && code == 'E' && !scaled) {
      for (int i = 0, at = offset; i < count; i++, at += rowWidth) {
        chunk.putFloat(at, floats.getFloat(row + i));
      }
    } else if (source instanceof DoubleColumn doubles && code == 'D' && !scaled) {
      for (int i = 0, at = offset; i < count; i++, at += rowWidth) {
        chunk.putDouble(at, doubles.getDouble(row + i));
      }
    } else {
      for (int i = 0, at = offset; i < count; i++, at += rowWidth) {
        double stored = (source.getDouble(row + i) - zero) / scale;
        if (code == 'E') {
          chunk.putFloat(at, (float) stored);
        } else {
          chunk.putDouble(at, stored);
        }
      }
    }
  }
}
