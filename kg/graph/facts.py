"""Fact and section nodes of the report graph."""

from __future__ import annotations

import hashlib
from bisect import bisect_right

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD
from spacy.tokens import Doc

from .namespace import KG, ORG_NS

# relations named in the relation gold format whose graph property is another vocabulary's
_PROPERTY = {"partOf": ORG_NS.subOrganizationOf}


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def add_sections(g: Graph, doc: Doc, report: URIRef, orig) -> tuple[list[int], list[URIRef]]:
    """Section nodes (title, depth, offsets, part-of); returns their starts and IRIs for placing sentences."""
    starts, nodes = [], []
    open_parts: list[tuple[int, URIRef]] = []
    for sec in (doc._.kg_meta or {}).get("sections", []):
        start, end, original = orig(sec["start"], sec["end"])
        node = URIRef(f"{report}/section/{start}-{end}")
        depth = sec["level"]
        g.add((node, RDF.type, KG.Section))
        g.add((node, KG.inReport, report))
        g.add((node, RDFS.label, _zh(sec["text"])))
        g.add((node, KG.depth, Literal(depth, datatype=XSD.integer)))
        g.add((node, KG.start, Literal(start, datatype=XSD.integer)))
        g.add((node, KG.end, Literal(end, datatype=XSD.integer)))
        g.add((node, KG.text, _zh(original)))
        if sec["year"] is not None:
            g.add((node, KG.period, Literal(f"{sec['year']:04d}", datatype=XSD.gYear)))
        while open_parts and open_parts[-1][0] >= depth:
            open_parts.pop()
        if open_parts:
            g.add((node, KG.partOf, open_parts[-1][1]))
        open_parts.append((depth, node))
        starts.append(sec["start"])
        nodes.append(node)
    return starts, nodes


def section_of(starts: list[int], nodes: list[URIRef], pos: int) -> URIRef | None:
    k = bisect_right(starts, pos) - 1
    return nodes[k] if k >= 0 else None


def add_facts(g: Graph, doc: Doc, report: URIRef, resolve, sentence_at, orig, publisher) -> None:
    """One ``kg:Fact`` per fact in ``doc._.kg_facts``, with the direct triple beside it.

    ``resolve(span)`` maps a character span to an entity or concept node; ``sentence_at(pos)``
    gives the sentence node around a position; ``orig(s, e)`` maps to original offsets and text.
    """
    for f in doc._.kg_facts or []:
        subject = publisher if f["subject"] == "publisher" else resolve(f["subject"])
        if subject is None:
            continue
        obj = resolve(f["object"]) if f.get("object") else None
        agent = resolve(f["agent"]) if f.get("agent") else None
        relation = _PROPERTY.get(f["relation"]) or KG[f["relation"]]
        start, end, original = orig(*f["trigger"])
        content = "\x1f".join(str(x) for x in (report, subject, relation, obj, agent, f.get("honour"), f.get("period"),
                                                start, f.get("post"), f.get("period_end")))
        node = URIRef(f"{report}/fact/{hashlib.sha1(content.encode('utf-8')).hexdigest()[:16]}")
        g.add((node, RDF.type, KG.Fact))
        g.add((node, KG.relation, relation))
        g.add((node, KG.factSubject, subject))
        if obj is not None:
            g.add((node, KG.factObject, obj))
            g.add((subject, relation, obj))
        if f.get("honour"):
            g.add((node, KG.objectText, _zh(f["honour"])))
        if f.get("post"):
            g.add((node, KG.post, _zh(f["post"])))
        if agent is not None:
            g.add((node, KG.agent, agent))
        if f.get("amount"):
            s, e, _t = orig(*f["amount"])
            g.add((node, KG.amount, URIRef(f"{report}/measurement/{s}-{e}")))
        if f.get("period") is not None:
            g.add((node, KG.period, Literal(f"{f['period']:04d}", datatype=XSD.gYear)))
            if f.get("period_end") is not None and f["period_end"] != f["period"]:
                g.add((node, KG.periodEnd, Literal(f"{f['period_end']:04d}", datatype=XSD.gYear)))
        g.add((node, KG.status, Literal(f["status"])))
        g.add((node, KG.start, Literal(start, datatype=XSD.integer)))
        g.add((node, KG.end, Literal(end, datatype=XSD.integer)))
        g.add((node, KG.text, _zh(original)))
        sentence = sentence_at(f["trigger"][0])
        if sentence is not None:
            g.add((node, KG.sentence, sentence))
            g.add((node, PROV.wasDerivedFrom, sentence))
