"""Score predicted mentions against gold: exact span + label P/R/F1, and quantity normalization."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Errors, InputError
from .mentions import LABELS

_FIELDS = ("doc", "start", "end", "text", "label")


def _read_rows(path: str | Path, fields: tuple[str, ...], bad_line: str) -> list[dict]:
    """The JSON objects of a JSONL file, each with ``fields``; ``bad_line`` is the error for a line that is not."""
    p = Path(path)
    if not p.is_file():
        raise InputError(Errors.E001.format(path=path))
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as err:
        raise InputError(Errors.E003.format(path=path, offset=err.start)) from None
    rows = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(bad_line.format(path=path, line=n, reason=err.msg)) from None
        if not isinstance(row, dict) or any(k not in row for k in fields):
            raise InputError(bad_line.format(path=path, line=n, reason="missing fields"))
        rows.append(row)
    return rows


def read_jsonl(path: str | Path) -> list[dict]:
    """Read a mentions file; one clear error for a malformed line."""
    return _read_rows(path, _FIELDS, Errors.E008)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _overall(labels: dict[str, Score]) -> Score:
    """The micro score over labels: their counts summed."""
    return Score(tp=sum(s.tp for s in labels.values()), fp=sum(s.fp for s in labels.values()),
                 fn=sum(s.fn for s in labels.values()))


def _summed(reports: list, order: list[str]) -> dict[str, Score]:
    """Per-label scores of several reports, counts summed, in ``order`` (other labels after, sorted)."""
    labels: dict[str, Score] = {}
    for r in reports:
        for label, s in r.labels.items():
            t = labels.setdefault(label, Score())
            t.tp, t.fp, t.fn = t.tp + s.tp, t.fp + s.fp, t.fn + s.fn
    keys = [l for l in order if l in labels] + sorted(set(labels) - set(order))
    return {l: labels[l] for l in keys}


def _score_rows(labels: dict[str, Score], overall: Score, width: int) -> list[str]:
    """The table of P/R/F1 and counts, one row a label and one for all."""
    lines = [f"{'label' if width == 10 else 'relation':<{width}}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for label, s in [*labels.items(), ("ALL", overall)]:
        lines.append(f"{label:<{width}}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
    return lines


@dataclass
class Report:
    """Per-label scores, overall micro score, and quantity normalization accuracy."""

    labels: dict[str, Score] = field(default_factory=dict)
    overall: Score = field(default_factory=Score)
    quantity_matched: int = 0
    quantity_correct: int = 0

    @property
    def quantity_accuracy(self) -> float:
        return self.quantity_correct / self.quantity_matched if self.quantity_matched else 0.0

    def to_dict(self) -> dict:
        return {
            "labels": {k: {"precision": v.precision, "recall": v.recall, "f1": v.f1, "tp": v.tp, "fp": v.fp, "fn": v.fn}
                       for k, v in self.labels.items()},
            "overall": {"precision": self.overall.precision, "recall": self.overall.recall, "f1": self.overall.f1},
            "quantity_normalization": {"matched": self.quantity_matched, "correct": self.quantity_correct,
                                       "accuracy": self.quantity_accuracy},
        }

    def table(self) -> str:
        lines = _score_rows(self.labels, self.overall, 10)
        lines.append(f"quantity normalization (value+unit+approx on matched spans): "
                     f"{self.quantity_correct}/{self.quantity_matched} = {self.quantity_accuracy:.3f}")
        return "\n".join(lines)


def compare_table(a: Report, b: Report, name_a: str = "A", name_b: str = "B") -> str:
    """Two reports side by side: P/R/F1 per label for each, and the change in F1 from A to B."""
    labels = list(dict.fromkeys([*a.labels, *b.labels]))
    lines = [f"A = {name_a}", f"B = {name_b}",
             f"{'label':<10}{'P(A)':>7}{'R(A)':>7}{'F1(A)':>7}   {'P(B)':>7}{'R(B)':>7}{'F1(B)':>7}{'ΔF1':>8}"]
    rows = [(label, a.labels.get(label, Score()), b.labels.get(label, Score())) for label in labels]
    rows.append(("ALL", a.overall, b.overall))
    for label, x, y in rows:
        lines.append(f"{label:<10}{x.precision:>7.3f}{x.recall:>7.3f}{x.f1:>7.3f}   "
                     f"{y.precision:>7.3f}{y.recall:>7.3f}{y.f1:>7.3f}{y.f1 - x.f1:>+8.3f}")
    lines.append(f"quantity normalization: A {a.quantity_accuracy:.3f} ({a.quantity_correct}/{a.quantity_matched}), "
                 f"B {b.quantity_accuracy:.3f} ({b.quantity_correct}/{b.quantity_matched})")
    return "\n".join(lines)


def _same_number(a, b) -> bool:
    try:
        return abs(float(a) - float(b)) < 1e-9 * max(1.0, abs(float(b)))
    except (TypeError, ValueError):
        return False


def score(pred: list[dict], gold: list[dict]) -> Report:
    """Compare mentions by (doc, start, end, label); only docs present in gold are scored."""
    docs = {g["doc"] for g in gold}
    pred = [p for p in pred if p["doc"] in docs]
    key = lambda m: (m["doc"], m["start"], m["end"], m["label"])  # noqa: E731
    gold_by_key = {key(g): g for g in gold}
    pred_by_key = {key(p): p for p in pred}
    report = Report()
    labels = [l for l in LABELS if any(m["label"] == l for m in gold + pred)]
    labels += sorted({m["label"] for m in gold + pred} - set(labels))
    for label in labels:
        g = {k for k in gold_by_key if k[3] == label}
        p = {k for k in pred_by_key if k[3] == label}
        report.labels[label] = Score(tp=len(g & p), fp=len(p - g), fn=len(g - p))
    report.overall = _overall(report.labels)
    for k in gold_by_key.keys() & pred_by_key.keys():
        if k[3] != "QUANTITY":
            continue
        g, p = gold_by_key[k], pred_by_key[k]
        report.quantity_matched += 1
        if _same_number(p.get("value"), g.get("value")) and p.get("unit") == g.get("unit") and p.get("approx") == g.get("approx"):
            report.quantity_correct += 1
    return report


def score_files(pred_path: str | Path, gold_path: str | Path) -> Report:
    """Score a predictions file against a gold file."""
    gold = read_jsonl(gold_path)
    if not gold:
        raise InputError(Errors.E018.format(path=gold_path))
    return score(read_jsonl(pred_path), gold)


def micro(reports: list[Report]) -> Report:
    """Micro-average of several reports: counts summed per label, then P/R/F1."""
    total = Report(labels=_summed(reports, list(LABELS)))
    total.overall = _overall(total.labels)
    total.quantity_matched = sum(r.quantity_matched for r in reports)
    total.quantity_correct = sum(r.quantity_correct for r in reports)
    return total


def pair_folders(pred_dir: str | Path, gold_dir: str | Path) -> list[tuple[Path, Path]]:
    """(prediction, gold) file pairs of two folders, matched by file name (``<doc>.jsonl``).

    Every gold file needs a prediction: a missing one is an error, not a silent skip."""
    gold_files = sorted(Path(gold_dir).glob("*.jsonl"))
    if not gold_files:
        raise InputError(Errors.E019.format(path=gold_dir))
    pairs = []
    for g in gold_files:
        p = Path(pred_dir) / g.name
        if not p.is_file():
            raise InputError(Errors.E020.format(gold=g, pred=p))
        pairs.append((p, g))
    return pairs


def score_pairs(pairs: list[tuple[str | Path, str | Path]]) -> tuple[dict, Report | RelationReport]:
    """Score (prediction, gold) file pairs: one report per gold file (by its stem) and their micro-average.

    Relation gold files (rows with ``relation``) are scored as relations; give pairs of one kind.
    """
    if pairs and is_relation_file(pairs[0][1]):
        per_file = {}
        for p, g in pairs:
            gold = read_relations(g)
            if not gold:
                raise InputError(Errors.E018.format(path=g))
            per_file[Path(g).stem] = score_relations(read_relations(p), gold)
        return per_file, micro_relations(list(per_file.values()))
    per_file = {Path(g).stem: score_files(p, g) for p, g in pairs}
    return per_file, micro(list(per_file.values()))


def f1_summary(per_file: dict[str, Report], total: Report) -> str:
    """One row per file and one for the micro-average: F1 per label (the README's per-file table)."""
    labels = list(total.labels)
    width = max(12, *(len(n) for n in per_file)) + 2
    cols = {l: max(9, len(l) + 2) for l in labels}
    lines = [f"{'file':<{width}}" + "".join(f"{l:>{cols[l]}}" for l in labels) + f"{'ALL':>9}"]
    for name, r in [*per_file.items(), ("micro-average", total)]:
        cells = "".join(f"{r.labels[l].f1:>{cols[l]}.3f}" if l in r.labels else f"{'-':>{cols[l]}}" for l in labels)
        lines.append(f"{name:<{width}}{cells}{r.overall.f1:>9.3f}")
    return "\n".join(lines)


def diff(pred: list[dict], gold: list[dict]) -> Counter:
    """Counter of (kind, label, text) for false positives and negatives, for error analysis."""
    key = lambda m: (m["doc"], m["start"], m["end"], m["label"])  # noqa: E731
    gk, pk = {key(g): g for g in gold}, {key(p): p for p in pred if p["doc"] in {g["doc"] for g in gold}}
    out = Counter()
    for k in pk.keys() - gk.keys():
        out[("FP", k[3], pk[k]["text"])] += 1
    for k in gk.keys() - pk.keys():
        out[("FN", k[3], gk[k]["text"])] += 1
    return out


# --- relations ------------------------------------------------------------------------------

_RELATION_FIELDS = ("doc", "relation", "subject", "object")


def is_relation_file(path: str | Path) -> bool:
    """Whether a JSONL file holds relations (its first row has ``relation``) rather than mentions."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                try:
                    return isinstance(row := json.loads(line), dict) and "relation" in row
                except json.JSONDecodeError:
                    return False
    return False


def read_relations(path: str | Path) -> list[dict]:
    """Read a relations file (the format of ``shared/gold/relations/README.md``); one clear error for a bad line."""
    return _read_rows(path, _RELATION_FIELDS, Errors.E024)


def _argument(a: dict) -> tuple:
    return ("author",) if a.get("author") else (a.get("start"), a.get("end"))


def relation_key(row: dict) -> tuple:
    """What must match: the relation, the subject span (or the author) and the object span."""
    return (row["doc"], row["relation"], _argument(row["subject"]), _argument(row["object"]))


@dataclass
class RelationReport:
    """Per-relation scores, the micro score over all relations, and status/period accuracy on matches."""

    labels: dict[str, Score] = field(default_factory=dict)
    overall: Score = field(default_factory=Score)
    matched: int = 0
    status_correct: int = 0
    period_correct: int = 0

    @property
    def status_accuracy(self) -> float:
        return self.status_correct / self.matched if self.matched else 0.0

    @property
    def period_accuracy(self) -> float:
        return self.period_correct / self.matched if self.matched else 0.0

    def to_dict(self) -> dict:
        return {
            "relations": {k: {"precision": v.precision, "recall": v.recall, "f1": v.f1, "tp": v.tp, "fp": v.fp,
                              "fn": v.fn} for k, v in self.labels.items()},
            "overall": {"precision": self.overall.precision, "recall": self.overall.recall, "f1": self.overall.f1},
            "status": {"matched": self.matched, "correct": self.status_correct, "accuracy": self.status_accuracy},
            "period": {"matched": self.matched, "correct": self.period_correct, "accuracy": self.period_accuracy},
        }

    def table(self) -> str:
        lines = _score_rows(self.labels, self.overall, 15)
        lines.append(f"status on matched relations: {self.status_correct}/{self.matched} = {self.status_accuracy:.3f}; "
                     f"period: {self.period_correct}/{self.matched} = {self.period_accuracy:.3f}")
        return "\n".join(lines)


def score_relations(pred: list[dict], gold: list[dict]) -> RelationReport:
    """Compare relations by (relation, subject span or author, object span), counted as multisets.

    Only relations of the gold format's twelve kinds and docs present in gold are scored.
    """
    from .relations import RELATIONS

    docs = {g["doc"] for g in gold}
    pred = [p for p in pred if p["doc"] in docs and p["relation"] in RELATIONS]
    gold_keys, pred_keys = Counter(map(relation_key, gold)), Counter(map(relation_key, pred))
    report = RelationReport()
    present = {k[1] for k in gold_keys + pred_keys}
    for relation in [r for r in RELATIONS if r in present]:
        g = Counter({k: n for k, n in gold_keys.items() if k[1] == relation})
        p = Counter({k: n for k, n in pred_keys.items() if k[1] == relation})
        tp = sum((g & p).values())
        report.labels[relation] = Score(tp=tp, fp=sum(p.values()) - tp, fn=sum(g.values()) - tp)
    report.overall = _overall(report.labels)
    # status and period: within each key, pair gold and predicted lines so that most agree
    groups: dict[tuple, tuple[list[dict], list[dict]]] = {}
    for g in gold:
        groups.setdefault(relation_key(g), ([], []))[0].append(g)
    for p in pred:
        if relation_key(p) in groups:
            groups[relation_key(p)][1].append(p)
    for golds, preds in groups.values():
        agree = lambda g, p: ((p.get("status") == g.get("status")) + (p.get("period") == g.get("period")))  # noqa: E731
        pairs = sorted(((agree(g, p), i, j) for i, g in enumerate(golds) for j, p in enumerate(preds)), reverse=True)
        used_g, used_p = set(), set()
        for _score, i, j in pairs:
            if i in used_g or j in used_p:
                continue
            used_g.add(i)
            used_p.add(j)
            report.matched += 1
            report.status_correct += preds[j].get("status") == golds[i].get("status")
            report.period_correct += preds[j].get("period") == golds[i].get("period")
    return report


def relation_diff(pred: list[dict], gold: list[dict]) -> Counter:
    """Counter of (kind, relation, "subject → object") for false positives and negatives."""
    from .relations import RELATIONS

    def show(row: dict) -> str:
        s = "AUTHOR" if row["subject"].get("author") else row["subject"].get("text", "?")
        return f"{s} → {row['object'].get('text', '?')}"

    docs = {g["doc"] for g in gold}
    pred = [p for p in pred if p["doc"] in docs and p["relation"] in RELATIONS]
    g, p = Counter(map(relation_key, gold)), Counter(map(relation_key, pred))
    text_of = {relation_key(r): show(r) for r in gold + pred}
    out = Counter()
    for k, n in (p - g).items():
        out[("FP", k[1], text_of[k])] += n
    for k, n in (g - p).items():
        out[("FN", k[1], text_of[k])] += n
    return out


def micro_relations(reports: list[RelationReport]) -> RelationReport:
    """Micro-average of several relation reports."""
    from .relations import RELATIONS

    total = RelationReport(labels=_summed(reports, list(RELATIONS)))
    total.overall = _overall(total.labels)
    total.matched = sum(r.matched for r in reports)
    total.status_correct = sum(r.status_correct for r in reports)
    total.period_correct = sum(r.period_correct for r in reports)
    return total
