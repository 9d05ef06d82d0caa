"""Corpus-wide exports from the store: one entity network for all the reports built into it.

``kg export --store DIR -o FILE --format graphml|gexf|csv|html|nquads|trig [--where FILTER]``.

The network has the shape of the per-report one (``kg.export.network``), read from the
store with SPARQL instead of from one rdflib graph, so that a corpus of any size never
has to fit in rdflib:

- one node per entity IRI (IRIs are the same across reports built together): ``label``
  (the label most reports give it), ``type``, ``iri``, ``mentions`` (summed over the
  reports), ``reports`` (how many reports name it), ``division_code`` for places, and the
  folded measurements of the entity (``measurements``, ``money_cny``, ``people``) summed;
- co-mention edges (``kind`` ``co-mention``, ``label`` ``co-mentioned``) whose ``weight``
  is the number of sentences, in all reports, that name both entities, and relation
  edges (``kind`` ``relation``, ``label`` the relation) whose ``weight`` is the number of
  facts, the fact's subject as the source.

It is written by the per-report writers (GraphML, GEXF, CSV, HTML), so it is Gephi-clean
by the same rules: named keys, scalar values, NMTOKEN node ids with the IRI in ``iri``,
unique edge ids, no Gephi-reserved names as data, and byte-identical for the same store.
``nquads`` and ``trig`` write the selected reports' named graphs, sorted.

``--where`` is a SPARQL FILTER expression that chooses the reports, over ``?report`` (the
report's IRI, which is its named graph), ``?title`` (``schema:name``) and ``?date``
(``kg:date``), e.g. ``CONTAINS(?title, "政府工作报告")`` or ``YEAR(?date) >= 2020``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx

from ..errors import Errors, InputError
from .atomic import write_atomic

FORMATS = ("graphml", "gexf", "csv", "html", "nquads", "trig")
_SUFFIX = {"graphml": "graphml", "gexf": "gexf", "csv": "csv", "html": "html", "nquads": "nq", "trig": "trig"}
_PREFIXES = """PREFIX kg: <https://w3id.org/kg-zh/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""


def _values(reports: list[str]) -> str:
    return "VALUES ?g { " + " ".join(f"<{r}>" for r in reports) + " }"


def select_reports(store, where: str | None = None) -> list[str]:
    """The IRIs (named graphs) of the reports in ``store`` that pass the FILTER expression ``where``, sorted."""
    from ..sparql_guard import uses_service

    flt = f"FILTER({where})" if where and where.strip() else ""
    query = _PREFIXES + f"""SELECT DISTINCT ?report WHERE {{
  GRAPH ?report {{ ?r a kg:Report . OPTIONAL {{ ?r schema:name ?title }} OPTIONAL {{ ?r kg:date ?date }} }}
  {flt}
}}"""
    if where and uses_service(query):
        raise InputError(Errors.E022)
    try:
        rows = list(store.query(query))
    except SyntaxError as err:
        raise InputError(Errors.E051.format(where=where, reason=str(err).splitlines()[0])) from None
    return sorted(row["report"].value for row in rows)


def corpus_network(store, reports: list[str]) -> nx.MultiGraph:
    """The entity network of ``reports`` (named graphs of ``store``), entities merged by IRI."""
    from .network import TYPES, add_edges, fold_measurements, node_id

    net = nx.MultiGraph()
    if not reports:
        return net
    values = _values(reports)
    type_names = {str(cls): name for cls, name in TYPES.items()}
    labels: dict[str, set] = defaultdict(set)
    types: dict[str, set] = defaultdict(set)
    in_reports: dict[str, set] = defaultdict(set)
    mentions: Counter = Counter()
    codes: dict[str, str] = {}
    for row in store.query(_PREFIXES + f"""SELECT ?g ?e ?type ?label ?count ?code WHERE {{ {values}
  GRAPH ?g {{ ?e a kg:Entity . ?e a ?type .
    OPTIONAL {{ ?e rdfs:label ?label }} OPTIONAL {{ ?e kg:mentionCount ?count }} OPTIONAL {{ ?e kg:divisionCode ?code }} }} }}"""):
        e, g = row["e"].value, row["g"].value
        if row["type"].value in type_names:
            types[e].add(type_names[row["type"].value])
        if row["label"] is not None:
            labels[e].add((g, row["label"].value))
        if row["count"] is not None:
            mentions[(e, g)] = int(row["count"].value)
        if row["code"] is not None:
            codes[e] = min(codes.get(e, row["code"].value), row["code"].value)
        in_reports[e].add(g)
    for e in sorted(in_reports):
        votes = Counter(label for _g, label in labels[e])  # how many reports give each label
        label = min(votes, key=lambda x: (-votes[x], x)) if votes else node_id(e)
        attrs = {"label": label, "type": min(types[e]) if types[e] else "Entity", "iri": e,
                 "mentions": 0,
                 "reports": len(in_reports[e])}
        if e in codes:
            attrs["division_code"] = codes[e]
        net.add_node(node_id(e), **attrs)
    per_entity: Counter = Counter()
    for (e, _g), n in mentions.items():
        per_entity[e] += n
    for e, n in per_entity.items():
        net.nodes[node_id(e)]["mentions"] = n

    edges: list[tuple] = []
    co = store.query(_PREFIXES + f"""SELECT ?a ?b (COUNT(DISTINCT ?s) AS ?w) WHERE {{ {values}
  GRAPH ?g {{ ?m1 a kg:Mention ; kg:refersTo ?a ; kg:sentence ?s . ?m2 a kg:Mention ; kg:refersTo ?b ; kg:sentence ?s .
    ?a a kg:Entity . ?b a kg:Entity . FILTER(STR(?a) < STR(?b)) }} }} GROUP BY ?a ?b""")
    for row in co:
        a, b = node_id_of(row["a"].value), node_id_of(row["b"].value)
        if a in net and b in net:
            edges.append(("co-mention", a, b, "co-mentioned", int(row["w"].value)))
    facts = store.query(_PREFIXES + f"""SELECT ?s ?o ?rel (COUNT(?f) AS ?n) WHERE {{ {values}
  GRAPH ?g {{ ?f a kg:Fact ; kg:factSubject ?s ; kg:factObject ?o ; kg:relation ?rel }} FILTER(?s != ?o) }} GROUP BY ?s ?o ?rel""")
    for row in facts:
        s, o = node_id_of(row["s"].value), node_id_of(row["o"].value)
        if s in net and o in net:
            edges.append(("relation", s, o, row["rel"].value.rsplit("#", 1)[-1], int(row["n"].value)))

    folded: list[tuple] = []
    for row in store.query(_PREFIXES + f"""SELECT ?m ?subject ?kind ?unit ?value WHERE {{ {values}
  GRAPH ?g {{ ?m a kg:Measurement ; kg:subject ?subject ; schema:value ?value .
    OPTIONAL {{ ?m kg:kind ?kind }} OPTIONAL {{ ?m schema:unitText ?unit }} }} }}"""):
        sid = node_id_of(row["subject"].value)
        if sid not in net:
            continue
        kind = row["kind"].value if row["kind"] is not None else ""
        unit = row["unit"].value if row["unit"] is not None else ""
        folded.append((sid, kind, unit, float(row["value"].value)))
    fold_measurements(net, folded)
    add_edges(net, edges)
    return net


def node_id_of(iri: str) -> str:
    from .network import node_id

    return node_id(iri)


def _html(net: nx.MultiGraph, title: str) -> bytes:
    """The interactive page of the corpus network (the per-report page's template and vis-network)."""
    from .gexf import type_colours
    from .html import render_page, vis_edges

    colours = {t: "#%02x%02x%02x" % rgb for t, rgb in type_colours().items()}
    degree = dict(net.degree())
    nodes, details = [], {}
    for nid in sorted(net.nodes):
        a = net.nodes[nid]
        nodes.append({"id": nid, "label": a.get("label", nid), "type": a.get("type", ""), "value": 1 + degree.get(nid, 0),
                      "color": colours.get(a.get("type", ""), "#999999"), "aliases": ""})
        details[nid] = {"facts": [f"named in {a.get('reports', 0)} report(s), {a.get('mentions', 0)} mention(s)"], "sentences": []}
    data = {"nodes": nodes, "edges": vis_edges(net), "details": details, "colours": colours}
    return render_page(title, data)


def _dataset(store, reports: list[str], fmt: str) -> bytes:
    """The reports' named graphs as N-Quads (sorted lines) or TriG (graphs and subjects sorted)."""
    import pyoxigraph as ox

    from rdflib import Graph

    from ..graph.build import bind_prefixes

    if fmt == "nquads":
        lines = []
        for r in reports:  # a graph's dump holds triples: the graph name is added to each line
            nt = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(r)).decode("utf-8").split("\n")
            lines.extend(f"{line[:-2]} <{r}> ." for line in nt if line)
        lines.sort()
        return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
    prefixes_graph = Graph()
    bind_prefixes(prefixes_graph)
    chunks = []
    for r in reports:
        nt = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(r)).decode("utf-8").split("\n")
        chunks.append((r, "".join(sorted(line + "\n" for line in nt if line))))
    text = "".join(c for _r, c in chunks)
    iris = set(re.findall(r"<([^>]*)>", text))
    prefixes = {}
    for p, ns in prefixes_graph.namespaces():
        ns = str(ns)
        local = [i[len(ns):] for i in iris if i.startswith(ns)]
        if p and ns and local and not any("/" in x for x in local):  # as in the Turtle export: no "\/" in names
            prefixes[p] = ns
    prefixes = {p: ns for p, ns in prefixes.items() if not any(o != ns and o.startswith(ns) for o in prefixes.values())}
    quads = (ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(r))
             for r, c in chunks for t in (q.triple for q in ox.parse(c.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)))
    body = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=prefixes)
    lines = body.split(b"\n")
    k = 0
    while k < len(lines) and lines[k].startswith(b"@prefix "):
        k += 1  # Oxigraph writes prefixes in no fixed order: kg writes them, sorted
    head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes.items())).encode("utf-8")
    return head + (b"\n" if head else b"") + b"\n".join(lines[k:])


def export_corpus(store_path: str | Path, out: str | Path, fmt: str = "graphml", where: str | None = None) -> list[Path]:
    """Write the corpus export of the store at ``store_path`` to ``out``; return the files written.

    ``csv`` writes ``<out stem>.nodes.csv`` and ``<out stem>.edges.csv``.
    """
    from ..store import open_store

    if fmt not in FORMATS:
        raise InputError(Errors.E050.format(name=fmt, opts=", ".join(FORMATS)))
    store = open_store(store_path, read_only=True)
    reports = select_reports(store, where)
    if not reports:
        raise InputError(Errors.E052.format(store=store_path, where=f" matching --where {where!r}" if where else ""))
    out = Path(out)
    if fmt in ("nquads", "trig"):
        return [write_atomic(out, _dataset(store, reports, fmt))]
    net = corpus_network(store, reports)
    if fmt == "graphml":
        from .graphml import graphml_bytes

        return [write_atomic(out, graphml_bytes(net))]
    if fmt == "gexf":
        from .gexf import gexf_bytes

        return [write_atomic(out, gexf_bytes(net))]
    if fmt == "csv":
        from .tables import tables

        nodes, edges = tables(net)
        stem = out.name[: -len(".csv")] if out.name.endswith(".csv") else out.name
        return [write_atomic(out.with_name(f"{stem}.nodes.csv"), nodes), write_atomic(out.with_name(f"{stem}.edges.csv"), edges)]
    return [write_atomic(out, _html(net, f"kg: {len(reports)} reports"))]


def default_format(out: str | Path) -> str:
    """The format an output name asks for by its suffix (``.gexf`` -> gexf …), else graphml."""
    suffix = Path(out).suffix.lstrip(".").lower()
    return {v: k for k, v in _SUFFIX.items()}.get(suffix, "graphml")


__all__ = ["FORMATS", "corpus_network", "default_format", "export_corpus", "select_reports"]
