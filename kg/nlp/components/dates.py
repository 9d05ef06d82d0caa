"""DATE: calendar expressions (2021年, 2022年3月18日, 2021年底, 2021—2025年, “七一”)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .. import candidates
from ..candidates import Candidate
from ..numbers import parse_chinese

_CN = "〇零一二三四五六七八九十"
_PATTERNS = [
    re.compile(r"\d{4}(?:年)?[—\-–~至]\d{4}年"),
    re.compile(r"(?<!\d)\d{4}年(?:\d{1,2}月(?:\d{1,2}[日号])?)?(?:底|初|末|上半年|下半年|年底|年初)?"),
    re.compile(r"(?<![\d年])\d{1,2}月\d{1,2}[日号]"),
    re.compile(rf"[{_CN}]{{4}}年(?:[{_CN}]{{1,2}}月(?:[{_CN}]{{1,3}}日)?)?"),
]
# Observances written as month and day inside quotes: “七一”, “五四”, “八一”, “十一”.
_FESTIVAL = re.compile(r"(?<=“)([一二三四五六七八九十]{2,3})(?=”)")


def _is_month_day(s: str) -> bool:
    for cut in range(1, len(s)):
        try:
            month, day = int(parse_chinese(s[:cut])), int(parse_chinese(s[cut:]))
        except (ValueError, KeyError):
            continue
        if 1 <= month <= 12 and 1 <= day <= 31:
            return True
    return False


def find_dates(text: str) -> list[Candidate]:
    """DATE candidates in ``text``."""
    found = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            found.append(Candidate(m.start(), m.end(), "DATE", "date"))
    for m in _FESTIVAL.finditer(text):
        if _is_month_day(m.group(1)):
            found.append(Candidate(m.start(), m.end(), "DATE", "date"))
    return found


@Language.factory("kg_dates", assigns=["doc._.kg_candidates"], requires=["doc._.kg_norm"])
def make_dates(nlp: Language, name: str):
    """Recognize DATE candidates."""

    def component(doc: Doc) -> Doc:
        candidates.add(doc, find_dates(doc._.kg_norm.text))
        return doc

    return component
