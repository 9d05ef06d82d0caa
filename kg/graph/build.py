"""Build the RDF graph of one analysed report.

Only a spaCy ``Doc`` comes in and only an rdflib ``Graph`` goes out. Every
sentence, mention and measurement carries its offsets into the ORIGINAL text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from decimal import Decimal
from functools import lru_cache
from itertools import combinations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD
from spacy.tokens import Doc, Span

from ..io import Source
from .entities import EntityNodes, entity_ref
from .facts import add_facts, add_sections, section_of
from .iri import entity_iri, part_iri, report_iri
from ..data import load_table
from .namespace import KG, KG_UNIT, ORG_NS, QUDT, QUDT_UNIT, SCHEMA

_SPACE = re.compile(r"\s+")
_YMD = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")


class ReportGraph(Graph):
    """A report's graph: an rdflib ``Graph`` on the ``SimpleMemory`` store (no contexts needed;
    measurably faster adds than "Memory"), whose ``add`` hands the triple to the store directly.

    ``Graph.add`` first asserts that the subject, predicate and object are rdflib terms; a report's
    graph is ten thousand triples, all of terms made here, and the checks were a tenth of its time."""

    def __init__(self):
        super().__init__(store="SimpleMemory")
        self._store_add = self.store.add

    def add(self, triple):
        self._store_add(triple, self, False)
        return self


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def _decimal(value) -> Literal:
    """An xsd:decimal in canonical lexical form (25650000.0, 99.8), which every RDF syntax writes back unchanged."""
    d = Decimal(str(value)).normalize()
    text = f"{d:f}"
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)


def _int(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


def bind_prefixes(g: Graph) -> None:
    g.bind("kg", KG._NS)
    g.bind("kgid", URIRef("https://w3id.org/kg-zh/id/"))
    g.bind("kgunit", KG_UNIT)
    g.bind("qudt", QUDT)
    g.bind("unit", QUDT_UNIT)
    for prefix, ns in (("schema", SCHEMA), ("org", ORG_NS), ("prov", PROV), ("skos", SKOS),
                       ("rdfs", RDFS), ("xsd", XSD), ("owl", OWL)):
        g.bind(prefix, ns)


def _orig(doc: Doc, start: int, end: int) -> tuple[int, int, str]:
    norm = doc._.kg_norm
    s, e = norm.to_original(start, end)
    return s, e, norm.original[s:e]


def _add_span(g: Graph, node: URIRef, start: int, end: int, original: str, sentence: URIRef | None = None) -> None:
    """Offsets into the original text, the text itself, and the sentence it came from."""
    g.add((node, KG.start, _int(start)))
    g.add((node, KG.end, _int(end)))
    g.add((node, KG.text, _zh(original)))
    if sentence is not None:
        g.add((node, KG.sentence, sentence))
        g.add((node, PROV.wasDerivedFrom, sentence))


def add_report(g: Graph, doc: Doc, source: Source | None) -> URIRef:
    """The report's own node: its types, id, title, date and author (a mention of the report)."""
    doc_id = doc._.doc_id or (source.doc_id if source else "report")
    report = report_iri(doc_id)
    g.add((report, RDF.type, KG.Report))
    g.add((report, RDF.type, SCHEMA.Report))
    g.add((report, KG.docId, Literal(doc_id)))
    meta = doc._.kg_meta or {}
    if meta.get("title"):
        s, e = meta["title"]
        g.add((report, SCHEMA.name, _zh(_SPACE.sub("", doc._.kg_norm.text[s:e]))))
    if meta.get("date") is not None:
        date_text = _SPACE.sub("", doc._.kg_norm.text[slice(*meta["date"])])
        m = _YMD.match(date_text)
        value = Literal(f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}", datatype=XSD.date) if m else _zh(date_text)
        g.add((report, KG.date, value))
    author_span = meta.get("author")
    author = next((e for e in doc.ents if (e.start_char, e.end_char) == author_span), None) if author_span else None
    if author is not None:
        g.add((report, SCHEMA.author, entity_ref(author)))
    return report


def add_publisher(g: Graph, entities: EntityNodes, report: URIRef, meta: dict) -> URIRef | None:
    """The organization that issued the report (from its header), or None."""
    if not meta.get("organization"):
        return None
    info = meta.get("organization_info") or {"key": meta["organization"], "location": None, "parent": None}
    publisher = entities.organization(info["key"], meta["organization"], info["location"], info["parent"])
    g.add((report, SCHEMA.publisher, publisher))
    return publisher


def add_sentence(g: Graph, doc: Doc, report: URIRef, sent, index: int, section_starts, section_nodes) -> URIRef:
    """A sentence's node (its text trimmed of blanks, offsets in the original), with its section."""
    text = sent.text
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    start, end, original = _orig(doc, sent.start_char + lead, sent.end_char - trail)
    node = part_iri(report, "sentence", start, end)
    g.add((node, RDF.type, KG.Sentence))
    g.add((node, KG.inReport, report))
    g.add((node, KG.index, _int(index)))
    _add_span(g, node, start, end, original)
    section = section_of(section_starts, section_nodes, sent.start_char + lead)
    if section is not None:
        g.add((node, KG.inSection, section))
    return node


def add_entity(g: Graph, doc: Doc, report: URIRef, ent: Span, sentence: URIRef | None, entities: EntityNodes,
               entity_at: dict, publisher: URIRef | None) -> None:
    """One entity of the report: a measurement for a QUANTITY, else a mention of its entity node."""
    start, end, original = _orig(doc, ent.start_char, ent.end_char)
    if ent.label_ == "QUANTITY":
        node = _add_measurement(g, report, ent, sentence, start, end, original)
        _add_measure_links(g, doc, node, ent, entity_at, publisher, entities.place)
        return
    node = entities.mention(ent)
    mention = part_iri(report, "mention", start, end)
    g.add((mention, RDF.type, KG.Mention))
    g.add((mention, KG.refersTo, node))
    _add_span(g, mention, start, end, original, sentence)


def build_graph(doc: Doc, source: Source | None = None) -> Graph:
    """The RDF graph of one report: report, sentences, entities, mentions, measurements."""
    g = ReportGraph()
    bind_prefixes(g)
    report = add_report(g, doc, source)
    meta = doc._.kg_meta or {}
    orig = lambda s, e: _orig(doc, s, e)  # noqa: E731
    section_starts, section_nodes = add_sections(g, doc, report, orig)
    sentence_of: dict[int, URIRef] = {}
    sentence_char_starts: list[int] = []
    sentence_nodes: list[URIRef] = []
    sent_start = sentence_starts(doc)
    for index, sent in enumerate(s for s in doc.sents if s.text.strip()):
        node = add_sentence(g, doc, report, sent, index, section_starts, section_nodes)
        sentence_of[sent.start] = node
        sentence_char_starts.append(sent.start_char)
        sentence_nodes.append(node)

    entities = EntityNodes(g)
    publisher = add_publisher(g, entities, report, meta)

    entity_at = {(e.start_char, e.end_char): e for e in doc.ents if e.label_ != "QUANTITY"}
    for ent in doc.ents:
        add_entity(g, doc, report, ent, sentence_of.get(sent_start[ent.start]), entities, entity_at, publisher)
    entities.finish()

    def resolve(span):
        ent = entity_at.get(tuple(span))
        return entity_ref(ent) if ent is not None else _phrase_node(g, doc, tuple(span), entity_at)

    def sentence_at(pos):
        k = bisect_right(sentence_char_starts, pos) - 1
        return sentence_nodes[k] if k >= 0 else None

    add_facts(g, doc, report, resolve, sentence_at, orig, publisher)
    for a, b, _n in co_mentions(doc, sent_start):
        g.add((a, KG.coMentionedWith, b))
    return g


def _phrase_node(g: Graph, doc: Doc, span: tuple[int, int], entity_at: dict) -> URIRef:
    """An entity when the phrase is one, else a concept named by the phrase."""
    ent = entity_at.get(span)
    if ent is not None:
        return entity_ref(ent)
    label = _SPACE.sub("", doc._.kg_norm.text[span[0]:span[1]])
    node = entity_iri("concept", label)
    g.add((node, RDF.type, KG.Concept))
    g.add((node, RDF.type, SKOS.Concept))
    g.set((node, RDFS.label, _zh(label)))
    return node


def _indicator_node(g: Graph, iri: str, related: bool = True) -> URIRef:
    """The indicator concept with its labels, so that a store of reports finds it by any of them, and
    the concepts ``skos:related`` to it with theirs (a report on 国民生产总值 alone is found from 国内生产总值)."""
    from ..indicators import SCHEME_IRI, labels_of, pref_label, related_of

    node = URIRef(iri)
    if related:
        for other in related_of(iri):
            g.add((node, SKOS.related, _indicator_node(g, other, related=False)))
            g.add((URIRef(other), SKOS.related, node))
    if (node, RDF.type, SKOS.Concept) not in g:
        g.add((node, RDF.type, SKOS.Concept))
        g.add((node, SKOS.inScheme, URIRef(SCHEME_IRI)))
        pref, english = pref_label(iri), pref_label(iri, "en")
        g.add((node, SKOS.prefLabel, _zh(pref)))
        if english:
            g.add((node, SKOS.prefLabel, Literal(english, lang="en")))
        for label in labels_of(iri):
            if label not in (pref, english):
                g.add((node, SKOS.altLabel, _zh(label) if re.search(r"[\u4e00-\u9fff]", label) else Literal(label, lang="en")))
    return node


def _add_measure_links(g: Graph, doc: Doc, node: URIRef, ent: Span, entity_at: dict, publisher,
                       place=None) -> None:
    m = ent._.measure
    if not m:
        return
    if m.get("aspect"):
        g.add((node, KG.aspect, Literal(m["aspect"])))
    if m.get("indicator"):
        g.add((node, KG.indicator, _indicator_node(g, m["indicator"])))
    if m.get("region") and place is not None:
        if m["region"].isdigit():
            region = place(m["region"])
        else:  # the country (a national body's report): the node its mentions of 中国 have
            region = entity_iri("place", m["region"])
            g.add((region, RDF.type, KG.Place))
            g.add((region, RDFS.label, _zh(m["region"])))
        g.add((node, KG.region, region))
    if m["measured"]:
        g.add((node, KG.measures, _phrase_node(g, doc, m["measured"], entity_at)))
    if m["purpose"]:
        g.add((node, KG.purpose, _phrase_node(g, doc, m["purpose"], entity_at)))
    subject = entity_at.get(m["subject"]) if m["subject"] else None
    if subject is not None:
        g.add((node, KG.subject, entity_ref(subject)))
    elif publisher is not None:
        g.add((node, KG.subject, publisher))
    if m["period"] is not None:
        g.add((node, KG.period, Literal(f"{m['period']:04d}", datatype=XSD.gYear)))
        if m.get("period_end") not in (None, m["period"]):
            g.add((node, KG.periodEnd, Literal(f"{m['period_end']:04d}", datatype=XSD.gYear)))
    if m["period_text"]:
        g.add((node, KG.periodText, _zh(_SPACE.sub("", m["period_text"]))))
    g.add((node, KG.status, Literal(m["status"])))
    for span in m["related"]:
        if span in entity_at:
            g.add((node, KG.relatedTo, entity_ref(entity_at[span])))


def _add_measurement(g: Graph, report: URIRef, ent: Span, sentence, start: int, end: int, original: str) -> URIRef:
    q = ent._.quantity or {}
    node = part_iri(report, "measurement", start, end)
    g.add((node, RDF.type, KG.Measurement))
    g.add((node, RDF.type, SCHEMA.QuantitativeValue))
    g.add((node, SCHEMA.value, _decimal(q.get("value", 0))))
    g.add((node, SCHEMA.unitText, _zh(q.get("unit", ""))))
    g.add((node, KG.approx, Literal(q.get("approx", "exact"))))
    g.add((node, KG.kind, Literal(q.get("kind", "other"))))
    if q.get("currency"):
        g.add((node, SCHEMA.currency, Literal(q["currency"])))
    _add_unit(g, node, q)
    if "min" in q:
        g.add((node, SCHEMA.minValue, _decimal(q["min"])))
        g.add((node, SCHEMA.maxValue, _decimal(q["max"])))
    g.add((node, RDFS.label, _zh(_SPACE.sub("", ent.text))))
    _add_span(g, node, start, end, original, sentence)
    return node


@lru_cache(maxsize=1)
def _unit_table() -> dict[str, dict[str, str]]:
    return {r["unit"]: r for r in load_table("units.tsv")}


def _add_unit(g: Graph, node: URIRef, q: dict) -> None:
    """The unit others can compute with: its QUDT IRI (or kg's own, for 亩 and the like), the value in
    the coherent SI unit of its dimension (kg:siValue: 亩 and 公顷 in square metres) and the dimension."""
    row = _unit_table().get(q.get("unit", ""))
    if row is None or not (row["qudt"] or row["own"]) or not row["si_factor"]:
        return
    g.add((node, QUDT.unit, QUDT_UNIT[row["qudt"]] if row["qudt"] else KG_UNIT[row["own"]]))
    si = Decimal(str(q.get("value", 0))) * Decimal(row["si_factor"])
    g.add((node, KG.siValue, _decimal(si)))
    g.add((node, KG.dimension, Literal(row["dimension"])))


def sentence_starts(doc: Doc) -> list[int]:
    """For each token, the index of the first token of its sentence (``Span.sent`` rescans tokens)."""
    starts: list[int] = []
    for sent in doc.sents:
        starts.extend([sent.start] * len(sent))
    return starts


def co_mentions(doc: Doc, sent_start: list[int] | None = None) -> list[tuple[URIRef, URIRef, int]]:
    """Pairs of distinct entities named in one sentence, with the number of sentences (sorted)."""
    sent_start = sent_start or sentence_starts(doc)
    weights: Counter = Counter()
    by_sentence: dict[int, set[URIRef]] = {}
    for ent in doc.ents:
        if ent.label_ == "QUANTITY":
            continue
        by_sentence.setdefault(sent_start[ent.start], set()).add(entity_ref(ent))
    for nodes in by_sentence.values():
        for a, b in combinations(sorted(nodes), 2):
            weights[(a, b)] += 1
    return [(a, b, n) for (a, b), n in sorted(weights.items())]
