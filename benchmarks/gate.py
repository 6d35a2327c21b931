"""The benchmark gate of the test run: the smoke runs of the table and cutout comparisons (jfits
against nom-tam-fits, STIL, astropy and fitsio on small generated files, in one interleaved run
each), then one line per op with jfits' time against the slowest and the fastest peer.

An op fails the gate when jfits takes longer than the slowest peer times (1 + margin). A single
noisy reading does not fail the run: when an op fails, both suites are measured again and the run
fails only if the same op fails in both measurements.

Usage: benchmarks/gate.sh (writes the data files, then runs this), or from benchmarks/ after it:
/usr/bin/python3 gate.py
Environment: JFITS_GATE_MARGIN (default 0.25). The logs of the runs go to target/quick/.
"""
import glob
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
QUICK_DIR = os.path.join(HERE, "target", "quick")
SUITES = {
    "tables": (["/usr/bin/python3", "tables/run.py"], {"TABLES_QUICK": "1"}, "rows"),
    "cutouts": (["/usr/bin/python3", "cutouts/run.py", "--quick"], {}, "size"),
}
# lines of a result file that are not one library's timing of one op
NOT_A_LIBRARY = ("jvm-baseline", "python-none", "none")


def is_peer(lib):
    return not lib.startswith("jfits") and lib not in NOT_A_LIBRARY


def run_suite(name, attempt):
    cmd, env, _ = SUITES[name]
    os.makedirs(QUICK_DIR, exist_ok=True)
    started = time.time()
    log = os.path.join(QUICK_DIR, "%s-gate-%d.log" % (name, attempt))
    with open(log, "w") as out:
        done = subprocess.run(cmd, cwd=HERE, env=dict(os.environ, **env), stdout=out, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        sys.exit("gate: the %s smoke run failed (exit %d), see %s" % (name, done.returncode, log))
    files = sorted(glob.glob(os.path.join(QUICK_DIR, name + "-*.jsonl")), key=os.path.getmtime)
    if not files or os.path.getmtime(files[-1]) < started:
        sys.exit("gate: the %s smoke run wrote no results, see %s" % (name, log))
    return files[-1]


def medians(name, path):
    """(suite, size, op) -> {lib: median seconds} from one result file."""
    size_key = SUITES[name][2]
    out = {}
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            if "median_s" not in r or r["lib"] in NOT_A_LIBRARY:
                continue
            out.setdefault((name, r[size_key], r["op"]), {})[r["lib"]] = r["median_s"]
    return out


def measure(attempt):
    by_op = {}
    for name in SUITES:
        by_op.update(medians(name, run_suite(name, attempt)))
    return by_op


def verdicts(by_op, margin):
    """One row per op: jfits' median, the slowest and fastest peer, and whether jfits is too slow."""
    rows = []
    for key in sorted(by_op, key=lambda k: (k[0], k[1], k[2])):
        libs = by_op[key]
        peers = {lib: t for lib, t in libs.items() if is_peer(lib)}
        if "jfits" not in libs or not peers:
            continue
        slowest = max(peers, key=peers.get)
        fastest = min(peers, key=peers.get)
        jfits = libs["jfits"]
        rows.append({"key": key, "jfits": jfits, "slowest": slowest, "slowest_s": peers[slowest],
                     "fastest": fastest, "fastest_s": peers[fastest],
                     "fails": jfits > peers[slowest] * (1.0 + margin)})
    return rows


def print_table(rows, title):
    print(title)
    print("| suite | size | op | jfits (ms) | slowest peer | jfits / slowest | fastest peer | fastest / jfits | |")
    print("| --- | ---: | --- | ---: | --- | ---: | --- | ---: | --- |")
    for r in rows:
        suite, size, op = r["key"]
        print("| %s | %s | %s | %.3f | %s | %.3f | %s | %.2f× | %s |"
              % (suite, size, op, r["jfits"] * 1e3, r["slowest"], r["jfits"] / r["slowest_s"], r["fastest"],
                 r["fastest_s"] / r["jfits"], "SLOWER" if r["fails"] else "ok"))
    print(flush=True)


def main():
    margin = float(os.environ.get("JFITS_GATE_MARGIN", "0.25"))
    first = verdicts(measure(1), margin)
    if not first:
        sys.exit("gate: no op was measured")
    print_table(first, "Benchmark gate, measurement 1 (margin %.2f):" % margin)
    suspects = {r["key"] for r in first if r["fails"]}
    if not suspects:
        print("gate: jfits is not slower than the slowest peer on any of %d ops" % len(first))
        return
    second = verdicts(measure(2), margin)
    print_table(second, "Benchmark gate, measurement 2 (margin %.2f):" % margin)
    confirmed = sorted(r["key"] for r in second if r["fails"] and r["key"] in suspects)
    if confirmed:
        sys.exit("gate: jfits slower than the slowest peer by more than %.0f%% in two measurements: %s"
                 % (margin * 100, ", ".join("%s %s %s" % k for k in confirmed)))
    print("gate: %d op(s) slower in measurement 1 only (noise); none in both" % len(suspects))


if __name__ == "__main__":
    main()
