package org.jfits.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing of {@code %fits} command lines, HDU paths and slices. */
class MagicCommandTest {

  @Test
  void optionsComeBeforeOrAfterArgumentsWithBlankOrEquals() {
    MagicCommand command = MagicCommand.parse(List.of("image", "--raw", "a.fits[SCI]", "--section=1:2,3:4", "--as", "img"));
    assertEquals(Subcommand.IMAGE, command.subcommand());
    assertEquals("a.fits[SCI]", command.argument(0));
    assertTrue(command.has("raw"));
    assertEquals("1:2,3:4", command.option("section", null));
    assertEquals("img", command.option("as", null));
    assertFalse(command.has("rows"));
  }

  @Test
  void rejectsUnknownRepeatedOrIncompleteOptionsAndWrongArgumentCounts() {
    assertMessage("%fits show: unknown option --bins; usage: %fits show NAME [--stretch zscale|minmax|percentile=P] "
        + "[--scale linear|sqrt|log|asinh] [--cmap gray|viridis|magma|inferno] [--colorbar] [--wcs PATH[HDU]] [--pixels]"
        + " [--rgb] [--q Q] [--minimum M|MR,MG,MB]",
        "show", "x", "--bins", "3");
    assertMessage("%fits table: option --rows needs a value START:STOP", "table", "t.fits", "--rows");
    assertMessage("%fits image: option --raw takes no value", "image", "a.fits", "--raw=yes");
    assertMessage("%fits hist: option --bins is given twice", "hist", "x", "--bins", "3", "--bins=4");
    assertMessage("%fits info: expected PATH but got none; usage: %fits info PATH", "info");
    assertMessage("%fits help: expected no arguments but got extra; usage: %fits help", "help", "extra");
    assertMessage("%fits: missing subcommand; %fits help lists them");
  }

  @Test
  void splitsCellLinesAtBlanksKeepingQuotedBlanks() {
    assertEquals(List.of("image", "my file.fits[1]", "--as", "x"), MagicCommand.split("  image \"my file.fits\"[1]  --as x "));
    assertEquals(List.of("a", "b c"), MagicCommand.split("a 'b c'"));
    assertThrows(FitsMagicException.class, () -> MagicCommand.split("image 'a.fits"));
  }

  @Test
  void hduPathsTakeIndexNameOrNameAndVersion() {
    assertEquals(new HduPath("f.fits", "1"), HduPath.parse("f.fits[1]", "%fits image"));
    assertEquals(new HduPath("f.fits", "SCI,2"), HduPath.parse("f.fits[SCI,2]", "%fits image"));
    assertEquals(new HduPath("dir[x]/f.fits", null), HduPath.parse("dir[x]/f.fits", "%fits image"));
    assertNull(HduPath.parse("f.fits", "%fits image").selector());
    assertThrows(FitsMagicException.class, () -> HduPath.parse("f.fits[]", "%fits image"));
    assertThrows(FitsMagicException.class, () -> HduPath.parse("[1]", "%fits image"));
  }

  @Test
  void slicesFollowPythonBoundsAndSectionsNumpyAxisOrder() {
    assertArrayEquals(new long[] {10, 20}, Slices.parse("10:20", 100, "c"));
    assertArrayEquals(new long[] {0, 100}, Slices.parse(":", 100, "c"));
    assertArrayEquals(new long[] {90, 100}, Slices.parse("90:500", 100, "c"));
    long[][] section = Slices.section("5:15,10:", new long[] {40, 30}, "c");
    assertArrayEquals(new long[] {5, 10}, section[0]);
    assertArrayEquals(new long[] {10, 20}, section[1]);
    assertThrows(FitsMagicException.class, () -> Slices.parse("-1:5", 10, "c"));
    assertThrows(FitsMagicException.class, () -> Slices.parse("5", 10, "c"));
    assertThrows(FitsMagicException.class, () -> Slices.parse("a:5", 10, "c"));
    assertThrows(FitsMagicException.class, () -> Slices.parse("20:30", 10, "c"));
    assertThrows(FitsMagicException.class, () -> Slices.section("1:2", new long[] {4, 4}, "c"));
  }

  @Test
  void exceptionMessagesAreOneLine() {
    assertEquals("a b c", new FitsMagicException("a\n  b\r\nc").getMessage());
  }

  private static void assertMessage(String expected, String... words) {
    FitsMagicException e = assertThrows(FitsMagicException.class, () -> MagicCommand.parse(List.of(words)));
    assertEquals(expected, e.getMessage());
  }
}
