"""Read PDF files that have a text layer, with pdfplumber (pdfminer.six underneath).

Pages are read in order. What a page prints at its top or bottom edge on most pages (a running
header or footer; digits compared as one) and page numbers (``- 3 -``, ``第3页``, ``3/12``: the
``page`` patterns of ``kg/data/furniture.tsv``) are dropped. Lines are joined into paragraphs: a
line that is indented, follows a short line or a gap opens a paragraph; the others continue the
one before, across a page break too, with nothing inserted between Chinese characters (a space
only between two Latin letters or digits). One paragraph per line of the text.

A file that is not a PDF, a truncated one (no ``%%EOF``), a damaged, encrypted or scanned one
(no text layer) gives a one-line coded error (E031-E034).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from ..errors import Errors, InputError
from .furniture import is_page_number

EDGE_LINES = 2  # lines looked at for headers, footers and page numbers, at each edge of a page
REPEATED = 0.5  # a header or footer is on at least this share of the pages (and on two pages at least)
INDENT = 0.8  # a line starting this many character widths right of the margin is indented
SHORT = 1.5  # a line ending this many character widths left of the right margin ends its paragraph
GAP = 0.9  # a vertical gap of this many line heights between two lines separates paragraphs
_LATIN = re.compile(r"[A-Za-z0-9]")


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int


def read_pdf(path: str | Path) -> str:
    """The text of a PDF's text layer, headers, footers and page numbers dropped."""
    data = Path(path).read_bytes()
    if b"%PDF-" not in data[:1024]:
        raise InputError(Errors.E031.format(path=path, reason="it does not start with %PDF-"))
    if b"%%EOF" not in data[-2048:]:
        raise InputError(Errors.E032.format(path=path))
    pages = _pages(path)
    if not any(pages):
        raise InputError(Errors.E033.format(path=path, pages=len(pages)))
    body = _drop_edges(pages)
    return "\n".join(_paragraphs(body))


def _pages(path) -> list[list[_Line]]:
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    except ImportError as err:  # pragma: no cover - a dependency of kg
        raise InputError(Errors.E031.format(path=path, reason=f"pdfplumber is not installed: {err}")) from None
    pages: list[list[_Line]] = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            for number, page in enumerate(pdf.pages):
                lines = []
                for ln in page.extract_text_lines(strip=True, return_chars=False):
                    text = ln["text"].strip()
                    if text:
                        lines.append(_Line(text, ln["x0"], ln["x1"], ln["top"], ln["bottom"], number))
                pages.append(lines)
                page.close()
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(Errors.E034.format(path=path)) from None
    except InputError:
        raise
    except Exception as err:  # noqa: BLE001 - pdfminer raises many kinds on a damaged file; pdfplumber wraps them
        inner = err.args[0] if err.args and isinstance(err.args[0], Exception) else err
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise InputError(Errors.E034.format(path=path)) from None
        err = inner
        reason = " ".join(str(err).split())[:160] or type(err).__name__
        raise InputError(Errors.E031.format(path=path, reason=reason)) from None
    return pages


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _drop_edges(pages: list[list[_Line]]) -> list[_Line]:
    """The lines of every page, in order, without running headers, footers and page numbers."""
    from collections import Counter

    tops: Counter = Counter()
    bottoms: Counter = Counter()
    for lines in pages:
        tops.update({_key(ln.text) for ln in lines[:EDGE_LINES]})
        bottoms.update({_key(ln.text) for ln in lines[-EDGE_LINES:]})
    need = max(2, REPEATED * len(pages))
    body: list[_Line] = []
    for lines in pages:
        start, end = 0, len(lines)
        while start < min(EDGE_LINES, end) and (
                tops[_key(lines[start].text)] >= need or is_page_number(lines[start].text)):
            start += 1
        while end > max(start, len(lines) - EDGE_LINES) and (
                bottoms[_key(lines[end - 1].text)] >= need or is_page_number(lines[end - 1].text)):
            end -= 1
        body.extend(lines[start:end])
    return body


def _paragraphs(lines: list[_Line]) -> list[str]:
    if not lines:
        return []
    size = median(ln.bottom - ln.top for ln in lines) or 10.0
    left = min(ln.x0 for ln in lines)
    # the left margin is where most lines start (a centred title must not set it)
    starts = sorted(round(ln.x0) for ln in lines)
    left = max(left, starts[len(starts) // 10])
    right = max(ln.x1 for ln in lines)
    paragraphs: list[str] = []
    current = ""
    prev: _Line | None = None
    for ln in lines:
        new = prev is None
        if prev is not None:
            indented = ln.x0 - left >= INDENT * size
            short = right - prev.x1 >= SHORT * size
            gap = ln.page == prev.page and ln.top - prev.bottom >= GAP * size
            new = indented or short or gap
        if new:
            if current:
                paragraphs.append(current)
            current = ln.text
        else:
            left_c, right_c = current[-1:], ln.text[:1]
            latin = _LATIN.match(left_c) and _LATIN.match(right_c) and not (left_c.isdigit() and right_c.isdigit())
            joiner = " " if latin else ""  # a number broken over two lines is one number
            current += joiner + ln.text
        prev = ln
    if current:
        paragraphs.append(current)
    return paragraphs
