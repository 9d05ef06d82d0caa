"""Score kg on held-out excerpts of 2026 provincial reports that no rule was written from before
they were first measured.

    python bench/heldout/eval_heldout.py [--errors] [FOLDER]

FOLDER holds the excerpt files (default: this folder, 甘肃省 and 湖南省; ``bench/heldout/fresh``:
山东省 and 福建省, annotated later and kept unseen: score them, do not read their errors).

The annotations (offsets and labels only; the text is read from ../shared/corpora/) were made
by separate sessions that followed ../shared/annotation-guidelines.md without seeing kg or its
output: one annotator per excerpt, no QUANTITY. See README.md beside this file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = HERE.parent.parent.parent / "shared" / "corpora" / "gov-reports-2026"


def source(head: dict) -> Path:
    """The report an excerpt file annotates: ``corpus`` names a folder of ../shared/corpora/ (default
    gov-reports-2026, the provincial reports of 2026; national-gov-reports for the State Council's;
    gov-reports-2025-docx for the provinces' 2025 reports as Word files), or ``corpus`` for
    ../shared/corpus/ itself (its texts that have no gold file of their own)."""
    name = head.get("corpus", CORPORA.name)
    folder = CORPORA.parent.parent / "corpus" if name == "corpus" else CORPORA.parent / name
    return folder / f"{head['doc']}.{'docx' if name.endswith('-docx') else 'txt'}"


def source_text(path: Path) -> str:
    """The text of a report as kg reads it: a text file as it is, a Word file's text by kg's reader (the
    offsets of the annotations of a Word file are into that text)."""
    if path.suffix == ".docx":
        from kg.io.read import read_source

        return read_source(path).text
    return path.read_text(encoding="utf-8")


def load(path: Path) -> tuple[str, int, int, list[dict]]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    head, rows = lines[0], lines[1:]
    text = source_text(source(head))
    for r in rows:
        r["text"] = text[r["start"]:r["end"]]
    # an excerpt may start inside the report (excerpt_start, default 0): a part of its tasks
    return head, head.get("excerpt_start", 0), head["excerpt_end"], rows


def main() -> None:
    from kg.api import extract
    from kg.evaluate import diff, micro, score

    folders = [Path(a) for a in sys.argv[1:] if not a.startswith("--")]
    reports = []
    for path in sorted((folders[0] if folders else HERE).glob("*.jsonl")):
        head, begin, end, gold = load(path)
        doc = head["doc"]
        pred = [p for p in extract(source(head))
                if begin <= p["start"] and p["end"] <= end and p["label"] != "QUANTITY"]
        report = score(pred, gold)
        reports.append(report)
        print(f"== {doc} (characters {begin}-{end})")
        print(report.table().rsplit("\n", 1)[0])
        if "--errors" in sys.argv:
            for (kind, label, text), n in sorted(diff(pred, gold).items(), key=lambda x: (x[0][1], x[0][0])):
                print(kind, label, text, n, sep="\t")
    print("== micro-average")
    print(micro(reports).table().rsplit("\n", 1)[0])


if __name__ == "__main__":
    main()
