"""Train and measure kg's stacked CRF (``kg.nlp.components.stacking``) on the development excerpts.

    python bench/learned/stack_crf.py                 # five folds by report: kg's rules, the CRF alone, both
    python bench/learned/stack_crf.py --lean          # the same without character features (a measurement only)
    python bench/learned/stack_crf.py --write         # train on every development excerpt, write kg/data/stacked_crf.crfsuite

The development excerpts of ../heldout (unseen.tsv's files and fresh36, whose errors are never read, left out) are government work reports
annotated by sessions that saw neither kg's code nor its output. Every excerpt's report is analysed
by kg with the stacking stage replaced by a recorder, which keeps what the stage would see: the
features of every character (``stacking.char_features``) and the rules' entities. In the five folds
no report has excerpts on both sides. Three scores per label (micro F1, exact spans, QUANTITY left
out; only development files are read):

- ``kg``: the rules' entities as they reach the stage;
- ``crf``: the CRF's own spans instead;
- ``stacked``: the stage's revision (``stacking.revise``; ``--labels``, by default the stage's own).

The gold files of ../shared/gold are never trained on: score them with ``kg eval`` after ``--write``.
Training is deterministic (crfsuite's L-BFGS, c1 = c2 = 0.05, 100 iterations, excerpts in file order):
the same excerpts and the same kg give the same model, byte for byte.
"""

from __future__ import annotations

import argparse
import bisect
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

from spacy.language import Language

from kg.nlp.components.stacking import LABELS as STAGE_LABELS, MODEL, char_features, known_entities, probability, revise, sentences, spans

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "heldout"))

# development files kept out of training too: fresh36 has been scored every session with its errors left
# unread (../heldout/README.md), so it still measures the stage on text it has not seen
NOT_TRAINED_ON = {"fresh36"}
_KINDS = "“”\"'‘’《》〈〉「」【】（）()"


def _kind(ch: str) -> str:
    if ch in _KINDS:
        return "q" + ch
    if ch.isdigit():
        return "d"
    if "\u4e00" <= ch <= "\u9fff":
        return "h"
    return "a" if ch.isalnum() else "o" + ch


def lean(feats: list[list[str]]) -> list[list[str]]:
    """The features without the characters and words themselves: kg's output, LAC's tags, the candidates
    and the kind of character (Hanzi, digit, quote …) only."""
    drop = ("c=", "p1=", "n1=", "p2=", "n2=", "p1c=", "cn1=", "p1n1=", "ww=", "pws=", "nws=")
    out = []
    for f in feats:
        ch = {x[:x.index("=") + 1]: x[x.index("=") + 1:] for x in f if x.startswith(("c=", "p1=", "n1="))}
        out.append([x for x in f if not x.startswith(drop)]
                   + ["cc=" + _kind(ch["c="]), "pc=" + _kind(ch["p1="]), "nc=" + _kind(ch["n1="])])
    return out


@Language.factory("kg_stack_recorder")
def _recorder(nlp, name):
    def record(doc):
        doc.user_data["kg_stack"] = (char_features(doc), [(e.start_char, e.end_char, e.label_) for e in doc.ents],
                                     known_entities(doc))
        return doc
    return record


def development(lean_features: bool) -> list[dict]:
    """Every development excerpt: its sequences (start, features, gold BIO), the rules' entities and the
    gold spans, in offsets of kg's analysis text."""
    from eval_heldout import load, source
    from eval_split import excerpt_files, unseen_files
    from kg.api import analyse
    from kg.nlp import load_nlp

    nlp = load_nlp()
    nlp.replace_pipe("kg_stacking", "kg_stack_recorder")
    unseen, seen, out = unseen_files(), {}, []
    for folder, path in excerpt_files():
        if (folder, path.stem) in unseen or (folder, "*") in unseen or folder in NOT_TRAINED_ON:
            continue
        head, begin, end, gold = load(path)
        src = source(head)
        if src not in seen:
            doc = analyse(src, nlp)
            feats, ents, known = doc.user_data["kg_stack"]
            seen = {src: (doc._.kg_norm, lean(feats) if lean_features else feats, ents, known)}  # one report at a time
        norm, feats, ents, known = seen[src]
        lo, hi = bisect.bisect_left(norm.index, begin), bisect.bisect_left(norm.index, end)
        gold = [(bisect.bisect_left(norm.index, g["start"]), bisect.bisect_left(norm.index, g["end"]), g["label"])
                for g in gold if g["label"] != "QUANTITY"]
        bio = ["O"] * len(norm.index)
        for s, e, label in gold:
            for i in range(s, e):
                bio[i] = ("B-" if i == s else "I-") + label
        out.append({"src": str(src), "seqs": [(s, feats[s:e], bio[s:e]) for s, e in sentences(norm.text, lo, hi)],
                    "ents": [x for x in ents if lo <= x[0] and x[1] <= hi and x[2] != "QUANTITY"], "gold": gold,
                    "known": known})
        print(f"{folder}/{path.name}", file=sys.stderr)
    return out


def train(seqs, path: str) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for _, feats, bio in seqs:
        trainer.append(feats, bio)
    trainer.set_params({"c1": 0.05, "c2": 0.05, "max_iterations": 100, "feature.possible_transitions": True})
    trainer.train(path)


def stacked(tagger, seqs, ents, labels: set[str], drop: float, add: float, known: frozenset) -> tuple[list, list]:
    """The CRF's own spans and the stage's revision of ``ents``, sentence by sentence as the stage does."""
    tags, own, out = set(tagger.labels()), [], []
    for s, feats, _ in seqs:
        e = s + len(feats)
        tagger.set(feats)
        found = spans(tagger.tag(), s)
        own += found

        def marginal(tag: str, i: int) -> float:
            return tagger.marginal(tag, i) if tag in tags else 0.0

        inside = [x for x in ents if s <= x[0] and x[1] <= e]
        out += revise(inside, [x for x in found if x[2] in labels],
                      lambda x: probability(marginal, x[0] - s, x[1] - s, e - s, x[2]), labels, drop, add, known)
    # an entity across a line break is left as it is, as the stage leaves it
    out += [x for x in ents if not any(s <= x[0] and x[1] <= s + len(f) for s, f, _ in seqs)]
    return own, out


LABELS = ("ORG", "PROGRAM", "EVENT", "WORK", "PLACE", "PERSON", "DATE")


def f1(pairs) -> dict[str, float]:
    tp, npred, ngold = Counter(), Counter(), Counter()
    for pred, gold in pairs:
        pred, gold = set(pred), set(gold)
        tp.update(x[2] for x in pred & gold)
        npred.update(x[2] for x in pred)
        ngold.update(x[2] for x in gold)
    out = {l: 2 * tp[l] / (npred[l] + ngold[l]) if npred[l] + ngold[l] else 0.0 for l in LABELS}
    out["ALL"] = 2 * sum(tp.values()) / (sum(npred.values()) + sum(ngold.values()))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lean", action="store_true", help="no character features (a measurement only)")
    ap.add_argument("--write", action="store_true", help=f"train on all development excerpts, write kg/data/{MODEL}")
    ap.add_argument("--labels", default=",".join(STAGE_LABELS))
    ap.add_argument("--drop", type=float, default=0.1)
    ap.add_argument("--add", type=float, default=0.7)
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    import pycrfsuite

    labels = set(args.labels.split(","))
    data = development(args.lean)
    if args.write:
        if args.lean:
            sys.exit("--write writes the model the stage uses: leave out --lean")
        target = HERE.parent.parent / "kg" / "data" / MODEL
        with tempfile.TemporaryDirectory() as tmp:
            train([q for d in data for q in d["seqs"]], f"{tmp}/model")
            target.write_bytes(Path(f"{tmp}/model").read_bytes())
        print(f"wrote {target} ({target.stat().st_size} bytes) from {len(data)} excerpts")
        return
    reports = sorted({d["src"] for d in data})
    random.Random(7).shuffle(reports)
    fold = {r: i % args.folds for i, r in enumerate(reports)}
    rows: dict[str, list] = {"kg": [], "crf": [], "stacked": []}
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.folds):
            train([q for d in data if fold[d["src"]] != k for q in d["seqs"]], f"{tmp}/{k}")
            tagger = pycrfsuite.Tagger()
            tagger.open(f"{tmp}/{k}")
            for d in (d for d in data if fold[d["src"]] == k):
                own, out = stacked(tagger, d["seqs"], d["ents"], labels, args.drop, args.add, d["known"])
                rows["kg"].append((d["ents"], d["gold"]))
                rows["crf"].append((own, d["gold"]))
                rows["stacked"].append((out, d["gold"]))
            print(f"fold {k + 1}/{args.folds} done", file=sys.stderr)
    print(f"{len(data)} excerpts of {len(reports)} reports, {args.folds} folds by report")
    print(f"{'':10}" + "".join(f"{l:>8}" for l in LABELS + ("ALL",)))
    for name, pairs in rows.items():
        scores = f1(pairs)
        print(f"{name:10}" + "".join(f"{scores[l]:>8.3f}" for l in LABELS + ("ALL",)))


if __name__ == "__main__":
    main()
