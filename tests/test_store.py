"""The persistent store: one named graph per report, replaced atomically on rebuild."""

import signal
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from conftest import DATA
from kg.store import graph_names, nquads, ntriples, open_store, replace_graph, replace_graph_ntriples, replace_nquads


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


def test_a_failed_replacement_writes_nothing(tmp_path):
    store = open_store(tmp_path / "s")
    g = Graph().parse(data="<http://a/s> <http://a/p> <http://a/o1>, <http://a/o2> .", format="turtle")
    replace_graph(store, "http://a/g", g)
    bigger = Graph().parse(data="<http://a/s> <http://a/p> <http://a/o3>, <http://a/o4>, <http://a/o5> .", format="turtle")
    cut = ntriples(bigger, sort=True)[:-10]  # the bytes break off, as if the worker sending them died
    with pytest.raises(SyntaxError):
        replace_graph_ntriples(store, "http://a/g", cut)
    with pytest.raises(SyntaxError):
        replace_nquads(store, "http://a/g", nquads(bigger, "http://a/g")[:-10])
    objects = sorted(q.object.value for q in store.quads_for_pattern(None, None, None, ox.NamedNode("http://a/g")))
    assert objects == ["http://a/o1", "http://a/o2"]


TRICKY = r"""
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<http://a/s> <http://a/p> "引号\"与反斜杠\\，换行\n回车\r制表	"@zh ,
    "2565.5"^^xsd:decimal , "7"^^xsd:integer , "2022"^^xsd:gYear , "plain" , "typed"^^xsd:string , true ;
  <http://a/q> <http://a/o_x> , <https://w3id.org/kg-zh/id/place/150623> .
"""


def test_written_graph_equals_the_rdflib_graph(tmp_path):
    from rdflib import Dataset
    from rdflib.compare import isomorphic

    g = Graph().parse(data=TRICKY, format="turtle")
    assert len(g) == 9
    assert isomorphic(Graph().parse(data=ntriples(g).decode("utf-8"), format="nt"), g)
    ds = Dataset()
    ds.parse(data=nquads(g, "http://a/g").decode("utf-8"), format="nquads")
    assert isomorphic(Graph() + ds.graph(URIRef("http://a/g")), g)
    store = open_store(tmp_path / "s")
    replace_graph(store, "http://a/g", g)
    quads = store.quads_for_pattern(None, None, None, ox.NamedNode("http://a/g"))
    back = Graph().parse(data=ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    # Oxigraph, as RDF 1.1, does not tell "typed"^^xsd:string from "typed"; rdflib does
    assert isomorphic(back, Graph().parse(data=TRICKY.replace('"typed"^^xsd:string', '"typed"'), format="turtle"))


def test_replacing_leaves_only_the_new_graph_and_other_graphs_alone(tmp_path):
    store = open_store(tmp_path / "s")
    a = Graph().parse(data="<http://a/s> <http://a/p> <http://a/o1>, <http://a/o2> .", format="turtle")
    b = Graph().parse(data="<http://a/s> <http://a/p> <http://a/o3> .", format="turtle")
    replace_graph(store, "http://a/g1", a)
    replace_graph(store, "http://a/g2", a)
    replace_graph(store, "http://a/g1", b)
    replace_nquads(store, "http://a/g2", nquads(b, "http://a/g2"))
    replace_graph_ntriples(store, "http://a/g3", ntriples(a))
    got = {g: sorted(q.object.value for q in store.quads_for_pattern(None, None, None, ox.NamedNode(g)))
           for g in graph_names(store)}
    assert got == {"http://a/g1": ["http://a/o3"], "http://a/g2": ["http://a/o3"], "http://a/g3": ["http://a/o1", "http://a/o2"]}


def test_bulk_loaded_graph_replaces_the_old_one(tmp_path, monkeypatch):
    import kg.store

    monkeypatch.setattr(kg.store, "BULK_MIN", 1)
    store = open_store(tmp_path / "s")
    a = Graph().parse(data="<http://a/s> <http://a/p> <http://a/o1>, <http://a/o2> .", format="turtle")
    b = Graph().parse(data="<http://a/s> <http://a/p> <http://a/o3> .", format="turtle")
    replace_graph(store, "http://a/g", a)
    replace_graph(store, "http://a/h", a)
    replace_graph(store, "http://a/g", b)
    assert sorted(q.object.value for q in store.quads_for_pattern(None, None, None, ox.NamedNode("http://a/g"))) == ["http://a/o3"]
    assert len(store) == 3


def test_a_graph_over_the_bulk_limit_is_written_in_a_transaction(tmp_path, monkeypatch):
    import kg.store

    monkeypatch.setattr(kg.store, "BULK_MAX", 1)  # Store.load, not bulk_load
    monkeypatch.setattr(kg.store, "BULK_MIN", 1)
    store = open_store(tmp_path / "s")
    a = Graph().parse(data="<http://a/s> <http://a/p> <http://a/o1>, <http://a/o2> .", format="turtle")
    replace_graph(store, "http://a/g", a)
    replace_graph(store, "http://a/g", a)
    assert sorted(q.object.value for q in store) == ["http://a/o1", "http://a/o2"]


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


def test_a_term_in_two_positions_is_written_right_in_both():
    """Terms are formatted once per object: one used as subject and as object keeps its own spacing."""
    from rdflib.compare import isomorphic

    x, p, y = URIRef("http://a/x"), URIRef("http://a/p"), URIRef("http://a/y")
    g = Graph()
    g.add((x, p, y))
    g.add((y, p, x))
    g.add((p, p, p))
    assert isomorphic(Graph().parse(data=ntriples(g).decode("utf-8"), format="nt"), g)
    assert all(line.count(" ") == 3 for line in ntriples(g).decode("utf-8").splitlines())
