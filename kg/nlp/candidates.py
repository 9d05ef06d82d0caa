"""Candidate mentions, and the one conflict policy that turns them into ``doc.ents``.

Every recognizer adds ``Candidate`` objects to ``doc._.kg_candidates``; only the
``kg_resolve`` component decides which become entities.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

# Source priority, used only to break ties between spans of equal length.
PRIORITY = {"gazetteer": 50, "quantity": 45, "date": 45, "quoted": 40, "org": 35, "facility": 35,
            "title": 30, "person": 30, "head": 20, "region": 10, "lac": 5}


@dataclass(frozen=True, order=True)
class Candidate:
    """A labelled character span of the normalized text, from one recognizer."""

    start: int
    end: int
    label: str
    source: str
    attrs: tuple = field(default=(), compare=False)

    @property
    def priority(self) -> int:
        return PRIORITY.get(self.source, 0)


def add(doc: Doc, candidates) -> None:
    """Append candidates to the Doc."""
    if doc._.kg_candidates is None:
        doc._.kg_candidates = []
    doc._.kg_candidates.extend(c for c in candidates if c.end > c.start)


def choose(candidates: list[Candidate]) -> list[Candidate]:
    """The conflict policy, the same for every source.

    Spans never overlap. The longest span wins (the annotation guidelines' rule
    that the outermost mention wins: 巴彦淖尔市科协 over 巴彦淖尔市); between spans of
    equal length, the source with the higher ``PRIORITY`` wins, then the one
    that starts first.
    """
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.priority, c.start, c.label))
    taken: list[Candidate] = []
    occupied = bytearray(max((c.end for c in candidates), default=0))
    for c in ordered:
        if any(occupied[c.start:c.end]):
            continue
        occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
        taken.append(c)
    return sorted(taken)
