"""Small character helpers shared by the recognizers."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterable

import numpy


def is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def quote_depth_map(text: str, open_mark: str = "“", close_mark: str = "”") -> bytearray:
    """1 for every character inside a pair of marks (on one line), else 0."""
    inside = bytearray(len(text))
    for m in re.finditer(re.escape(open_mark) + r"[^" + re.escape(open_mark + close_mark) + r"\n]{1,60}" + re.escape(close_mark), text):
        inside[m.start() + 1 : m.end() - 1] = b"\x01" * (m.end() - m.start() - 2)
    return inside


class Lexicon:
    """Longest-match lookup of a set of names in text.

    The matches come from an Aho-Corasick automaton (pyahocorasick, in C), built on first use: one
    pass over the text finds every entry wherever it ends, and only the matches are handled in
    Python, not every character. ``entries`` must not change once a lookup has been made.

    pyahocorasick finds a node's next node by a linear scan of its children, and the root of a
    gazetteer's automaton has a thousand of them (the names' first characters): a whole report
    cost 3 ms per lexicon, most characters being tried against every child. A lexicon whose
    names open with many characters is built and searched on the text written two symbols a
    character (:func:`_pairs`), which gives the same matches with a few dozen children a node
    (5 times faster)."""

    def __init__(self, entries: dict[str, object]):
        self.entries = entries
        self.lengths = sorted({len(k) for k in entries}, reverse=True)
        self._automaton = None

    def _matches(self, text: str) -> list[tuple[int, int, object]]:
        """(start, end, value) of every entry in ``text``, overlaps included, in the automaton's order."""
        automaton = self._automaton
        if automaton is None:
            automaton = self._automaton = _automaton(self.entries)
        if automaton is False:
            return []
        automaton, paired = automaton
        if paired:  # ends at the second symbol of a character: end // 2 is that character
            return [(end // 2 + 1 - length, end // 2 + 1, value) for end, (length, value) in automaton.iter(_pairs(text))]
        return [(end + 1 - length, end + 1, value) for end, (length, value) in automaton.iter(text)]

    def finditer(self, text: str):
        """Yield (start, end, value) for every longest match, scanning left to right, no overlaps."""
        longest: dict[int, tuple[int, object]] = {}
        for s, e, value in self._matches(text):
            if e > longest.get(s, (0, None))[0]:
                longest[s] = (e, value)
        i = 0
        for s in sorted(longest):
            if s >= i:
                e, value = longest[s]
                yield s, e, value
                i = e

    def find_all(self, text: str):
        """Yield (start, end, value) for every match at every position (overlaps allowed), by start
        and, at one start, longest first."""
        matches = self._matches(text)
        matches.sort(key=lambda m: (m[0], -m[1]))
        yield from matches


def _automaton(entries: dict[str, object]):
    """(automaton, paired) over the non-empty entries with a value (False where there are none);
    ``paired``: the keys are written by :func:`_pairs`, and so must the texts searched be."""
    import ahocorasick

    keys = [key for key, value in entries.items() if key and value is not None]
    paired = len({key[0] for key in keys}) > _PAIRED_FROM
    automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
    for key in keys:
        automaton.add_word(key.translate(_PAIRS) if paired else key, (len(key), entries[key]))
    if not len(automaton):
        return False
    automaton.make_automaton()
    return automaton, paired


# a lexicon whose keys open with more distinct characters than this is searched paired (measured:
# below, the scan saved is less than writing the text twice as long)
_PAIRED_FROM = 160


class _Pairs(dict):
    """Code point -> its two symbols (see :func:`_pairs`), filled as characters are met."""

    def __missing__(self, code: int) -> str:
        pair = self[code] = chr(0x1000 + (code >> 8)) + chr(0x100 + (code & 0xFF))
        return pair


_PAIRS = _Pairs()


def _pairs(text: str) -> str:
    """``text`` with each character written as two symbols, its code point's high bits (U+1000 +
    code >> 8) then its low byte (U+0100 + code & 0xFF). The two ranges are disjoint, so a paired
    key matches a paired text only at a character's first symbol: the matches are those of the
    plain key in the plain text, at twice the offsets. A long text goes through numpy (a 12,000
    character report: 0.05 ms, against 1 ms for ``str.translate``)."""
    if len(text) < 256:
        return text.translate(_PAIRS)
    codes = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
    out = numpy.empty(2 * len(codes), dtype=numpy.uint32)
    out[0::2] = (codes >> 8) + 0x1000
    out[1::2] = (codes & 0xFF) + 0x100
    return out.tobytes().decode("utf-32-le")


class WordSet:
    """A set of words, looked up where they end or start at a position (longest first)."""

    def __init__(self, words):
        self.words = set(words)
        self.lengths = sorted({len(w) for w in self.words}, reverse=True)
        # first (last) character -> lengths of the words that start (end) with it, longest first: a
        # position is tried only with the lengths that can match there
        self.by_first = _lengths_by(self.words, 0)
        self.by_last = _lengths_by(self.words, -1)
        self._empty = "" in self.words

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def ending_at(self, text: str, i: int, start: int = 0) -> str | None:
        """The longest word that ends at ``i`` and begins at or after ``start``."""
        if 0 < i <= len(text) and start >= 0:
            words = self.words
            for n in self.by_last.get(text[i - 1], ()):
                if i - n >= start and text[i - n:i] in words:
                    return text[i - n:i]
            return "" if self._empty and i >= start else None
        for n in self.lengths:  # out of range: slices as they fall
            if i - n >= start and text[i - n:i] in self.words:
                return text[i - n:i]
        return None

    def starting_at(self, text: str, i: int, end: int | None = None) -> str | None:
        """The longest word that starts at ``i`` and ends at or before ``end``."""
        end = len(text) if end is None else end
        if 0 <= i < len(text) and end <= len(text):
            words = self.words
            for n in self.by_first.get(text[i], ()):
                if i + n <= end and text[i:i + n] in words:
                    return text[i:i + n]
            return "" if self._empty and i <= end else None
        for n in self.lengths:  # out of range: slices as they fall
            if i + n <= end and text[i:i + n] in self.words:
                return text[i:i + n]
        return None


def _lengths_by(words, at: int) -> dict[str, tuple[int, ...]]:
    by: dict[str, set[int]] = {}
    for w in words:
        if w:
            by.setdefault(w[at], set()).add(len(w))
    return {c: tuple(sorted(ls, reverse=True)) for c, ls in by.items()}


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


# where a clause ends, for the lists inside it
_CLAUSE_MARKS = "，。；：！？\n"
# 等 closing a list, after a character and opening no word of its own (等级, 等同, 等待, 等候); 等 inside a word
# (平等, 同等) leaves items that fail the checks of the lists' own rules
LIST_CLOSE = re.compile(r"(?<=[\u4e00-\u9fff])等(?![级同待候])")
# LAC tags of the clause's verbs and adverbs before a list's first item
LEADING_VERB_TAGS = frozenset({"v", "vd", "ad", "d", "p"})


def list_items(text: str, end: int, at: dict[int, tuple[int, str]] | None = None,
               leading: set[str] | frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """The items, split at 、, of the list that closes at ``end`` (its 等), from the clause's start; the first
    item without the clause's own words before it whose tags are in ``leading`` (``at``: start -> (end, tag)
    of the words)."""
    p = max(text.rfind(c, 0, end) for c in _CLAUSE_MARKS) + 1
    items = []
    for q in [i for i in range(p, end) if text[i] == "、"] + [end]:
        items.append((p, q))
        p = q + 1
    if at and leading:
        p, q = items[0]
        while p in at and at[p][1] in leading and at[p][0] < q:
            p = at[p][0]
        items[0] = (p, q)
    return items


class CategoryWords:
    """The words that make a body's or a facility's name a kind (``category_modifiers.tsv``: 一流, 高水平, 现代 …),
    except where one opens the name of a field (``category_fields.tsv``: 现代农业, 先进制造), which says what the
    body works in: 现代产业学院 is a kind of college, 现代农业实验室 one laboratory."""

    def __init__(self, words: Iterable[str], fields: Iterable[str]):
        self.words = tuple(words)
        self.fields = tuple(fields)

    @classmethod
    def packaged(cls) -> "CategoryWords":
        """The packaged tables' words and fields."""
        from ..data import column
        return cls(column("category_modifiers.tsv", "word"), column("category_fields.tsv", "field"))

    def find(self, modifier: str) -> int:
        """Where the first category word of ``modifier`` starts, -1 if it has none outside a field's name."""
        for w in self.words:
            i = modifier.find(w)
            while i >= 0:
                if not modifier.startswith(self.fields, i):
                    return i
                i = modifier.find(w, i + 1)
        return -1

    def __contains__(self, modifier: str) -> bool:
        return self.find(modifier) >= 0

    def opens(self, modifier: str) -> bool:
        """``modifier`` opens with a category word that opens no field's name."""
        return modifier.startswith(self.words) and not modifier.startswith(self.fields)
