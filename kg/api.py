"""The Python API: read reports, analyse them, extract mentions, build and export graphs.

The CLI (``kg.cli``) is a thin layer over these functions; a notebook calls them directly.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .errors import Errors, InputError, KGError
from .io import Source, find_sources, read_source
from .mentions import doc_mentions
from .nlp import load_nlp

DEFAULT_FORMATS = ("turtle", "graphml")


@lru_cache(maxsize=1)
def shared_nlp() -> Language:
    """One pipeline per process, loaded on first use (loading takes about a second)."""
    return load_nlp()


def sample_report() -> Path:
    """Path of the bundled sample report (used by ``kg build`` with no argument)."""
    return Path(str(resources.files("kg.sample").joinpath("sample-report.md")))


def analyse(source: Source | str | Path, nlp: Language | None = None) -> Doc:
    """Run the NLP pipeline on one report (a ``Source``, a path, or a path string)."""
    if not isinstance(source, Source):
        source = read_source(source)
    nlp = nlp or shared_nlp()
    doc = nlp(source.text)
    doc._.doc_id = source.doc_id
    return doc


def analyse_many(sources: list[Source], nlp: Language | None = None) -> list[Doc]:
    """Analyse several reports through ``nlp.pipe``."""
    nlp = nlp or shared_nlp()
    docs = []
    for source, doc in zip(sources, nlp.pipe(s.text for s in sources)):
        doc._.doc_id = source.doc_id
        docs.append(doc)
    return docs


def extract(path: str | Path, nlp: Language | None = None) -> list[dict]:
    """Mentions of one report in the gold format (offsets into the original text)."""
    return doc_mentions(analyse(path, nlp))


def extract_relations(path: str | Path, nlp: Language | None = None) -> list[dict]:
    """The relations of one report in the relation gold format (``kg.relations.doc_relations``)."""
    from .relations import doc_relations

    return doc_relations(analyse(path, nlp))


def extract_lac(path: str | Path, tagger=None) -> list[dict]:
    """LAC's own PER/LOC/ORG/TIME spans, untrimmed, as PERSON/PLACE/ORG/DATE mentions (a baseline for ``kg eval``)."""
    from .nlp.components.tagger import lac_mentions
    from .nlp.normalize import normalize

    source = path if isinstance(path, Source) else read_source(path)
    return lac_mentions(normalize(source.text), source.doc_id, tagger)


def build(paths: list[str | Path] | None = None, out_dir: str | Path = "exports",
          formats: tuple[str, ...] = DEFAULT_FORMATS, nlp: Language | None = None,
          store: str | Path | None = "default", measurements: str = "attributes") -> list[Path]:
    """Build each report into ``out_dir/<name>.ttl`` and ``<name>.graphml``, and into its own named
    graph of the SPARQL store (``out_dir/store`` by default; ``store=None`` for none); return the files written.

    With no paths, builds the bundled sample report. ``measurements="nodes"`` keeps measurements
    as nodes of the exported networks instead of folding them into their subjects' attributes.
    """
    from .graph.iri import report_iri
    from .store import open_store, replace_graph

    from .export import EXPORTERS, check_formats
    from .graph import build_graph

    check_formats(formats)
    files = find_sources(paths) if paths else [sample_report()]
    sources = [read_source(f) for f in files]
    seen: dict[str, str] = {}
    for s in sources:
        if s.doc_id in seen:
            raise InputError(Errors.E010.format(name=s.doc_id, first=seen[s.doc_id], second=s.path))
        seen[s.doc_id] = s.path
    out = Path(out_dir)
    store_path = out / "store" if store == "default" else store
    db = open_store(store_path) if store_path is not None else None
    written: list[Path] = []
    for source, doc in zip(sources, analyse_many(sources, nlp)):
        graph = build_graph(doc, source)
        for fmt in formats:
            paths = EXPORTERS[fmt](graph, doc, out, source.doc_id, measurements=measurements)
            written.extend(paths if isinstance(paths, list) else [paths])
        if db is not None:
            replace_graph(db, str(report_iri(source.doc_id)), graph)
    return written


__all__ = ["analyse", "analyse_many", "extract", "extract_relations", "extract_lac", "build", "sample_report", "shared_nlp", "KGError"]
