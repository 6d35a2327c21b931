"""Drives the cutout peer comparison in one run: the JVM harness (jfits, nom-tam-fits) and the
Python worker (astropy section and Cutout2D, fitsio) are started once each and asked in turn,
round-robin per repeat (the order rotates each round), so machine drift hits every library alike.
The first round also checks that every library cut the same pixels (sums of all cutout pixels agree).
Sky cutout ops (sky15, sky30, sky60: 100 RA/DEC positions on a TAN image) compare jfits with astropy's
Cutout2D and with astropy.wcs + fitsio slices.

Usage (from benchmarks/, after run.sh has built and generated): /usr/bin/python3 cutouts/run.py [--quick]
--quick: 256² and 1024² only, 1 warm-up and 3 timed rounds, results in
target/quick/cutouts-<date>-quick.jsonl and no README update. Otherwise writes results/cutouts-<date>.jsonl and the ratio section of
cutouts/README.md.
"""
import datetime
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(BENCH, "tables"))
from run import Worker, commit, machine, replace_section, results_path, versions  # noqa: E402  (the table driver's helpers)

QUICK = "--quick" in sys.argv[1:]
SIZES = [256, 1024] if QUICK else [256, 1024, 4096]
OPS = ["one32", "r100x32", "r1000x16"]
# sky cutouts: 100 positions, radius 15", 30", 60" on a TAN image of 1" pixels (sky-SIZE.fits)
SKY_OPS = ["sky15", "sky30", "sky60"]
SKY_JVM_LIBS = ["jfits", "jfits-1t"]
SKY_PY_LIBS = ["astropy-cutout2d", "fitsio"]
# jfits with each strategy forced: not peers, they show whether the automatic choice was the best
JVM_LIBS = ["jfits", "jfits-1t", "jfits-read-once", "jfits-row-bands", "jfits-mapped", "nomtam"]
PY_LIBS = ["astropy-section", "astropy-cutout2d", "fitsio"]
PEERS = ["nomtam", "astropy-section", "astropy-cutout2d", "fitsio"]
WARMUP = 1 if QUICK else 5
# before its first round on each image and op, each library repeats the call untimed for this long:
# the JVM libraries then run JIT-compiled code, as in any program that cuts more than a few images
WARM_SECONDS = 0.2 if QUICK else 1.0
# before anything is timed, every library runs every op on the first image untimed for this long: the
# first op timed would otherwise meet a JVM still compiling the paths all ops share (on 2 cores the
# JIT lags the first seconds of a process); the Python peers get the same pass
START_SECONDS = 0.2 if QUICK else 0.5
# a timed reading covers back-to-back calls lasting about this long (at least one call), its time the
# mean per call, as timeit does: one call of a fraction of a millisecond is below the clock's noise
READING_SECONDS = 0.02
REPEATS = 3 if QUICK else 15
DATA = os.path.join(BENCH, "target", "cutouts")
JAVA_FLAGS = ["-Xmx4g", "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
              "-XX:+UseParallelGC"]


def classpath():
    with open(os.path.join(BENCH, "target", "runtime-classpath.txt")) as f:
        return os.path.join(BENCH, "target", "classes") + ":" + f.read().strip()


def request(size, op):
    """The image, the box or position file, and the libraries of one op on one image size."""
    sky = op in SKY_OPS
    image = os.path.join(DATA, ("sky-%d.fits" if sky else "img-%d.fits") % size)
    boxes = os.path.join(DATA, ("sky-%d-%s.txt" if sky else "boxes-%d-%s.txt") % (size, op))
    return image, boxes, SKY_JVM_LIBS + SKY_PY_LIBS if sky else JVM_LIBS + PY_LIBS


def warm_start(jvm, py, log):
    for op in OPS + SKY_OPS:
        image, boxes, libs = request(SIZES[0], op)
        for lib in libs:
            (py if lib in PY_LIBS else jvm).ask(lib, image, boxes, START_SECONDS, 1)
    log("warm start: every op and library ran untimed for %g s" % START_SECONDS)


def timings(jvm, py, log):
    warm_start(jvm, py, log)
    results = []
    for size in SIZES:
        for op in OPS + SKY_OPS:
            image, boxes, libs = request(size, op)
            times = {lib: [] for lib in libs}
            calls = {lib: 1 for lib in libs}
            sums = {}
            for rep in range(WARMUP + REPEATS):
                order = libs[rep % len(libs):] + libs[:rep % len(libs)]
                for lib in order:
                    w = py if lib in PY_LIBS else jvm
                    s, checksum = w.ask(lib, image, boxes, WARM_SECONDS if rep == 0 else 0.0, calls[lib])
                    if rep == 0:
                        calls[lib] = max(1, min(200, int(READING_SECONDS / s)))
                    sums.setdefault(lib, checksum)
                    if rep >= WARMUP:
                        times[lib].append(s)
                    log("%-17s %-9s %5d rep %2d %.6f s" % (lib, op, size, rep, s))
            ref = sums["fitsio"]
            for lib, v in sums.items():
                if abs(v - ref) > 1e-6 * max(1.0, abs(ref)):
                    raise RuntimeError("%s %d %s: pixel sum %r, fitsio %r: not the same pixels" % (lib, size, op, v, ref))
            for lib in libs:
                t = times[lib]
                results.append({"lib": lib, "op": op, "size": size, "median_s": statistics.median(t),
                                "min_s": min(t), "max_s": max(t), "n": len(t), "warmup": WARMUP,
                                "warm_s": WARM_SECONDS, "calls_per_reading": calls[lib]})
    return results


class SumWorker(Worker):
    """The table driver's worker, keeping the checksum (the pixel sum) as well as the time."""

    def ask(self, lib, image, boxes, warm_seconds, calls):
        self.p.stdin.write("%s %s %s %r %d\n" % (lib, image, boxes, warm_seconds, calls))
        self.p.stdin.flush()
        line = self.p.stdout.readline().strip()
        if not line.startswith("OK "):
            raise RuntimeError("%s %s %s: %s" % (lib, image, boxes, line))
        f = line.split()
        return float(f[1]), float(f[2])


def ratio_markdown(results, meta):
    lines = ["Run of %s on %s (%d cores, %s GB), commit %s. Medians of %d rounds after a warm start (%g s of untimed calls of every op), %.1f s of untimed calls and %d warm-up rounds per library; a reading is the mean of back-to-back calls lasting about %g s, each call"
             % (meta["date"], meta["machine"]["cpu"], meta["machine"]["cores"], meta["machine"]["mem_gb"],
                meta["commit"], REPEATS, START_SECONDS, WARM_SECONDS, WARMUP, READING_SECONDS),
             "opening the file, cutting every box and closing; speed-up = fastest peer / jfits (target ≥ 1.5).",
             "", "| image | op | jfits (ms) | jfits 1 thread (ms) | fastest peer | peer (ms) | speed-up | target |",
             "| ---: | --- | ---: | ---: | --- | ---: | ---: | --- |"]
    for size in SIZES:
        for op in OPS + SKY_OPS:
            by = {r["lib"]: r["median_s"] for r in results if r["size"] == size and r["op"] == op}
            peer = min((p for p in PEERS if p in by), key=lambda p: by[p])
            lines.append("| %d² | %s | %.3f | %.3f | %s | %.3f | %.2f× | %s |"
                         % (size, op, by["jfits"] * 1e3, by["jfits-1t"] * 1e3, peer, by[peer] * 1e3,
                            by[peer] / by["jfits"], "met" if by[peer] / by["jfits"] >= 1.5 else "missed"))
    libs = JVM_LIBS + PY_LIBS
    lines += ["", "All medians (ms):", "", "| image | op | " + " | ".join(libs) + " |",
              "| ---: | --- |" + " ---: |" * len(libs)]
    for size in SIZES:
        for op in OPS + SKY_OPS:
            by = {r["lib"]: r["median_s"] for r in results if r["size"] == size and r["op"] == op}
            lines.append("| %d² | %s | " % (size, op) + " | ".join("%.3f" % (by[l] * 1e3) if l in by else "–"
                                                                 for l in libs) + " |")
    return "\n".join(lines) + "\n"


def main():
    for size in SIZES:
        if not all(os.path.exists(os.path.join(DATA, f % size)) for f in ("img-%d.fits", "sky-%d.fits")):
            sys.exit("missing images in %s: run cutouts/run.sh (it generates them)" % DATA)
    now = datetime.datetime.now(datetime.timezone.utc)
    meta = {"date": now.strftime("%Y-%m-%dT%H:%M:%SZ"), "machine": machine(), "commit": commit(),
            "versions": versions(), "jvm_flags": " ".join(JAVA_FLAGS)}
    del meta["versions"]["stil"]

    def log(msg):
        print(msg, flush=True)

    jvm = SumWorker(["java"] + JAVA_FLAGS + ["-cp", classpath(), "org.jfits.bench.cutout.CutoutHarness", "serve"])
    py = SumWorker(["/usr/bin/python3", os.path.join(HERE, "py_worker.py")])
    try:
        results = timings(jvm, py, log)
    finally:
        jvm.close()
        py.close()
    out = results_path("cutouts", now, QUICK)
    with open(out, "w") as f:
        for r in results:
            r.update({"machine": meta["machine"], "date": meta["date"], "commit": meta["commit"]})
            if r["lib"] in JVM_LIBS:
                r["jvm_flags"] = meta["jvm_flags"]
            f.write(json.dumps(r) + "\n")
        f.write(json.dumps({"meta": meta}) + "\n")
    md = ratio_markdown(results, meta)
    print(md)
    if not QUICK:
        replace_section(os.path.join(HERE, "README.md"), "ratios", md)
    print("wrote", out)


if __name__ == "__main__":
    main()
