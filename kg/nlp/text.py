"""Small character helpers shared by the recognizers."""

from __future__ import annotations

import re
from bisect import bisect_left


def is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def quote_depth_map(text: str, open_mark: str = "“", close_mark: str = "”") -> bytearray:
    """1 for every character inside a pair of marks (on one line), else 0."""
    inside = bytearray(len(text))
    for m in re.finditer(re.escape(open_mark) + r"[^" + re.escape(open_mark + close_mark) + r"\n]{1,60}" + re.escape(close_mark), text):
        inside[m.start() + 1 : m.end() - 1] = b"\x01" * (m.end() - m.start() - 2)
    return inside


class Lexicon:
    """Longest-match lookup of a set of names in text."""

    def __init__(self, entries: dict[str, object]):
        self.entries = entries
        self.lengths = sorted({len(k) for k in entries}, reverse=True)
        # first character -> the lengths of the entries that start with it, longest first: a position
        # is tried only with lengths that can match there
        by_first: dict[str, set[int]] = {}
        for k in entries:
            if k:
                by_first.setdefault(k[0], set()).add(len(k))
        self.by_first = {c: tuple(sorted(ls, reverse=True)) for c, ls in by_first.items()}
        self.first = set(self.by_first)

    def finditer(self, text: str):
        """Yield (start, end, value) for every longest match, scanning left to right, no overlaps."""
        i, n = 0, len(text)
        by_first, entries = self.by_first, self.entries
        while i < n:
            lengths = by_first.get(text[i])
            if lengths:
                for length in lengths:
                    if i + length > n:
                        continue  # a slice past the end would be shorter than its length
                    value = entries.get(text[i : i + length])
                    if value is not None:
                        yield i, i + length, value
                        i += length
                        break
                else:
                    i += 1
            else:
                i += 1

    def find_all(self, text: str):
        """Yield (start, end, value) for every match at every position (overlaps allowed)."""
        n = len(text)
        by_first, entries = self.by_first, self.entries
        for i, c in enumerate(text):
            lengths = by_first.get(c)
            if lengths:
                for length in lengths:
                    if i + length > n:
                        continue
                    value = entries.get(text[i : i + length])
                    if value is not None:
                        yield i, i + length, value


class WordSet:
    """A set of words, looked up where they end or start at a position (longest first)."""

    def __init__(self, words):
        self.words = set(words)
        self.lengths = sorted({len(w) for w in self.words}, reverse=True)

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def ending_at(self, text: str, i: int, start: int = 0) -> str | None:
        """The longest word that ends at ``i`` and begins at or after ``start``."""
        for n in self.lengths:
            if i - n >= start and text[i - n:i] in self.words:
                return text[i - n:i]
        return None

    def starting_at(self, text: str, i: int, end: int | None = None) -> str | None:
        """The longest word that starts at ``i`` and ends at or before ``end``."""
        end = len(text) if end is None else end
        for n in self.lengths:
            if i + n <= end and text[i:i + n] in self.words:
                return text[i:i + n]
        return None


def word_boundary(boundaries: "WordSet", text: str, i: int, word_edges: set[int] | None,
                  dictionary: dict | None = None) -> str | None:
    """The boundary word ending at ``i`` if it is a word of its own here. A longer one must end a
    word; a single character must be a word by itself, or sit in a word the dictionary does not
    know (湖等, 辽及 made up by the segmenter): 同 of 大同, 和 of 呼和浩特 and 各 of 各族 are none.
    ``word_edges``: where words end (None: no word information, any match counts)."""
    hit = boundaries.ending_at(text, i)
    if hit is None or word_edges is None:
        return hit
    if len(hit) > 1:
        return hit if i in word_edges else None
    start, end = i - 1, i
    while start > 0 and start not in word_edges:
        start -= 1
    while end < len(text) and end not in word_edges:
        end += 1
    if end - start == 1:
        return hit
    return hit if dictionary is not None and text[start:end] not in dictionary else None


class Spans:
    """Word spans (start -> end) looked up by range: the words that start in [a, b)."""

    def __init__(self, spans: dict[int, int]):
        self.starts = sorted(spans)
        self.spans = spans

    def starting_in(self, a: int, b: int):
        """(start, end) of the words that start at or after ``a`` and before ``b``."""
        i = bisect_left(self.starts, a)
        while i < len(self.starts) and self.starts[i] < b:
            s = self.starts[i]
            yield s, self.spans[s]
            i += 1

    def covering(self, a: int, b: int):
        """(start, end) of the words that overlap [a, b) (a word is at most 40 characters)."""
        yield from ((s, e) for s, e in self.starting_in(max(0, a - 40), b) if e > a)
