"""GraphML rules that matter to Gephi and to the GraphML schema, checked with lxml."""

import re

import networkx as nx
from lxml import etree

import kg
from kg.export.graphml import graphml_bytes, write_graphml
from kg.io import Source

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}
NMTOKEN = re.compile(r"^[\w.:-]+$")
TEXT = "河南省科协与郑州市科协举办论坛。河南省科协发布“科普中国”成果，郑州大学参与。"


def _built(nlp, tmp_path):
    src = Source(doc_id="tiny", text=TEXT)
    doc = kg.analyse(src, nlp)
    graph = kg.build_graph(doc, src)
    return write_graphml(graph, doc, tmp_path, "tiny")


def test_graphml_is_gephi_safe(nlp, tmp_path):
    path = _built(nlp, tmp_path)
    raw = path.read_bytes()
    assert raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    root = etree.fromstring(raw)
    assert root.tag == "{http://graphml.graphdrawing.org/xmlns}graphml"
    keys = root.findall("g:key", NS)
    key_ids = [k.get("id") for k in keys]
    assert len(key_ids) == len(set(key_ids))
    assert not any(re.fullmatch(r"d\d+", k) for k in key_ids)
    for k in keys:
        assert k.get("for") in ("node", "edge") and k.get("attr.type") in ("int", "long", "double", "boolean", "string")
    nodes = {n.get("id") for n in root.iter("{*}node")}
    assert all(NMTOKEN.match(n) for n in nodes)
    edge_ids = [e.get("id") for e in root.iter("{*}edge")]
    assert edge_ids and len(edge_ids) == len(set(edge_ids))
    for e in root.iter("{*}edge"):
        assert e.get("source") in nodes and e.get("target") in nodes
    for d in root.iter("{*}data"):
        assert d.get("key") in key_ids


def test_reads_back_with_label_and_type(nlp, tmp_path):
    g = nx.read_graphml(_built(nlp, tmp_path))
    assert g.number_of_nodes() >= 3
    for _n, attrs in g.nodes(data=True):
        assert attrs["label"] and attrs["type"] and attrs["iri"].startswith("https://")
    for _u, _v, attrs in g.edges(data=True):
        assert attrs["label"] == "co-mentioned" and attrs["weight"] >= 1
    weights = {frozenset((g.nodes[u]["label"], g.nodes[v]["label"])): a["weight"] for u, v, a in g.edges(data=True)}
    assert weights[frozenset(("河南省科协", "郑州市科协"))] == 1


def test_reproducible_bytes(nlp, tmp_path):
    a = _built(nlp, tmp_path / "a").read_bytes()
    b = _built(nlp, tmp_path / "b").read_bytes()
    assert a == b


def test_rejects_non_scalar_values():
    import pytest

    net = nx.Graph()
    net.add_node("a", label="x", bad=None)
    with pytest.raises(TypeError):
        graphml_bytes(net)
