package org.jfits.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Random;
import org.jfits.Fits;
import org.jfits.FitsFile;
import org.jfits.FitsIOException;
import org.jfits.Hdu;
import org.jfits.checksum.ChecksumStatus;
import org.jfits.checksum.HduChecksum;
import org.jfits.image.Box;
import org.jfits.io.RandomAccessInput;
import org.jfits.table.FitsTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.columns.Column;

/**
 * Remote reads from a real nginx, without faults: every byte, header, image, section, cutout and
 * table row range read over HTTP equals the local file's, and only the blocks needed are fetched.
 */
class RemoteReadTest {
  private static RemoteRig rig;

  @TempDir
  Path cacheDir;

  @BeforeAll
  static void startServer() throws Exception {
    rig = RemoteRig.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  private RemoteCache cache() {
    return RemoteCache.open(CacheConfig.in(cacheDir));
  }

  /** The HDU listing of {@code info()}, without its first line (the file name). */
  static String listing(FitsFile fits) {
    String info = fits.info();
    return info.substring(info.indexOf('\n') + 1);
  }

  @Test
  void readsEveryByteAsTheLocalFile() throws Exception {
    RemoteCache cache = cache();
    Random random = new Random(7);
    for (String name : List.of("fv_ngc1316o.fits", "fv_rosat_evt.fits", "astropy_test0.fits", RemoteRig.BIG)) {
      byte[] local = Files.readAllBytes(rig.local(name));
      try (RandomAccessInput input = Remote.open(rig.nginx.uri(name), RemoteRig.options(cache))) {
        assertEquals(local.length, input.size(), name);
        for (int i = 0; i < 20; i++) {
          int from = random.nextInt(local.length);
          int length = Math.min(local.length - from, random.nextInt(3 * RemoteRig.BLOCK));
          ByteBuffer part = ByteBuffer.allocateDirect(length);
          input.read(part, from);
          byte[] got = new byte[length];
          part.flip().get(got);
          assertArrayEquals(java.util.Arrays.copyOfRange(local, from, from + length), got, name + " at " + from);
        }
        ByteBuffer all = ByteBuffer.allocate(local.length);
        input.read(all, 0);
        assertArrayEquals(local, all.array(), name);
      }
    }
  }

  @Test
  void listingHdusFetchesHeaderBlocksOnly() {
    RemoteCache cache = cache();
    try (FitsFile remote = Fits.open(rig.nginx.uri(RemoteRig.BIG), RemoteRig.options(cache));
        FitsFile local = Fits.open(rig.local(RemoteRig.BIG))) {
      assertEquals(listing(local), listing(remote));
      assertEquals(local.hdu(0).header().toString(), remote.hdu(0).header().toString());
    }
    assertEquals(RemoteRig.BLOCK, cache.stats().bytesFetched(), "one block holds the header");
    assertEquals(2, cache.stats().requests(), "a HEAD and one range request");

    try (FitsFile remote = Fits.open(rig.nginx.uri("astropy_test0.fits"), RemoteRig.options(cache()));
        FitsFile local = Fits.open(rig.local("astropy_test0.fits"))) {
      assertEquals(listing(local), listing(remote));
      for (int i = 0; i < local.size(); i++) {
        assertEquals(local.hdu(i).header().toString(), remote.hdu(i).header().toString());
      }
    }
  }

  @Test
  void imagesSectionsAndCutoutsEqualLocalReadsAndFetchOnlyTheirBlocks() {
    RemoteCache cache = cache();
    try (FitsFile remote = Fits.open(rig.nginx.uri(RemoteRig.BIG), RemoteRig.options(cache));
        FitsFile local = Fits.open(rig.local(RemoteRig.BIG))) {
      Hdu r = remote.hdu(0);
      Hdu l = local.hdu(0);
      long before = cache.stats().bytesFetched();
      INDArray box = r.image().cutout(300, 500, 32, 32);
      assertEquals(l.image().cutout(300, 500, 32, 32), box);
      long cutoutBytes = cache.stats().bytesFetched() - before;
      assertTrue(cutoutBytes <= 3 * RemoteRig.BLOCK, "a 32 x 32 cutout fetched " + cutoutBytes + " bytes");
      assertEquals(l.image().read(new long[] {10, 900}, new long[] {100, 124}),
          r.image().read(new long[] {10, 900}, new long[] {100, 124}));
      List<Box> boxes = List.of(new Box(0, 0, 16, 16), new Box(1000, 1000, 16, 16), new Box(512, 3, 16, 16));
      assertEquals(l.image().cutouts(boxes).array(), r.image().cutouts(boxes).array());
      assertEquals(l.image().read(), r.image().read());
    }
    for (String name : List.of("fv_ngc1316o.fits", "eso_isaac_1024.fits")) {
      try (FitsFile remote = Fits.open(rig.nginx.uri(name), RemoteRig.options(cache));
          FitsFile local = Fits.open(rig.local(name))) {
        assertEquals(local.hdu(0).image().read(), remote.hdu(0).image().read(), name);
        assertEquals(local.hdu(0).image().cutout(20, 30, 50, 40), remote.hdu(0).image().cutout(20, 30, 50, 40), name);
      }
    }
  }

  @Test
  void smallFilesAreFetchedWholeOnTheirFirstRead() throws Exception {
    RemoteCache cache = cache();
    Path path = rig.local("fv_ngc1316o.fits");
    RemoteOptions options = RemoteRig.options(cache).withWholeFileBytes(1 << 20);
    try (FitsFile remote = Fits.open(rig.nginx.uri("fv_ngc1316o.fits"), options);
        FitsFile local = Fits.open(path)) {
      assertEquals(listing(local), listing(remote));
      assertEquals(Files.size(path), cache.stats().bytesFetched(), "the whole file");
      assertEquals(2, cache.stats().requests(), "a HEAD and one GET");
      assertEquals(local.hdu(0).image().read(), remote.hdu(0).image().read());
      assertEquals(2, cache.stats().requests(), "the image came from the cache");
    }
  }

  @Test
  void nearbyMissingRunsOfOneReadAreFetchedInOneRequest() throws Exception {
    byte[] local = Files.readAllBytes(rig.local(RemoteRig.BIG));
    for (long coalesce : new long[] {RemoteRig.BLOCK, 0}) {
      RemoteCache cache = RemoteCache.open(CacheConfig.in(cacheDir.resolve("c" + coalesce)));
      RemoteOptions options = RemoteRig.options(cache).withCoalesceBytes(coalesce);
      try (RandomAccessInput input = Remote.open(rig.nginx.uri(RemoteRig.BIG), options)) {
        input.read(ByteBuffer.allocate(10), 2L * RemoteRig.BLOCK);
        long requests = cache.stats().requests();
        long misses = cache.stats().misses();
        ByteBuffer five = ByteBuffer.allocate(5 * RemoteRig.BLOCK);
        input.read(five, 0);
        assertArrayEquals(java.util.Arrays.copyOf(local, 5 * RemoteRig.BLOCK), five.array());
        assertEquals(coalesce > 0 ? 1 : 2, cache.stats().requests() - requests, "requests, coalescing " + coalesce);
        assertEquals(3, cache.stats().misses() - misses, "blocks 1, 3 and 4 (0 was read by open): " + cache.stats());
      }
    }
  }

  @Test
  void tableRowRangesEqualLocalReads() {
    try (FitsFile remote = Fits.open(rig.nginx.uri("fv_rosat_evt.fits"), RemoteRig.options(cache()));
        FitsFile local = Fits.open(rig.local("fv_rosat_evt.fits"))) {
      for (long[] rows : new long[][] {{0, 10}, {57, 830}, {0, 2928}}) {
        FitsTable l = local.hdu("EVENTS").table().rows(rows[0], rows[1]).read();
        FitsTable r = remote.hdu("EVENTS").table().rows(rows[0], rows[1]).read();
        assertEquals(l.rowCount(), r.rowCount());
        assertTrue(l.table().columnCount() > 3);
        for (Column<?> column : l.table().columns()) {
          assertEquals(column.asList(), r.table().column(column.name()).asList(), column.name());
        }
        assertEquals(l.arrays(), r.arrays());
      }
    }
  }

  @Test
  void gzipFilesAreFetchedWholeAndInflated() {
    RemoteCache cache = cache();
    try (FitsFile remote = Fits.open(rig.nginx.uri("astropy_dss.fits.gz"), RemoteRig.options(cache));
        FitsFile local = Fits.open(rig.local("astropy_dss.fits.gz"))) {
      assertEquals(listing(local), listing(remote));
      assertEquals(local.hdu(0).image().read(), remote.hdu(0).image().read());
    }
    assertEquals(2, cache.stats().requests(), "a HEAD and one GET of the whole file");
  }

  @Test
  void aServerThatIgnoresRangesFillsTheCacheOnce() {
    RemoteCache cache = cache();
    URI uri = rig.nginx.noRangeUri(RemoteRig.BIG);
    INDArray expected = Fits.read(rig.local(RemoteRig.BIG), 0);
    try (FitsFile remote = Fits.open(uri, RemoteRig.options(cache))) {
      assertEquals(expected.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(7, 9)),
          remote.hdu(0).image().read(new long[] {7, 0}, new long[] {2, RemoteRig.BIG_SIDE}));
    }
    long size = rig.local(RemoteRig.BIG).toFile().length();
    assertEquals(size, cache.stats().bytesFetched(), "the whole body was kept");
    long requests = cache.stats().requests();
    try (FitsFile remote = Fits.open(uri, RemoteRig.options(cache))) {
      assertEquals(expected, remote.hdu(0).image().read());
    }
    assertEquals(requests + 1, cache.stats().requests(), "only the HEAD of the second open");
    assertEquals(size, cache.stats().bytesFetched());
  }

  @Test
  void stringUrlsAndFileUrisOpen() {
    System.setProperty("jfits.cache.dir", cacheDir.toString());
    try (FitsFile remote = Fits.open(rig.nginx.uri("fv_ngc1316o.fits").toString());
        FitsFile file = Fits.open(rig.local("fv_ngc1316o.fits").toUri());
        FitsFile local = Fits.open(rig.local("fv_ngc1316o.fits"))) {
      assertEquals(listing(local), listing(remote));
      assertEquals(listing(local), listing(file));
      assertEquals(local.hdu(0).image().read(), remote.hdu(0).image().read());
    } finally {
      System.clearProperty("jfits.cache.dir");
    }
  }

  @Test
  void aMissingFileFailsAtOnceNamingTheUrl() {
    RemoteCache cache = cache();
    URI uri = rig.nginx.uri("no-such-file.fits");
    FitsIOException e = assertThrows(FitsIOException.class, () -> Fits.open(uri, RemoteRig.options(cache)));
    assertTrue(e.getMessage().startsWith(uri + ": HEAD failed"), e.getMessage());
    String failures = e.getMessage().substring(e.getMessage().indexOf('(') + 1, e.getMessage().indexOf(')'));
    assertTrue(failures.endsWith("HTTP 404") && failures.indexOf("HTTP 404") == failures.length() - 8,
        () -> "a 404 ends the tries at once: " + e.getMessage());
  }

  @Test
  void aChangedRemoteFileInvalidatesItsCacheEntry() throws Exception {
    Path file = rig.local("changing.fits");
    byte[] first = RemoteRig.bigImage();
    Files.write(file, first);
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000_000L));
    RemoteCache cache = cache();
    URI uri = rig.nginx.uri("changing.fits");
    try (FitsFile remote = Fits.open(uri, RemoteRig.options(cache))) {
      assertEquals(0.5f, remote.hdu(0).image().read().getFloat(0, 0));
    }
    byte[] second = first.clone();
    ByteBuffer.wrap(second).putFloat(2880, 42f);
    Files.write(file, second);
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_100_000L));
    try (FitsFile remote = Fits.open(uri, RemoteRig.options(cache))) {
      assertEquals(42f, remote.hdu(0).image().read().getFloat(0, 0), "the new version, not the cached one");
      Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_200_000L));
      cache.clear();
      FitsIOException e = assertThrows(FitsIOException.class, () -> remote.hdu(0).image().read());
      assertTrue(e.getMessage().contains("changed") && e.getMessage().contains(uri.toString()), e.getMessage());
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void checksumsOfRemoteFilesAreVerifiedOnRequest() throws Exception {
    byte[] corrupt = Files.readAllBytes(rig.local("astropy_checksum.fits"));
    corrupt[corrupt.length - 200] ^= 0x01;
    Files.write(rig.folder.resolve("corrupt-checksum.fits"), corrupt);
    RemoteCache cache = cache();
    for (String name : List.of("astropy_checksum.fits", "corrupt-checksum.fits")) {
      List<HduChecksum> local;
      try (FitsFile fits = Fits.open(rig.local(name))) {
        local = fits.verifyChecksums();
      }
      try (FitsFile fits = Fits.open(rig.nginx.uri(name), RemoteRig.options(cache))) {
        assertEquals(local.toString(), fits.verifyChecksums().toString(), name);
      }
    }
    try (FitsFile fits = Fits.open(rig.nginx.uri("corrupt-checksum.fits"), RemoteRig.options(cache))) {
      assertTrue(fits.verifyChecksums().stream().anyMatch(c -> c.status() == ChecksumStatus.BAD_DATA),
          "the flipped byte is found over HTTP");
    }
  }
}
