"""Small character helpers shared by the recognizers."""

from __future__ import annotations

import re


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
        self.first = {k[0] for k in entries}

    def finditer(self, text: str):
        """Yield (start, end, value) for every longest match, scanning left to right, no overlaps."""
        i, n = 0, len(text)
        while i < n:
            if text[i] in self.first:
                for length in self.lengths:
                    if i + length > n:
                        continue  # a slice past the end would be shorter than its length
                    value = self.entries.get(text[i : i + length])
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
        for i, c in enumerate(text):
            if c in self.first:
                for length in self.lengths:
                    if i + length > n:
                        continue
                    value = self.entries.get(text[i : i + length])
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
