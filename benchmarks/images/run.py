"""Drives the image read and write comparison in one run: the JVM harness (jfits, nom-tam-fits) and
the Python worker (astropy, fitsio) are started once each and asked in turn, the order rotating every
round, so machine drift hits every library alike.

Ops: read of a 4096 x 4096 float32 image, of an int16 image with BSCALE/BZERO, and of tile-compressed
int16 images (RICE_1, GZIP_1, HCOMPRESS_1) and a quantised float32 one (RICE_1); write of the float32
image, and of the 2M-row benchmark table without its variable-length column. jfits is timed with all
cores and with one thread (jfits-1t) for reads.

Usage (from benchmarks/, after run.sh has built and generated): /usr/bin/python3 images/run.py
Writes results/images-<date>.jsonl and prints the ratio table; IMAGES_THP=1 runs the JVM with
transparent huge pages (results/images-thp-<date>.jsonl); IMAGES_QUICK=1 times each request
once, into target/quick/images-<date>-quick.jsonl (a check of the chain, not a measurement).
"""
import datetime
import json
import os
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(BENCH, "tables"))
from run import Worker, commit, machine, results_path, versions  # noqa: E402

DATA = os.path.join(BENCH, "target", "images")
TABLE = os.path.join(BENCH, "target", "tables", "table-2000000.fits")
READS = ["f32", "i16s", "rice", "gzip", "hcomp", "riceq"]
JVM_LIBS = {"read": ["jfits", "jfits-1t", "nomtam"], "write-image": ["jfits", "nomtam"], "write-table": ["jfits"]}
PY_LIBS = ["astropy", "fitsio"]
QUICK = os.environ.get("IMAGES_QUICK") == "1"
# IMAGES_THP=1: the JVM with transparent huge pages for malloc'd memory and its heap, as numpy
# requests them itself (madvise) for large arrays; results go to images-thp-<date>.jsonl
THP = os.environ.get("IMAGES_THP") == "1"
WARMUP = 0 if QUICK else 1
REPEATS = 1 if QUICK else 5
JAVA_FLAGS = ["-Xmx6g", "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
              "-XX:+UseParallelGC"]


def classpath():
    with open(os.path.join(BENCH, "target", "runtime-classpath.txt")) as f:
        return os.path.join(BENCH, "target", "classes") + ":" + f.read().strip()


def requests():
    """(op name, harness op, file, size) of every timed request kind."""
    out = [("read-" + r, "read", os.path.join(DATA, r + "-4096.fits"), 4096) for r in READS]
    out.append(("write-image", "write-image", os.path.join(DATA, "f32-4096.fits"), 4096))
    out.append(("write-table", "write-table", TABLE, 2_000_000))
    return out


def main():
    now = datetime.datetime.now(datetime.timezone.utc)
    meta = {"date": now.strftime("%Y-%m-%dT%H:%M:%SZ"), "machine": machine(), "commit": commit(),
            "versions": versions(), "jvm_flags": " ".join(JAVA_FLAGS)}
    thp = ["env", "GLIBC_TUNABLES=glibc.malloc.hugetlb=1"] if THP else []
    flags = JAVA_FLAGS + (["-XX:+UseTransparentHugePages"] if THP else [])
    jvm = Worker(thp + ["java"] + flags + ["-cp", classpath(), "org.jfits.bench.image.ImageHarness"])
    py = Worker(["/usr/bin/python3", os.path.join(HERE, "py_worker.py")])
    results = []
    try:
        for name, op, path, size in requests():
            kind = "read" if op == "read" else op
            libs = JVM_LIBS[kind] + PY_LIBS
            times = {lib: [] for lib in libs}
            for rep in range(WARMUP + REPEATS):
                order = libs[rep % len(libs):] + libs[:rep % len(libs)]
                for lib in order:
                    s = (py if lib in PY_LIBS else jvm).ask(lib, op, path)
                    print("%-9s %-12s rep %d %.3f s" % (lib, name, rep, s), flush=True)
                    if rep >= WARMUP:
                        times[lib].append(s)
            for lib in libs:
                t = times[lib]
                results.append({"lib": lib, "op": name, "size": size, "median_s": statistics.median(t),
                                "min_s": min(t), "max_s": max(t), "n": len(t), "warmup": WARMUP})
    finally:
        jvm.close()
        py.close()
    out = results_path("images-thp" if THP else "images", now, QUICK)
    with open(out, "w") as f:
        for r in results:
            r.update({"machine": meta["machine"], "date": meta["date"], "commit": meta["commit"]})
            f.write(json.dumps(r) + "\n")
        f.write(json.dumps({"meta": meta}) + "\n")
    print("\n| op | jfits (s) | jfits 1 thread (s) | fastest peer | peer (s) | speed-up |")
    print("| --- | ---: | ---: | --- | ---: | ---: |")
    for name, _, _, _ in requests():
        by = {r["lib"]: r["median_s"] for r in results if r["op"] == name}
        peer = min((lib for lib in by if not lib.startswith("jfits")), key=by.get)
        print("| %s | %.3f | %s | %s | %.3f | %.2f× |" % (name, by["jfits"], "%.3f" % by["jfits-1t"] if "jfits-1t"
              in by else "–", peer, by[peer], by[peer] / by["jfits"]))
    print("wrote", out)


if __name__ == "__main__":
    main()
