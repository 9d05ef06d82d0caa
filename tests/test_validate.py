"""kg validate: built graphs conform to the SHACL shapes; a broken graph does not, readably."""

import os
import subprocess
import sys

from conftest import DATA


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_built_graph_conforms(tmp_path):
    assert run("build", str(DATA / "tiny-report.md"), "-o", str(tmp_path)).returncode == 0
    r = run("validate", str(tmp_path / "tiny-report.ttl"))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "conforms" in r.stdout


def test_broken_graph_fails_with_a_readable_report(tmp_path):
    assert run("build", str(DATA / "tiny-report.md"), "-o", str(tmp_path)).returncode == 0
    ttl = (tmp_path / "tiny-report.ttl").read_text(encoding="utf-8")
    broken = tmp_path / "broken.ttl"
    # a measurement without its value, and an approx outside the allowed ones
    broken.write_text(ttl + """
<https://w3id.org/kg-zh/id/report/x/measurement/1-2> a <https://w3id.org/kg-zh/ontology#Measurement> ;
    <https://w3id.org/kg-zh/ontology#approx> "roughly" ;
    <https://w3id.org/kg-zh/ontology#kind> "count" ;
    <https://schema.org/unitText> "个"@zh ;
    <https://w3id.org/kg-zh/ontology#start> 5 ; <https://w3id.org/kg-zh/ontology#end> 2 ;
    <https://w3id.org/kg-zh/ontology#text> "x"@zh .
""", encoding="utf-8")
    r = run("validate", str(tmp_path / "tiny-report.ttl"), str(broken))
    assert r.returncode == 1
    assert "does not conform" in r.stdout
    assert "schema:value" in r.stdout and "roughly" in r.stdout
    assert "1 of 2 graph(s) do not conform" in r.stderr


def test_unreadable_graph_exit_2(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle .", encoding="utf-8")
    r = run("validate", str(bad))
    assert r.returncode == 2 and r.stderr.startswith("kg: error: Cannot parse")
