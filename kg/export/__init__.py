"""Exporters: graph -> files, one module per format. Every write is atomic."""

from __future__ import annotations

from ..errors import Errors, InputError
from .graphml import write_graphml
from .turtle import write_turtle

EXPORTERS = {"turtle": write_turtle, "graphml": write_graphml}


def check_formats(formats) -> None:
    """Raise a one-line ``InputError`` for an unknown format name."""
    for name in formats:
        if name not in EXPORTERS:
            raise InputError(Errors.E006.format(name=name, opts=", ".join(sorted(EXPORTERS))))


__all__ = ["EXPORTERS", "check_formats", "write_graphml", "write_turtle"]
