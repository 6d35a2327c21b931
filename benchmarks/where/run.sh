#!/usr/bin/env bash
# One command for the row filter comparison: builds jfits and the harness, writes the 2M-row table
# of the table benchmark (once), then times jfits, fitsio and astropy + numpy filtering it in one
# interleaved run. Results: benchmarks/results/where-<date>.jsonl and benchmarks/where/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bench=$(dirname "$here")
root=$(dirname "$bench")
cd "$root"
scripts/setup.sh bench
mvn -B -q -ntp -pl benchmarks -am package -DskipTests
cd "$bench"
/usr/bin/python3 tables/gen_tables.py target/tables 2000000
/usr/bin/python3 "$here/run.py"
