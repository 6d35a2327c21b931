#!/usr/bin/env bash
# Runs every test of jfits on a fresh machine: installs the reference tools, builds, tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/setup.sh test
mvn -B -ntp verify "$@"
