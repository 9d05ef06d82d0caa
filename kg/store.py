"""The embedded, persistent SPARQL store: pyoxigraph on disk, one named graph per report.

Writing a report is linear in its triples: the rdflib graph is serialized once to
N-Triples by a writer for the only node types kg makes (IRIs and literals; blank nodes
are handled but never minted), and the bytes go to Oxigraph's bulk loader, which parses
them in Rust and writes sorted SST files straight into RocksDB. The former path, a SPARQL
``DROP … ; INSERT DATA {…}`` update, grew faster than the triples (1.2 s at 8k triples,
40.8 s at 437k) because the whole update is one RocksDB transaction that indexes every
write as it goes.

What a crash or Ctrl-C in the middle of a write can leave behind (pyoxigraph 0.5):

- ``Store.load`` and ``Store.update`` are documented as transactions: all or nothing.
- ``Store.bulk_load`` is documented as *not* atomic in general. Its implementation
  (``lib/oxigraph/src/storage/rocksdb.rs``) buffers quads in batches of 1,000,000
  (``DEFAULT_BULK_LOAD_BATCH_SIZE``), writes each batch as one SST file per column
  family (the string table and every quad index) and ingests them with one RocksDB
  ``IngestExternalFiles`` call, which RocksDB records in its MANIFEST atomically across
  column families. A load of at most one batch is therefore all or nothing.
  Parse errors are raised before anything is ingested for that batch, and kg parses
  the bytes before touching the store anyway.

So a report of ``BULK_MIN`` to ``BULK_MAX`` triples is bulk-loaded; a smaller one (where the
bulk loader's fixed cost of writing SST files dominates) and a bigger one go through
``Store.load``, one documented transaction (linear, about 1.5-3x slower per triple than the
bulk loader on this machine). Before the load, the report's old named
graph, if there is one, is removed in a transaction of its own (``Store.remove_graph``).
A crash between the two leaves the report *absent* from the store (as if it had never
been built; the next build adds it), and never half-written or mixed old and new.
The removal costs about as much per triple as a transactional load (RocksDB deletes from
every index): rebuilding a report costs more than building it the first time, which is one
reason corpus builds skip unchanged reports.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from .errors import Errors, InputError, OutputError

DEFAULT_STORE = Path("exports") / "store"

# The largest report (in triples) bulk-loaded: Oxigraph's bulk-load batch, ingested atomically.
BULK_MAX = 1_000_000
# Below this, Store.load (a transaction) is as fast: bulk_load has a fixed cost of ~15-50 ms (SST files).
# Measured here (load + flush against bulk_load + flush, fresh store, best of 5): 2k triples 0.089 s
# against 0.061 s, 10k 0.433 s against 0.145 s, 50k 1.66 s against 0.81 s.
BULK_MIN = 1_000

# A graph bigger than this (in triples) is loaded in chunks of about this size (replace_graph_file).
CHUNK = 250_000
CHUNK_BYTES = 40_000_000  # about CHUNK lines of a report's N-Triples

_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


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


# ---------------------------------------------------------------- N-Triples, fast

# N-Triples escapes in literals: backslash, quote and line ends (the rest may stay raw UTF-8);
# IRIs cannot hold spaces, <>"{}|^`\ or controls, which are written as \\uXXXX.
_LITERAL_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_IRI_BAD = frozenset('<>"{}|^`\\ ') | frozenset(chr(c) for c in range(0x21))


def _iri(value: str) -> str:
    if _IRI_BAD.isdisjoint(value):
        return f"<{value}>"
    return "<" + "".join(f"\\u{ord(c):04X}" if c in _IRI_BAD else c for c in value) + ">"


def _term(term) -> str:
    if isinstance(term, URIRef):
        return _iri(term)
    if isinstance(term, Literal):
        lexical = '"' + str.translate(term, _LITERAL_ESCAPES) + '"'
        if term.language:
            return f"{lexical}@{term.language}"
        datatype = term.datatype
        if datatype is not None and str(datatype) != _RDF_LANG_STRING:  # an explicit xsd:string kept, as rdflib has it
            return f"{lexical}^^{_iri(datatype)}"
        return lexical
    if isinstance(term, BNode):
        label = "".join(c if c.isascii() and (c.isalnum() or c in "_-") else "_" for c in str(term))
        return f"_:b{label}"
    raise TypeError(f"not an RDF term: {term!r}")


def statements(graph: Graph, suffix: str = " .\n") -> tuple[list[bytes], set[str]]:
    """One N-Triples line (UTF-8 bytes) per triple of ``graph`` (N-Quads with ``suffix`` = `` <g> .\n``),
    unsorted, and the IRIs written (for Turtle's prefixes). Sorting the bytes sorts by code point, as
    sorting the text would. Terms are formatted once each: the cache is keyed by the term object's id
    (rdflib's term hashing is Python code, slower than formatting), which stays valid while ``graph``
    holds the terms."""
    cache: dict[int, bytes] = {}
    get = cache.get
    end = suffix.encode("utf-8")
    lines = []
    append = lines.append
    for s, p, o in graph:
        a = get(id(s))
        if a is None:
            a = cache[id(s)] = _term(s).encode("utf-8")
        b = get(id(p))
        if b is None:
            b = cache[id(p)] = _term(p).encode("utf-8")
        c = get(id(o))
        if c is None:
            c = cache[id(o)] = _term(o).encode("utf-8")
        append(b" ".join((a, b, c)) + end)
    iris = {v.decode("utf-8") for v in cache.values() if v[:1] == b"<"}
    return lines, iris


def ntriples(graph: Graph, sort: bool = False) -> bytes:
    """The graph as N-Triples (UTF-8), one pass over its triples; ``sort`` for reproducible bytes."""
    lines, _ = statements(graph)
    if sort:
        lines.sort()
    return b"".join(lines)


def nquads(graph: Graph, name: str, sort: bool = False) -> bytes:
    """The graph as N-Quads in the named graph ``name`` (UTF-8); ``sort`` for reproducible bytes."""
    lines, _ = statements(graph, " " + _iri(name) + " .\n")
    if sort:
        lines.sort()
    return b"".join(lines)


# ---------------------------------------------------------------- writes


def _count(data: bytes, fmt: ox.RdfFormat) -> int:
    """Parse ``data`` (raising ``SyntaxError`` before the store is touched) and count its statements."""
    n = 0
    for _ in ox.parse(data, format=fmt):
        n += 1
    return n


def _replace(store: ox.Store, name: str, data: bytes, fmt: ox.RdfFormat, n: int) -> None:
    graph = ox.NamedNode(name)
    to_graph = {"to_graph": graph} if fmt == ox.RdfFormat.N_TRIPLES else {}
    if store.contains_named_graph(graph):
        store.remove_graph(graph)  # one transaction; see the module docstring for the gap after it
    if BULK_MIN <= n <= BULK_MAX:
        store.bulk_load(data, format=fmt, **to_graph)  # one atomic ingestion (module docstring)
    elif n:
        store.load(data, format=fmt, **to_graph)  # a documented transaction
    store.flush()


def replace_graph_ntriples(store: ox.Store, name: str, data: bytes) -> None:
    """Replace the named graph ``name`` with the N-Triples ``data`` (UTF-8 bytes, e.g. from a worker
    process). The bytes are parsed first: a syntax error raises ``SyntaxError`` with the store untouched."""
    _replace(store, name, data, ox.RdfFormat.N_TRIPLES, _count(data, ox.RdfFormat.N_TRIPLES))


def replace_graph_file(store: ox.Store, name: str, path: str | Path, triples: int) -> None:
    """Replace the named graph ``name`` with the N-Triples file ``path`` of ``triples`` lines (kg's own
    writer: one triple a line, as ``kg.graph.stream`` writes a long report), in bounded memory.

    Up to ``CHUNK`` triples, the same all-or-nothing load as ``replace_graph_ntriples``. A bigger graph
    is bulk-loaded ``CHUNK`` lines at a time: Oxigraph's loaders hold what they load (``Store.load`` of
    2.3 million triples peaked at 3.8 GB here, ``bulk_load`` of them at 1.8 GB; 250,000 at 245 MB).
    That load is not one transaction: a crash in the middle leaves the report partly loaded; the
    corpus build drops the report's manifest entry before such a load and writes it after, so the
    next build of the report replaces it."""
    if triples <= CHUNK:
        data = Path(path).read_bytes()
        _replace(store, name, data, ox.RdfFormat.N_TRIPLES, _count(data, ox.RdfFormat.N_TRIPLES))
        return
    graph = ox.NamedNode(name)
    if store.contains_named_graph(graph):
        store.remove_graph(graph)
    with open(path, "rb") as f:
        while True:
            lines = f.readlines(CHUNK_BYTES)
            if not lines:
                break
            store.bulk_load(b"".join(lines), format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
            del lines
    store.flush()


def replace_nquads(store: ox.Store, name: str, data: bytes) -> None:
    """Replace the named graph ``name`` with the N-Quads ``data``, whose quads are all in graph ``name``
    (as ``nquads(graph, name)`` writes them). Parsed first, like ``replace_graph_ntriples``."""
    _replace(store, name, data, ox.RdfFormat.N_QUADS, _count(data, ox.RdfFormat.N_QUADS))


def replace_graph(store: ox.Store, name: str, graph: Graph) -> None:
    """Replace the named graph ``name`` with ``graph``; see the module docstring for what a crash leaves.
    kg writes the N-Triples itself, so they are not parsed twice."""
    lines, _ = statements(graph)
    n = len(lines)
    data = b"".join(lines)
    del lines
    _replace(store, name, data, ox.RdfFormat.N_TRIPLES, n)


def graph_names(store: ox.Store) -> list[str]:
    """The named graphs of the store (one per report), sorted."""
    return sorted(g.value for g in store.named_graphs())
