#!/usr/bin/env python3
"""Turns JMH's JSON output for ImageReadBenchmark into results JSONL, one line per lib/type/size,
with the machine, the date and the git commit, and prints the ratio table (medians) as Markdown.

Usage: jmh_to_jsonl.py JMH_JSON OUT_JSONL REPO_DIR [CONFIG]

CONFIG (default "default") names the run's settings; lines of other configs already in OUT_JSONL
are kept, lines of the same config are replaced.
"""
import datetime
import json
import os
import platform
import subprocess
import sys

LIBS = {"jfits": "jfits", "nomTam": "nom-tam-fits", "floor": "floor", "floorAlloc": "floor-alloc"}
OPS = {
    "jfits": "Fits.open(path).hdu(0).image().read() -> INDArray float32 (closed after use)",
    "nomTam": "new nom.tam.fits.Fits(file).readHDU().getKernel(); int16: + ImageData.convertTo(float.class)",
    "floor": "FileChannel positional read into a preallocated direct buffer + memcpy into a preallocated native buffer",
    "floorAlloc": "as floor, but the target is malloc'd and freed per call",
}


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def mem_gib():
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def git(repo, *args):
    try:
        return subprocess.run(["git", "-C", repo, *args], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def main():
    jmh_json, out, repo = sys.argv[1:4]
    config = sys.argv[4] if len(sys.argv) > 4 else "default"
    runs = json.load(open(jmh_json))
    commit = git(repo, "rev-parse", "HEAD")
    dirty = bool(git(repo, "status", "--porcelain", "--untracked-files=no", "--", "core", "benchmarks/src", "benchmarks/pom.xml", "pom.xml"))
    machine = {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "mem_gib": mem_gib(),
        "os": f"{platform.system()} {platform.release()}",
        "jvm": runs[0].get("vmName", "") + " " + runs[0].get("jdkVersion", "") if runs else None,
    }
    date = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()
    rows = []
    for r in runs:
        method = r["benchmark"].rsplit(".", 1)[1]
        metric = r["primaryMetric"]
        pct = metric.get("scorePercentiles", {})
        size = int(r["params"]["size"])
        typ = r["params"]["type"]
        n = sum(count for fork in metric.get("rawDataHistogram", []) for it in fork for _, count in it)
        bytes_per_pixel = 4 if typ == "float32" else 2
        rows.append({
            "lib": LIBS.get(method, method),
            "config": config,
            "op": "read_full_image",
            "type": typ if typ == "float32" else "int16+BSCALE",
            "size": size,
            "shape": [size, size],
            "data_bytes": size * size * bytes_per_pixel,
            "median": pct.get("50.0"),
            "score": metric["score"],
            "score_kind": "mean",
            "error": metric.get("scoreError"),
            "error_kind": "99.9% CI half-width of the mean",
            "min": pct.get("0.0"),
            "p90": pct.get("90.0"),
            "max": pct.get("100.0"),
            "unit": metric["scoreUnit"],
            "n": n,
            "mode": r["mode"],
            "forks": r["forks"],
            "warmup": f'{r["warmupIterations"]}x{r["warmupTime"]}',
            "measurement": f'{r["measurementIterations"]}x{r["measurementTime"]}',
            "what": OPS.get(method, ""),
            "machine": machine,
            "date": date,
            "commit": commit,
            "commit_dirty": dirty,
        })
    rows.sort(key=lambda x: (x["type"], x["size"], x["lib"]))
    kept = []
    if os.path.exists(out):
        with open(out) as f:
            kept = [json.loads(line) for line in f if line.strip()]
        kept = [x for x in kept if x.get("config", "default") != config]
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        for row in sorted(kept + rows, key=lambda x: (x.get("config", "default") != "default", x["type"], x["size"], x["lib"])):
            f.write(json.dumps(row) + "\n")

    med = {(x["lib"], x["type"], x["size"]): x["median"] for x in rows}
    print(f"Config: {config}. Machine: {machine['cpu']}, {machine['cores']} cores, {machine['jvm']}; {date}; commit {(commit or '?')[:10]}{' (dirty)' if dirty else ''}")
    print()
    print("| type | size | jfits (µs) | nom-tam-fits (µs) | floor (µs) | floor-alloc (µs) | jfits / floor | jfits / floor-alloc | jfits / nom-tam | nom-tam / jfits |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for typ in ("float32", "int16+BSCALE"):
        for size in sorted({x["size"] for x in rows}):
            j = med.get(("jfits", typ, size))
            if j is None:
                continue
            nt = med.get(("nom-tam-fits", typ, size))
            fl = med.get(("floor", typ, size))
            fa = med.get(("floor-alloc", typ, size))

            def ratio(a, b):
                return f"{a / b:.2f}" if a and b else "–"

            def num(v):
                return f"{v:,.0f}" if v is not None else "–"

            print(f"| {typ} | {size}² | {num(j)} | {num(nt)} | {num(fl)} | {num(fa)} | {ratio(j, fl)} | {ratio(j, fa)} | {ratio(j, nt)} | {ratio(nt, j)} |")


if __name__ == "__main__":
    main()
