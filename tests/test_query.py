"""kg query: named queries, .rq files and inline SPARQL over built graphs, in every output format."""

import json
import os
import subprocess
import sys

import pytest

from conftest import DATA
from kg import queries


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    d = tmp_path_factory.mktemp("q")
    r = run("build", str(DATA / "tiny-report.md"), "-o", str(d / "exports"))
    assert r.returncode == 0, r.stderr
    return d


def test_named_queries_are_packaged():
    assert {"entities", "places", "measurements", "facts", "program-places",
            "money-by-purpose", "headcounts-by-program"} <= set(queries.names())


@pytest.mark.parametrize("name", ["entities", "places", "measurements", "facts", "money-by-purpose", "headcounts-by-program"])
def test_each_named_query_runs_as_json(built, name):
    r = run("query", name, "--format", "json", cwd=built)  # no --graph: the default folder's graphs
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert "vars" in doc["head"] and isinstance(doc["results"]["bindings"], list)


def test_table_and_csv(built):
    r = run("query", "places", "--graph", str(built / "exports" / "tiny-report.ttl"))
    assert r.returncode == 0 and "太原市" in r.stdout and "140100" in r.stdout
    r = run("query", "measurements", "--format", "csv", cwd=built)
    lines = r.stdout.splitlines()
    assert lines[0].startswith("text,value,unit,approx,kind")
    assert any(line.startswith("320 万元,3200000,元,exact,money,资金,山西省科协,2022,reported") for line in lines)


def test_param_binds_a_variable(built):
    r = run("query", "program-places", "--param", "program=科普中国", "--format", "csv", cwd=built)
    assert r.returncode == 0, r.stderr
    rows = r.stdout.splitlines()[1:]
    assert rows and all(row.startswith("科普中国,") for row in rows)
    assert any(",太原市," in row for row in rows)


def test_rq_file_and_inline_text(built, tmp_path):
    rq = tmp_path / "count.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", encoding="utf-8")
    r = run("query", str(rq), "--format", "csv", cwd=built)
    assert r.returncode == 0 and int(r.stdout.splitlines()[1]) > 50
    r = run("query", "ASK { ?s a <https://w3id.org/kg-zh/ontology#Report> }", cwd=built)
    assert r.stdout.strip() == "true"
    r = run("query", "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 2", cwd=built)
    assert r.returncode == 0 and " a " in r.stdout


@pytest.mark.parametrize("args,message", [
    (("SELECT ?x WHERE {",), "does not parse"),
    (("no-such-query",), "No named query"),
    (("facts", "--param", "oops"), "KEY=VALUE"),
])
def test_bad_queries_exit_2_in_one_line(built, args, message):
    r = run("query", *args, cwd=built)
    assert r.returncode == 2 and message in r.stderr and r.stderr.count("\n") == 1


def test_no_graphs(tmp_path):
    r = run("query", "facts", cwd=tmp_path)
    assert r.returncode == 2 and "kg build" in r.stderr
