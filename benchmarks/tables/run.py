"""Drives the table peer comparison in one run: the JVM harness (jfits, nom-tam-fits, STIL) and the
Python worker (astropy, fitsio) are started once each and asked in turn, round-robin per repeat
(the order rotates each round), so machine drift hits every library alike. Then one fresh process
per library reads the whole 2M-row table and reports its peak RSS (VmHWM).

Usage (from benchmarks/, after run.sh has built and generated): /usr/bin/python3 tables/run.py
Environment: TABLES_QUICK=1 for a short smoke run (200k rows, 1 repeat, no RSS), written to
target/quick/tables-<date>-quick.jsonl. Otherwise writes results/tables-<date>.jsonl and replaces
the ratio section of tables/README.md.
"""
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
QUICK = os.environ.get("TABLES_QUICK") == "1"
SIZES = [200_000] if QUICK else [200_000, 2_000_000]
OPS = ["cols4", "all", "rows"]
JVM_LIBS = ["jfits", "jfits-1t", "nomtam", "stil"]
PY_LIBS = ["astropy", "fitsio"]
PEERS = ["nomtam", "stil", "astropy", "fitsio"]
WARMUP = {200_000: 2, 2_000_000: 1}
REPEATS = {200_000: 1 if QUICK else 7, 2_000_000: 5}
# a library whose read of this op takes longer than this does no warm-up and stops repeating once
# its timed reads add up to BUDGET_S (at least one timed read, n says how many)
SLOW_S = 8.0
BUDGET_S = 45.0
XMX_TIMING = "-Xmx10g"
XMX_RSS = "-Xmx6g"
JAVA_FLAGS = ["-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
              "-XX:+UseParallelGC"]


def table(rows):
    return os.path.join(BENCH, "target", "tables", "table-%d.fits" % rows)


def classpath():
    with open(os.path.join(BENCH, "target", "runtime-classpath.txt")) as f:
        return os.path.join(BENCH, "target", "classes") + ":" + f.read().strip()


def java_cmd(xmx, *args):
    return ["java", xmx] + JAVA_FLAGS + ["-cp", classpath(), "org.jfits.bench.table.TableHarness"] + list(args)


def py_cmd(*args):
    return ["/usr/bin/python3", os.path.join(HERE, "py_worker.py")] + list(args)


class Worker:
    def __init__(self, cmd):
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                  stderr=subprocess.DEVNULL, bufsize=1)
        line = self.p.stdout.readline().strip()
        if line != "READY":
            raise RuntimeError("worker did not start: %r %s" % (line, cmd))

    def ask(self, lib, op, path):
        self.p.stdin.write("%s %s %s\n" % (lib, op, path))
        self.p.stdin.flush()
        line = self.p.stdout.readline().strip()
        if not line.startswith("OK "):
            raise RuntimeError("%s %s %s: %s" % (lib, op, path, line))
        return float(line.split()[1])

    def close(self):
        self.p.stdin.write("quit\n")
        self.p.stdin.flush()
        self.p.wait(timeout=60)


def results_path(suite, now, quick):
    """Where a run's JSONL goes: results/SUITE-DATE.jsonl, or target/quick/SUITE-DATE-quick.jsonl for a
    smoke run (smoke runs check, they are not records of the machine)."""
    folder = os.path.join(BENCH, "target", "quick") if quick else os.path.join(BENCH, "results")
    os.makedirs(folder, exist_ok=True)
    return os.path.join(folder, "%s-%s%s.jsonl" % (suite, now.strftime("%Y-%m-%d"), "-quick" if quick else ""))


def replace_section(readme, name, text):
    """Replaces what lies between <!-- NAME:start --> and <!-- NAME:end --> in the README."""
    with open(readme) as f:
        old = f.read()
    a, b = "<!-- %s:start -->" % name, "<!-- %s:end -->" % name
    i, j = old.index(a) + len(a), old.index(b)
    with open(readme, "w") as f:
        f.write(old[:i] + "\n" + text + old[j:])


def machine():
    cpu = platform.processor()
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_kb = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    return {"cpu": cpu, "cores": os.cpu_count(), "mem_gb": round(mem_kb / 2**20, 1),
            "kernel": platform.release()}


def commit():
    try:
        c = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=BENCH, capture_output=True,
                           text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=BENCH,
                               capture_output=True, text=True).stdout.strip()
        return c + ("-dirty" if dirty else "")
    except OSError:
        return "unknown"


def versions():
    out = {}
    v = subprocess.run(["/usr/bin/python3", "-c", "import astropy, fitsio, numpy;"
                        "print(astropy.__version__, fitsio.__version__, numpy.__version__)"],
                       capture_output=True, text=True).stdout.split()
    out["astropy"], out["fitsio"], out["numpy"] = v
    out["nom-tam-fits"] = "1.21.2"
    out["stil"] = "4.3.5"
    out["java"] = subprocess.run(["java", "-version"], capture_output=True,
                                 text=True).stderr.splitlines()[0]
    return out


def timings(jvm, py, log):
    results = []
    for rows in SIZES:
        path = table(rows)
        for op in OPS:
            libs = JVM_LIBS + PY_LIBS
            times = {lib: [] for lib in libs}
            estimate = {}
            # estimate from the smaller table, scaled
            for lib in libs:
                prev = [r for r in results if r["lib"] == lib and r["op"] == op]
                estimate[lib] = prev[-1]["median_s"] * rows / prev[-1]["rows"] if prev else 0.0
            warm = WARMUP[rows]
            for rep in range(warm + REPEATS[rows]):
                order = libs[rep % len(libs):] + libs[:rep % len(libs)]
                for lib in order:
                    if rep < warm and estimate[lib] > SLOW_S:
                        continue
                    if rep >= warm and times[lib] and sum(times[lib]) > BUDGET_S:
                        continue
                    w = jvm if lib in JVM_LIBS else py
                    s = w.ask(lib, op, path)
                    if rep >= warm:
                        times[lib].append(s)
                    log("%-8s %-5s %8d rep %d %.3f s" % (lib, op, rows, rep, s))
            for lib in libs:
                t = times[lib]
                results.append({"lib": lib, "op": op, "rows": rows,
                                "rows_read": rows // 10 if op == "rows" else rows,
                                "columns_read": 4 if op == "cols4" else 15,
                                "median_s": statistics.median(t), "min_s": min(t), "max_s": max(t),
                                "n": len(t), "warmup": 0 if estimate[lib] > SLOW_S else warm})
    return results


def peak_rss(log):
    out = []
    path = table(SIZES[-1])
    runs = [("none", java_cmd(XMX_RSS, "once", "none", "all", path)),
            ("jfits", java_cmd(XMX_RSS, "once", "jfits", "all", path)),
            ("jfits-1t", java_cmd(XMX_RSS, "once", "jfits-1t", "all", path)),
            ("nomtam", java_cmd(XMX_RSS, "once", "nomtam", "all", path)),
            ("stil", java_cmd(XMX_RSS, "once", "stil", "all", path)),
            ("python-none", py_cmd("once", "none", "all", path)),
            ("astropy", py_cmd("once", "astropy", "all", path)),
            ("fitsio", py_cmd("once", "fitsio", "all", path))]
    for lib, cmd in runs:
        r = subprocess.run(cmd, capture_output=True, text=True)
        line = [x for x in r.stdout.splitlines() if x.startswith("OK ")]
        if not line:
            raise RuntimeError("%s: %s %s" % (lib, r.stdout, r.stderr[-2000:]))
        f = line[0].split()
        kb = int(f[3].split("=")[1])
        log("rss %-10s %8d kB (read %.2f s)" % (lib, kb, float(f[1])))
        out.append({"lib": "jvm-baseline" if lib == "none" else lib, "op": "all-peak-rss",
                    "rows": SIZES[-1], "peak_rss_kb": kb, "read_s": float(f[1]),
                    "jvm_flags": XMX_RSS if lib in JVM_LIBS or lib == "none" else None})
    return out


def ratio_markdown(results, rss, meta):
    lines = ["Run of %s on %s (%d cores, %s GB), commit %s. Times are medians (n in the JSONL);"
             % (meta["date"], meta["machine"]["cpu"], meta["machine"]["cores"],
                meta["machine"]["mem_gb"], meta["commit"]),
             "speed-up = fastest peer's median / jfits' median (target ≥ 1.5).", "",
             "| rows | op | jfits (s) | jfits 1 thread (s) | fastest peer | peer (s) | speed-up | 1-thread speed-up | target |",
             "| ---: | --- | ---: | ---: | --- | ---: | ---: | ---: | --- |"]
    for rows in SIZES:
        for op in OPS:
            by = {r["lib"]: r for r in results if r["rows"] == rows and r["op"] == op}
            j = by["jfits"]["median_s"]
            j1 = by["jfits-1t"]["median_s"]
            peer = min(PEERS, key=lambda p: by[p]["median_s"])
            p = by[peer]["median_s"]
            lines.append("| %d | %s | %.4f | %.4f | %s | %.4f | %.2f× | %.2f× | %s |"
                         % (rows, op, j, j1, peer, p, p / j, p / j1, "met" if p / j >= 1.5 else "missed"))
    lines += ["", "All medians (s):", "",
              "| rows | op | " + " | ".join(JVM_LIBS + PY_LIBS) + " |",
              "| ---: | --- |" + " ---: |" * len(JVM_LIBS + PY_LIBS)]
    for rows in SIZES:
        for op in OPS:
            by = {r["lib"]: r for r in results if r["rows"] == rows and r["op"] == op}
            lines.append("| %d | %s | " % (rows, op) + " | ".join(
                "%.4f" % by[lib]["median_s"] for lib in JVM_LIBS + PY_LIBS) + " |")
    if rss:
        by = {r["lib"]: r["peak_rss_kb"] for r in rss}
        lines += ["", "Peak RSS of one full read of the %d-row table, fresh process each (VmHWM):"
                  % SIZES[-1], "",
                  "| library | peak RSS (MB) | vs astropy |", "| --- | ---: | ---: |"]
        for lib in ["jvm-baseline", "jfits", "jfits-1t", "nomtam", "stil", "python-none", "astropy",
                    "fitsio"]:
            lines.append("| %s | %.0f | %.2f |" % (lib, by[lib] / 1024, by[lib] / by["astropy"]))
        lines.append("")
        lines.append("jfits / astropy peak RSS = %.2f (target ≤ 0.85); JVM baseline (no read, %s) %.0f MB."
                     % (by["jfits"] / by["astropy"], XMX_RSS, by["jvm-baseline"] / 1024))
    return "\n".join(lines) + "\n"


def main():
    for rows in SIZES:
        if not os.path.exists(table(rows)):
            sys.exit("missing %s: run tables/run.sh (it generates the tables)" % table(rows))
    now = datetime.datetime.now(datetime.timezone.utc)
    meta = {"date": now.strftime("%Y-%m-%dT%H:%M:%SZ"), "machine": machine(), "commit": commit(),
            "versions": versions(), "jvm_flags": " ".join([XMX_TIMING] + JAVA_FLAGS)}

    def log(msg):
        print(msg, flush=True)

    jvm = Worker(java_cmd(XMX_TIMING, "serve"))
    py = Worker(py_cmd("serve"))
    try:
        results = timings(jvm, py, log)
    finally:
        jvm.close()
        py.close()
    rss = [] if QUICK else peak_rss(log)
    out = results_path("tables", now, QUICK)
    with open(out, "w") as f:
        for r in results + rss:
            r.update({"machine": meta["machine"], "date": meta["date"], "commit": meta["commit"]})
            if r["lib"] in JVM_LIBS and "jvm_flags" not in r:
                r["jvm_flags"] = meta["jvm_flags"]
            f.write(json.dumps(r) + "\n")
        f.write(json.dumps({"meta": meta}) + "\n")
    md = ratio_markdown(results, rss, meta)
    print(md)
    if not QUICK:
        replace_section(os.path.join(HERE, "README.md"), "ratios", md)
    print("wrote", out)


if __name__ == "__main__":
    main()
