package org.jfits.export;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.flatbuf.Block;
import org.apache.arrow.flatbuf.BodyCompression;
import org.apache.arrow.flatbuf.BodyCompressionMethod;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.CompressionType;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.Footer;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.RecordBatch;
import org.jfits.table.FitsTable;
import org.jfits.table.TableReader;

/**
 * Writes a FITS table as an Arrow IPC file (the file format, also known as Feather v2), streaming:
 * the table is read in chunks of {@link #batchRows(int)} rows and each chunk with rows becomes one
 * record batch, so a table larger than memory converts in bounded memory.
 * {@code ArrowIpc.writer().write(reader, target)}.
 *
 * <p>Types, nulls and lists follow {@link ExportColumn} (the same as {@link Parquet}): fixed-size
 * arrays are FixedSizeList fields (nested per TDIM axis), variable-length columns List fields
 * (LargeList for {@code Q} descriptors). Each field's custom metadata holds {@code unit}, {@code ucd}
 * and {@code tdisp} where the column has them. Buffers are 8-byte aligned and, with
 * {@link Codec#ZSTD} or {@link Codec#LZ4}, each compressed on its own as the format's BUFFER method
 * says.
 */
public final class ArrowIpc {
  private static final int DEFAULT_ROWS = 65_536;
  private static final byte[] MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);
  private static final int CONTINUATION = 0xFFFFFFFF;

  /** The compression of the record batch buffers. */
  public enum Codec {
    /** No compression (the default): readers can map the file. */
    NONE,
    /** Zstandard, each buffer a frame after its uncompressed length. */
    ZSTD,
    /** LZ4 (Arrow's LZ4_FRAME, pyarrow's default for Feather), each buffer a frame after its uncompressed length. */
    LZ4
  }

  private Codec codec = Codec.NONE;
  private int batchRows = DEFAULT_ROWS;

  private ArrowIpc() {}

  /** A writer of uncompressed record batches of 65536 rows. */
  public static ArrowIpc writer() {
    return new ArrowIpc();
  }

  /** The compression of the record batch buffers (none by default). */
  public ArrowIpc compression(Codec codec) {
    this.codec = Objects.requireNonNull(codec, "codec");
    return this;
  }

  /**
   * Rows per record batch, at most, which are also the rows read and held in memory at once (65536 by
   * default); a batch holds fewer where that many rows take more than 64 MiB in the FITS file.
   */
  public ArrowIpc batchRows(int rows) {
    this.batchRows = ChunkedFile.chunkRows(rows, "record batches");
    return this;
  }

  /**
   * Writes the rows and columns {@code reader} selects to {@code target} (through a temporary file
   * renamed into place) and returns the number of rows written. A selection of no rows gives a file
   * with the schema and no record batch.
   */
  public long write(TableReader reader, Path target) throws IOException {
    List<ExportColumn> columns = ExportColumn.of(reader.rows(0, 0).read());
    List<long[]> blocks = new ArrayList<>();
    return ChunkedFile.write(reader, batchRows, target, new ChunkedFile.Format() {
      @Override
      public void begin(CountingOutput out) throws IOException {
        out.write(MAGIC);
        out.pad(8);
        FlatBufferBuilder schema = new FlatBufferBuilder();
        schema.finish(Message.createMessage(schema, MetadataVersion.V5, MessageHeader.Schema,
            ArrowSchema.schema(schema, columns), 0, 0));
        message(schema, out);
      }

      @Override
      public void chunk(FitsTable chunk, CountingOutput out) throws IOException {
        List<ColumnValues> values = new ArrayList<>(columns.size());
        for (ExportColumn column : columns) {
          values.add(ColumnValues.of(column, chunk));
        }
        blocks.add(recordBatch(ArrowBatch.of(values, Math.toIntExact(chunk.rowCount())), out));
      }

      @Override
      public void end(long rows, CountingOutput out) throws IOException {
        out.writeIntLittleEndian(CONTINUATION);
        out.writeIntLittleEndian(0);
        footer(columns, blocks, out);
      }
    });
  }

  /** Writes one record batch message and its body; returns its block (offset, metadata length, body length). */
  private long[] recordBatch(ArrowBatch batch, CountingOutput out) throws IOException {
    List<byte[]> stored = codec == Codec.NONE ? batch.buffers
        : batch.buffers.parallelStream().map(this::compressed).toList();
    FlatBufferBuilder builder = new FlatBufferBuilder();
    int compression = 0;
    if (codec != Codec.NONE) {
      compression = BodyCompression.createBodyCompression(builder,
          codec == Codec.ZSTD ? CompressionType.ZSTD : CompressionType.LZ4_FRAME, BodyCompressionMethod.BUFFER);
    }
    RecordBatch.startNodesVector(builder, batch.nodes.size());
    for (int i = batch.nodes.size() - 1; i >= 0; i--) {
      FieldNode.createFieldNode(builder, batch.nodes.get(i).length(), batch.nodes.get(i).nulls());
    }
    int nodes = builder.endVector();
    long[] offsets = new long[stored.size()];
    long body = 0;
    for (int i = 0; i < stored.size(); i++) {
      offsets[i] = body;
      body += align8(stored.get(i).length);
    }
    RecordBatch.startBuffersVector(builder, stored.size());
    for (int i = stored.size() - 1; i >= 0; i--) {
      Buffer.createBuffer(builder, offsets[i], stored.get(i).length);
    }
    int buffers = builder.endVector();
    int header = RecordBatch.createRecordBatch(builder, batch.rows, nodes, buffers, compression, 0);
    builder.finish(Message.createMessage(builder, MetadataVersion.V5, MessageHeader.RecordBatch, header, body, 0));
    long offset = out.position();
    int metadataLength = message(builder, out);
    for (byte[] buffer : stored) {
      out.write(buffer);
      out.pad(8);
    }
    return new long[] {offset, metadataLength, body};
  }

  /** A buffer as the BUFFER compression method stores it: the uncompressed length, then a frame of the codec. */
  private byte[] compressed(byte[] buffer) {
    if (buffer.length == 0) {
      return buffer;
    }
    byte[] frame = codec == Codec.ZSTD ? Compressors.zstd(buffer) : Compressors.lz4Frame(buffer);
    return ByteBuffer.allocate(8 + frame.length).order(ByteOrder.LITTLE_ENDIAN).putLong(buffer.length).put(frame)
        .array();
  }

  /**
   * Writes an encapsulated message: the continuation marker, the metadata length, the flatbuffer
   * padded to 8 bytes. Returns the bytes written.
   */
  private static int message(FlatBufferBuilder builder, CountingOutput out) throws IOException {
    byte[] metadata = builder.sizedByteArray();
    int padded = (int) align8(8 + metadata.length) - 8;
    out.writeIntLittleEndian(CONTINUATION);
    out.writeIntLittleEndian(padded);
    out.write(metadata);
    out.pad(8);
    return 8 + padded;
  }

  private static void footer(List<ExportColumn> columns, List<long[]> blocks, CountingOutput out) throws IOException {
    FlatBufferBuilder builder = new FlatBufferBuilder();
    int schema = ArrowSchema.schema(builder, columns);
    Footer.startRecordBatchesVector(builder, blocks.size());
    for (int i = blocks.size() - 1; i >= 0; i--) {
      long[] block = blocks.get(i);
      Block.createBlock(builder, block[0], (int) block[1], block[2]);
    }
    int batches = builder.endVector();
    builder.finish(Footer.createFooter(builder, MetadataVersion.V5, schema, 0, batches, 0));
    byte[] footer = builder.sizedByteArray();
    out.write(footer);
    out.writeIntLittleEndian(footer.length);
    out.write(MAGIC);
  }

  private static long align8(long n) {
    return (n + 7) & ~7L;
  }
}
