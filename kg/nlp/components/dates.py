"""DATE: calendar expressions (2021年, 2022年3月18日, 2021年底, 2021—2025年, “七一”, 2026-02-12),
five-year plan periods (“十四五”), lunar years (农历马年) and holidays used as times (春节)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .. import candidates
from ..candidates import Candidate
from ..numbers import parse_chinese
from ..text import Lexicon
from ...data import column

_CN = "〇○零一二三四五六七八九十"  # ○ (U+25CB) is often typed for 〇
_PATTERNS = [
    re.compile(r"\d{4}(?:年)?[—\-–~至]\d{4}年"),
    re.compile(r"(?<!\d)\d{4}年(?:\d{1,2}月(?:\d{1,2}[日号])?)?(?:底|初|末|上半年|下半年|年底|年初)?"),
    # a range of days is one date, as a range of years is (11月6日至10日, 3月28日—4月2日); a month after a
    # year's number is in the year's date, after a relative year (去年5月12日) it opens its own
    re.compile(r"(?<!\d)(?<!\d年)\d{1,2}月\d{1,2}[日号]?[—\-–~至](?:\d{1,2}月)?\d{1,2}[日号]"),
    re.compile(r"(?<!\d)(?<!\d年)\d{1,2}月\d{1,2}[日号]"),
    # a month on its own (从8月份起, 9月后), not a count of months (3个月) or either end of a range (1—9月)
    re.compile(r"(?<![\d—\-–~至到])(?<!\d年)(?:1[0-2]|0?[1-9])月份?(?![\d日号]|[—\-–~至到]\d)"),
    re.compile(rf"[{_CN}]{{4}}年(?:[{_CN}]{{1,2}}月(?:[{_CN}]{{1,3}}日)?)?"),
    # an ISO date, also as a timestamp's date (the clock time stays out)
    re.compile(r"(?<![\d\-])(?:19|20)\d{2}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])(?![\d\-])"),
    # five-year plan periods: 十四五, 十五五 (the guidelines' DATE; in quotes the marks stay out)
    re.compile(r"(?<![一二三四五六七八九十])十[一二三四五六七八九]五(?![一二三四五六七八九十])"),
    # a year listed before another whose 年 is written once (1998、1999年: the annotator of the 2003 report)
    re.compile(r"(?<![\d.])(?:19|20)\d{2}(?=(?:、(?:19|20)\d{2})*、(?:19|20)\d{2}年)"),
    # a century by its number, with a decade of it (二十一世纪, 20世纪90年代; the annotator of the 1998 report);
    # 本世纪, 新世纪 and 世纪疫情 name no century by number
    re.compile(r"(?:二十一|二十|十九|十八|21|20|19|18)世纪(?:[一二三四五六七八九]十年代|[1-9]0年代)?"),
    # lunar years: 农历马年, 中国农历甲辰龙年
    re.compile(r"(?:中国)?农历(?:[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥])?[鼠牛虎兔龙蛇马羊猴鸡狗猪]年"),
]
# A part of the day after a calendar date stays in its span (1月22日上午).
_DAYPART = re.compile(r"(?:上午|下午|中午|晚上|晚间|凌晨|早上|傍晚)")
# A year before a holiday joins it (2020年春节).
_YEAR_BEFORE = re.compile(r"(?:(?<!\d)\d{4}|[〇○零一二三四五六七八九]{4})年$")
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


class DateFinder:
    """DATE candidates: the patterns above, and holidays from ``holidays.tsv``."""

    def __init__(self):
        self.holidays = Lexicon({h: h for h in column("holidays.tsv", "name")})

    def __call__(self, text: str) -> list[Candidate]:
        found = find_dates(text)
        for s, e, _h in self.holidays.finditer(text):
            m = _YEAR_BEFORE.search(text, max(0, s - 5), s)
            found.append(Candidate(m.start() if m else s, e, "DATE", "date"))
        return found


def find_dates(text: str) -> list[Candidate]:
    """DATE candidates in ``text`` from the calendar patterns (no holidays: see ``DateFinder``)."""
    found = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            end = m.end()
            if text[end - 1] in "日号":
                part = _DAYPART.match(text, end)
                end = part.end() if part else end
            found.append(Candidate(m.start(), end, "DATE", "date"))
    for m in _FESTIVAL.finditer(text):
        if _is_month_day(m.group(1)):
            found.append(Candidate(m.start(), m.end(), "DATE", "date"))
    return found


@Language.factory("kg_dates", assigns=["doc._.kg_candidates"], requires=["doc._.kg_norm"])
def make_dates(nlp: Language, name: str):
    """Recognize DATE candidates."""
    finder = DateFinder()

    def component(doc: Doc) -> Doc:
        candidates.add(doc, finder(doc._.kg_norm.text))
        return doc

    return component
