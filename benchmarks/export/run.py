"""Times table export in one run: jfits (CSV, FITS copy, Parquet, Arrow) against STIL (CSV, FITS) in
the JVM harness and astropy (CSV, FITS) and fitsio (FITS) in the Python worker, each started once
and asked in turn, the order rotating each round. The source is the 2M-row table of the table
benchmark without its variable-length column (14 scalar columns, 83 bytes a row), which every
writer takes. Throughput is the source's data bytes over the median time. Writes
results/export-<date>.jsonl and the results section of export/README.md.

Usage (from benchmarks/, after run.sh has built and generated): /usr/bin/python3 export/run.py
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
OPS = {"csv": ["jfits", "stil", "astropy"], "fits": ["jfits", "stil", "astropy", "fitsio"],
       "parquet-snappy": ["jfits"], "parquet-zstd": ["jfits"], "parquet-none": ["jfits"], "arrow": ["jfits"]}
JVM_LIBS = {"jfits", "stil"}
WARMUP = 1
REPEATS = 3
# a library whose first call takes longer than this does no warm-up and stops once its timed calls
# add up to BUDGET_S (at least one)
SLOW_S = 10.0
BUDGET_S = 60.0


def source():
    """The scalar columns of the 2M-row benchmark table as their own file (written once, by fitsio)."""
    path = os.path.join(BENCH, "target", "export", "scalars-%d.fits" % ROWS)
    if not os.path.exists(path):
        import fitsio
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with fitsio.FITS(tables.table(ROWS)) as f:
            names = [n for n in f[1].get_colnames() if n != "SPEC"]
        fitsio.write(path + ".tmp", fitsio.read(tables.table(ROWS), ext=1, columns=names), clobber=True)
        os.rename(path + ".tmp", path)
    return path


def data_bytes(path):
    import fitsio
    with fitsio.FITS(path) as f:
        h = f[1].read_header()
        return h["NAXIS1"] * h["NAXIS2"]


def ask(worker, lib, op, path, outdir):
    worker.p.stdin.write("%s %s %s %s\n" % (lib, op, path, outdir))
    worker.p.stdin.flush()
    line = worker.p.stdout.readline().strip()
    if not line.startswith("OK "):
        raise RuntimeError("%s %s: %s" % (lib, op, line))
    return float(line.split()[1]), int(line.split()[2])


def timings(jvm, py, path, outdir, log):
    results = []
    for op, libs in OPS.items():
        times = {lib: [] for lib in libs}
        sizes = {}
        slow = set()
        for rep in range(WARMUP + REPEATS):
            order = libs[rep % len(libs):] + libs[:rep % len(libs)]
            for lib in order:
                done = len(times[lib]) >= REPEATS or (lib in slow and sum(times[lib]) >= BUDGET_S)
                if done:
                    continue
                s, size = ask(jvm if lib in JVM_LIBS else py, lib, op, path, outdir)
                sizes[lib] = size
                if rep == 0 and s > SLOW_S:
                    slow.add(lib)
                if rep >= WARMUP or lib in slow:
                    times[lib].append(s)
                log("%-8s %-15s rep %d %.3f s (%d bytes)" % (lib, op, rep, s, size))
        for lib in libs:
            t = times[lib]
            results.append({"lib": lib, "op": op, "rows": ROWS, "output_bytes": sizes[lib],
                            "median_s": statistics.median(t), "min_s": min(t), "max_s": max(t), "n": len(t)})
    return results


def markdown(results, meta, source_bytes):
    mb = source_bytes / 1e6
    by = {(r["lib"], r["op"]): r for r in results}
    lines = ["Run of %s on %s (%d cores, %s GB), commit %s. Source: %d rows, %.0f MB of table data. Medians"
             " of up to %d after %d warm-up (slow writers: no warm-up, as many as fit in %d s); MB/s = source"
             " MB / median; speed-up = peer's median / jfits' median (above 1: jfits faster)."
             % (meta["date"], meta["machine"]["cpu"], meta["machine"]["cores"], meta["machine"]["mem_gb"],
                meta["commit"], ROWS, mb, REPEATS, WARMUP, BUDGET_S), "",
             "| op | library | median (s) | MB/s | output (MB) | jfits speed-up |",
             "| --- | --- | ---: | ---: | ---: | ---: |"]
    for op, libs in OPS.items():
        j = by[("jfits", op)]["median_s"]
        for lib in libs:
            r = by[(lib, op)]
            lines.append("| %s | %s | %.3f | %.0f | %.1f | %s |" % (
                op, lib, r["median_s"], mb / r["median_s"], r["output_bytes"] / 1e6,
                "" if lib == "jfits" else "%.2f×" % (r["median_s"] / j)))
    best_peer = {op: min(by[(lib, op)]["median_s"] for lib in libs if lib != "jfits")
                 for op, libs in OPS.items() if len(libs) > 1}
    lines += ["", "No Parquet or Arrow writer runs here besides jfits' (no pyarrow); against the fastest"
              " peer's FITS and CSV writers of the same table, jfits' Parquet and Arrow exports are:", "",
              "| jfits op | against fastest FITS writer | against fastest CSV writer |", "| --- | ---: | ---: |"]
    for op in ["parquet-snappy", "parquet-zstd", "parquet-none", "arrow"]:
        j = by[("jfits", op)]["median_s"]
        lines.append("| %s | %.2f× | %.2f× |" % (op, best_peer["fits"] / j, best_peer["csv"] / j))
    return "\n".join(lines) + "\n"


def main():
    path = source()
    outdir = os.path.join(BENCH, "target", "export", "out")
    os.makedirs(outdir, exist_ok=True)
    now = datetime.datetime.now(datetime.timezone.utc)
    meta = {"date": now.strftime("%Y-%m-%dT%H:%M:%SZ"), "machine": tables.machine(),
            "commit": tables.commit(), "versions": tables.versions()}
    jvm = tables.Worker(["java", tables.XMX_TIMING] + tables.JAVA_FLAGS
                        + ["-cp", tables.classpath(), "org.jfits.bench.table.ExportHarness"])
    py = tables.Worker(["/usr/bin/python3", os.path.join(HERE, "py_worker.py")])
    try:
        results = timings(jvm, py, path, outdir, lambda m: print(m, flush=True))
    finally:
        jvm.close()
        py.close()
    source_bytes = data_bytes(path)
    out = tables.results_path("export", now, False)
    with open(out, "w") as f:
        for r in results:
            r.update({"source_bytes": source_bytes, "mb_per_s": source_bytes / 1e6 / r["median_s"],
                      "machine": meta["machine"], "date": meta["date"], "commit": meta["commit"]})
            f.write(json.dumps(r) + "\n")
        f.write(json.dumps({"meta": meta}) + "\n")
    md = markdown(results, meta, source_bytes)
    print(md)
    tables.replace_section(os.path.join(HERE, "README.md"), "results", md)
    print("wrote", out)


if __name__ == "__main__":
    main()
