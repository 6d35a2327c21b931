# nbconvert configuration of scripts/notebooks.sh. After the last code cell, or after a failing one,
# the notebook as far as it ran, with its outputs and the error, is written to
# $JFITS_EXECUTED.ipynb and exported to $JFITS_EXECUTED.html, so that a failed run can be read
# (nbconvert itself writes nothing when a cell fails, and --allow-errors would hide the failure).
import os

import nbformat
from nbconvert import HTMLExporter

_running = {}


def _remember(notebook, **_):
    _running["notebook"] = notebook


def _write_when_done(cell, cell_index, execute_reply, **_):
    notebook = _running.get("notebook")
    base = os.environ.get("JFITS_EXECUTED")
    if notebook is None or not base:
        return
    failed = execute_reply["content"]["status"] == "error"
    last = max(i for i, c in enumerate(notebook.cells) if c.cell_type == "code")
    if failed or cell_index == last:
        nbformat.write(notebook, base + ".ipynb")
        html, _ = HTMLExporter().from_notebook_node(notebook)
        with open(base + ".html", "w", encoding="utf-8") as out:
            out.write(html)


c.ExecutePreprocessor.on_notebook_start = _remember  # noqa: F821 (c: the traitlets config)
c.ExecutePreprocessor.on_cell_executed = _write_when_done  # noqa: F821
