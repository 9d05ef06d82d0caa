"""Deterministic IRIs: the same input always gives the same IRIs.

Entities: ``id/<type>/<hash of type and canonical key>``; places with a division
code: ``id/place/<code>``; report parts: ``id/report/<doc>/<part>/<start>-<end>``
with offsets into the original text.
"""

from __future__ import annotations

import hashlib
import re

from rdflib import URIRef

from .namespace import ID

_SAFE = re.compile(r"^[A-Za-z0-9._-]+$")


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def report_iri(doc_id: str) -> URIRef:
    """IRI of a report; ASCII file names are kept readable, others are hashed."""
    key = doc_id if _SAFE.match(doc_id) else "r-" + _digest(doc_id)
    return ID[f"report/{key}"]


def part_iri(report: URIRef, part: str, start: int, end: int) -> URIRef:
    """IRI of a sentence, mention or measurement of a report, by its original offsets."""
    return URIRef(f"{report}/{part}/{start}-{end}")


def entity_iri(segment: str, key: str) -> URIRef:
    """IRI of an entity from its type segment and canonical key."""
    if segment == "place" and key.isdigit():
        return ID[f"place/{key}"]
    return ID[f"{segment}/{_digest(segment, key)}"]
