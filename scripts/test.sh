#!/usr/bin/env bash
# Runs every test of jfits on a fresh machine: installs the reference tools and Jupyter, builds,
# tests, runs the benchmark gate (benchmarks/gate.sh: jfits no slower than the slowest peer), then executes
# the notebooks with the jfits kernel (scripts/notebooks.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/setup.sh test
mvn -B -ntp verify "$@"
benchmarks/gate.sh
scripts/notebooks.sh
