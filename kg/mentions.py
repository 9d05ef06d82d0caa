"""Mentions in the gold files' format, with offsets into the ORIGINAL text."""

from __future__ import annotations

from spacy.tokens import Doc, Span

LABELS = ("ORG", "PROGRAM", "EVENT", "WORK", "PLACE", "PERSON", "DATE", "QUANTITY")


def mention(span: Span, doc_id: str) -> dict:
    """One entity as a dict: doc, start, end, text, label (+ value, unit, approx, kind for QUANTITY)."""
    start, end = span._.orig_span
    row = {"doc": doc_id, "start": start, "end": end, "text": span._.orig_text, "label": span.label_}
    if span.label_ == "QUANTITY" and span._.quantity:
        q = span._.quantity
        row.update(value=q["value"], unit=q["unit"], approx=q["approx"], kind=q["kind"])
    return row


def doc_mentions(doc: Doc) -> list[dict]:
    """Every entity of an analysed Doc, in text order."""
    return [mention(ent, doc._.doc_id) for ent in doc.ents]
