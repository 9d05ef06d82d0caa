"""Turtle export."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from spacy.tokens import Doc

from .atomic import write_atomic


def turtle_bytes(graph: Graph) -> bytes:
    """The graph as Turtle; rdflib sorts subjects and predicates, so the bytes are reproducible."""
    return graph.serialize(format="turtle", encoding="utf-8")


def write_turtle(graph: Graph, doc: Doc, out_dir: Path, name: str) -> Path:
    """Write ``out_dir/<name>.ttl`` atomically."""
    return write_atomic(Path(out_dir) / f"{name}.ttl", turtle_bytes(graph))
