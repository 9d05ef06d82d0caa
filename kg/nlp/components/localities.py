"""PLACE names below the county: townships (镇, 乡, 街道, 苏木) and villages (村, 社区, 嘎查).

The guidelines make a named town, street, community or village a PLACE, and a chain of them
with the county before one span (密云区十里堡镇岭东村). Townships come from the packaged
``townships.tsv`` (with their full suffix only: see ``kg.townships``); a village is a name of
two to four characters before 村, 社区 or 嘎查 that the dictionary does not know as a common
word (岭东村, not 示范村, 贫困村 or 新农村), written right after a township or county, or on its own.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .. import candidates
from ..words import words
from ..candidates import Candidate
from ..text import Lexicon, is_cjk
from ...data import column, derived
from ...places import divisions
from ...townships import townships

_VILLAGE_END = re.compile(r"(?:村|社区|嘎查)(?![\u4e00-\u9fff]?“?(?:委|民|级|干部|书记|两委|庄|落|镇|居|建设|振兴|发展|治理|规划|改造|集体|经济))")
_VILLAGE = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:村|社区|嘎查)")
_TOWNSHIP_ENDS = ("镇", "乡", "街道", "苏木")
_GLUED = set("为在到对向和与及、的赴至从")
# the last township or village of a chain (十里堡镇岭东村 -> 岭东村)
_LAST_LOCALITY = re.compile(r"(?<=[镇乡区县旗])[\u4e00-\u9fff]{2,4}(?:村|社区|嘎查)|[\u4e00-\u9fff]{2,4}(?:镇|乡|街道|苏木)(?=[\u4e00-\u9fff]{2,4}(?:村|社区|嘎查)$)")
# level words: a township's or village's stem is never one (乡镇街道, 苏木乡)
# one word of quality before two levels (名镇名村, 古镇古村, 强镇强村): kinds, not a township and a village
_PAIRED_KINDS = re.compile(r"([\u4e00-\u9fff])[镇乡城]\1[村镇]")
_LEVELS = ("乡", "镇", "村", "街道", "苏木", "社区", "嘎查", "县", "区", "市", "旗")
# jieba dictionary tags of common words: a village's stem is none of them (示范村, 贫困村, 行政村)
_COMMON = ("a", "ad", "an", "d", "v", "vn", "n", "m", "b", "l", "i", "z", "f", "q", "r", "t", "s")
# dictionary tags a township's stem may carry after its city: a place's or a name's, or none
_NAME_TAGS = ("ns", "nr", "nrt", "nrfg", "nz")
# characters of quantity, degree and reference that open no village's name (更多友好社区, 各村, 本社区)
_NOT_STEM_START = frozenset("多更各每全本该这那某")
# LAC tags a village's stem never carries: verbs, adverbs, function words, numerals
_NOT_STEM = {"v", "vd", "d", "ad", "p", "c", "u", "r", "xc", "m", "q", "w", "TIME", "PER"}


class LocalityFinder:
    def __init__(self, word_tags: dict[str, str] | None = None):
        self.townships = townships()
        self.word_tags = word_tags or {}
        self.kinds = frozenset(column("category_modifiers.tsv", "word"))
        # words that make a village or community a kind of one wherever they sit (省级中心村, 医保定点社区)
        self.village_kinds = tuple(self.kinds | set(column("locality_kinds.tsv", "word")))
        div = divisions()
        self.counties = Lexicon({n: c for n, codes in div.by_name.items() for c in codes[:1] if len(n) >= 3})
        # county code -> stems of its townships (西罗园 of 西罗园街道), two characters or more; kept in
        # kg's cache for the packaged table (start-up)
        self.stems: dict[str, set[str]] = derived("township-stems", ("townships.tsv",), self._stems)
        # prefectures and counties by any name, short ones included (长春, 鞍山), with the stems of every
        # township inside them: a city's short name and a stem name one township (长春净月, 鞍山西柳)
        self.below = {n: codes for n, codes in div.by_name.items()
                      if len(n) >= 2 and any(div.by_code[c].level != "province" for c in codes)}
        self.cities = Lexicon({n: n for n in self.below})
        self.stems_in: dict[str, set[str]] = {}
        for county, stems in self.stems.items():
            for prefix in (county, county[:4] + "00"):
                self.stems_in.setdefault(prefix, set()).update(stems)

    def _stems(self) -> dict[str, set[str]]:
        stems: dict[str, set[str]] = {}
        for code, (name, county) in self.townships.by_code.items():
            stem = name[:-2] if name.endswith(("街道", "苏木", "地区")) else name[:-1]
            if len(stem) >= 2:
                stems.setdefault(county, set()).add(stem)
        return stems

    def __call__(self, text: str, token_starts: set[int], barred: set[int],
                 common_words: set[tuple[int, int]] = frozenset()) -> list[Candidate]:
        """``common_words``: (start, end) of words the tagger reads as common nouns (小城镇)."""
        found = []
        taken = bytearray(len(text) + 1)
        for s, e, name in self.townships.finditer(text):
            stem = name[:-2] if name.endswith(("街道", "苏木", "地区")) else name[:-1]
            if s not in token_starts or stem.endswith(_LEVELS) or stem.startswith(_LEVELS) \
                    or self.word_tags.get(name, "") in _COMMON or (s, e) in common_words:
                continue  # 小城镇 is a word, not 小城 + 镇
            start = self._division_before(text, s)
            if start == s and (e not in token_starts and e < len(text) and is_cjk(text[e])
                               or self._generic(stem, name)):
                continue  # 振兴乡村, 于城镇, 文明乡: without its county, a common word is no township
            end = self._village_after(text, e, token_starts, barred) or e
            found.append(Candidate(start, end, "PLACE", "facility"))
            taken[start:end] = b"\x01" * (end - start)
        # a county and the stem of one of its townships: 丰台区西罗园 (西罗园街道)
        for s, e, code in self.counties.finditer(text):
            stems = self.stems.get(code)
            if not stems or taken[e]:
                continue
            stem = next((text[e:e + n] for n in (4, 3, 2) if text[e:e + n] in stems), None)
            if stem and (e + len(stem) >= len(text) or not is_cjk(text[e + len(stem)]) or e + len(stem) in token_starts):
                found.append(Candidate(s, e + len(stem), "PLACE", "facility"))
        found.extend(self._city_townships(text, token_starts, taken))
        for m in _VILLAGE_END.finditer(text):
            ve, e = m.span()
            if taken[ve]:
                continue
            for n in (4, 3, 2):  # the longest stem that starts a word and holds no verb or function word
                s = ve - n
                stem = text[s:ve] if s >= 0 else ""
                if not stem or not all("\u4e00" <= c <= "\u9fff" for c in stem) or s not in token_starts:
                    continue
                if any(i in barred for i in range(s, ve)) or stem.endswith(_LEVELS) or self._common(stem) \
                        or stem[0] in _NOT_STEM_START or (stem[0] in "省市县区乡镇" and stem[-1] in "和与及") \
                        or self.word_tags.get(text[s:e]) or _PAIRED_KINDS.search(text[s:e]) \
                        or (n == 4 and self._of_common_words(stem)):
                    continue  # (经济薄弱村: two common words; 名镇名村, 古镇古村: kinds of township and village; 县和村:
                    # two levels joined)
                start = self._division_before(text, s)
                if start == s and self._generic(stem, text[s:e]):
                    continue  # 农业农村, 兴盛农村: 农村 is a word, not a village's suffix
                found.append(Candidate(start, e, "PLACE", "facility"))
                break
        return found + self._elsewhere(text, found, token_starts)

    def _city_townships(self, text: str, token_starts: set[int], taken: bytearray) -> list[Candidate]:
        """A prefecture or county by any of its names and, right after it, the stem of a township inside it
        (长春净月 of 净月街道, 鞍山西柳 of 西柳镇 in 海城 under 鞍山): one place, the township. The city opens a word and
        is no common word; the stem ends a word, is no common word (团结 of 安定团结) and has no level after it."""
        found = []
        for s, e, name in self.cities.finditer(text):
            if taken[e] or s not in token_starts or self.word_tags.get(name, "ns") in _COMMON:
                continue
            # (looked up in each of the name's divisions: no union of their stems built per mention)
            stem = next((text[e:e + n] for n in (3, 2)
                         if any(text[e:e + n] in self.stems_in.get(c, ()) for c in self.below[name])), None)
            if stem is None or self._common(stem) or self.word_tags.get(stem, "ns") not in _NAME_TAGS \
                    or self.word_tags.get(name + stem) is not None:  # (石化 of 松原石化园区: petrochemicals, j)
                continue
            end = e + len(stem)
            if end < len(text) and is_cjk(text[end]) and (end not in token_starts or text.startswith(_LEVELS, end)):
                continue
            found.append(Candidate(s, end, "PLACE", "facility"))
        return found

    @staticmethod
    def _elsewhere(text: str, found: list[Candidate], token_starts: set[int]) -> list[Candidate]:
        """One sense per report: a village or township found once with its county (密云区十里堡镇
        岭东村) is the same place where its name recurs alone (为岭东村疫情防控…)."""
        names = set()
        for c in found:
            for m in _LAST_LOCALITY.finditer(text, c.start, c.end):
                if len(m.group()) >= 3 and (m.end() == c.end or m.group().endswith(_TOWNSHIP_ENDS)):
                    names.add(m.group())
        if not names:
            return []
        covered = bytearray(len(text) + 1)
        for c in found:
            covered[c.start:c.end] = b"\x01" * (c.end - c.start)
        more = []
        for name in sorted(names, key=len, reverse=True):
            for m in re.finditer(re.escape(name), text):
                s, e = m.span()
                # the tokenizer glues a preposition to a name it does not know (为岭/东村)
                starts = s in token_starts or (s > 0 and text[s - 1] in _GLUED)
                if starts and not any(covered[s:e]) and (e >= len(text) or not is_cjk(text[e]) or e in token_starts):
                    more.append(Candidate(s, e, "PLACE", "facility"))
                    covered[s:e] = b"\x01" * (e - s)
        return more

    def _generic(self, stem: str, name: str) -> bool:
        """The name reads as common words: its stem, or the stem's last character with the suffix
        (城镇, 农村, 乡村, 山村), is a word of the dictionary."""
        suffix = name[len(stem):]
        tags = self.word_tags
        return tags.get(stem, "") in _COMMON or tags.get(stem[-1:] + suffix[:1], "") in _COMMON \
            or tags.get(stem[-1:] + suffix, "") in _COMMON or tags.get(stem[-2:] + suffix, "") in _COMMON

    def _of_common_words(self, stem: str) -> bool:
        """A stem of four characters that is two common words of the dictionary (经济 + 薄弱, 美丽 + 宜居)."""
        return self.word_tags.get(stem[:2], "") in _COMMON and self.word_tags.get(stem[2:], "") in _COMMON

    def _common(self, stem: str) -> bool:
        """A common word, or a kind (智慧社区, 低碳社区, 省级中心村: category_modifiers.tsv and
        locality_kinds.tsv), not a village's name."""
        return self.word_tags.get(stem, "") in _COMMON or self.word_tags.get(stem[:2], "") in ("v", "a", "d", "m") \
            or any(k in stem for k in self.village_kinds)

    def _division_before(self, text: str, s: int) -> int:
        """Start of a county or prefecture name written right before ``s`` (密云区十里堡镇), else ``s``."""
        return next((s - n for n in self.counties.lengths if n <= s and text[s - n:s] in self.counties.entries), s)

    def _village_after(self, text: str, e: int, token_starts: set[int], barred: set[int]) -> int:
        m = _VILLAGE.match(text, e)
        if not m or any(i in barred for i in range(e, m.end())):
            return 0
        stem = m.group().removesuffix("嘎查").removesuffix("社区").removesuffix("村")
        return m.end() if not self._common(stem) else 0


@Language.factory("kg_localities", assigns=["doc._.kg_candidates"], requires=["doc._.kg_norm", "token.tag"])
def make_localities(nlp: Language, name: str):
    """Recognize PLACE candidates of townships and villages."""
    finder = LocalityFinder(getattr(nlp.tokenizer, "word_tags", None))

    def component(doc: Doc) -> Doc:
        w = words(doc)
        starts = w.start_set
        barred = w.starts_of(_NOT_STEM)
        common = set(w.spans(("n", "vn", "a", "v")).items())
        candidates.add(doc, finder(doc._.kg_norm.text, starts, barred, common))
        return doc

    return component
