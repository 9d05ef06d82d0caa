"""The embedded, persistent SPARQL store: pyoxigraph on disk, one named graph per report.

Rebuilding a report replaces its named graph and nothing else, in one SPARQL update,
which Oxigraph applies as a single transaction: a crash or Ctrl-C in the middle of a
build leaves the store as it was before that report, never half-written.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from .errors import Errors, InputError, OutputError

DEFAULT_STORE = Path("exports") / "store"


def open_store(path: str | Path, read_only: bool = False) -> ox.Store:
    """Open (or create) the store at ``path``."""
    p = Path(path)
    try:
        if read_only:
            if not p.is_dir():
                raise InputError(Errors.E017.format(path=path))
            return ox.Store.read_only(str(p))
        p.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(p))
    except OSError as err:
        raise OutputError(Errors.E007.format(path=path, reason=str(err).splitlines()[0])) from None


def replace_graph(store: ox.Store, name: str, graph: Graph) -> None:
    """Replace the named graph ``name`` with ``graph``, atomically."""
    triples = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    store.update(f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{triples}\n}} }}")
    store.flush()


def graph_names(store: ox.Store) -> list[str]:
    """The named graphs of the store (one per report), sorted."""
    return sorted(g.value for g in store.named_graphs())
