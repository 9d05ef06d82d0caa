"""A CRF stacked on the rules: it re-reads the rules' entities in government work reports.

The rules (every stage up to ``kg_resolve``) propose and choose entities; this stage looks at each
character of the report with what the rules decided there: the entity chosen at it (B/I/E/S and
label), every candidate of every recognizer covering it (``doc._.kg_candidates``: source and label),
its LAC word's position and tag and its neighbours', and the characters around it. A linear-chain CRF
(crfsuite) trained on annotated excerpts of government work reports (``bench/heldout``, the
development files) gives, for every span, the probability that the annotators would mark it so:
the least of the marginals of B- at its start, I- inside it and not-I- right after it.

- an entity of the rules whose probability is below ``drop`` is dropped, unless the gazetteer proposed
  it as it is (a name kg knows) or it is a five-year plan (the measures date figures by it);
- an entity the CRF finds where the rules chose nothing, with probability ``add`` or more, is added.

Organizations, programs, events, works and places are revised (``LABELS``); dates and persons are left
to the rules. The model was trained on one genre, so it runs only on a
government work report (its opening names 政府工作报告 or speaks for a government: 我代表国务院,
代表省人民政府向大会报告, 我受国务院的委托); a 科协 report or a news page goes by the rules alone, where the CRF,
measured on the gold files of those genres, lost correct mentions (docs/recognition-log.md,
twenty-sixth session). ``bench/learned/stack_crf.py`` measures it and writes the model.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .document import OPENING_CHARS
from .resolve import align

MODEL = "stacked_crf.crfsuite"  # in kg/data; written by bench/learned/stack_crf.py --write
# the labels it revises: not DATE (the rules' dates are as good as the CRF's: 0.989 and 0.986 in five folds), nor
# PERSON: LAC's names stand unless there is evidence against them, and the model, trained on reports of 2025 and
# 2026, dropped the historical figures of the older national reports (列宁, 李大钊)
LABELS = ("ORG", "PROGRAM", "EVENT", "WORK", "PLACE")
# an entity the gazetteer knows by name (organizations.tsv, gov_bodies.tsv, places.tsv …) is never dropped: the
# model saw few national bodies and dropped 联合国 and 全国人民代表大会 where the older reports name them
KNOWN = "gazetteer"
# nor a five-year plan (第六个五年计划, 六五计划): it dates the figures around it for the measures, and the model saw
# one in its training, unmarked (the older national reports name one in every other paragraph)
_FIVE_YEAR_PLAN = re.compile(r"(?:第[一二三四五六七八九十]+[个個]|[一二三四五六七八九十]{1,3})五年?[计計][划劃]|第[一二三四五六七八九十]+个五年规划")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
# the opening of a government work report: its title, or the speaker for a government
_GOVERNMENT_REPORT = re.compile(r"政府工作报\s*告|报告政府工作|代表(?:[^，,。；\s]{0,10}国务院|[^，,。；\s]{0,14}政府)[，,]?(?:向|作)"
                                r"|受[^，,。；\s]{0,10}国务院的?委托")


def government_report(text: str) -> bool:
    """Whether ``text`` is a government work report, by its opening."""
    return _GOVERNMENT_REPORT.search(text, 0, OPENING_CHARS) is not None


def _pos(i: int, s: int, e: int) -> str:
    return "S" if e - s == 1 else "B" if i == s else "E" if i == e - 1 else "I"


def char_features(doc: Doc) -> list[list[str]]:
    """The CRF's features of every character of ``doc._.kg_norm.text`` (see the module's docstring)."""
    text = doc._.kg_norm.text
    n = len(text)
    word = [-1] * n
    words = [(t.idx, t.idx + len(t.text), t.tag_) for t in doc]
    for k, (s, e, _) in enumerate(words):
        for i in range(s, min(e, n)):
            word[i] = k
    ent = [""] * n
    for span in doc.ents:
        for i in range(span.start_char, span.end_char):
            ent[i] = _pos(i, span.start_char, span.end_char) + "-" + span.label_
    cand: list[list[str]] = [[] for _ in range(n)]
    for c in doc._.kg_candidates or ():
        if c.end <= n:
            for i in range(c.start, c.end):
                cand[i].append(f"k={_pos(i, c.start, c.end)}{c.source}:{c.label}")
    out = []
    for i, ch in enumerate(text):
        p1, n1 = text[i - 1] if i else "^", text[i + 1] if i + 1 < n else "$"
        p2, n2 = text[i - 2] if i > 1 else "^", text[i + 2] if i + 2 < n else "$"
        f = ["b", "e=" + ent[i], "ep=" + (ent[i - 1] if i else "^") + "|" + ent[i],
             "en=" + ent[i] + "|" + (ent[i + 1] if i + 1 < n else "$"),
             "c=" + ch, "p1=" + p1, "n1=" + n1, "p2=" + p2, "n2=" + n2, "p1c=" + p1 + ch, "cn1=" + ch + n1,
             "p1n1=" + p1 + n1]
        k = word[i]
        if k >= 0:
            s, e, tag = words[k]
            at = _pos(i, s, e)
            f += ["w=" + at + tag, "wt=" + tag]
            if k:
                f.append("pw=" + words[k - 1][2] + at)
            if k + 1 < len(words):
                f.append("nw=" + words[k + 1][2] + at)
            if e - s <= 4:
                f.append("ww=" + text[s:e] + at)
            if at in "BS" and k and words[k - 1][1] - words[k - 1][0] <= 3:
                f.append("pws=" + text[words[k - 1][0]:words[k - 1][1]])
            if at in "ES" and k + 1 < len(words) and words[k + 1][1] - words[k + 1][0] <= 3:
                f.append("nws=" + text[words[k + 1][0]:words[k + 1][1]])
        f.extend(cand[i])
        out.append(f)
    return out


def sentences(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """The sequences the CRF reads: text[lo:hi] cut after each sentence end or line break."""
    hi = len(text) if hi is None else hi
    out, s = [], lo
    for m in _SENTENCE_END.finditer(text, lo, hi):
        if m.end() > s:
            out.append((s, m.end()))
        s = m.end()
    if hi > s:
        out.append((s, hi))
    return out


def spans(tags: list[str], offset: int = 0) -> list[tuple[int, int, str]]:
    """(start, end, label) of a BIO sequence; an I- that does not continue its label opens a span."""
    out, s, cur = [], None, None
    for i, t in enumerate(tags + ["O"]):
        if t == "O" or t.startswith("B-") or t[2:] != cur:
            if s is not None:
                out.append((offset + s, offset + i, cur))
            s, cur = (i, t[2:]) if t != "O" else (None, None)
    return out


def probability(marginal, s: int, e: int, n: int, label: str) -> float:
    """P(the CRF marks exactly [s, e) of an n-character sequence ``label``), bounded by its weakest
    position: ``marginal(tag, i)`` is the marginal of tag at position i."""
    p = marginal("B-" + label, s)
    for i in range(s + 1, e):
        p = min(p, marginal("I-" + label, i))
    if e < n:
        p = min(p, 1.0 - marginal("I-" + label, e))
    return p


def known_entities(doc: Doc) -> frozenset:
    """(start, end, label) of the entities of ``doc`` the stage never drops: those the gazetteer proposed as
    they are, and five-year plans."""
    found = {(c.start, c.end, c.label) for c in doc._.kg_candidates or () if c.source == KNOWN}
    text = doc._.kg_norm.text
    return frozenset(x for x in ((e.start_char, e.end_char, e.label_) for e in doc.ents)
                     if x in found or _FIVE_YEAR_PLAN.fullmatch(text, x[0], x[1]))


def revise(ents: list[tuple[int, int, str]], found: list[tuple[int, int, str]], prob, labels, drop: float,
           add: float, known: frozenset = frozenset()) -> list[tuple[int, int, str]]:
    """The rules' entities ``ents`` revised by the CRF's spans ``found``: of ``labels``, a rule's span with
    ``prob(span) < drop`` is dropped unless it is ``known``, a CRF span overlapping no kept entity with
    ``prob(span) >= add`` added."""
    out = [x for x in ents if not (x[2] in labels and x not in known and prob(x) < drop)]
    for c in found:
        if c[2] in labels and c not in out and not any(c[0] < k[1] and k[0] < c[1] for k in out) and prob(c) >= add:
            out.append(c)
    return sorted(out)


class StackedCRF:
    """The stage: ``doc.ents`` of a government work report revised by the CRF (see the module)."""

    def __init__(self, model: str = MODEL, labels: tuple[str, ...] = LABELS, drop: float = 0.1,
                 add: float = 0.7):
        self.model, self.labels, self.drop, self.add = model, frozenset(labels), drop, add
        self._tagger = None

    @property
    def tagger(self):
        """crfsuite's tagger of the model, opened on first use (a pipeline that never meets a government
        report never reads it)."""
        if self._tagger is None:
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            if Path(self.model).is_absolute():
                tagger.open(self.model)  # a model of one's own (trained as bench/learned/stack_crf.py trains kg's)
            else:
                with resources.as_file(resources.files("kg.data").joinpath(self.model)) as path:
                    tagger.open(str(path))  # the model is read into memory here; the file may go
            self._tagger, self.tags = tagger, set(tagger.labels())
        return self._tagger

    def __getstate__(self):
        return {**self.__dict__, "_tagger": None}  # crfsuite's tagger does not pickle: reopened on first use

    def revised(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(start, end, label) of the entities after revision, in analysis-text offsets."""
        text = doc._.kg_norm.text
        feats = char_features(doc)
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        known = known_entities(doc)
        out = []
        at = 0
        spill: list[tuple[int, int, str]] = []  # entities of earlier sentences that run into this one
        for s, e in sentences(text):
            inside = []
            while at < len(ents) and ents[at][0] < e:
                inside.append(ents[at])
                at += 1
            across = [x for x in inside if x[1] > e]  # an entity across a line break: not the CRF's to judge
            spill = [x for x in spill if x[1] > s] + across
            tagger = self.tagger
            tagger.set(feats[s:e])
            found = [x for x in spans(tagger.tag(), s)
                     if x[2] in self.labels and not any(x[0] < a[1] and a[0] < x[1] for a in spill)]
            tags = self.tags

            def marginal(tag: str, i: int) -> float:
                return tagger.marginal(tag, i) if tag in tags else 0.0

            def prob(x) -> float:
                return probability(marginal, x[0] - s, x[1] - s, e - s, x[2])

            out.extend(revise([x for x in inside if x[1] <= e], found, prob, self.labels, self.drop, self.add, known))
            out.extend(across)
        return sorted(set(out) | set(self.dates_freed(doc, set(ents) - set(out), out)))

    @staticmethod
    def dates_freed(doc: Doc, dropped: set, kept: list) -> list[tuple[int, int, str]]:
        """The dates the rules proposed inside an entity the stage dropped (一九八一年 of 一九八一年计划, which
        the conflict policy gave to the longer span): with it gone they stand, the longest first, where
        nothing kept overlaps them (the stage does not judge dates; the measures date figures by them)."""
        taken = list(kept)
        out = []
        dates = sorted((c for c in doc._.kg_candidates or () if c.label == "DATE"), key=lambda c: (c.start - c.end, c.start))
        for c in dates:
            x = (c.start, c.end, "DATE")
            if any(a <= c.start and c.end <= b for a, b, _ in dropped) \
                    and not any(c.start < k[1] and k[0] < c.end for k in taken):
                taken.append(x)
                out.append(x)
        return out

    def __call__(self, doc: Doc) -> Doc:
        if not government_report(doc._.kg_norm.text) or not doc.ents:
            return doc
        before = {(e.start_char, e.end_char, e.label_): e for e in doc.ents}
        after = self.revised(doc)
        if set(after) == set(before):
            return doc
        added = [x for x in after if x not in before]
        align(doc, {x[0] for x in added} | {x[1] for x in added})
        keys = {(c.start, c.end, c.label): dict(c.attrs).get("key") for c in doc._.kg_candidates or ()}
        ents = []
        for s, e, label in after:
            span = doc.char_span(s, e, label=label)
            if span is None:
                continue
            if (s, e, label) not in before and keys.get((s, e, label)) is not None:
                span._.key = keys[(s, e, label)]  # a freed date keeps what its recognizer set, as kg_resolve does
            ents.append(span)  # a kept entity keeps its extensions: they are stored by offsets and label
        doc.ents = ents
        return doc


@Language.factory("kg_stacking", assigns=["doc.ents"], requires=["doc.ents", "doc._.kg_candidates"],
                  default_config={"model": MODEL, "labels": list(LABELS), "drop": 0.1, "add": 0.7})
def make_stacking(nlp: Language, name: str, model: str, labels: list[str], drop: float, add: float):
    """The rules' entities of a government work report, revised by a CRF (see the module)."""
    return StackedCRF(model, tuple(labels), drop, add)
