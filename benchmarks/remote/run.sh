#!/usr/bin/env bash
# Remote cutouts: 100 cutouts of 64 x 64 from a 4096 x 4096 float32 image (64 MiB) served by a local
# nginx through the test proxy with 20 ms of latency per request, cold cache vs warm cache vs a whole
# download first; one JSON line per block size on stdout, also appended to ../results/remote-cutouts.jsonl.
#   ./run.sh [LATENCY_MS [BYTES_PER_SECOND [BLOCK_SIZE...]]]   defaults: 20, 0 (no cap), 1048576 262144
# Needs nginx (scripts/setup.sh test). About a minute on 2 cores.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$here/target"
latency="${1:-20}"
bandwidth="${2:-0}"
shift $(($# > 2 ? 2 : $#))
blocks=("$@")
((${#blocks[@]})) || blocks=(1048576 262144)
mkdir -p "$work" "$repo/benchmarks/results"

echo "== building core and its test classes" >&2
(cd "$repo" && mvn -B -q -o -pl core test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/test-classpath.txt" >&2)
classpath="$repo/core/target/test-classes:$repo/core/target/classes:$(cat "$work/test-classpath.txt")"

echo "== timing (latency ${latency} ms, bandwidth ${bandwidth} B/s, blocks ${blocks[*]})" >&2
commit="$(cd "$repo" && git rev-parse --short HEAD)"
java -Xmx2g -Dorg.bytedeco.javacpp.cachedir="$repo/core/target/javacpp-cache" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$classpath" \
  org.jfits.remote.RemoteBenchmark "$work" "$latency" "$bandwidth" "${blocks[@]}" |
  while read -r line; do
    echo "$line"
    echo "{\"date\": \"$(date -u +%F)\", \"commit\": \"$commit\", \"machine\": \"$(nproc) cores\", ${line#\{}" \
      >> "$repo/benchmarks/results/remote-cutouts.jsonl"
  done
