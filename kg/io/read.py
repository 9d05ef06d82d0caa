"""Read report files (UTF-8 with or without BOM, or GB18030; text or Markdown)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import Errors, InputError

SUFFIXES = (".txt", ".md", ".markdown")


@dataclass(frozen=True)
class Source:
    """One report: its document id (file name without suffix), text and origin."""

    doc_id: str
    text: str
    path: str | None = None
    encoding: str = "utf-8"


def _decode(data: bytes, path: str) -> tuple[str, str]:
    if b"\x00" in data[:8192]:
        raise InputError(Errors.E002.format(path=path))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        first_bad = err.start
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        raise InputError(Errors.E003.format(path=path, offset=first_bad)) from None


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def read_source(path: str | Path) -> Source:
    """Read one report file; raise ``InputError`` with a one-line reason if it is not usable text.

    Newlines are not translated: every offset kg reports indexes the returned
    ``text``, which for an LF file is what ``open(path, encoding="utf-8").read()`` gives.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(Errors.E001.format(path=path))
    if p.is_dir():
        raise InputError(Errors.E005.format(path=path))
    data = p.read_bytes()
    text, encoding = _decode(data, str(path))
    if len(_CONTROL.findall(text[:8192])) > 8:
        raise InputError(Errors.E002.format(path=path))
    if not text.strip():
        raise InputError(Errors.E004.format(path=path))
    return Source(doc_id=p.stem, text=text, path=str(p), encoding=encoding)


def find_sources(paths: list[str | Path]) -> list[Path]:
    """Expand files and folders into a sorted list of report files."""
    found: list[Path] = []
    for path in paths:
        p = Path(path)
        if not p.exists():
            raise InputError(Errors.E001.format(path=path))
        if p.is_dir():
            files = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in SUFFIXES
                           and f.name.lower() != "readme.md")
            if not files:
                raise InputError(Errors.E005.format(path=path))
            found.extend(files)
        else:
            found.append(p)
    return found
