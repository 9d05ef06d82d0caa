"""The entity network: the view of a report graph that GraphML, GEXF, CSV and the HTML page show.

Nodes are entities (label, type, iri, mentions, division code for places). Edges are
weighted co-mentions (named in one sentence; weight = number of such sentences) and
typed relations from the facts (label = the relation, weight = number of facts, the
fact's subject as source). Measurements are folded into their subject's attributes
(``measurements``, ``money_cny``, ``people``), or, with ``measurements="nodes"``, kept
as nodes linked to what they measure and to their subject.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS
from spacy.tokens import Doc

from ..graph.build import co_mentions
from ..graph.namespace import ENTITY_CLASSES, KG, SCHEMA

TYPES = {cls: str(cls).rsplit("#", 1)[1] for cls, _reused, _seg in ENTITY_CLASSES.values()}
_PEOPLE_UNITS = {"人", "人次", "名", "位"}


def node_id(iri: URIRef) -> str:
    """An NMTOKEN id from an IRI: its last two path segments (``org-1a2b…``, ``place-150623``)."""
    tail = str(iri).rstrip("/").split("/")
    return f"{tail[-2]}-{tail[-1]}".replace("#", "-")


def _type(graph: Graph, node: URIRef) -> str:
    types = sorted(TYPES[t] for t in graph.objects(node, RDF.type) if t in TYPES)
    return types[0] if types else ("Concept" if (node, RDF.type, KG.Concept) in graph else "Entity")


def entity_network(graph: Graph, doc: Doc | None = None, measurements: str = "attributes") -> nx.MultiGraph:
    """Build the entity network of ``graph`` (co-mention weights from ``doc`` when given)."""
    net = nx.MultiGraph()
    entities = sorted(set(graph.subjects(RDF.type, KG.Entity)))
    for e in entities:
        attrs = {"label": str(graph.value(e, RDFS.label) or node_id(e)), "type": _type(graph, e), "iri": str(e),
                 "mentions": int(graph.value(e, KG.mentionCount) or 0)}
        code = graph.value(e, KG.divisionCode)
        if code is not None:
            attrs["division_code"] = str(code)
        net.add_node(node_id(e), **attrs)

    edges: list[tuple] = []
    pairs = co_mentions(doc) if doc is not None else [(a, b, 1) for a, b in sorted(graph.subject_objects(KG.coMentionedWith))]
    for a, b, weight in pairs:
        edges.append(("co-mention", node_id(a), node_id(b), "co-mentioned", weight))
    relations: Counter = Counter()
    for fact in graph.subjects(RDF.type, KG.Fact):
        s, o = graph.value(fact, KG.factSubject), graph.value(fact, KG.factObject)
        rel = graph.value(fact, KG.relation)
        if s is None or o is None or rel is None or node_id(s) not in net or node_id(o) not in net or s == o:
            continue
        relations[(node_id(s), node_id(o), str(rel).rsplit("#", 1)[1])] += 1
    for (s, o, rel), n in sorted(relations.items()):
        edges.append(("relation", s, o, rel, n))

    folded: list[tuple] = []
    for m in sorted(graph.subjects(RDF.type, KG.Measurement)):
        value = float(graph.value(m, SCHEMA.value))
        kind, unit = str(graph.value(m, KG.kind)), str(graph.value(m, SCHEMA.unitText))
        subject = graph.value(m, KG.subject)
        if measurements == "nodes":
            mid = node_id(m)
            net.add_node(mid, label=str(graph.value(m, RDFS.label)), type="Measurement", iri=str(m), value=value,
                         unit=unit, kind=kind, mentions=1)
            thing = graph.value(m, KG.measures)
            if thing is not None:
                tid = node_id(thing)
                if tid not in net:
                    net.add_node(tid, label=str(graph.value(thing, RDFS.label)), type=_type(graph, thing), iri=str(thing), mentions=0)
                edges.append(("measure", mid, tid, "measures", 1))
            if subject is not None and node_id(subject) in net:
                edges.append(("measure", mid, node_id(subject), "subject", 1))
        elif subject is not None and node_id(subject) in net:
            folded.append((node_id(subject), kind, unit, value))
    fold_measurements(net, folded)
    add_edges(net, edges)
    return net


def fold_measurements(net: nx.MultiGraph, measurements) -> None:
    """Fold ``(node id, kind, unit, value)`` measurements into their subject nodes' attributes:
    ``measurements`` (how many), ``money_cny`` (the money summed) and ``people`` (counts of people summed)."""
    folded: dict[str, Counter] = defaultdict(Counter)
    for sid, kind, unit, value in measurements:
        folded[sid]["measurements"] += 1
        if kind == "money":
            folded[sid]["money_cny"] += value
        elif kind == "count" and unit in _PEOPLE_UNITS:
            folded[sid]["people"] += value
    for nid, totals in folded.items():
        net.nodes[nid]["measurements"] = int(totals["measurements"])
        net.nodes[nid]["money_cny"] = float(totals["money_cny"])
        net.nodes[nid]["people"] = float(totals["people"])


def add_edges(net: nx.MultiGraph, edges: list[tuple]) -> None:
    """Add ``(kind, source, target, label, weight)`` edges in sorted order, ids ``e0``, ``e1``, …"""
    for n, (kind, a, b, label, weight) in enumerate(sorted(edges)):
        # "ends" keeps source and target in the fact's order: an undirected graph does not
        net.add_edge(a, b, key=f"e{n}", id=f"e{n}", ends=(a, b), kind=kind, label=label, weight=weight)
