"""GraphML export of the entity network, ready for Gephi.

Gephi-safe by construction: named key ids (networkx's default ``d0, d1, …`` makes
Gephi read whatever lands on ``d3`` as the node label), only scalar values, node
ids that are valid XML NMTOKENs (the IRI kept in the ``iri`` attribute), unique
edge ids, and the XML declaration.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
from rdflib import Graph
from spacy.tokens import Doc

from .atomic import write_atomic
from .network import entity_network

# edge fields written as XML attributes, not data: the id, and the (source, target) order of the fact
_EDGE_META = ("id", "ends")
_XML_TYPES = ((bool, "boolean"), (int, "long"), (float, "double"), (str, "string"))
_NS = "http://graphml.graphdrawing.org/xmlns"


def _xml_type(value) -> str:
    for py, name in _XML_TYPES:
        if isinstance(value, py):
            return name
    raise TypeError(f"GraphML attribute values must be str, int, float or bool, not {type(value).__name__}")


def _keys(items, domain: str) -> dict[str, tuple[str, str]]:
    """Attribute name -> (key id, attr.type); one key per name, typed from its values."""
    types: dict[str, str] = {}
    for attrs in items:
        for name, value in attrs.items():
            t = _xml_type(value)
            if types.setdefault(name, t) != t:
                types[name] = "double" if {t, types[name]} == {"long", "double"} else "string"
    return {name: (f"{domain}_{name}", t) for name, t in sorted(types.items())}


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def graphml_bytes(net: nx.Graph) -> bytes:
    """Serialize a network with named, typed keys and explicit edge ids.

    networkx's writer cannot give a node key and an edge key the same
    ``attr.name`` (both ``label``, as Gephi wants) without clashing key ids, so
    kg writes the XML itself: key ids are ``node_<name>`` and ``edge_<name>``.
    """
    node_keys = _keys((a for _n, a in net.nodes(data=True)), "node")
    edge_attrs = [{k: v for k, v in a.items() if k not in _EDGE_META} for _u, _v, a in net.edges(data=True)]
    edge_keys = _keys(edge_attrs, "edge")
    root = ET.Element("graphml", {
        "xmlns": _NS,
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "xsi:schemaLocation": f"{_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
    })
    for domain, keys in (("node", node_keys), ("edge", edge_keys)):
        for name, (key_id, t) in keys.items():
            ET.SubElement(root, "key", {"id": key_id, "for": domain, "attr.name": name, "attr.type": t})
    graph = ET.SubElement(root, "graph", {"id": "G", "edgedefault": "directed" if net.is_directed() else "undirected"})
    for n, attrs in sorted(net.nodes(data=True)):
        node = ET.SubElement(graph, "node", {"id": n})
        for name in sorted(attrs):
            ET.SubElement(node, "data", {"key": node_keys[name][0]}).text = _text(attrs[name])
    for _u, _v, attrs in sorted(net.edges(data=True), key=lambda e: int(e[2]["id"][1:])):
        source, target = attrs["ends"]
        edge = ET.SubElement(graph, "edge", {"id": attrs["id"], "source": source, "target": target})
        for name in sorted(attrs):
            if name not in _EDGE_META:
                ET.SubElement(edge, "data", {"key": edge_keys[name][0]}).text = _text(attrs[name])
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def write_graphml(graph: Graph, doc: Doc, out_dir: Path, name: str, measurements: str = "attributes") -> Path:  # noqa: D417
    """Write ``out_dir/<name>.graphml`` (the entity network) atomically."""
    return write_atomic(Path(out_dir) / f"{name}.graphml", graphml_bytes(entity_network(graph, doc, measurements)))
