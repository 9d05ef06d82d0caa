"""The persistent store: one named graph per report, replaced atomically on rebuild."""

import signal
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest
from rdflib import Graph

from conftest import DATA
from kg.store import graph_names, open_store, replace_graph


def kg(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=cwd)


def counts(store_path):
    store = ox.Store.read_only(str(store_path))
    return {g: len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(g)))) for g in graph_names(store)}


def test_build_fills_the_store_and_rebuild_keeps_the_count(tmp_path):
    assert kg("build", str(DATA / "tiny-report.md"), cwd=tmp_path).returncode == 0
    first = counts(tmp_path / "exports" / "store")
    assert len(first) == 1 and next(iter(first.values())) > 100
    assert kg("build", str(DATA / "tiny-report.md"), cwd=tmp_path).returncode == 0
    assert counts(tmp_path / "exports" / "store") == first
    r = kg("query", "measurements", "--format", "json", cwd=tmp_path)  # from the store: no Turtle path
    assert r.returncode == 0 and "320 万元" in r.stdout


def test_rebuilding_one_report_leaves_the_others(tmp_path):
    other = tmp_path / "other.md"
    other.write_text("# 山西省科协工作报告\n\n全年举办活动30场。", encoding="utf-8")
    assert kg("build", str(DATA / "tiny-report.md"), str(other), "-o", str(tmp_path / "out")).returncode == 0
    before = counts(tmp_path / "out" / "store")
    other.write_text("# 山西省科协工作报告\n\n全年举办活动30场，培训100人。", encoding="utf-8")
    assert kg("build", str(other), "-o", str(tmp_path / "out")).returncode == 0
    after = counts(tmp_path / "out" / "store")
    tiny = next(g for g in before if g.endswith("/tiny-report"))
    changed = next(g for g in before if g.endswith("/other"))
    assert after[tiny] == before[tiny] and after[changed] > before[changed]


def test_a_failed_replacement_writes_nothing(tmp_path, monkeypatch):
    store = open_store(tmp_path / "s")
    g = Graph().parse(data="<http://a/s> <http://a/p> <http://a/o1>, <http://a/o2> .", format="turtle")
    replace_graph(store, "http://a/g", g)
    original = Graph.serialize

    def cut_short(self, *args, **kwargs):  # the update text breaks off, as if the writer died
        return original(self, *args, **kwargs)[:-10]

    monkeypatch.setattr(Graph, "serialize", cut_short)
    bigger = Graph().parse(data="<http://a/s> <http://a/p> <http://a/o3>, <http://a/o4>, <http://a/o5> .", format="turtle")
    with pytest.raises(SyntaxError):
        replace_graph(store, "http://a/g", bigger)
    objects = sorted(q.object.value for q in store.quads_for_pattern(None, None, None, ox.NamedNode("http://a/g")))
    assert objects == ["http://a/o1", "http://a/o2"]


def test_interrupted_build_leaves_every_report_whole(tmp_path, shared):
    reports = [str(p) for p in sorted((shared / "corpus").glob("*.txt"))]
    assert kg("build", *reports, "-o", str(tmp_path / "out")).returncode == 0
    whole = counts(tmp_path / "out" / "store")
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", *reports, "-o", str(tmp_path / "out")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(3.0)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert "Traceback" not in err
    assert counts(tmp_path / "out" / "store") == whole
