#!/usr/bin/env bash
# Builds the project, writes the benchmark FITS files, checks that the readers agree, runs the JMH
# image-read benchmarks and writes results/image-read.jsonl (one line per lib/type/size) plus a
# Markdown ratio table on stdout. Extra arguments go to JMH, e.g. `./run.sh -p size=1024`.
# About 4 minutes on 2 cores.
#
# JFITS_BENCH_THP=1 runs the forks with transparent huge pages for malloc'd memory
# (GLIBC_TUNABLES=glibc.malloc.hugetlb=1) and for the Java heap (-XX:+UseTransparentHugePages);
# its lines are stored in the same results file with "config": "thp", beside the "default" ones.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
target="$here/target"
data="$target/bench-data"
jmh_json="$target/jmh-image-read.json"
results="$here/results/image-read.jsonl"

echo "== building" >&2
(cd "$repo" && mvn -B -q -ntp -pl benchmarks -am package -DskipTests >&2)

classpath="$target/classes:$(cat "$target/runtime-classpath.txt")"
props=(-Dorg.bytedeco.javacpp.cachedir="$target/javacpp-cache"
       -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
       -Djfits.bench.data="$data")

echo "== writing data files to $data" >&2
java "${props[@]}" -cp "$classpath" org.jfits.bench.DataGenerator "$data" >&2
echo "== checking that jfits and nom-tam-fits return identical values" >&2
java -Xmx3g "${props[@]}" -cp "$classpath" org.jfits.bench.ReadCheck "$data" >&2

config=default
fork_opts="-Xms3g -Xmx3g -Djava.awt.headless=true ${props[*]}"
if [[ "${JFITS_BENCH_THP:-0}" == 1 ]]; then
  config=thp
  export GLIBC_TUNABLES=glibc.malloc.hugetlb=1
  fork_opts="$fork_opts -XX:+UseTransparentHugePages"
fi

echo "== running JMH ($config)" >&2
java -cp "$classpath" org.openjdk.jmh.Main ImageReadBenchmark \
  -jvmArgsAppend "$fork_opts" \
  -rf json -rff "$jmh_json" "$@" >&2

echo "== writing $results" >&2
/usr/bin/python3 "$here/jmh_to_jsonl.py" "$jmh_json" "$results" "$repo" "$config"
