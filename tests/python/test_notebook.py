"""The example notebook runs top to bottom against the installed package, offline, in under a minute."""

from __future__ import annotations

import time

import nbformat
from nbclient import NotebookClient

from conftest import EXAMPLES

NOTEBOOK = EXAMPLES / "routemap-walkthrough.ipynb"


def _text(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            parts.append(output.get("text", ""))
        elif "data" in output:
            parts.append(output["data"].get("text/plain", ""))
            parts.append(output["data"].get("text/html", ""))
    return "".join(parts)


def test_notebook_executes(tmp_path):
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    client = NotebookClient(notebook, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(EXAMPLES)}})
    start = time.perf_counter()
    client.execute()  # raises CellExecutionError on the first failing cell
    elapsed = time.perf_counter() - start
    assert elapsed < 60, f"the notebook took {elapsed:.0f} s"

    code_cells = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code_cells), "every code cell ran"
    for cell in code_cells:
        assert not any(o.get("output_type") == "error" for o in cell.outputs)
    everything = "".join(_text(c) for c in code_cells)
    assert "newham-organisation" in everything  # the framework list
    assert "did you mean" in everything          # the typo caught
    assert "12000 assessments scored" in everything
    assert "input copied: False" in everything
    assert "understanding.quantitative.fundamental.1" in everything  # a documented regression
    images = sum(1 for c in code_cells for o in c.outputs if "image/png" in o.get("data", {}))
    assert images >= 6, "the plots were drawn"
    # each chart of routemap.plot is shown, the progress chart both as small multiples and overall
    for call in ("rplot.radar(", "rplot.heatmap(", "rplot.progress(years)", 'by="overall"', "rplot.distribution("):
        drawn = [c for c in code_cells if call in c.source]
        assert drawn and all(any("image/png" in o.get("data", {}) for o in c.outputs) for c in drawn), call
