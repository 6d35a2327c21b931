#!/usr/bin/env bash
# The benchmark gate (smoke mode, about 3 minutes on 2 cores), run by scripts/test.sh after the
# build: quick table and cutout comparisons against the Python and JVM peers; fails when jfits is
# slower than the slowest peer on an op by more than JFITS_GATE_MARGIN (default 0.25) in two
# consecutive measurements (see gate.py). Builds the benchmark module only if it is not built yet.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"
scripts/setup.sh bench
if [[ ! -f "$here/target/runtime-classpath.txt" || ! -d "$here/target/classes/org" ]]; then
  mvn -B -q -ntp -pl benchmarks -am package -DskipTests
fi
cd "$here"
/usr/bin/python3 tables/gen_tables.py target/tables 200000 >/dev/null
/usr/bin/python3 cutouts/gen_images.py target/cutouts 256 1024 >/dev/null
/usr/bin/python3 gate.py
