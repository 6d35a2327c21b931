package org.jfits.write;

import java.nio.file.Path;

/**
 * The child process of {@link WriteSafetyTest}: updates the primary header of {@code args[0]} in
 * place over and over, OBJECT alternating between "A" and "B", printing "updating" after the first.
 */
public final class HeaderUpdaterMain {
  private HeaderUpdaterMain() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    for (int i = 0; ; i++) {
      HeaderUpdate.of(file, 0).inPlaceFrom(0).set("OBJECT", i % 2 == 0 ? "A" : "B", "target").apply();
      if (i == 0) {
        System.out.println("updating");
        System.out.flush();
      }
    }
  }
}
