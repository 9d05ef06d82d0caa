"""The words of a Doc as plain offsets and tags, for the recognizers.

Iterating a Doc creates a ``Token`` object per word, which costs more than most rules;
the recognizers need only where words start and end and their LAC tags, so these are read
once from the Doc's arrays and kept in ``doc.user_data`` until the tokens change.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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

    def spans(self, tags) -> dict[int, int]:
        """start -> end of the words whose tag is in ``tags``."""
        return {s: e for s, e, t in zip(self.starts, self.ends, self.tags) if t in tags}

    def starts_of(self, tags) -> set[int]:
        """Starts of the words whose tag is in ``tags``."""
        return {s for s, t in zip(self.starts, self.tags) if t in tags}

    def starts_after(self, tags) -> set[int]:
        """Starts of the words right after a word whose tag is in ``tags``."""
        return {s for s, t in zip(self.starts[1:], self.tags) if t in tags}


def words(doc: Doc) -> Words:
    """The words of ``doc`` (cached per Doc while its tokens stay the same)."""
    cached = doc.user_data.get(_KEY)
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    arr = doc.to_array(["IDX", "LENGTH", "TAG"]).tolist() if len(doc) else []
    strings = doc.vocab.strings
    names: dict[int, str] = {}
    starts, ends, tags = [], [], []
    for idx, length, tag in arr:
        starts.append(idx)
        ends.append(idx + length)
        name = names.get(tag)
        if name is None:
            name = names[tag] = strings[tag] if tag else ""
        tags.append(name)
    w = Words(tuple(starts), tuple(ends), tuple(tags), frozenset(starts), frozenset(ends))
    doc.user_data[_KEY] = (len(doc), w)
    return w
