"""The graph of a long report, built and written window by window.

``build_graph`` holds a report's whole graph in one rdflib ``Graph`` (about 1.5 KB per triple)
and the exports then hold its N-Triples several times over: a report of 1,000,000 characters
(760,000 triples) took 1.8 GB after its analysis. ``stream_graph`` makes the same triples with
bounded memory:

- the report-level part (the report node, its title, date and author, its sections, its
  publisher) is made first, as ``build_graph`` makes it;
- the sentences are taken ``window`` characters at a time (whole sentences): their sentence
  nodes, the mentions and measurements in them, the facts whose trigger is in them and their
  co-mentions go into a small graph of their own, which is written out at once as a sorted
  run of N-Triples lines and dropped;
- what spans windows is kept in compact report-level state: the sentence index runs on, the
  entity nodes collect their surfaces and first positions across all windows (``EntityNodes``,
  as in ``build_graph``), so labels, aliases and mention counts are the report's, and the
  co-mention weights are summed; ``EntityNodes.finish`` writes them into a last run;
- the runs are merged into one sorted N-Triples file without duplicates (a triple about an
  entity, a place or an indicator is made again in each window that names it). A label that
  ``build_graph`` replaces (``Graph.set`` in ``finish``) is left out here the same way.

The file holds exactly the triples ``build_graph`` gives for the same ``Doc`` (a test checks
it), sorted as the N-Triples export writes them; the exports and the store read it in one
pass (``kg.export.stream``). What stays linear in the report is small: a sentence IRI per
sentence, the entity spans, the co-mention pairs.
"""

from __future__ import annotations

import heapq
import os
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDFS
from spacy.tokens import Doc

from ..io import Source
from ..store import statements
from .build import (ReportGraph, _orig, _phrase_node, add_entity, add_publisher, add_report, add_sentence,
                    bind_prefixes)
from .entities import EntityNodes, entity_ref
from .facts import add_facts, add_sections
from .namespace import KG

WINDOW = 20_000  # characters of whole sentences per window graph
_LABEL = b"<" + str(RDFS.label).encode("ascii") + b">"


@dataclass
class StreamedGraph:
    """A report's graph written as one sorted N-Triples file (``path``), with what the exports need
    besides: the Turtle prefixes the graph binds and uses, and the co-mention weights."""

    path: Path
    triples: int
    doc_id: str
    namespaces: list[tuple[str, str]] = field(default_factory=list)  # (prefix, namespace) bound, as Graph.namespaces()
    iris_by_namespace: dict[str, tuple[bool, bool]] = field(default_factory=dict)  # ns -> (used, a local name has "/")
    co_mentions: list[tuple] = field(default_factory=list)  # (a, b, sentences), sorted, as build.co_mentions

    def turtle_prefixes(self) -> dict[str, str]:
        """The prefixes ``kg.export.rdf.turtle_bytes`` would write for the same graph."""
        used = {p: ns for p, ns in self.namespaces if p and ns and self.iris_by_namespace.get(ns, (False, False)) == (True, False)}
        return {p: ns for p, ns in used.items() if not any(o != ns and o.startswith(ns) for o in used.values())}


def _graph() -> Graph:
    g = ReportGraph()
    bind_prefixes(g)
    return g


class _Runs:
    """Sorted runs of N-Triples lines in a folder, merged at the end."""

    def __init__(self, folder: Path, namespaces: list[tuple[str, str]]):
        self.folder = folder
        self.paths: list[Path] = []
        self.namespaces = [ns for _p, ns in namespaces if ns]
        self.seen: dict[str, tuple[bool, bool]] = {}

    def write(self, g: Graph) -> Path:
        lines, iris = statements(g)
        for ns in self.namespaces:  # which namespaces are used, and whether a local name holds "/"
            used, slash = self.seen.get(ns, (False, False))
            for i in iris:
                if i.startswith(ns, 1):
                    used = True
                    if "/" in i[len(ns) + 1 : -1]:
                        slash = True
                        break
            self.seen[ns] = (used, slash)
        lines.sort()
        path = self.folder / f"run-{len(self.paths):06d}.nt"
        with open(path, "wb") as f:
            f.writelines(lines)
        self.paths.append(path)
        return path


def stream_graph(doc: Doc, source: Source | None, folder: str | Path, window: int = WINDOW) -> StreamedGraph:
    """Build the graph of ``doc`` window by window into ``folder/<doc id>.graph.nt`` (sorted N-Triples,
    the triples of ``build_graph(doc, source)``); the runs it is merged from are deleted."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    runs_dir = folder / ".runs"
    runs_dir.mkdir(exist_ok=True)
    g = _graph()
    namespaces = [(p, str(ns)) for p, ns in g.namespaces()]
    runs = _Runs(runs_dir, namespaces)

    # the report-level part, as build_graph makes it
    doc_id = doc._.doc_id or (source.doc_id if source else "report")
    report = add_report(g, doc, source)
    meta = doc._.kg_meta or {}
    ents = list(doc.ents)
    orig = lambda s, e: _orig(doc, s, e)  # noqa: E731
    section_starts, section_nodes = add_sections(g, doc, report, orig)
    entities = EntityNodes(g)
    publisher = add_publisher(g, entities, report, meta)
    runs.write(g)

    entity_at = {(e.start_char, e.end_char): e for e in ents if e.label_ != "QUANTITY"}
    facts = sorted(doc._.kg_facts or [], key=lambda f: f["trigger"][0])
    sentence_char_starts: list[int] = []
    sentence_nodes: list = []
    weights: Counter = Counter()

    def sentence_at(pos):
        k = bisect_right(sentence_char_starts, pos) - 1
        return sentence_nodes[k] if k >= 0 else None

    index = 0  # of the sentence, across windows
    k_ent = 0
    k_fact = 0

    def flush(sents: list, last: bool) -> None:
        nonlocal index, k_ent, k_fact
        g = _graph()
        entities.g = g
        sentence_of: dict[int, object] = {}
        for sent in sents:
            if not sent.text.strip():
                continue
            node = add_sentence(g, doc, report, sent, index, section_starts, section_nodes)
            index += 1
            sentence_of[sent.start] = node
            sentence_char_starts.append(sent.start_char)
            sentence_nodes.append(node)
        end_token = sents[-1].end if sents else 0
        end_char = sents[-1].end_char if sents else 0
        by_sentence: dict[int, set] = {}
        while k_ent < len(ents) and (last or ents[k_ent].start < end_token):
            ent = ents[k_ent]
            k_ent += 1
            first = sent_first(ent.start)
            add_entity(g, doc, report, ent, sentence_of.get(first), entities, entity_at, publisher)
            if ent.label_ != "QUANTITY":
                by_sentence.setdefault(first, set()).add(entity_ref(ent))
        mine = []
        while k_fact < len(facts) and (last or facts[k_fact]["trigger"][0] < end_char):
            mine.append(facts[k_fact])
            k_fact += 1
        if mine:
            def resolve(span):
                ent = entity_at.get(tuple(span))
                return entity_ref(ent) if ent is not None else _phrase_node(g, doc, tuple(span), entity_at)

            _facts_of(g, doc, report, resolve, sentence_at, orig, publisher, mine)
        for nodes in by_sentence.values():
            for a, b in combinations(sorted(nodes), 2):
                weights[(a, b)] += 1
                g.add((a, KG.coMentionedWith, b))
        if len(g):
            runs.write(g)

    # the first token of each token's sentence, as build.sentence_starts, one window at a time
    starts: list[int] = []
    offset = 0

    def sent_first(i: int) -> int:
        return starts[i - offset]

    window_sents: list = []
    size = 0
    for sent in doc.sents:
        if window_sents and size >= window:
            offset = window_sents[0].start
            starts = [s.start for s in window_sents for _ in range(len(s))]
            flush(window_sents, last=False)
            window_sents, size = [], 0
        window_sents.append(sent)
        size += sent.end_char - sent.start_char
    offset = window_sents[0].start if window_sents else 0
    starts = [s.start for s in window_sents for _ in range(len(s))]
    flush(window_sents, last=True)

    g = _graph()
    entities.g = g
    finish_nodes = set(entities.surfaces) | set(entities.label_of)
    entities.finish()
    tail = runs.write(g)
    kept_labels = set()
    with open(tail, "rb") as f:
        for line in f:
            if line.split(b" ", 2)[1] == _LABEL:
                kept_labels.add(line)
    finish_terms = {b"<" + str(n).encode("utf-8") + b">" for n in finish_nodes}

    path = folder / f"{doc_id}.graph.nt"
    n = _merge(runs.paths, path, finish_terms, kept_labels)
    for p in runs.paths:
        os.unlink(p)
    os.rmdir(runs_dir)
    pairs = [(a, b, w) for (a, b), w in sorted(weights.items())]
    return StreamedGraph(path=path, triples=n, doc_id=doc_id, namespaces=namespaces,
                         iris_by_namespace=dict(runs.seen), co_mentions=pairs)


def _facts_of(g, doc, report, resolve, sentence_at, orig, publisher, facts: list) -> None:
    """``add_facts`` for some of the report's facts (it reads them from ``doc._.kg_facts``)."""

    add_facts(g, _FactsOnly(facts), report, resolve, sentence_at, orig, publisher)


class _FactsOnly:
    """What ``add_facts`` reads of a Doc (``doc._.kg_facts``), holding only some facts."""

    def __init__(self, facts: list):
        self._ = _Underscore(facts)


class _Underscore:
    def __init__(self, facts: list):
        self.kg_facts = facts


def _merge(paths: list[Path], out: Path, finish_terms: set[bytes], kept_labels: set[bytes]) -> int:
    """Merge sorted runs into ``out``: sorted, each line once, an entity's labels only from ``finish``."""
    files = [open(p, "rb") for p in paths]
    n = 0
    try:
        with open(out, "wb") as f:
            previous = None
            for line in heapq.merge(*files):
                if line == previous:
                    continue
                previous = line
                s, p, _rest = line.split(b" ", 2)
                if p == _LABEL and s in finish_terms and line not in kept_labels:
                    continue  # build_graph's Graph.set in EntityNodes.finish replaces it
                f.write(line)
                n += 1
    finally:
        for fh in files:
            fh.close()
    return n
