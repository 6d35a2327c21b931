package org.jfits.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * jfits against its peers on one operation and size: the headline figures of the report.
 *
 * @param suite the suite
 * @param op the operation
 * @param size the size
 * @param jfits jfits' median, seconds
 * @param fastestPeer the fastest peer
 * @param fastestSeconds its median
 * @param slowestPeer the slowest peer
 * @param slowestSeconds its median
 * @param floor the median of the plain copy of the same bytes, if the suite measures one
 */
public record Comparison(String suite, String op, String size, double jfits, String fastestPeer, double fastestSeconds,
    String slowestPeer, double slowestSeconds, Optional<Double> floor) {

  /** The fastest peer's time over jfits' time: above 1 when jfits is faster. */
  public double speedUp() {
    return fastestSeconds / jfits;
  }

  /** jfits' time over the slowest peer's time: above 1 when jfits is slower than every peer. */
  public double versusSlowest() {
    return jfits / slowestSeconds;
  }

  /** The comparisons of every op and size with a jfits timing and at least one peer, in file order. */
  public static List<Comparison> of(List<Timing> timings) {
    Map<String, List<Timing>> byOp = new LinkedHashMap<>();
    for (Timing t : timings) {
      byOp.computeIfAbsent(t.opKey(), k -> new ArrayList<>()).add(t);
    }
    List<Comparison> out = new ArrayList<>();
    for (List<Timing> op : byOp.values()) {
      Optional<Timing> jfits = op.stream().filter(t -> t.lib().equals("jfits")).findFirst();
      List<Timing> peers = op.stream().filter(Timing::isPeer).toList();
      if (jfits.isEmpty() || peers.isEmpty()) {
        continue;
      }
      Timing fastest = peers.stream().min(Comparator.comparingDouble(Timing::seconds)).orElseThrow();
      Timing slowest = peers.stream().max(Comparator.comparingDouble(Timing::seconds)).orElseThrow();
      Optional<Double> floor = op.stream().filter(t -> t.lib().equals("floor")).map(Timing::seconds).findFirst();
      Timing j = jfits.get();
      out.add(new Comparison(j.suite(), j.op(), j.size(), j.seconds(), fastest.lib(), fastest.seconds(),
          slowest.lib(), slowest.seconds(), floor));
    }
    return out;
  }
}
