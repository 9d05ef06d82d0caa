"""Read report files as they are published into text: text and Markdown (UTF-8, GB18030, UTF-16),
Word (.docx), PDF with a text layer (.pdf) and web pages (.html, .htm).

Every offset kg reports indexes ``Source.text``, the extracted text; ``write_text`` writes it
beside the exports (``<doc_id>.txt``) so that every offset can be checked. Page furniture (the
toolbars, breadcrumbs, share buttons and related links of a scraped page) stays in the text and is
listed in ``Source.furniture``; the pipeline analyses ``Source.analysis_text``, the same text with
the furniture blanked, so it yields no sentence, mention or co-mention.

Report names (``doc_id``): a file named on its own is its file name without the suffix
(``reports/2025.txt`` -> ``2025``); a file found in a folder is its path relative to that folder,
without the suffix, the folders joined by ``__`` (``kg build corpora`` reads
``corpora/a/2025.txt`` as ``a__2025`` and ``corpora/b/2025.txt`` as ``b__2025``; a file at the
top of the folder keeps its plain name). Folder and file names are kept as they are (they are
valid file names already; ``report_iri`` hashes the ones that are not plain ASCII).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Errors, InputError, OutputError
from .furniture import find_furniture, mask
from .text import decode

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
DOCX_SUFFIXES = (".docx",)
PDF_SUFFIXES = (".pdf",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUFFIXES = TEXT_SUFFIXES + DOCX_SUFFIXES + PDF_SUFFIXES + HTML_SUFFIXES
FOLDER_SEPARATOR = "__"


@dataclass(frozen=True)
class Source:
    """One report: its name, extracted text and origin.

    ``furniture``: sorted, disjoint (start, end) character spans of page furniture in ``text``.
    ``metadata``: what the page states about itself: ``title``, ``date`` (ISO), ``source`` (the
    publisher named by ``来源：``), ``site``, when found. ``format``: text, docx, pdf or html.
    """

    doc_id: str
    text: str
    path: str | None = None
    encoding: str | None = "utf-8"
    format: str = "text"
    furniture: tuple[tuple[int, int], ...] = ()
    metadata: dict[str, str] = field(default_factory=dict, hash=False, compare=True)

    @property
    def analysis_text(self) -> str:
        """``text`` with the furniture made spaces (same length, same lines): what the pipeline reads."""
        return mask(self.text, self.furniture)


@dataclass(frozen=True)
class ReportFile:
    """A report file found by ``find_sources`` with its report name (path-like: ``open``, ``Path()`` take it)."""

    path: Path
    doc_id: str

    def __fspath__(self) -> str:
        return str(self.path)

    def __str__(self) -> str:
        return str(self.path)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def suffix(self) -> str:
        return self.path.suffix


def read_source(path: str | Path | ReportFile, doc_id: str | None = None) -> Source:
    """Read one report file; raise ``InputError`` with a one-line reason if it is not usable.

    The format follows the suffix (.docx, .pdf, .html/.htm; anything else is read as text).
    Newlines of text files are not translated: for an LF file ``text`` is what
    ``open(path, encoding="utf-8").read()`` gives.
    """
    if isinstance(path, ReportFile):
        doc_id = doc_id or path.doc_id
        path = path.path
    p = Path(path)
    if not p.exists():
        raise InputError(Errors.E001.format(path=path))
    if p.is_dir():
        raise InputError(Errors.E005.format(path=path))
    suffix = p.suffix.lower()
    metadata: dict[str, str] = {}
    if suffix in DOCX_SUFFIXES:
        from .docx import read_docx

        text, encoding, fmt = read_docx(p), None, "docx"
    elif suffix in PDF_SUFFIXES:
        from .pdf import read_pdf

        text, encoding, fmt = read_pdf(p), None, "pdf"
    elif suffix in HTML_SUFFIXES:
        from .html import read_html

        text, encoding, metadata = read_html(p)
        fmt = "html"
    else:
        text, encoding = decode(p.read_bytes(), str(path))
        fmt = "text"
    if not text.strip():
        raise InputError(Errors.E004.format(path=path))
    furniture, found = find_furniture(text)
    for key, value in found.items():
        metadata.setdefault(key, value)
    return Source(doc_id=doc_id or p.stem, text=text, path=str(p), encoding=encoding, format=fmt,
                  furniture=furniture, metadata=metadata)


def report_name(relative: str | Path) -> str:
    """The report name of a file at ``relative`` (a path inside the folder given): ``a/2025.txt`` -> ``a__2025``."""
    rel = Path(relative)
    return FOLDER_SEPARATOR.join([*rel.parent.parts, rel.stem])


def _skipped(name: str) -> bool:
    # hidden files and folders, Word's lock files (~$name.docx), READMEs
    return name.startswith((".", "~$")) or name.lower() in ("readme.md", "readme.txt")


def find_sources(paths: list[str | Path]) -> list[ReportFile]:
    """Expand files and folders (walked with their subfolders) into report files with their names.

    A folder's reports come sorted by their path inside it; a folder with none is E005.
    """
    found: list[ReportFile] = []
    for path in paths:
        p = Path(path)
        if not p.exists():
            raise InputError(Errors.E001.format(path=path))
        if p.is_dir():
            files: list[ReportFile] = []
            for folder, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not _skipped(d))
                for name in names:
                    f = Path(folder) / name
                    if _skipped(name) or f.suffix.lower() not in SUFFIXES or not f.is_file():
                        continue
                    rel = f.relative_to(p)
                    files.append(ReportFile(f, report_name(rel)))
            if not files:
                raise InputError(Errors.E005.format(path=path))
            files.sort(key=lambda r: r.path.relative_to(p).parts)
            found.extend(files)
        else:
            found.append(ReportFile(p, p.stem))
    return found


def write_text(source: Source, out_dir: str | Path) -> Path:
    """Write the report's extracted text to ``out_dir/<doc_id>.txt`` (UTF-8, newlines as they are,
    atomically; read it back with ``newline=""``), so that every offset of the graph can be checked
    against it; return the path."""
    from ..export.atomic import write_atomic

    target = Path(out_dir) / f"{source.doc_id}.txt"
    data = source.text.encode("utf-8")
    if source.path and target.exists() and target.resolve() == Path(source.path).resolve():
        if target.read_bytes() == data:
            return target  # the report is its own extracted text
        raise OutputError(Errors.E035.format(name=source.doc_id, path=target))
    return write_atomic(target, data)
