"""Doc -> RDF graph (the one function between the NLP stages and the graph)."""

from .build import build_graph
from .entities import entity_key
from .namespace import KG

__all__ = ["build_graph", "entity_key", "KG"]
