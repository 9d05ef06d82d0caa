"""Where the packaged ontology files are."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable


def ontology_file(name: str = "kg.ttl") -> Traversable:
    """A file of ``ontology/`` as shipped inside the kg package (``kg.ttl``, later ``shapes.ttl``)."""
    return resources.files("kg").joinpath("ontology", name)
