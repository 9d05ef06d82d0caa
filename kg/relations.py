"""Relations in the relation gold files' format, with offsets into the ORIGINAL text.

One dict a fact of ``doc._.kg_facts`` whose relation is one of ``RELATIONS`` (the twelve
of ``shared/gold/relations/README.md``): ``relation``, ``subject`` and ``object`` as
``{"start", "end", "text"}`` (the subject ``{"author": true}`` for the report's own
unnamed author), ``post`` for ``holdsPost``, ``status``, ``period`` (``"YYYY"``,
``"YYYY-YYYY"`` or ``None``) and the ``sentence`` span.
"""

from __future__ import annotations

from spacy.tokens import Doc

RELATIONS = ("organizes", "hosts", "coOrganizes", "implements", "pilotOf", "issues", "holdsPost",
             "attends", "takesPlaceIn", "signsAgreement", "partOf", "funds")

_SENTENCE_END = set("。！？!?\n")


def _sentence(text: str, pos: int) -> tuple[int, int]:
    s = pos
    while s > 0 and text[s - 1] not in _SENTENCE_END:
        s -= 1
    e = pos
    while e < len(text) and text[e] not in _SENTENCE_END:
        e += 1
    if e < len(text) and text[e] != "\n":
        e += 1  # the sentence keeps its full stop
    return s, e


def period_string(fact: dict) -> str | None:
    """``"YYYY"``, ``"YYYY-YYYY"`` for an interval (a plan period), or ``None``."""
    start, end = fact.get("period"), fact.get("period_end")
    if start is None:
        return None
    return f"{start:04d}" if end is None or end == start else f"{start:04d}-{end:04d}"


def doc_relations(doc: Doc) -> list[dict]:
    """Every fact of an analysed Doc that the relation gold format covers, in text order."""
    norm = doc._.kg_norm
    text = norm.text

    def arg(span):
        if span == "publisher":
            return {"author": True}
        s, e = norm.to_original(*span)
        return {"start": s, "end": e, "text": norm.original[s:e]}

    rows = []
    for f in doc._.kg_facts or []:
        relation = f["relation"]
        if relation not in RELATIONS:
            continue
        obj = f.get("object")
        if obj is None:
            continue
        s, e = _sentence(text, f["trigger"][0])
        ss, se = norm.to_original(s, e)
        row = {"doc": doc._.doc_id, "relation": relation, "subject": arg(f["subject"]), "object": arg(obj)}
        if relation == "holdsPost":
            row["post"] = f.get("post")
        row.update(status=f.get("status", "reported"), period=period_string(f), sentence={"start": ss, "end": se})
        rows.append(row)
    rows.sort(key=lambda r: (r["sentence"]["start"], r["relation"],
                             r["subject"].get("start", -1), r["object"].get("start", -1)))
    return rows
