"""Exports of a long report's graph from its sorted N-Triples file (``kg.graph.stream``), in one pass.

The same bytes as the exporters of ``kg.export`` give for the report's rdflib graph, written
without holding the graph:

- ``ntriples``: the file itself (it is sorted and has each triple once);
- ``nquads``: each line with the report's graph name before its final dot (sorting N-Quads
  of one graph sorts them as their triples);
- ``turtle``: Oxigraph's serializer reading the file as it writes (it groups consecutive
  triples of a subject, which the sort keeps together), with kg's sorted prefix lines, as
  ``turtle_bytes`` does;
- ``graphml``, ``gexf``, ``csv``: the entity network built by ``entity_network`` from a view
  of the file that keeps only the triples the network reads (types, labels, counts, facts,
  measurements), a small part of the graph;
- ``trig``, ``jsonld`` and ``html`` read the whole graph back into rdflib: their memory is
  not bounded (they are made for reading, not for reports of millions of characters).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS
from spacy.tokens import Doc

from ..graph.iri import report_iri
from ..graph.namespace import ENTITY_CLASSES, KG, SCHEMA
from ..graph.stream import StreamedGraph
from .atomic import AtomicFile

STREAMED = ("turtle", "ntriples", "nquads", "graphml", "gexf", "csv")


def write_streamed(streamed: StreamedGraph, fmt: str, doc: Doc | None, out_dir: Path, name: str,
                   measurements: str = "attributes") -> Path | list[Path]:
    """Write the export ``fmt`` of the streamed graph into ``out_dir`` (as ``EXPORTERS[fmt]`` would)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt == "ntriples":
        target = out_dir / f"{name}.nt"
        with AtomicFile(target) as f, open(streamed.path, "rb") as src:
            shutil.copyfileobj(src, f, 1 << 20)
        return target
    if fmt == "nquads":
        target = out_dir / f"{name}.nq"
        suffix = f" <{report_iri((doc._.doc_id if doc is not None else None) or name)}> .\n".encode("utf-8")
        with AtomicFile(target) as f, open(streamed.path, "rb") as src:
            for line in src:
                f.write(line[:-3] + suffix)
        return target
    if fmt == "turtle":
        return _turtle(streamed, out_dir / f"{name}.ttl")
    if fmt in ("graphml", "gexf", "csv"):
        from .network import entity_network

        net = entity_network(NetworkView(streamed.path), doc, measurements)
        if fmt == "graphml":
            from .graphml import graphml_bytes

            target = out_dir / f"{name}.graphml"
            with AtomicFile(target) as f:
                f.write(graphml_bytes(net))
            return target
        if fmt == "gexf":
            from .gexf import gexf_bytes

            target = out_dir / f"{name}.gexf"
            with AtomicFile(target) as f:
                f.write(gexf_bytes(net))
            return target
        from .tables import tables

        nodes, edges = tables(net)
        written = []
        for target, data in ((out_dir / f"{name}.nodes.csv", nodes), (out_dir / f"{name}.edges.csv", edges)):
            with AtomicFile(target) as f:
                f.write(data)
            written.append(target)
        return written
    from . import EXPORTERS

    return EXPORTERS[fmt](read_graph(streamed), doc, out_dir, name, measurements=measurements)


def read_graph(streamed: StreamedGraph):
    """The whole graph back in rdflib, with kg's prefixes (for the exports that need it all)."""
    from ..graph.stream import _graph

    g = _graph()
    g.parse(str(streamed.path), format="nt")
    return g


def _turtle(streamed: StreamedGraph, target: Path) -> Path:
    import pyoxigraph as ox

    prefixes = streamed.turtle_prefixes()
    body = target.parent / f".{target.name}.body"
    try:
        ox.serialize(ox.parse(path=str(streamed.path), format=ox.RdfFormat.N_TRIPLES), output=str(body),
                     format=ox.RdfFormat.TURTLE, prefixes=prefixes)
        head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes.items())).encode("utf-8")
        with AtomicFile(target) as f, open(body, "rb") as src:
            f.write(head + (b"\n" if head else b""))
            line = src.readline()
            while line.startswith(b"@prefix "):  # Oxigraph writes the prefixes in no fixed order: kg writes them, sorted
                line = src.readline()
            f.write(line)
            shutil.copyfileobj(src, f, 1 << 20)
    finally:
        body.unlink(missing_ok=True)
    return target


# ---------------------------------------------------------------- the entity network's part of the graph

_TYPES = {str(c) for c, _r, _s in ENTITY_CLASSES.values()} | {str(KG.Entity), str(KG.Fact), str(KG.Measurement),
                                                               str(KG.Concept)}
_KEEP = {str(p) for p in (RDFS.label, KG.mentionCount, KG.divisionCode, KG.factSubject, KG.factObject, KG.relation,
                          SCHEMA.value, KG.kind, SCHEMA.unitText, KG.subject, KG.measures)}
_TYPE = str(RDF.type)


class NetworkView:
    """The triples ``entity_network`` reads, from a sorted N-Triples file, with the ``Graph`` methods it
    calls (``subjects``, ``objects``, ``value``, ``in``). Literals come back as rdflib literals."""

    def __init__(self, path: Path):
        import pyoxigraph as ox

        self.sp: dict[tuple, list] = {}
        self.po: dict[tuple, list] = {}
        nodes: dict[str, URIRef] = {}

        def node(term):
            if isinstance(term, ox.Literal):
                if term.language:
                    return Literal(term.value, lang=term.language)
                return Literal(term.value, datatype=URIRef(term.datatype.value))
            v = term.value
            n = nodes.get(v)
            if n is None:
                n = nodes[v] = URIRef(v)
            return n

        for q in ox.parse(path=str(path), format=ox.RdfFormat.N_TRIPLES):
            p = q.predicate.value
            if p == _TYPE:
                o = q.object.value
                if o not in _TYPES:
                    continue
            elif p not in _KEEP:
                continue
            s, pn, o = node(q.subject), node(q.predicate), node(q.object)
            self.sp.setdefault((s, pn), []).append(o)
            if p == _TYPE:
                self.po.setdefault((pn, o), []).append(s)

    def subjects(self, predicate, obj):
        return iter(self.po.get((predicate, obj), ()))

    def objects(self, subject, predicate):
        return iter(self.sp.get((subject, predicate), ()))

    def value(self, subject, predicate):
        values = self.sp.get((subject, predicate))
        return values[0] if values else None

    def subject_objects(self, predicate):
        return ((s, o) for (s, p), values in self.sp.items() if p == predicate for o in values)

    def __contains__(self, triple) -> bool:
        s, p, o = triple
        return o in self.sp.get((s, p), ())
