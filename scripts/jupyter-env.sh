# Sourced by the notebook scripts with a folder of the build (e.g. target/jupyter): Jupyter's and
# IPython's data, configuration and runtime folders go there, so that nothing is written to ~.
jupyter_root=$(mkdir -p "$1" && cd "$1" && pwd)
export JUPYTER_DATA_DIR=$jupyter_root/data
export JUPYTER_PATH=$jupyter_root/data
export JUPYTER_CONFIG_DIR=$jupyter_root/config
export JUPYTER_RUNTIME_DIR=$jupyter_root/runtime
export IPYTHONDIR=$jupyter_root/ipython
