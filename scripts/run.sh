#!/usr/bin/env bash
# The main job: builds jfits and runs its command line on the sample file.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/setup.sh
file=${1:-samples/astropy_test0.fits}
out=${JFITS_OUT:-core/target/sample-out}
mkdir -p "$out"

bin/jfits info "$file"
echo
bin/jfits header "$file" --hdu 1 | head -n 12
echo "..."
bin/jfits export "$file" --hdu 1 --out "$out/hdu1.npy"
echo
echo "HDU 1 written to $out/hdu1.npy (load it with numpy.load)"
