"""Score kg on every held-out excerpt file at once, as the development and unseen sets of README.md.

    python bench/heldout/eval_split.py            # the development files only
    python bench/heldout/eval_split.py --unseen   # the unseen files too: print them once, at a session's end

Which files are unseen is listed in ``unseen.tsv`` beside this script; all others are used for development.
Each set is also split into provincial excerpts (the 2026 and 2025 provincial reports) and the others (State
Council reports and the texts of ../shared/corpus/). Only micro-averaged F1 per label is printed: no error of an
unseen file is shown, so scoring them does not read them.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from eval_heldout import HERE, load, source


def unseen_files() -> set[tuple[str, str]]:
    """(folder, file stem) of the unseen excerpts; file ``*`` stands for every file of its folder."""
    with (HERE / "unseen.tsv").open(encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {(r["folder"], r["file"]) for r in rows}


def excerpt_files() -> list[tuple[str, Path]]:
    """(folder, path) of every excerpt file: this folder's own (folder ``heldout``) and its subfolders' but
    ``relations/``."""
    out = [("heldout", p) for p in sorted(HERE.glob("*.jsonl"))]
    for sub in sorted(p for p in HERE.iterdir() if p.is_dir() and p.name != "relations"):
        out.extend((sub.name, p) for p in sorted(sub.glob("*.jsonl")))
    return out


def main() -> None:
    from kg.api import extract
    from kg.evaluate import micro, score

    show_unseen = "--unseen" in sys.argv
    unseen = unseen_files()
    cache: dict[Path, list[dict]] = {}
    sets: dict[str, list] = {}
    for folder, path in excerpt_files():
        held = (folder, path.stem) in unseen or (folder, "*") in unseen
        if held and not show_unseen:
            continue
        head, begin, end, gold = load(path)
        src = source(head)
        if src not in cache:
            cache[src] = extract(src)
        pred = [p for p in cache[src] if begin <= p["start"] and p["end"] <= end and p["label"] != "QUANTITY"]
        report = score(pred, gold)
        provincial = src.parent.name.startswith("gov-reports-")
        kind = "unseen" if held else "development"
        for name in (kind, f"{kind}, provincial" if provincial else f"{kind}, other"):
            sets.setdefault(name, []).append(report)
    totals = {f"{name} ({len(sets[name])})": micro(sets[name]) for name in sorted(sets, key=_set_order)}
    labels = [label for label in _LABELS if any(label in r.labels for r in totals.values())]
    width = max(len(n) for n in totals) + 2
    print(f"{'set, micro-average':<{width}}" + "".join(f"{label:>9}" for label in labels) + f"{'ALL':>9}")
    for name, r in totals.items():
        cells = "".join(f"{r.labels[label].f1:>9.3f}" if label in r.labels else f"{'-':>9}" for label in labels)
        print(f"{name:<{width}}{cells}{r.overall.f1:>9.3f}")


_LABELS = ("ORG", "PROGRAM", "EVENT", "WORK", "PLACE", "PERSON", "DATE")


def _set_order(name: str) -> tuple[bool, int]:
    """Development before unseen; each set's whole before its provincial and other excerpts."""
    return name.startswith("unseen"), name.count(",") and (2 if name.endswith("other") else 1)


if __name__ == "__main__":
    main()
