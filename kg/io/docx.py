"""Read Word files (.docx) with python-docx: paragraphs and tables, in document order.

Each paragraph is a line; each table row is a line with its cells separated by a tab (a cell's
own paragraphs joined by a space, a merged cell given once). Content controls (w:sdt) are read
through. Page headers and footers, footnotes and comments are not report text and are left out.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Errors, InputError

CELL_SEPARATOR = "\t"


def read_docx(path: str | Path) -> str:
    """The text of a .docx file; ``InputError`` E030 when it is not a readable Word file."""
    import zipfile

    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as err:  # pragma: no cover - a dependency of kg
        raise InputError(Errors.E030.format(path=path, reason=f"python-docx is not installed: {err}")) from None
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise InputError(Errors.E030.format(path=path, reason=_reason(err))) from None
    except Exception as err:  # noqa: BLE001 - lxml's XMLSyntaxError and other damage inside the package
        raise InputError(Errors.E030.format(path=path, reason=_reason(err))) from None
    lines: list[str] = []
    _blocks(document.element.body, document, lines)
    return "\n".join(lines)


def _reason(err: Exception) -> str:
    text = " ".join(str(err).split()) or type(err).__name__
    return text[:160]


def _blocks(element, parent, lines: list[str]) -> None:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in element.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, parent).text)
        elif tag == "tbl":
            _table(Table(child, parent), lines)
        elif tag == "sdt":
            for content in child.iterchildren():
                if content.tag.rsplit("}", 1)[-1] == "sdtContent":
                    _blocks(content, parent, lines)


def _table(table, lines: list[str]) -> None:
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell comes back once per grid column it spans
                continue
            seen.add(id(cell._tc))
            inner: list[str] = []
            _blocks(cell._tc, cell, inner)
            cells.append(" ".join(s.strip() for s in " ".join(inner).split("\n") if s.strip()))
        lines.append(CELL_SEPARATOR.join(cells))
