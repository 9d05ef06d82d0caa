"""Every export format: valid by its own rules, reads back, and is byte-for-byte reproducible."""

import csv
import io
import re
import subprocess
import sys

import networkx as nx
import pyoxigraph as ox
import pytest
from lxml import etree
from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from conftest import DATA

ALL = "turtle,ntriples,trig,nquads,jsonld,graphml,gexf,csv,html"
NAME = "https://w3id.org/kg-zh/id/report/tiny-report"


def build(out, *extra):
    r = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(DATA / "tiny-report.md"), "-o", str(out),
                        "--format", ALL, "--no-store", *extra], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return out


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return build(tmp_path_factory.mktemp("formats"))


@pytest.fixture(scope="module")
def reference(out):
    return Graph().parse(out / "tiny-report.ttl", format="turtle")


def _same(a: Graph, b: Graph):
    assert isomorphic(a, b), graph_diff(to_isomorphic(a), to_isomorphic(b))


@pytest.mark.parametrize("suffix,fmt,ox_fmt", [
    ("nt", "nt", ox.RdfFormat.N_TRIPLES),
    ("ttl", "turtle", ox.RdfFormat.TURTLE),
])
def test_triple_formats_round_trip(out, reference, suffix, fmt, ox_fmt):
    _same(Graph().parse(out / f"tiny-report.{suffix}", format=fmt), reference)
    store = ox.Store()
    store.load(path=str(out / f"tiny-report.{suffix}"), format=ox_fmt)
    assert len(store) == len(reference)


@pytest.mark.parametrize("suffix,fmt,ox_fmt", [
    ("trig", "trig", ox.RdfFormat.TRIG),
    ("nq", "nquads", ox.RdfFormat.N_QUADS),
    ("jsonld", "json-ld", ox.RdfFormat.JSON_LD),
])
def test_dataset_formats_hold_the_report_as_a_named_graph(out, reference, suffix, fmt, ox_fmt):
    ds = Dataset()
    ds.parse(out / f"tiny-report.{suffix}", format=fmt)
    named = Graph()
    for t in ds.graph(NAME):
        named.add(t)
    _same(named, reference)
    store = ox.Store()
    store.load(path=str(out / f"tiny-report.{suffix}"), format=ox_fmt)
    assert [g.value for g in store.named_graphs()] == [NAME]
    assert len(store) == len(reference)


def test_jsonld_has_a_context(out):
    import json

    doc = json.loads((out / "tiny-report.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"]["kg"] == "https://w3id.org/kg-zh/ontology#" and doc["@id"] == NAME
    assert any("kg:Measurement" in n.get("@type", []) for n in doc["@graph"])


def test_graphml_schema_rules_and_gephi_names(out):
    root = etree.parse(str(out / "tiny-report.graphml")).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert root.tag == "{http://graphml.graphdrawing.org/xmlns}graphml"
    keys = root.findall("g:key", ns)
    names = [(k.get("for"), k.get("attr.name")) for k in keys]
    assert len(names) == len(set(names)), "one key per name and domain"
    assert not {n for _d, n in names} & {"size", "x", "y", "r", "g", "b", "color"}
    assert ("node", "label") in names and ("edge", "weight") in names and ("edge", "label") in names
    nmtoken = re.compile(r"^[\w.:-]+$")
    node_ids = [n.get("id") for n in root.iter("{*}node")]
    assert all(nmtoken.match(i) for i in node_ids) and len(node_ids) == len(set(node_ids))
    edge_ids = [e.get("id") for e in root.iter("{*}edge")]
    assert all(nmtoken.match(i) for i in edge_ids) and len(edge_ids) == len(set(edge_ids))
    net = nx.read_graphml(out / "tiny-report.graphml")
    kinds = {a["kind"] for _u, _v, a in net.edges(data=True)}
    assert kinds == {"co-mention", "relation"}


def test_gexf_header_viz_and_read_back(out):
    raw = (out / "tiny-report.gexf").read_bytes()
    root = etree.fromstring(raw)
    assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
    assert root.nsmap["viz"] == "http://gexf.net/1.3/viz"
    assert root.nsmap["xsi"] == "http://www.w3.org/2001/XMLSchema-instance"
    colours = root.findall(".//{http://gexf.net/1.3/viz}color")
    assert colours and all(c.get("a") is None for c in colours)
    assert root.findall(".//{http://gexf.net/1.3/viz}size")
    net = nx.read_gexf(out / "tiny-report.gexf", version="1.3")
    assert all(a.get("label") and a.get("type") for _n, a in net.nodes(data=True))


def test_csv_tables_for_gephi(out):
    nodes = list(csv.DictReader(io.StringIO((out / "tiny-report.nodes.csv").read_text(encoding="utf-8"))))
    edges = list(csv.DictReader(io.StringIO((out / "tiny-report.edges.csv").read_text(encoding="utf-8"))))
    assert list(nodes[0])[:3] == ["Id", "Label", "Type"]
    assert list(edges[0])[:6] == ["Source", "Target", "Type", "Id", "Label", "Weight"]
    ids = {n["Id"] for n in nodes}
    assert all(e["Source"] in ids and e["Target"] in ids for e in edges)


def test_measurement_nodes_by_flag(tmp_path):
    build(tmp_path, "--measurements", "nodes")
    net = nx.read_graphml(tmp_path / "tiny-report.graphml")
    assert any(a["type"] == "Measurement" for _n, a in net.nodes(data=True))


def test_html_is_self_contained(out):
    page = (out / "tiny-report.html").read_text(encoding="utf-8")
    assert "vis.Network" in page and "<script src" not in page and "<link" not in page
    assert not re.search(r"https?://(?!w3id\.org|www\.w3\.org|schema\.org)", page.split("const DATA")[0][-200:])


def test_two_builds_are_byte_identical(tmp_path):
    a, b = build(tmp_path / "a"), build(tmp_path / "b")
    files = sorted(p.name for p in a.iterdir())
    assert len(files) == 10
    for name in files:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
