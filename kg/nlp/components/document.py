"""Report structure from the text: title, date, author, the report's own organization, and sections.

A section is a heading line (a Markdown heading, or a short numbered line such as
``一、…`` or ``（一）…`` without a full stop). Each carries the year it names
(``2021年工作开展情况`` -> 2021) and whether it plans ahead (``2022年重点工作任务``).
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from ...data import column

_HEADER_LINES = 12
_TITLE_WORDS = ("报告", "总结", "讲话", "意见", "通知", "决定", "计划", "要点", "方案")
_NUMBERED = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[部章节])")
# a year in digits (2021) or in Chinese numerals (一九五八, 一九八○: the older national reports)
# the speaker's body in a work report's opening (我代表国务院，向大会作政府工作报告; 代表省人民政府向大会报告)
_ON_BEHALF = re.compile(r"代表([^，,。；\s]{2,16}?)(?:[，,]?向[^，,。；\s]{0,20}?大会|作)")
_LEVEL_ONLY = ("省", "市", "自治区", "区", "县", "州", "盟", "旗")  # 代表省人民政府: the title or the places say which
OPENING_CHARS = 3000  # the report's opening: its header, dateline and first paragraph
_CN_VALUE = {"〇": 0, "○": 0, **{c: i for i, c in enumerate("零一二三四五六七八九")}}
YEAR_DIGITS = r"(?:\d{4}|[一二][〇○零一二三四五六七八九]{3})"
_YEAR = re.compile(rf"({YEAR_DIGITS})年")
_YEAR_ANY = re.compile(rf"(?<![\d〇○零一二三四五六七八九])({YEAR_DIGITS})(?![\d〇○零一二三四五六七八九])")


def year_value(digits: str) -> int:
    """The year written in ``digits``: 2021, 一九五八, 一九八○ (〇, ○ and 零 are zero)."""
    return int("".join(str(_CN_VALUE[c]) if c in _CN_VALUE else c for c in digits))


def first_year(text: str) -> int | None:
    """The first year written in ``text`` (2021年, 一九五八年, 1984年末), else None."""
    m = _YEAR_ANY.search(text)
    return year_value(m.group(1)) if m else None
# an enumerated item opening a paragraph or following a full stop, up to its own full stop or semicolon
_ITEM = re.compile(r"(?:^|(?<=[。；]))([一二三四五六七八九十]是[^。；]{1,40}[。；])")
_MAX_HEADING = 50
_MAX_PART = 30
_ARTICLE_TITLE = re.compile(r"【[^【】\n]{4,60}】")
_DATELINE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:/\d{1,2}/\d{1,2}/|-\d{1,2}-\d{1,2}(?!\d)|年\d{1,2}月\d{1,2}日)")
_SENTENCE_MARKS = re.compile(r"[。，,；;！!？?：:]")
_PLAN_PERIOD = re.compile(r"(?<![一二三四五六七八九十])十([一二三四五六七八九])五(?![一二三四五六七八九十])"
                          r"|“([六七八九])五”")  # the 6th to 9th plans only in quotes (“九五”时期): 九五 alone is no name


def _lines(text: str) -> list[tuple[int, str]]:
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    return lines


def plan_period(text: str) -> tuple[int, int] | None:
    """The years of the first five-year plan named in ``text`` (十四五 -> 2021-2025, “九五” -> 1996-2000), else None.

    The third plan began in 1966 after three years of adjustment; from it on each plan is five years.
    """
    m = _PLAN_PERIOD.search(text)
    if not m:
        return None
    n = 10 + "一二三四五六七八九".index(m.group(1)) + 1 if m.group(1) else "一二三四五六七八九".index(m.group(2)) + 1
    start = 1966 + 5 * (n - 3)
    return start, start + 4


def sections(doc: Doc, plan_words: tuple[str, ...], parts: dict[str, str] | None = None) -> list[dict]:
    """Headings in text order: start, end, text, level (0 unnumbered part, 1 一、, 2 （一）, 3 一是), year,
    planned, the plan period it names (``period``: (first, last) year or None) and the part's ``kind``
    (review, plan, annex or None) for unnumbered part headings."""
    norm = doc._.kg_norm
    parts = parts or {}
    out = []
    for pos, line in _lines(norm.text):
        s = line.strip()
        if not s:
            continue
        start = pos + line.index(s)
        original_line_start = norm.original.rfind("\n", 0, norm.index[start]) + 1
        markdown = norm.original[original_line_start:norm.index[start]].lstrip().startswith("#")
        numbered = _NUMBERED.match(s)
        if (markdown or numbered) and len(s) <= _MAX_HEADING and "。" not in s:
            title = s
        elif numbered and s.startswith(("（", "(")):
            title = s[: s.index("。") + 1] if "。" in s[:_MAX_HEADING] else None  # （一）持续强化理论武装。正文…
        elif _ARTICLE_TITLE.fullmatch(s):
            title = s  # a news article's title: 【市科协召开…会议】
        elif len(s) <= _MAX_PART and not _SENTENCE_MARKS.search(s) and any(w in s for w in parts):
            title = s  # an unnumbered part: “十四五”时期发展成就和2025年工作回顾, 附件
        else:
            title = None
        if title:
            # 0: an unnumbered heading (a part: 2021年工作开展情况); 1: 一、…; 2: （一）…; 3: 一是…
            level = 2 if s.startswith(("（", "(")) else (1 if numbered else 0)
            section = _section(start, title, level, plan_words)
            if level == 0 and _ARTICLE_TITLE.fullmatch(title):
                section["kind"] = "article"
            elif level <= 1:  # a part, unnumbered or numbered (一、“十四五”时期和2025年工作回顾)
                kinds = [k for w, k in parts.items() if w in title]
                section["kind"] = kinds[0] if kinds else None
                if section["kind"] == "review":
                    section["year"] = _reviewed_year(title, parts, section["year"])
                section["planned"] = section["planned"] or section["kind"] in ("plan", "annex")
            out.append(section)
        # items inside a paragraph: 一是强化政治引领。二是…
        for m in _ITEM.finditer(s):
            out.append(_section(start + m.start(1), m.group(1), 3, plan_words))
    out.sort(key=lambda x: x["start"])
    articles = [sec for sec in out if sec.get("kind") == "article"]
    for sec, nxt in zip(articles, [*articles[1:], None]):
        if sec["year"] is None:  # the year of its dateline or source link (…/art/2020/3/25/…, 2020-03-25)
            m = _DATELINE.search(norm.text, sec["end"], nxt["start"] if nxt else len(norm.text))
            sec["year"] = int(m.group(1)) if m else None
    return out


def _section(start: int, title: str, level: int, plan_words: tuple[str, ...]) -> dict:
    # a year inside a document's title (《…方案（2021—2025年）》) dates the document, not the section
    years = [year_value(y) for y in _YEAR.findall(re.sub(r"《[^》]*》", "", title))]
    return {"start": start, "end": start + len(title), "text": title, "level": level,
            "year": years[-1] if years else None, "planned": any(w in title for w in plan_words),
            "period": plan_period(title), "kind": None}


def _reviewed_year(title: str, parts: dict[str, str], year: int | None) -> int | None:
    """The year a review part reviews: of a heading that also names the year planned
    (1998年工作回顾和1999年工作的总体要求, 一、1993年国内工作的回顾和1994年的任务), the last year
    written before its review word, not the last year of the heading."""
    bare = re.sub(r"《[^》]*》", "", title)
    ends = [bare.find(w) for w, k in parts.items() if k == "review" and w in bare]
    first = min(ends) if ends else -1
    years = [year_value(y) for y in _YEAR.findall(bare[:first])] if first > 0 else []
    return years[-1] if years else year


def report_meta(doc: Doc, plan_words: tuple[str, ...] = (), parts: dict[str, str] | None = None) -> dict:
    """Title, date, author (character spans of the analysed text), organization, and the sections."""
    text = doc._.kg_norm.text
    lines = _lines(text)
    header = [(p, l) for p, l in lines if l.strip()][:_HEADER_LINES]
    title = None
    for p, line in header:
        s = line.strip()
        start = p + line.index(s)
        # a line a page break cut out of a quoted name (《\n中共中央关于…的建议\n》) is not the title
        quoted = text[:start].rstrip().endswith("《") and text[start + len(s):].lstrip().startswith("》")
        if len(s) >= 6 and not quoted and not re.search(r"[。；]", s) \
                and (s.endswith(_TITLE_WORDS) or title is None and "。" not in s):
            title = (start, start + len(s))
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
    # character spans, not Span objects: a Span in doc.user_data would make every Doc a reference
    # cycle that only the garbage collector frees
    span = lambda ent: (ent.start_char, ent.end_char) if ent is not None else None  # noqa: E731
    found = sections(doc, plan_words, parts)
    year = _report_year(text, title, date) or (doc._.kg_source or {}).get("year")
    if year is not None:
        for sec in found:  # a part for the report's own year or later plans it (2026年重点工作) unless it reviews
            if sec["level"] <= 1 and sec["year"] is not None and sec["year"] >= year \
                    and sec.get("kind") not in ("review", "article"):
                sec["planned"] = True
            # a review that names no year (一、工作回顾) reviews the year before the report's; one of a
            # plan period (“十四五”时期工作回顾) reviews the period and its last year, the year before the report's
            if sec["level"] <= 1 and sec.get("kind") == "review" and sec["year"] is None:
                sec["year"] = sec["period"][1] if sec["period"] else year - 1
    return {"title": title, "date": span(date), "author": span(author), "year": year,
            "organization": _organization(doc, title), "sections": found}


def _report_year(text: str, title: tuple[int, int] | None, date) -> int | None:
    """The report's own year: the year of its dateline, else one named in its title. A numbered part
    heading taken for the title of a report that has none (一、1998年工作回顾和1999年工作的总体要求)
    names the years the part is about, not the report's."""
    for span in (date, title):
        if span is None:
            continue
        s, e = (span.start_char, span.end_char) if hasattr(span, "start_char") else span
        if span is title and _NUMBERED.match(text[s:e]):
            continue
        m = re.search(r"(\d{4})", text[s:e])
        if m:
            return int(m.group(1))
    return None


def _organization(doc: Doc, title: tuple[int, int] | None) -> str | None:
    """The report's own organization: an organization named in the title (even inside an event's
    name, as in 在内蒙古科协八届三次全委会上的工作报告), else the body the speaker reports for in the
    opening (我代表国务院，向大会作政府工作报告), else the organization mentioned most."""
    text = doc._.kg_norm.text
    inside = []
    if title is not None:
        inside = [c for c in doc._.kg_candidates or [] if c.label == "ORG" and title[0] <= c.start and c.end <= title[1]]
        if inside and text[title[0]:title[1]].endswith(_TITLE_WORDS):
            best = min(inside, key=lambda c: (c.start, -(c.end - c.start)))
            return text[best.start:best.end]
    # a title-like line that is no title (a dateline: ——2017年3月5日在第十二届全国人民代表大会…上)
    # yields to the body the speaker stands for
    found = _ON_BEHALF.search(text, 0, OPENING_CHARS)
    if found and not found.group(1).startswith(_LEVEL_ONLY):
        named = [e for e in doc.ents if e.label_ == "ORG" and e.start_char == found.start(1) and e.end_char == found.end(1)]
        if named:
            return named[0].text
    if inside:
        best = min(inside, key=lambda c: (c.start, -(c.end - c.start)))
        return text[best.start:best.end]
    counts = Counter(e.text for e in doc.ents if e.label_ == "ORG")
    return counts.most_common(1)[0][0] if counts else None


@Language.factory("kg_document", assigns=["doc._.kg_meta"], requires=["doc.ents"])
def make_document(nlp: Language, name: str):
    """Find the report's title, date, author, organization and sections."""
    plan_words = tuple(column("status_cues.tsv", "word", where=("scope", "heading")))
    parts = dict(zip(column("part_headings.tsv", "word"), column("part_headings.tsv", "kind")))

    def component(doc: Doc) -> Doc:
        doc._.kg_meta = report_meta(doc, plan_words, parts)
        return doc

    return component
