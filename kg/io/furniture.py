"""Page furniture of published reports: recognized, kept in the text, masked for analysis.

A report scraped from a web page opens with a toolbar (``下载 打印 全屏 收藏 【字号：加大 还原 减小】``),
breadcrumbs (``首页 > 新闻 > 正文``) and a byline (``来源：内蒙古日报``, ``发布时间：2026-01-27``), and
closes with related links (``相关报道：``), an editor's name and share buttons. ``find_furniture``
returns the character spans of that furniture (offsets into the text, which is left as it is) and
the metadata the page states (title, date, source). ``mask`` blanks the furniture with spaces
(newlines kept, so the text keeps its length and its lines) for the NLP pipeline, so nothing in
it becomes a sentence, a mention or a co-mention while every offset stays an offset into the file.

The cue words and patterns are data: ``kg/data/furniture.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..data import load_table

# The head of a page runs until its first body paragraph, the tail back from the end to its last:
# a body line is long or closes a sentence. Furniture is looked for in the first and last lines only.
HEAD_LINES = 40
TAIL_LINES = 40
BODY_LINE = 60
TAIL_BLOCK_CHARS = 3000
CRUMB_ITEM = 20
META_VALUE = 30
_SENTENCE_END = re.compile(r"[。！？!?]")
_BLANKS = " \t\r\u3000\u00a0\u200b\u200d\ufeff"


@dataclass(frozen=True)
class Rules:
    edge: tuple[re.Pattern, ...]
    any: tuple[re.Pattern, ...]
    inline: tuple[re.Pattern, ...]
    crumb: tuple[re.Pattern, ...]
    tail: tuple[re.Pattern, ...]
    meta: tuple[tuple[re.Pattern, str], ...]
    page: tuple[re.Pattern, ...]


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The furniture rules of ``furniture.tsv``, compiled once."""
    kinds: dict[str, list] = {k: [] for k in ("edge", "any", "inline", "crumb", "tail", "meta", "page")}
    for row in load_table("furniture.tsv"):
        kind = row["kind"]
        if kind not in kinds:
            continue
        pattern = re.compile(row["pattern"])
        kinds[kind].append((pattern, row["key"]) if kind == "meta" else pattern)
    return Rules(**{k: tuple(v) for k, v in kinds.items()})


def table(kind: str) -> tuple[tuple[str, str], ...]:
    """(pattern, key) of the rows of one kind (the HTML rules), in file order."""
    return tuple((row["pattern"], row["key"]) for row in load_table("furniture.tsv") if row["kind"] == kind)


@dataclass
class _Line:
    start: int  # offset of the line's first character
    end: int  # offset after its last character (the newline excluded)
    text: str  # stripped

    @property
    def blank(self) -> bool:
        return not self.text


def _lines(text: str) -> list[_Line]:
    out = []
    for m in re.finditer(r"[^\n]*", text):
        if m.start() > 0 and m.start() == m.end() and text[m.start() - 1] != "\n":
            continue  # finditer's empty match after a line's end
        out.append(_Line(m.start(), m.end(), m.group().strip(_BLANKS)))
    return out


def _full(patterns, s: str) -> bool:
    return any(p.fullmatch(s) for p in patterns)


def is_page_number(line: str) -> bool:
    """A PDF line that is only a page number (``- 3 -``, ``第3页``, ``3/12``)."""
    return _full(rules().page, line.strip(_BLANKS))


def _is_body(line: _Line) -> bool:
    return len(line.text) >= BODY_LINE or bool(_SENTENCE_END.search(line.text))


def _is_edge(s: str, r: Rules) -> bool:
    if not s:
        return False
    if _full(r.edge, s) or _full(r.any, s):
        return True
    rest = s
    for p in r.inline:
        rest = p.sub(" ", rest)
    chunks = rest.split()
    return bool(chunks) and all(_full(r.edge, c) for c in chunks) or (not chunks and rest != s)


def _meta(s: str, r: Rules) -> tuple[str, str] | None:
    """(key, value) of a metadata line; value may be '' when the next line holds it."""
    for chunk in [s, *re.split(r"\s{2,}|[|｜]", s)]:
        chunk = chunk.strip(_BLANKS)
        for pattern, key in r.meta:
            m = pattern.fullmatch(chunk)
            if m:
                return key, (m.group("value") or "").strip(_BLANKS)
    return None


def iso_date(value: str) -> str | None:
    """``2026-01-27``, ``2026年1月27日 10:00``, ``2026/1/27`` as an ISO date; None if it names none."""
    m = re.search(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})", value)
    if not m:
        return None
    y, mo, d = (int(g) for g in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _title(s: str) -> str | None:
    s = s.lstrip("#").strip(_BLANKS)
    if s.startswith("【") and s.endswith("】"):
        s = s[1:-1].strip(_BLANKS)
    if not s or len(s) > BODY_LINE or _SENTENCE_END.search(s) or s.endswith(("：", ":")):
        return None  # a sentence, or a lead-in such as 各位代表：
    return s


def find_furniture(text: str) -> tuple[tuple[tuple[int, int], ...], dict[str, str]]:
    """The furniture spans of ``text`` (sorted, disjoint) and the metadata its page states."""
    r = rules()
    lines = _lines(text)
    nonblank = [i for i, ln in enumerate(lines) if not ln.blank]
    if not nonblank:
        return (), {}
    furniture: set[int] = set()
    meta_lines: set[int] = set()

    # the tail block: related reports, attachments, the editor, to the end
    tail_start = len(lines)
    window = nonblank[-TAIL_LINES:]
    for i in window:
        if _full(r.tail, lines[i].text) and len(text) - lines[i].start <= TAIL_BLOCK_CHARS:
            tail_start = i
            break

    # the head: up to the first body line
    head: list[int] = []
    for i in nonblank[:HEAD_LINES]:
        if i >= tail_start:
            break
        s = lines[i].text
        if _is_edge(s, r) or _meta(s, r):
            head.append(i)
            continue
        if _is_body(lines[i]):
            break
        head.append(i)
    # the tail: back from the tail block (or the end) to the last body line
    tail: list[int] = []
    for i in reversed([j for j in nonblank if j < tail_start][-TAIL_LINES:]):
        if head and i <= head[-1]:
            break
        s = lines[i].text
        if not (_is_edge(s, r) or _meta(s, r)) and _is_body(lines[i]):
            break
        tail.append(i)
    tail.reverse()

    for zone in (head, tail):
        for k, i in enumerate(zone):
            s = lines[i].text
            if _is_edge(s, r):
                furniture.add(i)
            elif _full(r.crumb, s):
                furniture.add(i)
                for j in (zone[k - 1] if k else None, zone[k + 1] if k + 1 < len(zone) else None):
                    if j is not None and len(lines[j].text) <= CRUMB_ITEM and not _meta(lines[j].text, r):
                        furniture.add(j)
    for i in nonblank:  # furniture wherever it stands
        if _full(r.any, lines[i].text):
            furniture.add(i)

    metadata: dict[str, str] = {}
    for zone in (head, tail):
        for k, i in enumerate(zone):
            if i in furniture:
                continue
            found = _meta(lines[i].text, r)
            if not found:
                continue
            key, value = found
            meta_lines.add(i)
            if not value and k + 1 < len(zone):
                nxt = zone[k + 1]
                cand = lines[nxt].text
                if (cand and len(cand) <= META_VALUE and nxt not in furniture and not _meta(cand, r)
                        and (key != "date" or iso_date(cand))):
                    value = cand
                    meta_lines.add(nxt)
            if key == "date":
                value = iso_date(value) or ""
            if value and key not in metadata:
                metadata[key] = value
    for i in head:
        if i not in furniture and i not in meta_lines:
            title = _title(lines[i].text)
            if title:
                metadata["title"] = title
            break

    spans: list[tuple[int, int]] = []
    for i in sorted(furniture):
        ln = lines[i]
        start = ln.start + (len(text[ln.start:ln.end]) - len(text[ln.start:ln.end].lstrip(_BLANKS)))
        spans.append((start, ln.start + len(text[ln.start:ln.end].rstrip(_BLANKS))))
    # inline marks (【字号：大 中 小】) inside head and tail lines that are not furniture as a whole
    for i in (*head, *tail):
        if i in furniture:
            continue
        ln = lines[i]
        for p in r.inline:
            for m in p.finditer(text[ln.start:ln.end]):
                spans.append((ln.start + m.start(), ln.start + m.end()))
    if tail_start < len(lines):
        start = lines[tail_start].start
        spans.append((start, len(text.rstrip(_BLANKS + "\n"))))
    return _merge(text, spans), metadata


def _merge(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sorted spans, those apart by blanks only made one."""
    out: list[list[int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and (start <= out[-1][1] or not text[out[-1][1]:start].strip(_BLANKS + "\n")):
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return tuple((a, b) for a, b in out)


def mask(text: str, spans) -> str:
    """``text`` with the characters of ``spans`` made spaces (newlines kept): same length, same lines."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for k in range(start, end):
            if chars[k] not in "\r\n":
                chars[k] = " "
    return "".join(chars)
