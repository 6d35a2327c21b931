#!/usr/bin/env bash
# An IO-bound training loop over remote cutouts (org.jfits.remote.DatasetPrefetchBenchmark): 384
# cutouts of 32 x 32 from 24 remote 1024 x 1024 images served by a local nginx through the test proxy
# with LATENCY_MS per request, batches of 32 each followed by a STEP_MS training step; prefetch off
# and on, cold and warm cache. One JSON line on stdout, also appended to ../results/remote-prefetch.jsonl.
#   ./prefetch.sh [LATENCY_MS [STEP_MS]]   defaults: 20, 30
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$here/target"
mkdir -p "$work" "$repo/benchmarks/results"
(cd "$repo" && mvn -B -q -o -pl core test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/test-classpath.txt" >&2)
classpath="$repo/core/target/test-classes:$repo/core/target/classes:$(cat "$work/test-classpath.txt")"
commit="$(cd "$repo" && git rev-parse --short HEAD)"
java -Xmx2g -Dorg.bytedeco.javacpp.cachedir="$repo/core/target/javacpp-cache" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$classpath" \
  org.jfits.remote.DatasetPrefetchBenchmark "$work" "${1:-20}" "${2:-30}" |
  while read -r line; do
    echo "$line"
    echo "{\"date\": \"$(date -u +%F)\", \"commit\": \"$commit\", \"machine\": \"$(nproc) cores\", ${line#\{}" \
      >> "$repo/benchmarks/results/remote-prefetch.jsonl"
  done
