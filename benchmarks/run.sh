#!/usr/bin/env bash
# Builds the project, writes the benchmark FITS files, checks that the readers agree, runs the JMH
# image-read benchmarks and writes results/image-read.jsonl (one line per lib/type/size) plus a
# Markdown ratio table on stdout. Extra arguments go to JMH, e.g. `./run.sh -p size=1024`.
# About 5 minutes on 2 cores.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
target="$here/target"
data="$target/bench-data"
jmh_json="$target/jmh-image-read.json"
results="$here/results/image-read.jsonl"

echo "== building" >&2
(cd "$repo" && mvn -B -o -q -pl benchmarks -am package -DskipTests >&2)

classpath="$target/classes:$(cat "$target/runtime-classpath.txt")"
props=(-Dorg.bytedeco.javacpp.cachedir="$target/javacpp-cache"
       -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
       -Djfits.bench.data="$data")

echo "== writing data files to $data" >&2
java "${props[@]}" -cp "$classpath" org.jfits.bench.DataGenerator "$data" >&2
echo "== checking that jfits and nom-tam-fits return identical values" >&2
java -Xmx3g "${props[@]}" -cp "$classpath" org.jfits.bench.ReadCheck "$data" >&2

echo "== running JMH" >&2
java -cp "$classpath" org.openjdk.jmh.Main ImageReadBenchmark \
  -jvmArgsAppend "-Xms3g -Xmx3g -Djava.awt.headless=true ${props[*]}" \
  -rf json -rff "$jmh_json" "$@" >&2

echo "== writing $results" >&2
/usr/bin/python3 "$here/jmh_to_jsonl.py" "$jmh_json" "$results" "$repo"
