"""The README's SPARQL example runs on the bundled sample and returns its money amounts."""

import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_query_returns_money_rows(tmp_path):
    query = re.search(r"```sparql\n(.*?)```", README.read_text(encoding="utf-8"), re.S).group(1)
    r = subprocess.run([sys.executable, "-m", "kg.cli", "build", "-o", str(tmp_path)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    store = ox.Store()
    store.load(path=str(tmp_path / "sample-report.ttl"), format=ox.RdfFormat.TURTLE)
    rows = [(row["text"].value, float(row["value"].value), row["currency"].value) for row in store.query(query)]
    assert ("1500万元", 15000000.0, "CNY") in rows
    assert rows == sorted(rows, key=lambda x: -x[1])
    assert all(c == "CNY" for _t, _v, c in rows)


def test_readme_named_query_snippet_runs(tmp_path):
    block = re.search(r"```python\nimport pyoxigraph as ox\nfrom kg import queries\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert block, "the README's named-query example is missing"
    r = subprocess.run([sys.executable, "-m", "kg.cli", "build", "-o", str(tmp_path / "exports")], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    code = "import pyoxigraph as ox\nfrom kg import queries\n" + block.group(1)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "CNY" in out.stdout
