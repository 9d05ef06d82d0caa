"""CSV export of the entity network in the shape of Gephi's spreadsheet import:
``<name>.nodes.csv`` (Id, Label, Type, …) and ``<name>.edges.csv`` (Source, Target, Type, Id, Label, Weight, …)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
from rdflib import Graph
from spacy.tokens import Doc

from .atomic import write_atomic
from .network import entity_network

# Gephi's column names for the attributes it understands; the others keep their names.
_NODE_COLUMNS = {"label": "Label", "type": "Type"}
_EDGE_COLUMNS = {"label": "Label", "weight": "Weight", "kind": "Kind"}


def _csv(rows: list[list]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def tables(net: nx.MultiGraph) -> tuple[bytes, bytes]:
    """(nodes CSV, edges CSV) bytes."""
    extra = sorted({k for _n, a in net.nodes(data=True) for k in a} - set(_NODE_COLUMNS))
    nodes = [["Id", "Label", "Type", *extra]]
    for nid in sorted(net.nodes):
        a = net.nodes[nid]
        nodes.append([nid, a.get("label", ""), a.get("type", ""), *[a.get(k, "") for k in extra]])
    edges = [["Source", "Target", "Type", "Id", "Label", "Weight", "Kind"]]
    for _u, _v, a in sorted(net.edges(data=True), key=lambda e: int(e[2]["id"][1:])):
        s, t = a["ends"]
        edges.append([s, t, "Undirected", a["id"], a["label"], a["weight"], a.get("kind", "")])
    return _csv(nodes), _csv(edges)


def write_csv(graph: Graph, doc: Doc, out_dir: Path, name: str, measurements: str = "attributes") -> list[Path]:
    """Write ``<name>.nodes.csv`` and ``<name>.edges.csv`` atomically."""
    nodes, edges = tables(entity_network(graph, doc, measurements))
    return [write_atomic(Path(out_dir) / f"{name}.nodes.csv", nodes),
            write_atomic(Path(out_dir) / f"{name}.edges.csv", edges)]
