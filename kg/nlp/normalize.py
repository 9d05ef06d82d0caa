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
    chars: list[str] = []
    index: list[int] = []
    lines = text.split("\n")
    drop: set[int] = set()
    join_breaks = _page_breaks(text, lines)
    for i in range(len(text)):
        if i in join_breaks:
            drop.add(i)
    drop |= _markdown_marks(text, lines)
    for i, c in enumerate(text):
        if i in drop:
            continue
        c = _FULLWIDTH.get(c, c)
        chars.append(c)
        index.append(i)
    # Spaces inside numbers ("2565 万元", "第 1 位", "2021 年底"): drop a run of
    # blanks with a digit on one side and a digit or CJK character on the other.
    out_c: list[str] = []
    out_i: list[int] = []
    n = len(chars)
    k = 0
    while k < n:
        c = chars[k]
        if c in " \t":
            j = k
            while j < n and chars[j] in " \t":
                j += 1
            left = out_c[-1] if out_c else ""
            right = chars[j] if j < n else ""
            # a date followed by a clock time (2026-01-05 10:30) keeps its blank
            after_iso_date = _is_digit(left) and _ISO_DATE_END.search("".join(out_c[-10:])) is not None
            # a decimal point spaced off its digits (8 ．8 ％ in a typeset file) joins them
            right2 = chars[j + 1] if j + 1 < n else ""
            before_point = _is_digit(left) and right == "." and _is_digit(right2)
            after_point = left == "." and len(out_c) > 1 and _is_digit(out_c[-2]) and _is_digit(right)
            if not after_iso_date and ((_is_digit(left) and (_is_digit(right) or _is_cjk(right))) or (
                _is_cjk(left) and _is_digit(right)
            ) or before_point or after_point):
                k = j
                continue
        out_c.append(c)
        out_i.append(index[k])
        k += 1
    # a lone surrogate (a str decoded with surrogateescape) cannot be encoded for OpenCC: it becomes U+FFFD,
    # one character for one, so offsets hold
    out_c = [("\ufffd" if "\ud800" <= c <= "\udfff" else c) for c in out_c]
    simplified = _t2s().convert("".join(out_c))
    if len(simplified) != len(out_c):  # phrase-level conversion changed lengths: go char by char
        simplified = "".join(_t2s().convert(c) if len(_t2s().convert(c)) == 1 else c for c in out_c)
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
