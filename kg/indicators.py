"""The indicator scheme (``ontology/indicators.ttl``): what a number in a government work report measures.

``load_scheme()`` parses the packaged TTL once; ``match_indicator(phrase)`` names the concept a noun
phrase is about (``全区地区生产总值`` -> 地区生产总值); ``labels_of(iri)`` gives every label of a concept,
so that a query for ``GDP`` or ``国内生产总值`` finds the 地区生产总值 series.

Matching: the concept whose label (preferred or alternative) is the longest label contained in the
phrase; a label ending the phrase is contained in it, so ``全省规上工业增加值`` finds 规模以上工业增加值
through its alt label 规上工业增加值, and ``海洋生产总值`` finds 海洋生产总值, not 地区生产总值 (alt label
生产总值), because the longer label wins.  Of two labels of one length the one further right wins (the
head of a Chinese noun phrase is at its end).  Full-width letters and digits count as their ASCII forms
and Latin letters ignore case (``ＧＤＰ``, ``gdp``); a Latin label must not touch another Latin letter or
digit (``M2`` is not found in ``PM2.5``).
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache

SCHEME_IRI = "https://w3id.org/kg-zh/indicator"
CONCEPT_NS = "https://w3id.org/kg-zh/indicator/"
KG_NS = "https://w3id.org/kg-zh/ontology#"

_SKOS = "http://www.w3.org/2004/02/skos/core#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_FILE = "indicators.ttl"
_lock = threading.Lock()


@lru_cache(maxsize=None)  # a few thousand distinct characters
def _norm_char(c: str) -> str:
    """One character as matched: NFKC when that gives one character (full-width -> ASCII), ASCII upper-cased."""
    n = unicodedata.normalize("NFKC", c)
    if len(n) != 1:
        n = c
    return n.upper() if n.isascii() else n


def _norm(text: str) -> str:
    """``text`` normalized character by character, so offsets into it are offsets into ``text``."""
    return "".join(_norm_char(c) for c in text)


def _is_latin(c: str) -> bool:
    return c.isascii() and c.isalnum()


def _triples():
    """(subject, predicate, object) of the packaged TTL: IRIs as str, literals as (value, language or None)."""
    from kg.ontology_files import ontology_file

    data = ontology_file(_FILE).read_bytes()
    try:
        import pyoxigraph

        for q in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE):
            o = q.object
            if isinstance(o, pyoxigraph.Literal):
                obj = (o.value, o.language)
            else:
                obj = o.value
            yield q.subject.value, q.predicate.value, obj
    except ImportError:  # pragma: no cover - pyoxigraph is a dependency; rdflib as a fallback
        import rdflib

        g = rdflib.Graph().parse(data=data, format="turtle")
        for s, p, o in g:
            obj = (str(o), o.language) if isinstance(o, rdflib.Literal) else str(o)
            yield str(s), str(p), obj


@lru_cache(maxsize=1)
def _load() -> dict:
    scheme = {"iri": SCHEME_IRI, "label": {}, "concepts": {}, "labels": {}}
    concepts: dict[str, dict] = {}

    def concept(iri: str) -> dict:
        return concepts.setdefault(iri, {"iri": iri, "prefLabel": {}, "altLabels": [], "units": [],
                                         "broader": [], "narrower": [], "related": [], "scopeNote": None,
                                         "inScheme": False})

    for s, p, o in _triples():
        if s == SCHEME_IRI:
            if p == _SKOS + "prefLabel":
                scheme["label"][o[1]] = o[0]
            continue
        if not s.startswith(CONCEPT_NS):
            continue
        if p == _RDF_TYPE and o == _SKOS + "Concept":
            concept(s)
        elif p == _SKOS + "prefLabel":
            concept(s)["prefLabel"][o[1]] = o[0]
        elif p == _SKOS + "altLabel":
            concept(s)["altLabels"].append(o[0])
        elif p == _SKOS + "inScheme" and o == SCHEME_IRI:
            concept(s)["inScheme"] = True
        elif p == _SKOS + "broader":
            concept(s)["broader"].append(o)
        elif p == _SKOS + "related":
            concept(s)["related"].append(o)
        elif p == _SKOS + "scopeNote":
            concept(s)["scopeNote"] = o[0]
        elif p == KG_NS + "usualUnit":
            concept(s)["units"].append(o[0] if isinstance(o, tuple) else o)
    for iri, c in list(concepts.items()):  # skos:related is symmetric
        for r in c["related"]:
            if r in concepts and iri not in concepts[r]["related"]:
                concepts[r]["related"].append(iri)
    for iri, c in concepts.items():
        c["altLabels"].sort()
        c["related"].sort()
        for b in c["broader"]:
            if b in concepts:
                concepts[b]["narrower"].append(iri)
    labels: dict[str, str] = {}
    for iri in sorted(concepts):
        c = concepts[iri]
        for label in [c["prefLabel"].get("zh"), *c["altLabels"]]:
            if label:
                labels.setdefault(_norm(label), iri)
    scheme["concepts"] = concepts
    scheme["labels"] = labels
    # longest first; matching walks this list
    return scheme


def load_scheme() -> dict:
    """The indicator scheme, parsed once (a shared dict: do not change it).

    ``{"iri": scheme IRI, "label": {lang: label}, "concepts": {iri: concept}, "labels": {label: iri}}``,
    a concept being ``{"iri", "prefLabel": {lang: label}, "altLabels": [...], "units": [QUDT IRI or
    unit text], "broader": [iri], "narrower": [iri], "related": [iri] (skos:related, both ways),
    "scopeNote": str | None, "inScheme": bool}`` and
    ``labels`` mapping every Chinese label (preferred and alternative, normalized as the matcher sees
    them) to its concept.
    """
    with _lock:
        return _load()


def _iri(iri_or_slug: str) -> str:
    return iri_or_slug if "://" in iri_or_slug else CONCEPT_NS + iri_or_slug


def pref_label(iri: str, lang: str = "zh") -> str | None:
    """The preferred label of a concept (IRI or slug) in ``lang``."""
    c = load_scheme()["concepts"].get(_iri(iri))
    return c["prefLabel"].get(lang) if c else None


def labels_of(iri: str) -> list[str]:
    """Every label of a concept (IRI or slug): the Chinese preferred label, the alt labels, the English
    preferred label; [] for an unknown concept."""
    c = load_scheme()["concepts"].get(_iri(iri))
    if not c:
        return []
    out = [c["prefLabel"]["zh"]] if "zh" in c["prefLabel"] else []
    out += [a for a in c["altLabels"] if a not in out]
    out += [v for k, v in sorted(c["prefLabel"].items()) if k != "zh" and v not in out]
    return out


def related_of(iri: str) -> list[str]:
    """The concepts ``skos:related`` to a concept (IRI or slug), either way round: for 地区生产总值, the
    output aggregates of the older national reports (国民生产总值, 工农业总产值), which are not GDP."""
    c = load_scheme()["concepts"].get(_iri(iri))
    return list(c["related"]) if c else []


def lookup(label: str) -> str | None:
    """The concept one of whose labels is exactly ``label`` (Chinese or English, any case), or None."""
    scheme = load_scheme()
    iri = scheme["labels"].get(_norm(label.strip()))
    if iri:
        return iri
    folded = label.strip().casefold()
    for iri, c in scheme["concepts"].items():
        if any(v.casefold() == folded for v in c["prefLabel"].values()):
            return iri
    return None


def match_label(text: str) -> tuple[str, str, int, int] | None:
    """``(concept IRI, label found, start, end)`` of the longest label in ``text`` (offsets into ``text``),
    of two of one length the one further right; None when no label is in it."""
    if not text:
        return None
    scheme = load_scheme()
    lexicon = scheme.get("_lexicon")
    if lexicon is None:  # one pass over the text finds every label (was: a search per label)
        from .nlp.text import Lexicon

        lexicon = scheme["_lexicon"] = Lexicon({label: label for label in scheme["labels"]})
    norm = _norm(text)
    best = None
    for start, end, label in lexicon.find_all(norm):
        if (_is_latin(label[0]) and start > 0 and _is_latin(norm[start - 1])) \
                or (_is_latin(label[-1]) and end < len(norm) and _is_latin(norm[end])):
            continue  # inside a longer Latin word or number
        if best is None or (end - start, start) > (best[3] - best[2], best[2]):
            best = (scheme["labels"][label], text[start:end], start, end)
    return best


def match_indicator(text: str) -> tuple[str, str] | None:
    """``(concept IRI, Chinese preferred label)`` of the indicator a noun phrase is about, or None.

    The concept of the longest label (preferred or alternative) in the phrase: ``全区地区生产总值`` ->
    地区生产总值, ``今年国内生产总值`` -> 地区生产总值, ``规上工业增加值`` -> 规模以上工业增加值.
    """
    hit = match_label(text)
    if hit is None:
        return None
    return hit[0], pref_label(hit[0]) or hit[1]
