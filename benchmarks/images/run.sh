#!/usr/bin/env bash
# One command for the image read and write comparison: builds jfits and the harness, writes the
# images (once, with astropy) and the 2M-row table (once, shared with the table benchmark), then
# times jfits, nom-tam-fits, astropy and fitsio in one interleaved run. Results:
# benchmarks/results/images-<date>.jsonl and a ratio table on stdout. About 10 minutes on 2 cores.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bench=$(dirname "$here")
root=$(dirname "$bench")
cd "$root"
scripts/setup.sh bench
mvn -B -q -ntp -pl benchmarks -am package -DskipTests
cd "$bench"
/usr/bin/python3 "$here/gen_images.py" target/images
/usr/bin/python3 tables/gen_tables.py target/tables 2000000
/usr/bin/python3 "$here/run.py"
