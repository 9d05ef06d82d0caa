"""Every mention kg finds in the reports of ../shared/corpora, one per line, to compare two versions of the rules.

    python bench/heldout/dump_mentions.py OUT.tsv            # the 29 provincial reports of 2026 and the 51 national ones
    python bench/heldout/dump_mentions.py OUT.tsv --docx     # the 29 provincial reports of 2025 (Word files)
    diff <(cut -f1,4,5 BEFORE.tsv) <(cut -f1,4,5 AFTER.tsv)  # what a change adds and takes away

Columns: report, start, end, label, text, context (ten characters each side, the mention in brackets); offsets are
into the text as kg reads it. QUANTITY is left out. Reports are analysed in parallel (``--workers``, default 2); the
lines are in the order of the reports and, within one, of kg's mentions, so the same code gives the same file.
Reading the differences before and after a rule, over reports that no annotation covers, is how the rules of
docs/recognition-log.md were checked for what they break.
"""

from __future__ import annotations

import argparse
from multiprocessing import Pool
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora"


def report_lines(path: str) -> list[str]:
    """The TSV lines of one report's mentions."""
    from kg.api import extract
    from kg.io.read import read_source

    source = read_source(path)
    text = source.text
    lines = []
    for m in extract(source):
        if m["label"] == "QUANTITY":
            continue
        s, e = m["start"], m["end"]
        context = f"{text[max(0, s - 10):s]}[{text[s:e]}]{text[e:e + 10]}"
        cells = [source.doc_id, str(s), str(e), m["label"], text[s:e], context]
        lines.append("\t".join(c.replace("\n", " ").replace("\t", " ") for c in cells))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docx", action="store_true", help="the 2025 reports (Word files) instead of the text ones")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if args.docx:
        files = sorted((CORPORA / "gov-reports-2025-docx").glob("*.docx"))
    else:
        files = sorted((CORPORA / "gov-reports-2026").glob("*.txt")) + sorted((CORPORA / "national-gov-reports").glob("*.txt"))
    with Pool(args.workers) as pool:
        reports = pool.map(report_lines, [str(f) for f in files], chunksize=1)
    args.out.write_text("".join(line + "\n" for lines in reports for line in lines), encoding="utf-8")
    print(f"{sum(map(len, reports))} mentions of {len(files)} reports -> {args.out}")


if __name__ == "__main__":
    main()
