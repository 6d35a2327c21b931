package org.jfits.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.Util;
import org.jfits.table.FitsTable;
import org.jfits.table.TableReader;

/**
 * Writes a FITS table as an Apache Parquet file, streaming: the table is read in chunks of
 * {@link #rowGroupRows(int)} rows and each chunk with rows becomes one row group, so a table larger
 * than memory converts in bounded memory. {@code Parquet.writer().compression(Parquet.Codec.ZSTD).write(reader,
 * target)}.
 *
 * <p>Each column chunk is one data page (v1) with PLAIN values and RLE repetition and definition
 * levels, and has statistics (null count, minimum, maximum). Types, nulls and lists follow
 * {@link ExportColumn} (the same as {@link ArrowIpc}): integers carry the INTEGER logical type with
 * their width and sign, strings STRING, arrays the standard three-level LIST. TUNIT, TUCD and TDISP go
 * to the file's key-value metadata as {@code unit:NAME}, {@code ucd:NAME} and {@code tdisp:NAME}.
 */
public final class Parquet {
  private static final int DEFAULT_ROWS = 65_536;
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  /** The compression of the data pages. */
  public enum Codec {
    /** Snappy (the default): fast, moderate ratio. */
    SNAPPY(CompressionCodec.SNAPPY, Compressors::snappy),
    /** Zstandard: a better ratio at some cost in speed. */
    ZSTD(CompressionCodec.ZSTD, Compressors::zstd),
    /** LZ4 (Parquet's LZ4_RAW codec, a raw LZ4 block per page): the fastest to decompress. */
    LZ4(CompressionCodec.LZ4_RAW, Compressors::lz4),
    /** gzip: widely readable, slow. */
    GZIP(CompressionCodec.GZIP, Compressors::gzip),
    /** No compression. */
    NONE(CompressionCodec.UNCOMPRESSED, UnaryOperator.identity());

    private final CompressionCodec thrift;
    private final UnaryOperator<byte[]> compressor;

    Codec(CompressionCodec thrift, UnaryOperator<byte[]> compressor) {
      this.thrift = thrift;
      this.compressor = compressor;
    }
  }

  private Codec codec = Codec.SNAPPY;
  private int rowGroupRows = DEFAULT_ROWS;

  private Parquet() {}

  /** A writer with Snappy compression and row groups of 65536 rows. */
  public static Parquet writer() {
    return new Parquet();
  }

  /** The compression of the data pages (Snappy by default). */
  public Parquet compression(Codec codec) {
    this.codec = Objects.requireNonNull(codec, "codec");
    return this;
  }

  /**
   * Rows per row group, at most, which are also the rows read and held in memory at once (65536 by
   * default); a row group holds fewer where that many rows take more than 64 MiB in the FITS file.
   */
  public Parquet rowGroupRows(int rows) {
    this.rowGroupRows = ChunkedFile.chunkRows(rows, "row groups");
    return this;
  }

  /**
   * Writes the rows and columns {@code reader} selects to {@code target} (through a temporary file
   * renamed into place) and returns the number of rows written. A selection of no rows gives a file
   * with the schema and no row group.
   */
  public long write(TableReader reader, Path target) throws IOException {
    List<ExportColumn> columns = ExportColumn.of(reader.rows(0, 0).read());
    List<RowGroup> groups = new ArrayList<>();
    return ChunkedFile.write(reader, rowGroupRows, target, new ChunkedFile.Format() {
      @Override
      public void begin(CountingOutput out) throws IOException {
        out.write(MAGIC);
      }

      @Override
      public void chunk(FitsTable chunk, CountingOutput out) throws IOException {
        groups.add(rowGroup(columns, chunk, out));
      }

      @Override
      public void end(long rows, CountingOutput out) throws IOException {
        FileMetaData metadata = new FileMetaData(1, ParquetSchema.elements(columns), rows, groups)
            .setKey_value_metadata(keyValues(columns)).setCreated_by("jfits");
        long start = out.position();
        Util.writeFileMetaData(metadata, out);
        out.writeIntLittleEndian(Math.toIntExact(out.position() - start));
        out.write(MAGIC);
      }
    });
  }

  /**
   * Writes one row group: the column chunks are encoded and compressed in parallel, then written in
   * column order.
   */
  private RowGroup rowGroup(List<ExportColumn> columns, FitsTable chunk, CountingOutput out) throws IOException {
    List<Page> pages = columns.parallelStream().map(column -> page(ColumnValues.of(column, chunk))).toList();
    List<ColumnChunk> chunks = new ArrayList<>(columns.size());
    long start = out.position();
    long uncompressed = 0;
    for (Page page : pages) {
      ColumnChunk written = page.write(codec, out);
      uncompressed += written.getMeta_data().getTotal_uncompressed_size();
      chunks.add(written);
    }
    return new RowGroup(chunks, uncompressed, chunk.rowCount()).setFile_offset(start)
        .setTotal_compressed_size(out.position() - start);
  }

  /** The data page of one column chunk: levels and PLAIN values, compressed. */
  private Page page(ColumnValues values) {
    ExportColumn column = values.column();
    ParquetLevels levels = ParquetLevels.of(values);
    byte[] repetition = levels.repetitionBytes();
    byte[] definition = levels.definitionBytes();
    long size = repetition.length + definition.length + ParquetPlain.size(values);
    if (size > Integer.MAX_VALUE - 8 || levels.entries() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("column '" + column.name() + "' holds " + size + " bytes in "
          + values.rows() + " rows, more than one Parquet page can; write fewer rows per row group");
    }
    ByteBuffer page = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    page.put(repetition).put(definition);
    ParquetPlain.write(values, page);
    long present = values.count() - values.nullCount();
    return new Page(column, (int) levels.entries(), (int) size, codec.compressor.apply(page.array()),
        ParquetStatistics.of(values, levels.entries() - present));
  }

  /** An encoded column chunk, ready to write. */
  private record Page(ExportColumn column, int entries, int size, byte[] stored, Statistics statistics) {

    /** Writes the page header and the page; returns the column chunk's metadata. */
    ColumnChunk write(Codec codec, CountingOutput out) throws IOException {
      PageHeader header = new PageHeader(PageType.DATA_PAGE, size, stored.length).setData_page_header(
          new DataPageHeader(entries, Encoding.PLAIN, Encoding.RLE, Encoding.RLE));
      long offset = out.position();
      Util.writePageHeader(header, out);
      long headerSize = out.position() - offset;
      out.write(stored);
      ColumnMetaData metadata = new ColumnMetaData(ParquetSchema.physical(column.leaf()),
          List.of(Encoding.PLAIN, Encoding.RLE), ParquetSchema.path(column), codec.thrift, entries,
          headerSize + size, headerSize + stored.length, offset).setStatistics(statistics);
      return new ColumnChunk(offset).setMeta_data(metadata);
    }
  }

  private static List<KeyValue> keyValues(List<ExportColumn> columns) {
    List<KeyValue> keyValues = new ArrayList<>();
    for (ExportColumn column : columns) {
      for (Map.Entry<String, String> e : column.metadata().entrySet()) {
        keyValues.add(new KeyValue(e.getKey() + ":" + column.name()).setValue(e.getValue()));
      }
    }
    return keyValues;
  }
}
