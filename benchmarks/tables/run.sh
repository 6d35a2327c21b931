#!/usr/bin/env bash
# One command for the table peer comparison: builds jfits and the harness, writes the two tables
# (once), then times jfits, nom-tam-fits, STIL, astropy and fitsio in one interleaved run and
# measures peak RSS. Results: benchmarks/results/tables-<date>.jsonl and the ratio section of
# benchmarks/tables/README.md. TABLES_QUICK=1 for a short smoke run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bench=$(dirname "$here")
root=$(dirname "$bench")
cd "$root"
scripts/setup.sh bench
mvn -B -q -ntp -pl benchmarks -am package -DskipTests
cd "$bench"
rows=()
[[ "${TABLES_QUICK:-0}" == 1 ]] && rows=(200000)
/usr/bin/python3 "$here/gen_tables.py" target/tables ${rows[@]+"${rows[@]}"}
/usr/bin/python3 "$here/run.py"
