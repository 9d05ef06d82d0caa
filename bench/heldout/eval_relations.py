"""Score kg's relations on held-out excerpts of 2026 provincial reports (四川省, 江苏省) that no
rule was written from before they were first measured.

    python bench/heldout/eval_relations.py [--errors]

The annotations in relations/ follow ../shared/gold/relations/README.md; they were made by separate
sessions that read the guidelines and the report but neither kg's code nor its output. Each excerpt
runs from the start of the report to the first newline after character 9000; predictions whose
sentence starts past it are left out.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = HERE.parent.parent.parent / "shared" / "corpora" / "gov-reports-2026"
EXCERPT = 9000


def main() -> None:
    from kg.api import extract_relations
    from kg.evaluate import micro_relations, read_relations, relation_diff, score_relations

    reports = []
    for path in sorted((HERE / "relations").glob("*.jsonl")):
        gold = read_relations(path)
        doc = gold[0]["doc"]
        report_path = CORPORA / f"{doc}.txt"
        text = report_path.read_text(encoding="utf-8")
        end = text.find("\n", EXCERPT)
        end = len(text) if end < 0 else end
        pred = [r for r in extract_relations(report_path) if r["sentence"]["start"] < end]
        report = score_relations(pred, gold)
        reports.append(report)
        print(f"== {doc} (characters 0-{end})")
        print(report.table())
        if "--errors" in sys.argv:
            for (kind, relation, shown), n in sorted(relation_diff(pred, gold).items(), key=lambda x: (x[0][1], x[0][0])):
                print(kind, relation, shown, n, sep="\t")
    print("== micro-average")
    print(micro_relations(reports).table())


if __name__ == "__main__":
    main()
