"""kg: turn Chinese institutional work reports into a knowledge graph.

>>> import kg
>>> kg.build(["report.txt"], out_dir="exports")      # Turtle + GraphML per report
>>> mentions = kg.extract("report.txt")               # mentions in the gold format
>>> doc = kg.analyse("report.txt")                    # the spaCy Doc
>>> graph = kg.build_graph(doc)                       # the rdflib Graph

The names are loaded on first use (spaCy, LAC and rdflib take a second or two to import),
so that ``import kg`` and the ``kg`` command start at once and Ctrl-C is clean from the start.
"""

from __future__ import annotations

from importlib import import_module

from . import _startup
from .errors import KGError

_startup.install()  # ``import spacy`` without spaCy's CLI (kg._startup)

__version__ = "0.1.0"

_LAZY = {
    "analyse": ".api", "analyse_many": ".api", "build": ".api", "extract": ".api",
    "sample_report": ".api", "shared_nlp": ".api", "build_graph": ".graph", "read_source": ".io",
    "load_nlp": ".nlp",
}
__all__ = ["analyse", "analyse_many", "build", "build_graph", "extract", "load_nlp",
           "read_source", "sample_report", "shared_nlp", "KGError", "__version__"]


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
