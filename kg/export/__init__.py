"""Exporters: graph -> files, one module per format family. Every write is atomic and reproducible.

Each exporter is ``write_X(graph, doc, out_dir, name, measurements="attributes")`` and returns
the path (or paths) it wrote.
"""

from __future__ import annotations

from ..errors import Errors, InputError
from .gexf import write_gexf
from .graphml import write_graphml
from .rdf import write_jsonld, write_nquads, write_ntriples, write_trig, write_turtle
from .tables import write_csv

EXPORTERS = {
    "turtle": write_turtle,
    "ntriples": write_ntriples,
    "trig": write_trig,
    "nquads": write_nquads,
    "jsonld": write_jsonld,
    "graphml": write_graphml,
    "gexf": write_gexf,
    "csv": write_csv,
}


def _html(*args, **kwargs):
    from .html import write_html

    return write_html(*args, **kwargs)


EXPORTERS["html"] = _html


def check_formats(formats) -> None:
    """Raise a one-line ``InputError`` for an unknown format name."""
    for name in formats:
        if name not in EXPORTERS:
            raise InputError(Errors.E006.format(name=name, opts=", ".join(EXPORTERS)))


def export_corpus(*args, **kwargs):
    """One entity network of every report in a store (``kg export``): see ``kg.export.corpus``."""
    from .corpus import export_corpus as run

    return run(*args, **kwargs)


__all__ = ["EXPORTERS", "check_formats", "export_corpus"]
