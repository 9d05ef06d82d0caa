"""The only place where kg declares its ``Doc`` and ``Span`` extension attributes."""

from __future__ import annotations

from spacy.tokens import Doc, Span


def _orig_span(span: Span) -> tuple[int, int]:
    norm = span.doc._.kg_norm
    return norm.to_original(span.start_char, span.end_char)


def _orig_text(span: Span) -> str:
    s, e = _orig_span(span)
    return span.doc._.kg_norm.original[s:e]


def register() -> None:
    """Declare the extensions (idempotent)."""
    if Doc.has_extension("kg_norm"):
        return
    # The text as read and the map from analysed characters back to it (kg.nlp.normalize.Normalized).
    # Its ``.text`` equals ``doc.text``, which spaCy rebuilds from the tokens on every access:
    # components read ``doc._.kg_norm.text`` instead.
    Doc.set_extension("kg_norm", default=None)
    Doc.set_extension("doc_id", default=None)
    # What the file says of the report before its text is read: {"doc_id", "year"} (kg.api.analyse);
    # the report's year when neither its title nor its dateline gives one (a national report 1998.txt).
    Doc.set_extension("kg_source", default=None)
    # Candidate mentions from every recognizer, before the conflict policy picks doc.ents.
    Doc.set_extension("kg_candidates", default=None)
    # Report metadata found in the heading: title, date, author (strings or None).
    Doc.set_extension("kg_meta", default=None)
    # Facts from sentence patterns (components/relations.py): dicts with relation, subject, object …
    Doc.set_extension("kg_facts", default=None)
    # Quantity normalization of a QUANTITY entity: dict(value, unit, approx, kind, currency, min, max).
    Span.set_extension("quantity", default=None)
    # What a QUANTITY measures, its subject, period, status and related programs (components/measures.py).
    Span.set_extension("measure", default=None)
    # Canonical key from a gazetteer (division code, full name of an abbreviation), else None.
    Span.set_extension("key", default=None)
    # For organizations: the division code of the place it is named after, and the key of the
    # organization above it in its system (components/entities.py).
    Span.set_extension("location", default=None)
    Span.set_extension("parent", default=None)
    Span.set_extension("orig_span", getter=_orig_span)
    Span.set_extension("orig_text", getter=_orig_text)


register()
