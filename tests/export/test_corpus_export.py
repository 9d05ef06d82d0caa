"""kg export: one entity network for all the reports in the store, entities merged across reports."""

import csv
import io
import re
import subprocess
import sys

import networkx as nx
import pyoxigraph as ox
import pytest
from lxml import etree
from rdflib import Dataset

import kg
from conftest import DATA
from kg.export.corpus import corpus_network, export_corpus, select_reports
from kg.export.network import entity_network
from kg.graph.iri import report_iri
from kg.store import open_store, replace_graph

OTHER = "# 山西省科协工作报告\n\n2022年，山西省科协举办第三届汾河科技论坛，投入资金320万元。太原市科协与山西省科协共同实施“科创中国”试点。\n"


def kg_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A store with two reports (sharing 山西省科协 and 第三届汾河科技论坛), and each report's own network."""
    tmp = tmp_path_factory.mktemp("corpus")
    (tmp / "other.md").write_text(OTHER, encoding="utf-8")
    store_path = tmp / "store"
    store = open_store(store_path)
    nets = {}
    for path in (DATA / "tiny-report.md", tmp / "other.md"):
        src = kg.read_source(path)
        doc = kg.analyse(src)
        graph = kg.build_graph(doc, src)
        replace_graph(store, str(report_iri(src.doc_id)), graph)
        nets[src.doc_id] = entity_network(graph, doc)
    del store
    return tmp, store_path, nets


def _edges(net):
    return {(a["kind"], a["ends"], a["label"]): a["weight"] for _u, _v, a in net.edges(data=True)}


def test_one_report_gives_its_own_network(built):
    _tmp, store_path, nets = built
    store = open_store(store_path, read_only=True)
    reports = [r for r in select_reports(store) if r.endswith("/tiny-report")]
    net = corpus_network(store, reports)
    own = nets["tiny-report"]
    assert sorted(net.nodes) == sorted(own.nodes)
    for n in own.nodes:
        assert {k: v for k, v in net.nodes[n].items() if k != "reports"} == own.nodes[n]
        assert net.nodes[n]["reports"] == 1
    assert _edges(net) == _edges(own)


def test_entities_merge_across_reports(built):
    _tmp, store_path, nets = built
    store = open_store(store_path, read_only=True)
    net = corpus_network(store, select_reports(store))
    assert set(net.nodes) == set(nets["tiny-report"].nodes) | set(nets["other"].nodes)
    shared = set(nets["tiny-report"].nodes) & set(nets["other"].nodes)
    assert shared and all(net.nodes[n]["reports"] == 2 for n in shared)
    for n in shared:
        assert net.nodes[n]["mentions"] == sum(nets[r].nodes[n]["mentions"] for r in nets)
    summed: dict = {}
    for r in nets:
        for key, w in _edges(nets[r]).items():
            summed[key] = summed.get(key, 0) + w
    assert _edges(net) == summed
    assert any(w == 2 for (kind, _e, _l), w in summed.items() if kind == "co-mention")


def test_graphml_is_gephi_clean_reads_back_and_is_reproducible(built):
    tmp, store_path, _nets = built
    r = kg_cli("export", "--store", str(store_path), "-o", str(tmp / "corpus.graphml"))
    assert r.returncode == 0, r.stderr
    raw = (tmp / "corpus.graphml").read_bytes()
    root = etree.fromstring(raw)
    keys = [(k.get("for"), k.get("attr.name")) for k in root.findall("{*}key")]
    assert len(keys) == len(set(keys)) and ("node", "reports") in keys
    assert all(re.match(r"^(node|edge)_\w+$", k.get("id")) for k in root.findall("{*}key"))
    assert not {n for _d, n in keys} & {"size", "x", "y", "r", "g", "b", "color"}
    ids = [n.get("id") for n in root.iter("{*}node")] + [e.get("id") for e in root.iter("{*}edge")]
    assert all(re.match(r"^[\w.:-]+$", i) for i in ids) and len(ids) == len(set(ids))
    net = nx.read_graphml(tmp / "corpus.graphml")
    assert net.number_of_nodes() > 5 and all(a["reports"] in (1, 2) for _n, a in net.nodes(data=True))
    assert kg_cli("export", "--store", str(store_path), "-o", str(tmp / "again.graphml")).returncode == 0
    assert (tmp / "again.graphml").read_bytes() == raw


@pytest.mark.parametrize("fmt", ["gexf", "csv", "html", "nquads", "trig"])
def test_other_formats_read_back(built, fmt):
    tmp, store_path, _nets = built
    out = tmp / f"corpus-{fmt}.{ {'nquads': 'nq'}.get(fmt, fmt)}"
    paths = export_corpus(store_path, out, fmt)
    assert paths == export_corpus(store_path, out, fmt) and all(p.exists() for p in paths)
    store = open_store(store_path, read_only=True)
    if fmt == "gexf":
        net = nx.read_gexf(paths[0], version="1.3")
        assert all(a.get("label") and a.get("type") for _n, a in net.nodes(data=True))
    elif fmt == "csv":
        nodes = list(csv.DictReader(io.StringIO(paths[0].read_text(encoding="utf-8"))))
        edges = list(csv.DictReader(io.StringIO(paths[1].read_text(encoding="utf-8"))))
        ids = {n["Id"] for n in nodes}
        assert "reports" in nodes[0] and all(e["Source"] in ids and e["Target"] in ids for e in edges)
    elif fmt == "html":
        page = paths[0].read_text(encoding="utf-8")
        assert "vis-network" in page.lower() and "山西省科协" in page and "http://" not in page.split("<script")[0]
    else:
        ds = Dataset()
        ds.parse(paths[0], format=fmt)
        back = ox.Store()
        back.load(path=str(paths[0]), format=ox.RdfFormat.N_QUADS if fmt == "nquads" else ox.RdfFormat.TRIG)
        assert len(back) == len(store) and sorted(g.value for g in back.named_graphs()) == select_reports(store)


def test_where_chooses_reports_and_errors_are_one_line(built):
    tmp, store_path, _nets = built
    r = kg_cli("export", "--store", str(store_path), "-o", str(tmp / "w.graphml"), "--where", 'CONTAINS(?title, "山西")')
    assert r.returncode == 0, r.stderr
    assert {a["reports"] for _n, a in nx.read_graphml(tmp / "w.graphml").nodes(data=True)} == {1}
    for where, code in (("CONTAINS(?title", "is not a SPARQL filter expression"), ('?title = "无此报告"', "No report in the store")):
        r = kg_cli("export", "--store", str(store_path), "-o", str(tmp / "x.graphml"), "--where", where)
        assert r.returncode == 2 and code in r.stderr and len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert not (tmp / "x.graphml").exists()
    r = kg_cli("export", "--store", str(tmp / "none"), "-o", str(tmp / "x.graphml"))
    assert r.returncode == 2 and "No store at" in r.stderr and len(r.stderr.strip().splitlines()) == 1
