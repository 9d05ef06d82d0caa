"""The Python API: read reports, analyse them, extract mentions, build and export graphs.

The CLI (``kg.cli``) is a thin layer over these functions; a notebook calls them directly.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .errors import Errors, InputError, KGError
from .io import Source, find_sources, read_source
from .mentions import doc_mentions
from .nlp import load_nlp
from .nlp.chunks import analyse_text, needs_pieces

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
    # page furniture blanked, offsets unchanged; any length
    doc = analyse_text(nlp, source.analysis_text, source=source_hints(source))
    doc._.doc_id = source.doc_id
    return doc


def source_hints(source: Source) -> dict:
    """What the file says of a report before its text is read: its id and a year from the file's
    metadata (a Word file's date) or its name (1998.txt, 2025年上海市政府工作报告.docx)."""
    year = None
    for hint in ((getattr(source, "metadata", None) or {}).get("date"), source.doc_id):
        years = set(re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", str(hint or "")))
        if len(years) == 1:  # one year, not a span (news-2019-2020)
            year = int(years.pop())
            break
    return {"doc_id": source.doc_id, "year": year}


def analyse_many(sources: list[Source], nlp: Language | None = None) -> list[Doc]:
    """Analyse several reports through ``nlp.pipe``; a long one (``kg.nlp.chunks``) in pieces."""
    nlp = nlp or shared_nlp()
    docs = []
    def made(source: Source) -> Doc:
        doc = nlp.make_doc(source.analysis_text)
        doc._.kg_source = source_hints(source)
        return doc

    piped = nlp.pipe(made(s) for s in sources if not needs_pieces(s.analysis_text))
    for source in sources:
        text = source.analysis_text
        doc = analyse_text(nlp, text, source=source_hints(source)) if needs_pieces(text) else next(piped)
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
          store: str | Path | None = "default", measurements: str = "attributes", *,
          workers: int | None = None, executor: str = "local", scheduler: str | None = None, client=None,
          force: bool = False, progress: bool = False, failures: bool | None = None,
          lock_timeout: float = 600.0) -> list[Path]:
    """Build each report into ``out_dir/<name>.ttl`` and ``<name>.graphml``, and into its own named
    graph of the SPARQL store (``out_dir/store`` by default; ``store=None`` for none); return the files written.

    With no paths, builds the bundled sample report. ``measurements="nodes"`` keeps measurements
    as nodes of the exported networks instead of folding them into their subjects' attributes.

    Reports are analysed in ``workers`` processes (default: the number of cores), or on a Dask
    cluster (``executor="dask"`` with ``scheduler="tcp://HOST:PORT"`` or a ``distributed.Client``
    as ``client``); reports unchanged since their last build into the store are skipped unless
    ``force``. ``progress`` shows a progress bar and a closing table on stderr, ``failures`` (default:
    as ``progress``) a line per failed report. A single bad file raises its ``InputError``; in a corpus the other reports are built
    and ``kg.corpus.CorpusError`` (its ``result`` lists built, skipped, failed) is raised at the end.
    ``kg.corpus.build_corpus`` returns the full ``CorpusResult``.
    """
    from .corpus import build_corpus

    return build_corpus(paths, out_dir=out_dir, formats=formats, store=store, measurements=measurements,
                        workers=workers, executor=executor, scheduler=scheduler, client=client, force=force,
                        progress=progress, failures=failures, lock_timeout=lock_timeout, nlp=nlp).written


__all__ = ["analyse", "analyse_many", "extract", "extract_relations", "extract_lac", "build", "sample_report", "shared_nlp", "KGError"]
