"""Validate graphs against the SHACL shapes shipped in ``ontology/shapes.ttl`` (pyshacl)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph

from .errors import Errors, InputError
from .ontology_files import ontology_file


@lru_cache(maxsize=1)
def shapes() -> Graph:
    """The packaged SHACL shapes."""
    return Graph().parse(data=ontology_file("shapes.ttl").read_text(encoding="utf-8"), format="turtle")


def validate_graph(graph: Graph) -> tuple[bool, str]:
    """(conforms, readable report) for one graph."""
    from pyshacl import validate

    if not graph.store.context_aware:  # the builder's SimpleMemory store: pyshacl needs a context-aware one
        copy = Graph()
        for triple in graph:
            copy.add(triple)
        graph = copy
    conforms, _results, text = validate(graph, shacl_graph=shapes(), inference="none", advanced=True)
    return bool(conforms), text


def validate_file(path: str | Path) -> tuple[bool, str]:
    """(conforms, readable report) for a Turtle file."""
    p = Path(path)
    if not p.is_file():
        raise InputError(Errors.E001.format(path=path))
    try:
        graph = Graph().parse(p, format="turtle")
    except Exception as err:  # rdflib raises many parser exception types
        reason = " ".join(str(err).split()) or type(err).__name__
        raise InputError(Errors.E009.format(path=path, reason=reason[:200])) from None
    return validate_graph(graph)
