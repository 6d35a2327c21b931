#!/usr/bin/env bash
# Installs the jfits Java kernel for Jupyter ("Java (jfits)" in the notebook's kernel list):
#   scripts/install-kernel.sh [--data-dir DIR] [--prefix DIR] [--no-build]
#     --data-dir DIR  the Jupyter data folder; the kernelspec goes to DIR/kernels/jfits
#                     (default: $JUPYTER_DATA_DIR, else the user's, as `jupyter --data-dir` says)
#     --prefix DIR    the kernel's jars go to DIR/lib/jfits-kernel (default: ~/.local); ND4J unpacks
#                     its native libraries into DIR/lib/jfits-kernel/javacpp-cache when first used
#     --no-build      use the build output as it is (fails when there is none)
# Builds core and kernel-ext first when their build output is missing or older than their sources.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

data_dir=${JUPYTER_DATA_DIR:-}
prefix=$HOME/.local
build=yes
while (($#)); do
  case "$1" in
    --data-dir) data_dir=$2; shift 2 ;;
    --prefix) prefix=$2; shift 2 ;;
    --no-build) build=no; shift ;;
    *) echo "usage: scripts/install-kernel.sh [--data-dir DIR] [--prefix DIR] [--no-build]" >&2; exit 2 ;;
  esac
done
python=/usr/bin/python3  # Debian's, with Jupyter; elsewhere (binder) the python3 on PATH
[[ -x $python ]] || python=python3
if [[ -z "$data_dir" ]]; then
  data_dir=$("$python" -m jupyter --data-dir)
fi

classpath_file=kernel-ext/target/runtime-classpath.txt
classes=kernel-ext/target/classes
if [[ $build == yes ]] && { [[ ! -f $classpath_file || ! -f $classes/org/jfits/kernel/KernelMain.class ]] ||
  [[ -n $(find pom.xml core/pom.xml core/src/main kernel-ext/pom.xml kernel-ext/src/main \
    -newer "$classpath_file" -print -quit) ]]; }; then
  mvn -B -ntp -q -pl kernel-ext -am -DskipTests package
  touch "$classpath_file"
fi
if [[ ! -f $classpath_file || ! -f $classes/org/jfits/kernel/KernelMain.class ]]; then
  echo "install-kernel: no build of kernel-ext found (run without --no-build)" >&2
  exit 1
fi

# The kernel's class path: its own classes, jfits-core and their runtime dependencies, with native
# libraries for linux-x86_64 only. Class folders (a build that stopped before packaging) become jars.
mkdir -p "$prefix/lib"
lib=$(cd "$prefix/lib" && pwd)/jfits-kernel
rm -rf "$lib.new"
mkdir -p "$lib.new"
IFS=':' read -r -a entries < "$classpath_file" || true  # the file has no final newline
for entry in "$PWD/$classes" "${entries[@]}"; do
  if [[ -d "$entry" ]]; then
    module=$(basename "$(dirname "$(dirname "$entry")")")
    jar --create --file "$lib.new/jfits-$module.jar" -C "$entry" .
  elif [[ "$entry" =~ -(android|ios|macosx|windows|linux)-[^/]*\.jar$ && "$entry" != *-linux-x86_64.jar ]]; then
    continue  # another platform's native libraries
  else
    cp "$entry" "$lib.new/"
  fi
done
rm -rf "$lib" && mv "$lib.new" "$lib"

source scripts/java-flags.sh
java=$(command -v java)
java_args=("${jfits_java_flags[@]}" "-Dorg.bytedeco.javacpp.cachedir=$lib/javacpp-cache" -cp "$lib/*")
# A class-data archive of what a kernel loads to run its first cell (the compiler mostly) shortens
# every kernel's start; made by one warm-up run, for this java and these jars.
if "$java" "${java_args[@]}" -XX:ArchiveClassesAtExit="$lib/kernel.jsa" \
  org.jfits.kernel.KernelMain --warm-up >/dev/null 2>&1 && [[ -f $lib/kernel.jsa ]]; then
  java_args=(-XX:SharedArchiveFile="$lib/kernel.jsa" "${java_args[@]}")
fi
spec="$data_dir/kernels/jfits"
mkdir -p "$spec"
"$python" - "$spec/kernel.json" "$java" "${java_args[@]}" \
  org.jfits.kernel.KernelMain '{connection_file}' <<'PY'
import json, sys
path, argv = sys.argv[1], sys.argv[2:]
spec = {"argv": argv, "display_name": "Java (jfits)", "language": "java",
        "interrupt_mode": "message", "metadata": {"debugger": False},
        # huge pages for large arrays (see scripts/java-flags.sh)
        "env": {"GLIBC_TUNABLES": "glibc.malloc.hugetlb=1"}}
with open(path, "w") as f:
    json.dump(spec, f, indent=2)
    f.write("\n")
PY
echo "installed the jfits kernel: $spec (jars in $lib)"
