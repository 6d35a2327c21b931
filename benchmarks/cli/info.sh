#!/usr/bin/env bash
# `jfits info` over 1000 files against astropy's `fitsinfo` over the same files, each one process
# (start-up included, as a user runs them): 1000 copies of the three real sample files of samples/
# under target/cli-info/. Prints the wall times and appends a JSON line to ../results/cli-info.jsonl.
# Run after the project is built (bin/jfits builds it when needed).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work="$here/../target/cli-info"
mkdir -p "$work"
samples=("$root/samples/astropy_test0.fits" "$root/samples/fv_ngc1316o.fits" "$root/samples/fv_rosat_evt.fits")
if [[ ! -f "$work/f0999.fits" ]]; then
  for i in $(seq 0 999); do cp "${samples[$((i % 3))]}" "$work/$(printf 'f%04d.fits' "$i")"; done
fi
ls "$work"/f*.fits > "$work/list.txt"
"$root/bin/jfits" info "$work/f0000.fits" > /dev/null   # builds if needed; warms the page cache
# astropy's fitsinfo command (Debian installs the module, not the script)
fitsinfo=(/usr/bin/python3 -c "import sys; from astropy.io.fits.scripts import fitsinfo; fitsinfo.main(sys.argv[1:])")
"${fitsinfo[@]}" "$work/f0000.fits" > /dev/null
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" > /dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
jfits1=$(seconds "$root/bin/jfits" info "@$work/list.txt")
jfits2=$(seconds "$root/bin/jfits" info -J 2 -f jsonl "@$work/list.txt")
astropy=$(seconds xargs -a "$work/list.txt" "${fitsinfo[@]}")
echo "jfits info (1 worker): $jfits1 s; jfits info -J 2 -f jsonl: $jfits2 s; astropy fitsinfo: $astropy s"
echo "{\"date\": \"$(date -u +%FT%TZ)\", \"commit\": \"$(cd "$root" && git rev-parse --short HEAD)\", \"machine\": \"$(nproc) cores\", \"files\": 1000, \"jfits_s\": $jfits1, \"jfits_j2_s\": $jfits2, \"fitsinfo_s\": $astropy}" \
  >> "$here/../results/cli-info.jsonl"
