#!/usr/bin/env bash
# One command for the export comparison: builds jfits and the harness, writes the 2M-row table of
# the table benchmark (once), then times jfits, STIL, astropy and fitsio converting its scalar
# columns in one interleaved run. Results: benchmarks/results/export-<date>.jsonl and
# benchmarks/export/README.md.
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
