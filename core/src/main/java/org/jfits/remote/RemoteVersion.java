package org.jfits.remote;

import java.util.Optional;

/**
 * What a server says identifies one version of a remote file: its size, ETag and Last-Modified date.
 * A changed value means changed content; a file served with neither validator is known by its size
 * alone.
 */
record RemoteVersion(long size, Optional<String> etag, Optional<String> lastModified) {

  /** The value for an {@code If-Range} header: a strong ETag, else the date, else none. */
  Optional<String> ifRange() {
    if (etag.isPresent() && !etag.get().startsWith("W/")) {
      return etag;
    }
    return lastModified;
  }

  /** True if a response's validators contradict this version (a missing validator contradicts nothing). */
  boolean contradictedBy(Optional<String> otherEtag, Optional<String> otherLastModified) {
    return etag.isPresent() && otherEtag.isPresent() && !etag.equals(otherEtag)
        || lastModified.isPresent() && otherLastModified.isPresent() && !lastModified.equals(otherLastModified);
  }

  /** A key naming this version in the cache. */
  String key() {
    return size + "|" + etag.orElse("") + "|" + lastModified.orElse("");
  }

  /** The version a {@link #key()} names (a Last-Modified date never holds {@code |}). */
  static RemoteVersion ofKey(String key) {
    int first = key.indexOf('|');
    int last = key.lastIndexOf('|');
    if (first < 0 || last == first) {
      throw new IllegalArgumentException("not a version key: " + key);
    }
    String etag = key.substring(first + 1, last);
    String date = key.substring(last + 1);
    return new RemoteVersion(Long.parseLong(key.substring(0, first)), Optional.of(etag).filter(e -> !e.isEmpty()),
        Optional.of(date).filter(d -> !d.isEmpty()));
  }

  @Override
  public String toString() {
    return size + " bytes" + etag.map(e -> ", ETag " + e).orElse("") + lastModified.map(d -> ", " + d).orElse("");
  }
}
