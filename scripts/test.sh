#!/usr/bin/env bash
# Runs every test of jfits on a fresh machine: installs the reference tools and Jupyter, builds,
# tests, then executes the notebooks with the jfits kernel (scripts/notebooks.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/setup.sh test
mvn -B -ntp verify "$@"
scripts/notebooks.sh
