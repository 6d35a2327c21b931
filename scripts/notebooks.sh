#!/usr/bin/env bash
# Executes notebooks with the jfits kernel, as CI does; a notebook fails at its first failing cell:
#   scripts/notebooks.sh [--build-dir DIR] [--no-build] [NOTEBOOK...]
# NOTEBOOKs default to every .ipynb under notebooks/, gallery/ and parity-matrix/. The kernel is
# installed under DIR/jupyter (DIR: target by default), with Jupyter's own folders: nothing is
# written to ~. The executed notebook, its HTML and nbconvert's log go to DIR/notebooks/, also when a
# cell fails. Prints one line per notebook (ok or FAILED, seconds); exits 1 when any failed.
# --no-build: install the kernel from the build output as it is.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build_dir=target
install_options=()
notebooks=()
while (($#)); do
  case "$1" in
    --build-dir) build_dir=$2; shift 2 ;;
    --no-build) install_options+=(--no-build); shift ;;
    -*) echo "usage: scripts/notebooks.sh [--build-dir DIR] [--no-build] [NOTEBOOK...]" >&2; exit 2 ;;
    *) notebooks+=("$1"); shift ;;
  esac
done
if ((${#notebooks[@]} == 0)); then
  mapfile -t notebooks < <(find notebooks gallery parity-matrix -name '*.ipynb' \
    -not -path '*/.ipynb_checkpoints/*' 2>/dev/null | sort)
fi
if ((${#notebooks[@]} == 0)); then
  echo "notebooks: none to execute"
  exit 0
fi

source scripts/jupyter-env.sh "$build_dir/jupyter"
scripts/install-kernel.sh --data-dir "$JUPYTER_DATA_DIR" --prefix "$jupyter_root" \
  "${install_options[@]}" >/dev/null
out_root=$(mkdir -p "$build_dir/notebooks" && cd "$build_dir/notebooks" && pwd)

failed=0
for notebook in "${notebooks[@]}"; do
  relative=$(realpath --relative-to=. "$notebook")
  [[ $relative == ../* ]] && relative=$(basename "$notebook")
  out_dir=$out_root/$(dirname "$relative")
  name=$(basename "$notebook" .ipynb)
  mkdir -p "$out_dir"
  start=$(date +%s%N)
  if JFITS_EXECUTED=$out_dir/$name /usr/bin/python3 -m jupyter nbconvert \
    --config scripts/nbconvert_jfits.py --to notebook --execute \
    --ExecutePreprocessor.kernel_name=jfits --NotebookClient.shutdown_kernel=immediate \
    --output-dir "$out_dir" --output "$name" "$notebook" >"$out_dir/$name.log" 2>&1; then
    status=ok
  else
    status=FAILED
    failed=1
  fi
  millis=$((($(date +%s%N) - start) / 1000000))
  printf '%-6s %3d.%ds  %s\n' "$status" $((millis / 1000)) $((millis % 1000 / 100)) "$notebook"
  if [[ $status == FAILED ]]; then
    echo "  see $out_dir/$name.log and $out_dir/$name.html" >&2
  fi
done
exit "$failed"
