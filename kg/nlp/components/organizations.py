"""ORG names composed as place or level + modifier + organ.

巴彦淖尔市科协, 自治区党委办公厅, 内蒙古农业大学, 河南省科协. A level word alone
(自治区, 省, 市) opens a name only at the start of a phrase, so 盟市科协 and 企业科协,
which are categories, are left alone. An organ may be followed directly by another
(自治区党委 + 办公厅) or by a numbered body (自治区科协 + 第八届常委会).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .. import candidates
from ..candidates import Candidate
from ..text import Lexicon, WordSet, is_cjk
from .gazetteer import place_entries
from ...data import column

# Level words that stand for a region of their own and may take an organ directly (省科协).
LEVEL_WORDS = column("level_words.tsv", "word")
# level words that may take an organ directly (省科协)
REGION_LEVELS = column("level_words.tsv", "word", where=("bare", "1"))
_MAX_MODIFIER = 8
_STOP = set("，。、；：“”《》（）()\n 的和与及等在了对向为把被将从于是各")
_LEVELISH = ("市", "县", "旗", "区", "盟", "旗县", "盟市", "市县", "县区", "旗县区", "乡镇", "苏木", "嘎查", "村")
_GENERIC = ("有关", "相关", "各级", "各类", "所属", "直属", "以上", "以下", "级")
_NUMBERED_BODY = re.compile(r"第[一二三四五六七八九十百\d]+届(?:委员会|常委会|理事会|常务委员会|全委会)?")


class OrgComposer:
    def __init__(self):
        self.organ_words = WordSet(column("organs.tsv", "organ"))
        places = {k: v for k, v in place_entries().items() if len(k) >= 2}
        for w in LEVEL_WORDS:
            places.setdefault(w, ("LEVEL", w))
        self.prefixes = Lexicon(places)
        self.boundaries = WordSet(column("boundaries.tsv", "word"))
        self.not_organs = column("not_organs.tsv", "word")

    def _at_phrase_start(self, text: str, i: int) -> bool:
        if i == 0 or not is_cjk(text[i - 1]):
            return True
        return self.boundaries.ending_at(text, i) is not None

    def _organ_at(self, text: str, i: int) -> int:
        organ = self.organ_words.starting_at(text, i)
        return i + len(organ) if organ else 0

    def __call__(self, text: str) -> list[Candidate]:
        found = {}
        for s, e, (label, _key) in self.prefixes.find_all(text):
            is_level = label == "LEVEL"
            if is_level and not self._at_phrase_start(text, s):
                continue
            end = self._compose(text, s, e, allow_empty=(not is_level) or text[s:e] in REGION_LEVELS)
            if end:
                found[(s, end)] = Candidate(s, end, "ORG", "org")
        return list(found.values())

    def _compose(self, text: str, s: int, e: int, allow_empty: bool) -> int:
        """End of the shortest organ name after prefix text[s:e], extended by chained organs; 0 if none."""
        limit = min(len(text), e + _MAX_MODIFIER + 1)
        for k in range(e, limit):
            if text[k] in _STOP:
                return 0
            end = self._organ_at(text, k)
            if not end:
                continue
            modifier = text[e:k]
            if any(w in modifier for w in _GENERIC):
                return 0
            if end - k == 1 and (
                (end < len(text) and text[end] in "门分长级属")  # 部门, 局长, 厅级
                or any(text.startswith(w, k - len(w) + 1) for w in self.not_organs)  # 大局, 干部
            ):
                continue
            if (not modifier and not allow_empty) or modifier in _LEVELISH:
                if not modifier and not allow_empty:
                    continue
                return 0
            # a single-character organ (厅, 局, 部, 委) needs a modifier: 自治区科技厅, not 自治区部
            if end - k == 1 and not modifier:
                continue
            return self._chain(text, end)
        return 0

    def _chain(self, text: str, end: int) -> int:
        while True:
            nxt = self._organ_at(text, end)
            if nxt and nxt - end >= 2:
                end = nxt
                continue
            m = _NUMBERED_BODY.match(text, end)
            if m and m.group(0).endswith(("委员会", "常委会", "理事会")):
                end = m.end()
                continue
            return end


@Language.factory("kg_organizations", assigns=["doc._.kg_candidates"], requires=["doc._.kg_norm"])
def make_organizations(nlp: Language, name: str):
    """Recognize ORG candidates composed of place or level + modifier + organ."""
    composer = OrgComposer()

    def component(doc: Doc) -> Doc:
        candidates.add(doc, composer(doc._.kg_norm.text))
        return doc

    return component
