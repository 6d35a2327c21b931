#!/usr/bin/env bash
# One command for the cutout peer comparison: builds jfits and the harness, writes the float32
# images and box lists (once), then times jfits, nom-tam-fits, astropy (section, Cutout2D) and
# fitsio in one interleaved run. Results: benchmarks/results/cutouts-<date>.jsonl and the ratio
# section of benchmarks/cutouts/README.md. --quick for a short smoke run (256² and 1024² only).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bench=$(dirname "$here")
root=$(dirname "$bench")
quick=()
sizes=(256 1024 4096)
if [[ "${1:-}" == "--quick" ]]; then
  quick=(--quick)
  sizes=(256 1024)
fi
cd "$root"
scripts/setup.sh bench
mvn -B -q -ntp -pl benchmarks -am package -DskipTests
cd "$bench"
/usr/bin/python3 "$here/gen_images.py" target/cutouts "${sizes[@]}"
/usr/bin/python3 "$here/run.py" "${quick[@]}"
