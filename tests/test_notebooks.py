"""Every notebook in notebooks/ runs top to bottom (nbclient, a real Jupyter kernel)."""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

# what each notebook's outputs must show
EXPECTED = {
    "explore.ipynb": ["科创中国", "nmg-kexie-2022-work-report.txt"],
    "targets.ipynb": ["provinces with a 2025 growth target and result", "内蒙古自治区", "years with a GDP growth result"],
}
NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert NOTEBOOKS and {p.name for p in NOTEBOOKS} == set(EXPECTED)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path, shared):
    nb = nbformat.read(path, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "commit notebooks without outputs"
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(str(o.get("data", {}).get("text/plain", "")) + o.get("text", "") for o in outputs)
    assert all(expected in text for expected in EXPECTED[path.name]), path.name
