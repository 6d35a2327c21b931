#!/usr/bin/env bash
# Writes the performance report from the latest result files: plots (PNG) under
# benchmarks/results/plots/ and the generated part of docs/performance.md. Builds the benchmark
# module if needed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"
if [[ ! -f "$here/target/runtime-classpath.txt" || ! -d "$here/target/classes/org/jfits/bench/report" ]]; then
  mvn -B -q -ntp -pl benchmarks -am package -DskipTests
fi
java -Djava.awt.headless=true -cp "$here/target/classes:$(cat "$here/target/runtime-classpath.txt")" \
  org.jfits.bench.report.PerformanceReport "$here/results" "$root/docs/performance.md" "$@"
