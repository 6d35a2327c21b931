package org.jfits.bench;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import nom.tam.fits.ImageHDU;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.Hdu;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Full reads of a square primary image, from a file in the (warm) page cache to values in memory,
 * by three readers over the same file:
 *
 * <ul>
 *   <li>{@link #jfits}: {@code Fits.open(path).hdu(0).image().read()}, an ND4J array in native memory
 *       (float32 for both types: the int16 file has BSCALE/BZERO, so values are scaled);
 *   <li>{@link #nomTam}: nom-tam-fits 1.21.2, a fresh {@code nom.tam.fits.Fits} per call and
 *       {@code ImageHDU.getKernel()}, which reads the deferred data; for the scaled int16 file the raw
 *       shorts are turned into the same float32 values with nom-tam's own
 *       {@code ImageData.convertTo(float.class)} (its {@code Quantizer} applies BSCALE/BZERO);
 *   <li>{@link #floor}: the physical anchor, a positional {@code FileChannel} read of the image's data
 *       bytes into a preallocated direct buffer and a plain copy (memcpy, no byte swap) into a second
 *       preallocated native buffer of the same size;
 *   <li>{@link #floorAlloc}: the same read and copy, but into native memory allocated for the call
 *       ({@code malloc}) and freed after it, as every reader that returns a new array must. Where the
 *       OS makes first-touch page faults expensive (virtual machines), this, not {@link #floor}, is
 *       the floor for a read that returns fresh memory.
 * </ul>
 *
 * <p>Every call opens the file again; nothing is cached between calls except by the OS page cache.
 * The jfits array is closed after it has been consumed, so its native memory is given back at once
 * rather than whenever the garbage collector runs. Files come from {@link DataGenerator}, in the
 * folder named by the system property {@code jfits.bench.data} (default {@code target/bench-data});
 * missing files are generated.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-Djava.awt.headless=true"})
public class ImageReadBenchmark {
  @Param({"256", "1024", "4096"})
  public int size;

  @Param({"float32", "int16"})
  public String type;

  private Path file;
  private long dataOffset;
  private ByteBuffer staging;
  private ByteBuffer target;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path dir = Path.of(System.getProperty("jfits.bench.data", "target/bench-data"));
    file = DataGenerator.file(dir, type, size);
    if (!Files.exists(file)) {
      DataGenerator.write(dir, type, size);
    }
    long dataBytes;
    try (FitsFile fits = Fits.open(file)) {
      Hdu hdu = fits.hdu(0);
      dataOffset = hdu.dataOffset();
      dataBytes = hdu.shape()[0] * hdu.shape()[1] * Math.abs(hdu.bitpix()) / 8;
    }
    staging = ByteBuffer.allocateDirect(Math.toIntExact(dataBytes));
    target = ByteBuffer.allocateDirect(Math.toIntExact(dataBytes)).order(ByteOrder.nativeOrder());
  }

  @Benchmark
  public void jfits(Blackhole bh) {
    try (FitsFile fits = Fits.open(file)) {
      INDArray image = fits.hdu(0).image().read();
      bh.consume(image);
      image.close();
    }
  }

  @Benchmark
  public void nomTam(Blackhole bh) throws Exception {
    try (nom.tam.fits.Fits fits = new nom.tam.fits.Fits(file.toFile())) {
      ImageHDU hdu = (ImageHDU) fits.readHDU();
      bh.consume(hdu.getKernel());
      if (hdu.getBitPix() > 0) {
        bh.consume(hdu.getData().convertTo(float.class).getKernel());
      }
    }
  }

  @Benchmark
  public void floor(Blackhole bh) throws IOException {
    readData();
    target.clear();
    target.put(staging);
    bh.consume(target);
  }

  @Benchmark
  public void floorAlloc(Blackhole bh) throws IOException {
    readData();
    long bytes = staging.remaining();
    Pointer memory = Pointer.malloc(bytes);
    try {
      ByteBuffer fresh = new BytePointer(memory).capacity(bytes).limit(bytes).asByteBuffer();
      fresh.put(staging);
      bh.consume(fresh);
    } finally {
      Pointer.free(memory);
    }
  }

  /** Reads the image's data bytes into {@link #staging}, flipped for reading. */
  private void readData() throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      staging.clear();
      long position = dataOffset;
      while (staging.hasRemaining()) {
        int n = channel.read(staging, position);
        if (n < 0) {
          throw new EOFException(file + " ends at byte " + position);
        }
        position += n;
      }
    }
    staging.flip();
  }
}
