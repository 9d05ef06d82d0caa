"""PERSON: a name written before a title (习近平总书记, 朱有勇院士) or as the report's byline."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .. import candidates
from ..candidates import Candidate
from ..text import WordSet, is_cjk
from ...data import column

# A byline: a line of two to four characters alone in the report's opening lines.
_BYLINE = re.compile(r"^[\u4e00-\u9fff·]{2,6}$")
_HEADER_LINES = 12


class PersonFinder:
    def __init__(self):
        self.titles = sorted(column("person_titles.tsv", "title"), key=len, reverse=True)
        self.surnames = set(column("surnames.tsv", "surname"))
        self.boundaries = WordSet(column("boundaries.tsv", "word"))

    def __call__(self, text: str) -> list[Candidate]:
        found = []
        title_re = re.compile("|".join(map(re.escape, self.titles)) + r"|等(?=[\d一二三四五六七八九十]+[人名位])")
        for m in title_re.finditer(text):
            s = m.start()
            for length in (3, 2, 4):
                b = s - length
                if b < 0:
                    continue
                name = text[b:s]
                if not all(is_cjk(c) for c in name):
                    continue
                if not (name[:1] in self.surnames or name[:2] in self.surnames):
                    continue
                before_ok = (length == 3 or b == 0 or not is_cjk(text[b - 1])
                             or self.boundaries.ending_at(text, b) is not None)
                if before_ok:
                    found.append(Candidate(b, s, "PERSON", "person"))
                    break
        pos = 0
        for n, line in enumerate(text.split("\n")):
            if n >= _HEADER_LINES:
                break
            stripped = line.strip()
            if _BYLINE.match(stripped) and (stripped[:1] in self.surnames or stripped[:2] in self.surnames):
                start = pos + line.index(stripped)
                found.append(Candidate(start, start + len(stripped), "PERSON", "person"))
            pos += len(line) + 1
        return found


@Language.factory("kg_persons", assigns=["doc._.kg_candidates"], requires=["doc._.kg_norm"])
def make_persons(nlp: Language, name: str):
    """Recognize PERSON candidates."""
    finder = PersonFinder()

    def component(doc: Doc) -> Doc:
        candidates.add(doc, finder(doc._.kg_norm.text))
        return doc

    return component
