"""Write a packaged data table: ``#`` comment lines (what it is, its source, its licence), a header row, rows."""

from __future__ import annotations

from pathlib import Path


def write_tsv(path: Path, comments: list[str], columns: list[str], rows) -> None:
    """Write ``rows`` (sequences of strings, in the order given) under ``comments`` and ``columns``."""
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(f"# {c}\n" for c in comments))
        f.write("\t".join(columns) + "\n")
        f.writelines("\t".join(row) + "\n" for row in rows)
