"""Report metadata from the heading: title, date and author (speaker)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

_HEADER_LINES = 12
_TITLE_WORDS = ("报告", "总结", "讲话", "意见", "通知", "决定", "计划", "要点", "方案")


def report_meta(doc: Doc) -> dict:
    """Title, date and author as spans of the analysed text (``None`` where the text gives none)."""
    text = doc._.kg_norm.text
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    header = [(p, l) for p, l in lines if l.strip()][:_HEADER_LINES]
    title = None
    for p, line in header:
        s = line.strip()
        if len(s) >= 6 and not re.search(r"[。；]", s) and (s.endswith(_TITLE_WORDS) or title is None and "。" not in s):
            title = (p + line.index(s), p + line.index(s) + len(s))
            break
    header_end = header[-1][0] + len(header[-1][1]) if header else 0
    first_para = next((p for p, l in header if "。" in l), header_end)
    date = author = None
    for ent in doc.ents:
        if ent.start_char >= first_para:
            break
        if ent.label_ == "DATE" and date is None and (title is None or ent.start_char >= title[1]):
            date = ent
        if ent.label_ == "PERSON" and author is None:
            line = next(l for p, l in lines if p <= ent.start_char <= p + len(l))
            if line.strip() == ent.text:
                author = ent
    return {"title": title, "date": date, "author": author}


@Language.factory("kg_document", assigns=["doc._.kg_meta"], requires=["doc.ents"])
def make_document(nlp: Language, name: str):
    """Find the report's title, date and author in its heading."""

    def component(doc: Doc) -> Doc:
        doc._.kg_meta = report_meta(doc)
        return doc

    return component
