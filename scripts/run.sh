#!/usr/bin/env bash
# The main job: builds jfits, installs its Java kernel and starts Jupyter on the gallery notebooks.
#   scripts/run.sh               Jupyter Notebook on localhost (JFITS_PORT, default 8888); open the
#                                printed URL (it holds the access token), pick "Java (jfits)"
#   scripts/run.sh --headless    executes every notebook instead (scripts/notebooks.sh) and exits
# Jupyter's folders and the kernel live under target/jupyter: nothing is written to ~. For a kernel
# in your own Jupyter, see scripts/install-kernel.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/setup.sh jupyter
if [[ "${1:-}" == "--headless" ]]; then
  shift
  exec scripts/notebooks.sh "$@"
fi

source scripts/jupyter-env.sh target/jupyter
scripts/install-kernel.sh --data-dir "$JUPYTER_DATA_DIR" --prefix "$jupyter_root"
notebook_dir=gallery
[[ -d $notebook_dir ]] || notebook_dir=.
port=${JFITS_PORT:-8888}
server_options=(--no-browser --ip=127.0.0.1 --port="$port" --notebook-dir="$notebook_dir")
# Jupyter refuses to start as root (containers, CI machines) unless told to
[[ $(id -u) -ne 0 ]] || server_options+=(--allow-root)
echo "starting Jupyter on http://localhost:$port (notebooks in $notebook_dir/); Ctrl-C stops it"
exec /usr/bin/python3 -m notebook "${server_options[@]}"
