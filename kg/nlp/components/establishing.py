"""ORG names of bodies as they are set up: 组建[甲研究联盟], [乙交易中心]挂牌运行, [丙实验室]落户某市.

A body named at the moment it is set up, moved in or opened is one body, not a kind, even with no
place or level word before it (which the composer of organizations.py needs). The words of setting
up and the heads are data (establishing_words.tsv). Runs after kg_names, so that a name holding a
program (成都中欧班列集结中心) is left to the program.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .. import candidates
from ..candidates import Candidate
from ..text import WordSet, is_cjk
from ..words import words
from ...data import column, load_table
from .names import LEVELS_ONLY
from .organizations import NAME_STOP

# LAC tags of verbs: no name of a body set up opens with one
_VERB_TAGS = ("v", "vd")

# adverbs between a body's name and the predicate that sets it up (甲中心正式揭牌)
_SETUP_ADVERBS = ("正式", "顺利", "成功", "相继", "率先")
# a set counted or measured, not one body (8家…实验室, 一批…基地, 总规模…平台)
_COUNTED_SET = re.compile(r"^(?:[一二两三四五六七八九十百千万\d]+[家个批支所座]|一批|一些|多个|首个|总规模|超|各类|各)")
# kinds of body at a level (全国重点实验室, 省级…中心, 国家级…基地): designations many bodies hold
_LEVEL_KIND = re.compile(r"^(?:全国重点|国家重点|省重点|(?:国家|省|市|县|区)级)")


class Establishing:
    """Bodies named as they are set up, moved in or opened: one ORG from the name's start to its head
    (组建[甲研究联盟], [乙交易中心]挂牌运行, [丙实验室]落户某市), with no place or level word needed
    (establishing_words.tsv). The name follows a verb of setting up right before it, or opens its
    clause before a predicate of setting up; a set counted, a kind at a level or a kind named by a
    category word (高水平, 现代产业学院) is none."""

    def __init__(self):
        rows = load_table("establishing_words.tsv")
        self.before = WordSet([r["word"] for r in rows if r["position"] == "before"])
        self.after = WordSet([r["word"] for r in rows if r["position"] == "after"])
        heads = sorted((r["word"] for r in rows if r["position"] == "head"), key=len, reverse=True)
        self.head = re.compile("|".join(map(re.escape, heads)))
        self.not_heads = tuple(r["head"] for r in load_table("name_heads.tsv") if r["label"] == "NONE")
        self.category_modifiers = column("category_modifiers.tsv", "word")

    def __call__(self, text: str, token_starts: set[int], token_ends: set[int], verbs: set[int],
                 found: list[Candidate]) -> list[Candidate]:
        """``verbs``: where verbs start (no name opens with one: 争取[…中心]获批); ``found``: the
        candidates so far: a name that holds a program, event or work is none (成都中欧班列集结中心),
        and a body already found that ends at the head is kept (新央企[中国长安汽车集团])."""
        inner = [(c.start, c.end) for c in found if c.label in ("PROGRAM", "EVENT", "WORK")]
        bodies = {c.end: c.start for c in found if c.label == "ORG"}
        out = []
        for m in self.head.finditer(text):
            hs, he = m.start(), m.end()
            if he not in token_ends:
                continue
            i = hs
            while i > max(0, hs - 20) and (is_cjk(text[i - 1]) or text[i - 1].isascii() and text[i - 1].isalnum()) \
                    and text[i - 1] not in NAME_STOP:
                i -= 1
            start = None
            if text[he:he + 1] in ("，", "。", "；", "、", ""):
                # the last verb of setting up before the head opens the name (组建运行[甲平台])
                start = next((k for k in range(hs - 2, i - 1, -1)
                              if k in token_starts and self.before.ending_at(text, k, i)), None)
            if start is None and (i == 0 or text[i - 1] in "，。；：\n"):
                j = he + next((len(a) for a in _SETUP_ADVERBS if text.startswith(a, he)), 0)
                if self.after.starting_at(text, j):
                    start = i
            if start is None or start not in token_starts or start in verbs:
                continue
            if bodies.get(he, start) > start or any(start <= s and e <= he for s, e in inner):
                continue
            modifier = text[start:hs]
            if not 3 <= len(modifier) <= 20 or _COUNTED_SET.match(modifier) or _LEVEL_KIND.match(modifier) \
                    or any(w in modifier for w in ("最", "首个", "首批")) or modifier in LEVELS_ONLY \
                    or text[start:he].endswith(self.not_heads) \
                    or any(w in modifier for w in self.category_modifiers):
                continue
            out.append(Candidate(start, he, "ORG", "org"))
        return out


@Language.factory("kg_establishing", assigns=["doc._.kg_candidates"], requires=["doc._.kg_norm"])
def make_establishing(nlp: Language, name: str):
    """Recognize ORG candidates of bodies named as they are set up."""
    establishing = Establishing()

    def component(doc: Doc) -> Doc:
        w = words(doc)
        candidates.add(doc, establishing(doc._.kg_norm.text, w.start_set, w.end_set, w.starts_of(_VERB_TAGS),
                                         doc._.kg_candidates or []))
        return doc

    return component
