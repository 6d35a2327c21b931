"""Times row filters on the 2M-row benchmark table in one run: jfits (JVM harness) against fitsio's
where() and astropy + numpy masks (Python worker), both started once and asked in turn, the order
rotating each round. Writes results/where-<date>.jsonl and the results section of where/README.md.

Usage (from benchmarks/, after run.sh has built and generated): /usr/bin/python3 where/run.py
"""
import datetime
import json
import os
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(BENCH, "tables"))
import run as tables  # noqa: E402  the table benchmark's worker, machine and version helpers

ROWS = 2_000_000
OPS = ["sel-read", "wide-read", "sel-idx", "wide-idx"]
JVM_LIBS = ["jfits", "jfits-1t"]
PY_LIBS = ["astropy", "fitsio"]
WARMUP = 2
REPEATS = 5


def java_cmd():
    return ["java", tables.XMX_TIMING] + tables.JAVA_FLAGS + ["-cp", tables.classpath(),
                                                              "org.jfits.bench.table.WhereHarness"]


def timings(jvm, py, path, log):
    results = []
    libs = JVM_LIBS + PY_LIBS
    for op in OPS:
        times = {lib: [] for lib in libs}
        counts = {}
        for rep in range(WARMUP + REPEATS):
            order = libs[rep % len(libs):] + libs[:rep % len(libs)]
            for lib in order:
                w = jvm if lib in JVM_LIBS else py
                w.p.stdin.write("%s %s %s\n" % (lib, op, path))
                w.p.stdin.flush()
                line = w.p.stdout.readline().strip()
                if not line.startswith("OK "):
                    raise RuntimeError("%s %s: %s" % (lib, op, line))
                s, n = float(line.split()[1]), int(line.split()[2])
                counts[lib] = n
                if rep >= WARMUP:
                    times[lib].append(s)
                log("%-8s %-9s rep %d %.4f s (%d rows)" % (lib, op, rep, s, n))
        if len(set(counts.values())) != 1:
            raise RuntimeError("%s: the libraries select different row counts %s" % (op, counts))
        for lib in libs:
            t = times[lib]
            results.append({"lib": lib, "op": op, "rows": ROWS, "selected": counts[lib],
                            "median_s": statistics.median(t), "min_s": min(t), "max_s": max(t),
                            "n": len(t)})
    return results


def markdown(results, meta):
    lines = ["Run of %s on %s (%d cores, %s GB; shared with other builds), commit %s. Medians of %d"
             " after %d warm-ups; ratio = library's median / jfits' median (above 1: jfits faster)."
             % (meta["date"], meta["machine"]["cpu"], meta["machine"]["cores"],
                meta["machine"]["mem_gb"], meta["commit"], REPEATS, WARMUP), "",
             "| op | selected rows | jfits (s) | jfits 1 thread (s) | fitsio (s) | astropy + numpy (s) |"
             " fitsio / jfits | astropy / jfits |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for op in OPS:
        by = {r["lib"]: r for r in results if r["op"] == op}
        j = by["jfits"]["median_s"]
        lines.append("| %s | %d | %.4f | %.4f | %.4f | %.4f | %.2f× | %.2f× |" % (
            op, by["jfits"]["selected"], j, by["jfits-1t"]["median_s"], by["fitsio"]["median_s"],
            by["astropy"]["median_s"], by["fitsio"]["median_s"] / j, by["astropy"]["median_s"] / j))
    return "\n".join(lines) + "\n"


def main():
    path = tables.table(ROWS)
    if not os.path.exists(path):
        sys.exit("missing %s: run where/run.sh (it generates the table)" % path)
    now = datetime.datetime.now(datetime.timezone.utc)
    meta = {"date": now.strftime("%Y-%m-%dT%H:%M:%SZ"), "machine": tables.machine(),
            "commit": tables.commit(), "versions": tables.versions()}
    jvm = tables.Worker(java_cmd())
    py = tables.Worker(["/usr/bin/python3", os.path.join(HERE, "py_worker.py")])
    try:
        results = timings(jvm, py, path, lambda m: print(m, flush=True))
    finally:
        jvm.close()
        py.close()
    os.makedirs(os.path.join(BENCH, "results"), exist_ok=True)
    out = os.path.join(BENCH, "results", "where-%s.jsonl" % now.strftime("%Y-%m-%d"))
    with open(out, "w") as f:
        for r in results:
            r.update({"machine": meta["machine"], "date": meta["date"], "commit": meta["commit"]})
            f.write(json.dumps(r) + "\n")
        f.write(json.dumps({"meta": meta}) + "\n")
    md = markdown(results, meta)
    print(md)
    tables.replace_section(os.path.join(HERE, "README.md"), "results", md)
    print("wrote", out)


if __name__ == "__main__":
    main()
