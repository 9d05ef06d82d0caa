"""GEXF 1.3 export of the entity network: typed attributes, ``viz`` colours per entity type and
sizes by degree, for Gephi and Gephi Lite.

All edges are undirected (readers such as networkx refuse mixed graphs); a relation edge
keeps the fact's subject as its source.

Written by kg rather than networkx: networkx 3.6 writes a wrong ``xmlns:xsi`` for GEXF 1.3
and colours with an ``a`` attribute that Gephi Lite ignores.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
from rdflib import Graph
from spacy.tokens import Doc

from ..data import load_table
from .atomic import write_atomic
from .network import entity_network

NS = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
_TYPES = ((bool, "boolean"), (int, "long"), (float, "double"), (str, "string"))


def type_colours() -> dict[str, tuple[int, int, int]]:
    """Entity type -> (r, g, b), from the packaged palette."""
    return {r["type"]: tuple(int(r["hex"][i:i + 2], 16) for i in (1, 3, 5)) for r in load_table("palette.tsv")}


def _gexf_type(value) -> str:
    for py, name in _TYPES:
        if isinstance(value, py):
            return name
    raise TypeError(f"GEXF attribute values must be str, int, float or bool, not {type(value).__name__}")


def _text(value) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def gexf_bytes(net: nx.MultiGraph) -> bytes:
    colours = type_colours()
    root = ET.Element("gexf", {"xmlns": NS, "xmlns:viz": VIZ,
                                "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
                                "xsi:schemaLocation": f"{NS} {NS}/gexf.xsd", "version": "1.3"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "kg"
    ET.SubElement(meta, "description").text = "Entity network of a work report: co-mentions and typed relations"
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "undirected", "mode": "static"})
    node_attrs: dict[str, str] = {}
    for _n, a in net.nodes(data=True):
        for k, v in a.items():
            if k != "label":
                node_attrs.setdefault(k, _gexf_type(v))
    edge_attrs: dict[str, str] = {}
    for _u, _v, a in net.edges(data=True):
        for k, v in a.items():
            if k not in ("id", "ends", "label", "weight"):
                edge_attrs.setdefault(k, _gexf_type(v))
    ids = {}
    for cls, attrs in (("node", node_attrs), ("edge", edge_attrs)):
        block = ET.SubElement(graph, "attributes", {"class": cls, "mode": "static"})
        for n, (name, t) in enumerate(sorted(attrs.items())):
            ids[(cls, name)] = f"{cls[0]}{n}"
            ET.SubElement(block, "attribute", {"id": f"{cls[0]}{n}", "title": name, "type": t})
    nodes = ET.SubElement(graph, "nodes")
    degree = dict(net.degree())
    for nid in sorted(net.nodes):
        a = net.nodes[nid]
        node = ET.SubElement(nodes, "node", {"id": nid, "label": a.get("label", nid)})
        values = ET.SubElement(node, "attvalues")
        for name in sorted(k for k in a if k != "label"):
            ET.SubElement(values, "attvalue", {"for": ids[("node", name)], "value": _text(a[name])})
        r, g, b = colours.get(a.get("type", ""), (150, 150, 150))
        ET.SubElement(node, "viz:color", {"r": str(r), "g": str(g), "b": str(b)})
        ET.SubElement(node, "viz:size", {"value": f"{4 + 4 * math.sqrt(degree.get(nid, 0)):.2f}"})
    edges = ET.SubElement(graph, "edges")
    for _u, _v, a in sorted(net.edges(data=True), key=lambda e: int(e[2]["id"][1:])):
        s, t = a["ends"]
        edge = ET.SubElement(edges, "edge", {"id": a["id"], "source": s, "target": t, "label": a["label"],
                                             "weight": _text(float(a["weight"]))})
        values = ET.SubElement(edge, "attvalues")
        for name in sorted(k for k in a if k not in ("id", "ends", "label", "weight")):
            ET.SubElement(values, "attvalue", {"for": ids[("edge", name)], "value": _text(a[name])})
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def write_gexf(graph: Graph, doc: Doc, out_dir: Path, name: str, measurements: str = "attributes") -> Path:
    """Write ``out_dir/<name>.gexf`` (the entity network) atomically."""
    return write_atomic(Path(out_dir) / f"{name}.gexf", gexf_bytes(entity_network(graph, doc, measurements)))
