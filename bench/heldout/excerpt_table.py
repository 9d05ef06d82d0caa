"""Score the rows of README's table of excerpts (table_rows.tsv) and, with --write, put the figures into it.

    python bench/heldout/excerpt_table.py [--write README.md [--history "the eighteenth's (42b58a6)"]]

Each row is the micro-average over its excerpt files of ORG, PROGRAM, EVENT, PLACE, PERSON and ALL (exact-span F1,
QUANTITY left out, as eval_heldout.py scores). Unseen files are scored too: run it once, at a session's end, and read
no error. With --write the last six cells of each row are replaced; with --history the row's previous ALL is kept in
its status cell first, "…, 0.802 with the eighteenth's (42b58a6), now", where the status already keeps such a history.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_heldout import HERE, load, source  # noqa: E402

_CELLS = ("ORG", "PROGRAM", "EVENT", "PLACE", "PERSON")


def rows() -> list[tuple[str, list[str]]]:
    """(row's first cell, members) from table_rows.tsv."""
    lines = [ln for ln in (HERE / "table_rows.tsv").read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return [(name, members.split()) for name, members in (ln.split("\t") for ln in lines[1:])]


def unseen() -> set[tuple[str, str]]:
    lines = [ln for ln in (HERE / "unseen.tsv").read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return {tuple(ln.split("\t")) for ln in lines[1:]}


def files_of(member: str, held: set[tuple[str, str]]) -> list[Path]:
    """The excerpt files a member names (FOLDER/STEM, FOLDER/*, unseen:FOLDER,…)."""
    if member.startswith("unseen:"):
        found = []
        for folder in member.removeprefix("unseen:").split(","):
            found += [p for p in sorted((HERE / folder).glob("*.jsonl"))
                      if (folder, "*") in held or (folder, p.stem) in held]
        return found
    folder, stem = member.split("/")
    base = HERE if folder == "." else HERE / folder
    return sorted(base.glob("*.jsonl")) if stem == "*" else [base / f"{stem}.jsonl"]


def figures() -> dict[str, list[str]]:
    """Row -> its six cells, formatted as the README writes them."""
    from kg.api import extract
    from kg.evaluate import micro, score

    held = unseen()
    cache: dict[Path, list[dict]] = {}
    reports = {}
    out = {}
    for name, members in rows():
        chosen = []
        for path in (p for m in members for p in files_of(m, held)):
            if path not in reports:
                head, begin, end, gold = load(path)
                src = source(head)
                if src not in cache:
                    cache[src] = extract(src)
                pred = [p for p in cache[src] if begin <= p["start"] and p["end"] <= end and p["label"] != "QUANTITY"]
                reports[path] = score(pred, gold)
            chosen.append(reports[path])
        total = micro(chosen)
        out[name] = [f"{total.labels[label].f1:.3f}" if label in total.labels else "-" for label in _CELLS] \
            + [f"{total.overall.f1:.3f}"]
    return out


def write(readme: Path, cells: dict[str, list[str]], history: str | None) -> None:
    """Put ``cells`` into the table rows of ``readme``; keep each row's previous ALL in its history."""
    lines = readme.read_text(encoding="utf-8").split("\n")
    done = set()
    for i, line in enumerate(lines):
        parts = line.split(" | ")
        if not line.startswith("| ") or len(parts) != 8:
            continue
        name = parts[0][2:]
        if name not in cells:
            continue
        status = parts[1]
        if history and re.search(r"with the [a-z-]+'s \([0-9a-f]{7}\), now$", status):
            status = status[: -len(", now")] + f", {parts[7].rstrip(' |')} with {history}, now"
        lines[i] = " | ".join([parts[0], status, *cells[name][:5], cells[name][5] + " |"])
        done.add(name)
    missing = set(cells) - done
    if missing:
        raise SystemExit(f"rows not found in {readme}: {', '.join(sorted(missing))}")
    readme.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    cells = figures()
    for name, values in cells.items():
        print(" | ".join([name, *values]))
    if "--write" in sys.argv:
        history = sys.argv[sys.argv.index("--history") + 1] if "--history" in sys.argv else None
        write(Path(sys.argv[sys.argv.index("--write") + 1]), cells, history)


if __name__ == "__main__":
    main()
