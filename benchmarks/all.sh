#!/usr/bin/env bash
# Every benchmark suite in turn (about 45 minutes on 2 cores), then the performance report
# (docs/performance.md and benchmarks/results/plots/). Run it on a quiet machine.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here/run.sh"
"$here/tables/run.sh"
"$here/cutouts/run.sh"
"$here/images/run.sh"
"$here/where/run.sh"
"$here/export/run.sh"
"$here/report.sh"
