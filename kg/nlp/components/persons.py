"""PERSON: a name written before a title (习近平总书记, 朱有勇院士), after one (董事长徐明波主持,
主席 包钢), a foreign name joined by · (里卡多·维拉利), or the report's byline."""

from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from .. import candidates
from ..words import words
from ..candidates import Candidate
from ..text import Lexicon, WordSet, is_cjk
from ...data import column
from .gazetteer import place_entries

# A byline: a line of two to four characters alone in the report's opening lines.
_BYLINE = re.compile(r"^[\u4e00-\u9fff·]{2,6}$")
_HEADER_LINES = 12
# LAC tags of verbs and function words: a name ends before them
_FUNCTION_TAGS = {"v", "vd", "p", "c", "u", "d", "ad", "w", "xc", "f", "m", "q", "TIME"}
# Posts written before a name (besides person_titles.tsv): 董事长徐明波, 副主任许炜, 前议长伊蕾妮·皮韦蒂.
_HONORIFICS = set("老总工")
TITLES_BEFORE = ("老领导", "董事长", "总经理", "秘书长", "巡视员", "二级巡视员", "理事长", "副理事长", "议长", "院长",
                  "所长", "馆长", "社长", "处长", "科长", "总工程师", "委员", "常委", "专家", "记者")
_DOT_NAME = re.compile(r"(?P<first>[\u4e00-\u9fff]{2,6})(?:·[\u4e00-\u9fff]{1,8})*·(?P<last>[\u4e00-\u9fff]{1,8})")


# Where a name after a title ends: punctuation, a space, the end of the line.
_NAME_END = set("、，。；：！？（）()“”《》 \u3000\n\t等")
# LAC tags of common and function words (儿子, 的): a name joined by · does not run left past one
_COMMON_TAGS = {"n", "v", "vn", "a", "u", "p", "c", "d", "f", "r", "m", "q", "w", "LOC", "ORG", "TIME"}
# jieba tags of common words: a part of a ·-joined name that holds one is no transliteration
_COMMON_WORD_TAGS = {"n", "v", "vn", "a", "an", "ad", "d", "l", "i"}
# tags of the dictionary's function words (pronouns, adverbs, prepositions, conjunctions, numerals, particles): a name
# before a title does not open with one of two characters (高举毛主席, 其他列席同志)
_FUNCTION_WORD_TAGS = frozenset({"r", "d", "p", "c", "m", "u"})
# numerals that open a counted noun (两国, 三方)
_NUMERALS = frozenset("两三四五六七八九十百千万")
# LAC tags a name never holds inside: verbs, prepositions, conjunctions, particles
_INSIDE_TAGS = {"v", "p", "c", "u"}


class PersonFinder:
    def __init__(self, word_tags: dict[str, str] | None = None):
        self.word_tags = word_tags or {}
        # (no cities abroad: a slogan joined by · names a place at home, and a foreign name holds 罗兹 or 利马)
        self.places = Lexicon({k: v for k, v in place_entries(abroad=False).items() if len(k) >= 2})
        self.titles = sorted(column("person_titles.tsv", "title"), key=len, reverse=True)
        self.surnames = set(column("surnames.tsv", "surname", where=("common", "1")))
        self.boundaries = WordSet(column("boundaries.tsv", "word"))
        self.titles_set = WordSet([*self.titles, *TITLES_BEFORE])
        self.title_re = re.compile("|".join(map(re.escape, sorted(self.titles_set.words, key=len, reverse=True))))

    def __call__(self, text: str, function_starts: set[int] | None = None,
                 inside_barred: set[int] | None = None, word_ends: set[int] | None = None) -> list[Candidate]:
        """PERSON candidates; ``function_starts``: where verbs and function words start (a name
        after a title ends before one: 董事长徐明波主持会议)."""
        function_starts = function_starts or set()
        inside_barred = inside_barred or set()
        found = self._after_titles(text, function_starts, inside_barred)
        found.extend(self._foreign(text, function_starts, word_ends or set()))
        title_re = re.compile("|".join(map(re.escape, self.titles)) + r"|等(?=[\d一二三四五六七八九十]+[人名位])")
        for m in title_re.finditer(text):
            s = m.start()
            for length in (3, 2, 4):
                b = s - length
                if b < 0:
                    continue
                name = text[b:s]
                if not all(is_cjk(c) for c in name):
                    continue
                if not (name[:1] in self.surnames or name[:2] in self.surnames):
                    continue
                if length >= 3 and (self.word_tags.get(name[:2]) in _FUNCTION_WORD_TAGS or self.word_tags.get(name[1:]) == "r"
                                    or (name[1] in _NUMERALS and self.word_tags.get(name[1:]) in ("n", "m", "q", "ns"))):
                    continue  # 高举毛主席, 其他列席同志: a function word opens the name or is all its given name; 中苏两国总理:
                    # a counted noun (两国) is no given name
                before_ok = (length == 3 or b == 0 or not is_cjk(text[b - 1])
                             or self.boundaries.ending_at(text, b) is not None)
                # 现任法国总统, 罗讷省省长: a place before a title, no name (a place inside, or the
                # level the title is of)
                placed = any(True for _ in self.places.finditer(name)) or name[-1] == m.group()[:1]
                if before_ok and not placed and not any(i in inside_barred for i in range(b + 1, s)) \
                        and name[1:2] not in _HONORIFICS:
                    found.append(Candidate(b, s, "PERSON", "person"))
                    break
        pos = 0
        for n, line in enumerate(text.split("\n")):  # bylines
            if n >= _HEADER_LINES:
                break
            stripped = line.strip()
            if _BYLINE.match(stripped) and (stripped[:1] in self.surnames or stripped[:2] in self.surnames):
                start = pos + line.index(stripped)
                found.append(Candidate(start, start + len(stripped), "PERSON", "person"))
            pos += len(line) + 1
        return found


    def _after_titles(self, text: str, function_starts: set[int], inside_barred: set[int]) -> list[Candidate]:
        """A full name right after a title, maybe after a space: 董事长徐明波主持, 主席 包钢."""
        found = []
        for m in self.title_re.finditer(text):
            b = m.end()
            while b < len(text) and text[b] in " \u3000":
                b += 1
            for length in (3, 2):
                name = text[b:b + length]
                if len(name) < length or not all(is_cjk(c) for c in name):
                    continue
                if not (name[:1] in self.surnames or name[:2] in self.surnames):
                    break
                after = b + length
                if after >= len(text) or text[after] in _NAME_END or after in function_starts \
                        or self.titles_set.starting_at(text, after):
                    if length == 3 and name[-1] == "摄" and (after >= len(text) or text[after] in "\n \u3000"):
                        after -= 1  # 本报记者 戴冰摄: a photographer's credit, the name without 摄
                    if not any(i in inside_barred for i in range(b, after)):
                        found.append(Candidate(b, after, "PERSON", "person"))
                    break
        return found

    def elsewhere(self, text: str, found: list[Candidate], token_starts: set[int],
                  places: list[Candidate] = ()) -> list[Candidate]:
        """Other occurrences of full names (three characters or more, or two with a surname) found once.
        A name read as a place more often than as a person is a place (马拉维: LAC reads it a place
        six times and a person once): it is not spread."""
        names = {text[c.start:c.end] for c in found if c.end - c.start >= 3 or text[c.start] in self.surnames}
        as_place = Counter(text[c.start:c.end] for c in places)
        as_person = Counter(text[c.start:c.end] for c in found)
        out = []
        for name in names:
            if as_place[name] > as_person[name]:
                continue
            if len(name) == 2 and self.word_tags.get(name, "") in _COMMON_WORD_TAGS:
                continue  # 曾经 (once): a common word read once as a surname and a name is not spread
            for m in re.finditer(re.escape(name), text):
                if m.start() in token_starts or (m.start() and not is_cjk(text[m.start() - 1])):
                    out.append(Candidate(m.start(), m.end(), "PERSON", "person"))
        return out

    def _foreign(self, text: str, function_starts: set[int], word_ends: set[int] = frozenset()) -> list[Candidate]:
        """Transliterated names joined by ·: 里卡多·维拉利 (a title before it stays out).
        ``word_ends``: where common words and function words end (人民的儿子诺尔曼·白求恩: the name
        starts after 儿子)."""
        found = []
        for m in _DOT_NAME.finditer(text):
            s, e = m.span()
            # the right part ends before a verb, preposition, adjective or title (费罗兹在来信中,
            # 白求恩不远万里, 克瓦希涅夫斯基总统)
            for i in range(m.start("last") + 1, e):
                if i in function_starts or self.titles_set.starting_at(text, i):
                    e = i
                    break
            # the left part starts after a title (主任阿赫桑) or a common word (的儿子诺尔曼)
            first_end = m.start("first") + len(m.group("first"))
            for i in range(s, first_end):
                t = self.titles_set.ending_at(text, i, s)
                if t or (i > s and i in word_ends and first_end - i >= 2):
                    s = i
            if self.titles_set.ending_at(text, e, s):
                continue  # 新甘肃·甘肃日报记者: a media name and a post, not a person (a name never ends in a role)
            if e - s >= 4 and text[s] != "·" and text[e - 1] != "·" and not self._slogan(text[s:e]):
                found.append(Candidate(s, e, "PERSON", "person"))
        return found


    def _slogan(self, name: str) -> bool:
        """Parts joined by · that hold a place or a common word are a slogan or a brand, no foreign
        name (行走河南·读懂中国, 山海画廊·魅力闽道, 新华·波罗的海国际航运)."""
        if any(True for _ in self.places.finditer(name)):
            return True
        return any(self.word_tags.get(part[i:j], "") in _COMMON_WORD_TAGS
                   for part in name.split("·") for i in range(len(part)) for j in range(i + 2, min(len(part), i + 4) + 1))


@Language.factory("kg_persons", assigns=["doc._.kg_candidates"], requires=["doc._.kg_norm"])
def make_persons(nlp: Language, name: str):
    """Recognize PERSON candidates."""
    finder = PersonFinder(getattr(nlp.tokenizer, "word_tags", None))

    def component(doc: Doc) -> Doc:
        w = words(doc)
        function_starts = w.starts_of(_FUNCTION_TAGS)
        inside = w.starts_of(_INSIDE_TAGS)
        # where common and function words end: a name joined by · starts after the last of them
        text = doc._.kg_norm.text
        word_ends = set(w.spans(_COMMON_TAGS).values()) if "·" in text else set()
        found = finder(text, function_starts | w.starts_of(("a",)), inside, word_ends)
        # one sense per report: a full name found once (by a title or by LAC) is a name wherever it recurs
        lac = [c for c in doc._.kg_candidates or [] if c.label == "PERSON"]
        places = [c for c in doc._.kg_candidates or [] if c.label == "PLACE" and c.source == "lac"]
        candidates.add(doc, found + finder.elsewhere(doc._.kg_norm.text, found + lac, w.start_set, places))
        return doc

    return component
