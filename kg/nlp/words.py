"""The words of a Doc as plain offsets and tags, for the recognizers.

Iterating a Doc creates a ``Token`` object per word, which costs more than most rules;
the recognizers need only where words start and end and their LAC tags, so these are read
once from the Doc's arrays and kept in ``doc.user_data`` until the tokens change.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy
from spacy.tokens import Doc

_KEY = "kg_words"


@dataclass(frozen=True)
class Words:
    """Word offsets (into ``doc.text``) and LAC tags, in order."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    tags: tuple[str, ...]
    start_set: frozenset[int] = field(default=frozenset())
    end_set: frozenset[int] = field(default=frozenset())
    # what the components asked for before, by question and tags: several ask the same (the verbs' spans);
    # each gets its own copy, built at C speed
    _memo: dict = field(default_factory=dict, compare=False, repr=False)

    def spans(self, tags) -> dict[int, int]:
        """start -> end of the words whose tag is in ``tags``."""
        key = ("spans", frozenset(tags))
        if key not in self._memo:
            self._memo[key] = {s: e for s, e, t in zip(self.starts, self.ends, self.tags) if t in tags}
        return dict(self._memo[key])

    def starts_of(self, tags) -> set[int]:
        """Starts of the words whose tag is in ``tags``."""
        key = ("starts_of", frozenset(tags))
        if key not in self._memo:
            self._memo[key] = {s for s, t in zip(self.starts, self.tags) if t in tags}
        return set(self._memo[key])

    def starts_after(self, tags) -> set[int]:
        """Starts of the words right after a word whose tag is in ``tags``."""
        key = ("starts_after", frozenset(tags))
        if key not in self._memo:
            self._memo[key] = {s for s, t in zip(self.starts[1:], self.tags) if t in tags}
        return set(self._memo[key])


def words(doc: Doc) -> Words:
    """The words of ``doc`` (cached per Doc while its tokens stay the same)."""
    cached = doc.user_data.get(_KEY)
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    if len(doc):
        # by columns (a loop over the rows cost more than the rules reading them): each distinct tag's
        # hash is turned into its string once
        arr = doc.to_array(["IDX", "LENGTH", "TAG"])
        starts, ends = arr[:, 0].tolist(), (arr[:, 0] + arr[:, 1]).tolist()
        hashes, index = numpy.unique(arr[:, 2], return_inverse=True)
        strings = doc.vocab.strings
        names = [strings[h] if h else "" for h in hashes.tolist()]
        tags = list(map(names.__getitem__, index.ravel().tolist()))
    else:
        starts, ends, tags = [], [], []
    w = Words(tuple(starts), tuple(ends), tuple(tags), frozenset(starts), frozenset(ends))
    doc.user_data[_KEY] = (len(doc), w)
    return w
