"""Normalize report text for analysis while keeping a map back to the original.

The analysed text differs from the file: Markdown marks are dropped, full-width
digits and signs become ASCII, spaces inside numbers go, page breaks inside
words and sentences are closed up, and traditional characters become
simplified. Every character of the normalized text remembers the index of the
original character it came from, so every mention reports offsets into the
ORIGINAL text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_FULLWIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
_FULLWIDTH.update({"％": "%", "．": ".", "，": "，", "＋": "+", "\u3000": " ", "\u00a0": " "})
_FULLWIDTH.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_FULLWIDTH.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
_FULLWIDTH_TABLE = str.maketrans(_FULLWIDTH)
_BLANKS = re.compile("[ \t]+")
_SURROGATE = re.compile("[\ud800-\udfff]")

# A line that ends with one of these closes its sentence; anything else that is
# followed by a blank line and more text is a page break inside a sentence.
_SENTENCE_END = set("。！？!?：:；;）)」』”\"…")
_ISO_DATE_END = re.compile(r"\d{4}-\d{1,2}-\d{1,2}$")
_HEADING_START = re.compile(r"^\s*(#|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|[一二三四五六七八九十]是)")
_MIN_BROKEN_LINE = 16
_NUMBERED_HEADING = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)")
_MAX_HEADING_LINE = 30
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


@dataclass(frozen=True)
class Normalized:
    """Normalized text plus, for each of its characters, the original index."""

    text: str
    original: str
    index: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span [start, end) to the original text's span."""
        if end <= start:
            o = self.index[start] if start < len(self.index) else len(self.original)
            return o, o
        return self.index[start], self.index[end - 1] + 1


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _is_digit(c: str) -> bool:
    return "0" <= c <= "9"


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or c in "%％"


def normalize(text: str) -> Normalized:
    """Return the analysis text of ``text`` with its map back to the original."""
    lines = text.split("\n")
    drop = _page_breaks(text, lines) | _markdown_marks(text, lines)
    # the kept characters, by runs between the dropped ones (a report has few), full-width forms folded
    # one character for one by str.translate
    pieces: list[str] = []
    index: list[int] = []
    prev = 0
    for i in sorted(drop) + [len(text)]:
        if i > prev:
            pieces.append(text[prev:i])
            index.extend(range(prev, i))
        prev = i + 1
    chars = "".join(pieces).translate(_FULLWIDTH_TABLE)
    # Spaces inside numbers ("2565 万元", "第 1 位", "2021 年底"): drop a run of
    # blanks with a digit on one side and a digit or CJK character on the other.
    out_c: list[str] = []
    out_i: list[int] = []
    tail = ""  # the last characters written, for the checks that look back
    k = 0
    n = len(chars)
    for m in _BLANKS.finditer(chars):
        b, j = m.span()
        if b > k:
            out_c.append(chars[k:b])
            out_i.extend(index[k:b])
            tail = (tail + chars[k:b])[-10:]
        k = b
        left = tail[-1:]
        right = chars[j] if j < n else ""
        # a date followed by a clock time (2026-01-05 10:30) keeps its blank
        after_iso_date = _is_digit(left) and _ISO_DATE_END.search(tail) is not None
        # a decimal point spaced off its digits (8 ．8 ％ in a typeset file) joins them
        right2 = chars[j + 1] if j + 1 < n else ""
        before_point = _is_digit(left) and right == "." and _is_digit(right2)
        after_point = left == "." and len(tail) > 1 and _is_digit(tail[-2]) and _is_digit(right)
        if not after_iso_date and ((_is_digit(left) and (_is_digit(right) or _is_cjk(right))) or (
            _is_cjk(left) and _is_digit(right)
        ) or before_point or after_point):
            k = j
            continue
        # the run is kept; its last blank may still start a new run's check as the left character
        out_c.append(chars[b:j])
        out_i.extend(index[b:j])
        tail = (tail + chars[b:j])[-10:]
        k = j
    if k < n:
        out_c.append(chars[k:])
        out_i.extend(index[k:])
    out = "".join(out_c)
    # a lone surrogate (a str decoded with surrogateescape) cannot be encoded for OpenCC: it becomes U+FFFD,
    # one character for one, so offsets hold
    if _SURROGATE.search(out):
        out = _SURROGATE.sub("\ufffd", out)
    simplified = _t2s().convert(out)
    if len(simplified) != len(out):  # phrase-level conversion changed lengths: go char by char
        simplified = "".join(_t2s().convert(c) if len(_t2s().convert(c)) == 1 else c for c in out)
    return Normalized(text=simplified, original=text, index=tuple(out_i))


def _line_starts(lines: list[str]) -> list[int]:
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    return starts


def _markdown_marks(text: str, lines: list[str]) -> set[int]:
    """Indices of Markdown marks: heading hashes, emphasis stars, quote marks."""
    drop: set[int] = set()
    for start, line in zip(_line_starts(lines), lines):
        m = re.match(r"^(\s*)(#{1,6}\s*|>\s*|[-*+]\s+(?=\S))", line)
        if m:
            drop.update(range(start + m.start(2), start + m.end(2)))
    for m in re.finditer(r"\*\*|__|(?<![\w*])\*(?![\s*])|(?<=\S)\*(?![\w*])", text):
        drop.update(range(m.start(), m.end()))
    return drop


def _is_heading(line: str) -> bool:
    """A numbered heading that fits on one line (二、2024年经济社会发展总体要求和政策取向); an item
    (一是…) or a longer line may be a paragraph a page break cut."""
    return bool(_NUMBERED_HEADING.match(line)) and len(line) <= _MAX_HEADING_LINE and "。" not in line


def _blank(line: str) -> bool:
    """A line with nothing to read: blanks, or zero-width characters a web page left (74.4 / U+200B / 万亿元)."""
    return not line.strip().strip(_ZERO_WIDTH)


def _page_breaks(text: str, lines: list[str]) -> set[int]:
    """Indices of the line breaks (and blanks) that a PDF page break left inside a sentence."""
    drop: set[int] = set()
    starts = _line_starts(lines)
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        stripped = line.strip().strip("*").strip()
        j = i + 1
        while j < len(lines) and _blank(lines[j]):
            j += 1
        if (
            j < len(lines)
            and j > i + 1
            and len(stripped) >= _MIN_BROKEN_LINE
            and not line.lstrip().startswith("#")
            and stripped[-1] not in _SENTENCE_END
            and not _HEADING_START.match(lines[j])
            and not _is_heading(stripped)  # a heading ends its line (二、…政策取向)
        ):
            drop.update(range(starts[i] + len(line), starts[j] + (len(lines[j]) - len(lines[j].lstrip()))))
        i += 1
    return drop
