"""ORG names composed as place or level + modifier + organ.

巴彦淖尔市科协, 自治区党委办公厅, 内蒙古农业大学, 河南省科协. A level word alone
(自治区, 省, 市) opens a name only at the start of a phrase, so 盟市科协 and 企业科协,
which are categories, are left alone. An organ may be followed directly by another
(自治区党委 + 办公厅), by a numbered body (自治区科协 + 第八届常委会), or by a named body of its
own (市委 + 社会工委, 市科协 + 乡村振兴工作委员会). A place or level word ends the name: what follows
is a coordinated organ of its own (省委省政府 -> 省委, 省政府). Roles stay out: 党组 before 书记 or
成员 is the role's (市科协党组书记 -> 市科协).
"""

from __future__ import annotations

import copy
import re

from spacy.language import Language
from spacy.tokens import Doc

from .. import candidates
from ..words import Words, words
from ..candidates import Candidate
from ..text import CategoryWords, Lexicon, WordSet, is_cjk
from .gazetteer import place_entries, residents_at
from .names import COUNTED_AFTER
from ...data import column, company_names, load_table, organ_words
from ...places import divisions

# the bodies a level has side by side (党委, 人大, 政府, 政协): one never sits under another, so two written together
# (人大政协, 党委政府) are two bodies, the level written once (the composer's chain and LAC's organizations, tagger.py)
PEER_ORGANS = ("党委", "人大", "政府", "政协")
# Level words that stand for a region of their own and may take an organ directly (省科协).
LEVEL_WORDS = column("level_words.tsv", "word")
# level words that may take an organ directly (省科协)
REGION_LEVELS = column("level_words.tsv", "word", where=("bare", "1"))
_MAX_MODIFIER = 8
NAME_STOP = set("，。、；：“”《》（）()\n 的和与及等在了对向为把被将从于是各")
_LEVELISH = ("市", "县", "旗", "区", "盟", "旗县", "盟市", "市县", "县区", "旗县区", "乡镇", "苏木", "嘎查", "村")
# words after a body that say the bodies under it (教育部直属师范大学), or a level's bodies (市属医院, 省属企业):
# many of a kind, never one body
SUBORDINATE = ("所属", "直属", "下属", "省属", "市属", "县属", "区属", "部属")
_GENERIC = ("有关", "相关", "各级", "各类", *SUBORDINATE, "以上", "以下", "级")
_NUMBERED_BODY = re.compile(r"第?[一二三四五六七八九十百\d]+届(?:委员会|常委会|理事会|常务委员会|全委会)?")
# Associations are named after what they do, verbs included (欧洲科学参与协会, 科技成果转化促进会).
_NAMED_BY_PURPOSE = {"协会", "学会", "研究会", "联合会", "促进会", "基金会", "联盟", "引导基金", "投资基金", "产业基金"}
# A fund at a level is named by the sectors it invests in (省战略性新兴产业投资引导基金): a longer modifier, and
# no category (省现代产业引导基金 is the province's one fund, where 现代产业学院 is a kind of college).
_MAX_FUND_MODIFIER = 12
# LAC tags of words a chained body's modifier never holds: verbs, names of people, prepositions,
# conjunctions, adverbs, pronouns, numerals, times.
_BARRED_TAGS = {"v", "vd", "ad", "PER", "p", "c", "d", "r", "m", "TIME", "u", "xc", "w"}
# LAC tags of words after which a phrase starts (verbs, prepositions, conjunctions).
_PHRASE_OPENING_TAGS = {"v", "p", "c", "vd", "r"}  # r: 我们[市委宣传部]
_ROLE_WORDS = ("常委", "委员", "成员", "党组成员", "党组书记")
# Roles written after an organ: 党组 + 书记 is a post of the organization, not a body of its own.
_ROLES = ("书记", "副书记", "成员", "组长", "副组长")
_ROLE_TAKERS = ("党组", "党组织")
# A body of an organization named by a modifier and an organ, chained after it (市委社会工委).
_MAX_CHAINED_MODIFIER = 10


def national_object_at(text: str, i: int, word_tags) -> bool:
    """A verb of the dictionary ends at ``i`` and 国家 or 中国 starts there: inside a name read as one word,
    the verb's object opens a name of its own (支持甲市建设[国家乙研究院])."""
    return text.startswith(("国家", "中国"), i) and word_tags.get(text[i - 2:i]) in ("v", "vn")


# the characters that close a division's name, and a run of levels named together (县乡, 市县, 省市县乡)
_LEVEL_CLOSERS = frozenset("省市县区旗盟州")
_LEVEL_RUN = re.compile("[省市县区乡镇村]{2,}")

class OrgComposer:
    def __init__(self):
        self.organ_words = WordSet(organ_words())
        places = {k: v for k, v in place_entries().items() if len(k) >= 2}
        for w in LEVEL_WORDS:
            places.setdefault(w, ("LEVEL", w))
        self.prefixes = Lexicon(places)
        self.boundaries = WordSet(column("boundaries.tsv", "word"))
        # words that end in an organ but are none (大局, 招商会, 上市公司), by their last character
        self.not_organs: dict[str, tuple[str, ...]] = {}
        for w in column("not_organs.tsv", "word"):
            self.not_organs[w[-1]] = (*self.not_organs.get(w[-1], ()), w)
        # organs that name a kind when a place comes right before them (北京市学校, 自治区医院 are many)
        self.generic_bodies = set(column("generic_bodies.tsv", "word"))
        self.not_org_heads = tuple(r["head"] for r in load_table("name_heads.tsv") if r["label"] == "NONE")
        self.category_modifiers = CategoryWords.packaged()
        self.designations = WordSet(column("designation_kinds.tsv", "kind"))
        self.word_tags: dict[str, str] = {}  # the segmenter's dictionary, set by the component
        self.token_ends: set[int] | None = None
        self.barred: set[int] = set()
        self.after_function_word: set[int] = set()
        self.roles = WordSet([*column("person_titles.tsv", "title"), *_ROLE_WORDS])

    def _at_phrase_start(self, text: str, i: int) -> bool:
        """A level word opens a name only at the start of a phrase: after punctuation, a boundary
        word, a verb, preposition or conjunction (代表市科协, 就市科协), or right after another organ
        (市委市政府: 市政府)."""
        if i == 0 or not is_cjk(text[i - 1]):
            return True
        if self.boundaries.ending_at(text, i) is not None or i in self.after_function_word:
            return True
        if (self.token_ends is None or i in self.token_ends) \
                and any(self.word_tags.get(text[i - n:i]) == "v" for n in (4, 3, 2) if i >= n):
            return True  # 锚定省委确定的…: a verb of the dictionary that LAC took into an organization's span
            # (a word ends there: not 直辖 of 直辖市政府)
        return self.organ_words.ending_at(text, i) is not None and (self.token_ends is None or i in self.token_ends)

    def _organ_at(self, text: str, i: int) -> int:
        if i >= len(text):
            return 0
        for n in self.organ_words.by_first.get(text[i], ()):  # the lengths of organs starting with text[i]
            end = i + n
            if end <= len(text) and text[i:end] in self.organ_words and (
                    self.token_ends is None or end in self.token_ends):
                return end
        return 0

    def role_splits(self, text: str, starts, word_ends, ends: frozenset[int]) -> frozenset[int]:
        """Word ends, with the end of an organ added inside a word of the segmenter that joins it to a
        post (政协主席, 县委书记, 人大代表: one word each, so 自治区政协, 广丰县县委 and 省人大 ended no word)."""
        extra = set()
        for s, e in zip(starts, word_ends):
            for i in range(s, e - 2):  # words of three characters or more: an organ and a post
                organ = self.organ_words.starting_at(text, i, e - 1)
                if organ:
                    role = self.roles.starting_at(text, i + len(organ), e) \
                        or ("代表" if text.startswith("代表", i + len(organ)) else None)  # 人大代表: a deputy of it
                    if role and i + len(organ) + len(role) == e:
                        extra.add(i + len(organ))
        return ends | extra if extra else ends

    def __call__(self, text: str, token_ends: set[int] | None = None, barred: set[int] | None = None,
                 after_function_word: set[int] | None = None) -> list[Candidate]:
        """ORG candidates of ``text``. ``token_ends``: where words end (an organ must end a word:
        not 部 of 部署); ``barred``: where words start that a chained body's modifier cannot hold
        (verbs, person names, prepositions: 主席包钢作政府 is no body); ``after_function_word``: where
        words start that follow a verb, preposition or conjunction (a phrase starts there)."""
        # the word information of this text lives on a copy: the shared composer stays unchanged
        run = copy.copy(self)
        run.token_ends, run.barred, run.after_function_word = token_ends, barred or set(), after_function_word or set()
        return run._find(text)

    def _find(self, text: str) -> list[Candidate]:
        found = {}
        for s, e, (label, _key) in self.prefixes.find_all(text):
            is_level = label == "LEVEL"
            if is_level and (not self._at_phrase_start(text, s) or text.startswith("域", e)):
                continue  # 县域, 市域: the extent of a level, no body of one (县域快递物流中心)
            if not is_level and s and self.token_ends is not None and s not in self.token_ends \
                    and any(t in self.token_ends for t in range(s + 1, e)):
                continue  # 建成县域…中心: 成县 straddles the end of the word 建成, no place is named
            if not is_level and text[e - 1] in _LEVEL_CLOSERS and text[e - 1:e + 1] in self.word_tags \
                    and not self.organ_words.starting_at(text, e) and not self.organ_words.starting_at(text, e - 1):
                continue  # 和县域…中心: the division's level character opens a word with the next (县域), no 和县
                # (but an organ: 北京市委)
            run = _LEVEL_RUN.match(text, s) if is_level else None
            if run and run.end() > e and text[run.end() - 1:run.end() + 1] not in self.word_tags:
                continue  # 县乡综治中心, 市县托育…中心: a body at every level named, a kind (省市场监管局: 市场)
            if residents_at(text, e, self.word_tags) or residents_at(text, e + 1, self.word_tags):
                continue  # 海口市民去…: the people of a place, no body's name opens here
            end = self._compose(text, s, e, allow_empty=(not is_level) or text[s:e] in REGION_LEVELS)
            if end and text[s:end].endswith(self.not_org_heads):
                continue  # 北京科技创新中心: a development goal of a place, not a body
            if end and is_level and COUNTED_AFTER.match(text, end):
                continue  # 国家技术创新中心、…创新中心达到8家: a kind of body at a level, counted
            if end and text.startswith("梦", end):
                continue  # 圆了甲省学子大学梦: the dream of going to university, no university
            if end:
                # 中共湖南省委: the party's name before a committee is part of its formal name
                start = s - 2 if text.startswith("中共", s - 2) and s >= 2 else s
                found[(start, end)] = Candidate(start, end, "ORG", "org")
        return list(found.values())

    def _compose(self, text: str, s: int, e: int, allow_empty: bool) -> int:
        """End of the shortest organ name after prefix text[s:e], extended by chained organs; 0 if none."""
        limit = min(len(text), e + _MAX_FUND_MODIFIER + 1)
        for k in range(e, limit):
            if text[k] in NAME_STOP and (not is_cjk(text[k]) or self._alone(k)):
                return 0  # 与 of 参与 is no conjunction
            end = self._organ_at(text, k)
            if not end:
                continue
            fund = text[k:end].endswith("基金")
            if k - e > _MAX_MODIFIER and not fund:
                return 0
            if self.roles.ending_at(text, end, s):
                continue  # 省委常委: a post, not an organ
            modifier = text[e:k]
            if any(w in modifier for w in _GENERIC) or any(w in text[s:k] for w in SUBORDINATE) or (
                    text[k:end] not in _NAMED_BY_PURPOSE and any(i in self.barred for i in range(e, k))):
                return 0  # 北京建设全国科技创新中心: a verb in the modifier, no name (欧洲科学参与协会 is one)
            if any(national_object_at(text, i, self.word_tags) for i in range(e + 2, k)):
                return 0  # 甲市建设国家乙研究院: a verb before a national level word, which opens the object's name
                # (LAC read the whole as one word, so no verb bars it)
            if modifier in self.category_modifiers and not fund:
                return 0  # 自治区专科区域医疗中心, 省级示范性中心: a kind of body
            if k and text.startswith("中小学", k - 1):
                return 0  # 北方农村中小学: the schools of two levels, a kind
            if not modifier and text[k:end] in self.generic_bodies:
                continue  # 北京市学校: the schools of a place, not one school
            if end - k == 1 and end < len(text) and text[end] in "门分长级属员":
                continue  # 部门, 局长, 厅级, 委员
            if self._not_organ(text, k, end):
                continue  # 大局, 干部, 招商会: a word that ends in the organ is none
            if (not modifier and not allow_empty) or modifier in _LEVELISH:
                if not modifier and not allow_empty:
                    continue
                return 0
            # a single-character organ (厅, 局, 部) needs a modifier: 自治区科技厅, not 自治区部;
            # 委 right after a place or level word is its party committee (省委, 市委, 江西省委)
            if end - k == 1 and not modifier and text[k] != "委":
                continue
            return self._chain(text, end)
        return 0

    def _not_organ(self, text: str, k: int, end: int) -> bool:
        """A word of not_organs.tsv longer than the organ [k, end) ends where it ends (大局, 招商会, 上市公司)."""
        return any(len(w) > end - k and text.startswith(w, end - len(w)) for w in self.not_organs.get(text[end - 1], ()))

    def _alone(self, k: int) -> bool:
        """The character at ``k`` is a word by itself (no word information: assume so)."""
        ends = self.token_ends
        return ends is None or ((k in ends or k == 0) and k + 1 in ends)

    def _new_name_at(self, text: str, i: int) -> bool:
        """A place or level word opens a name of its own at ``i`` (省委省政府: 省政府)."""
        return any(True for _ in self.prefixes_at(text, i))

    def prefixes_at(self, text: str, i: int):
        for length in self.prefixes.lengths:
            if text[i:i + length] in self.prefixes.entries:
                yield length

    def _role_follows(self, text: str, end: int) -> bool:
        return text.startswith(_ROLES, end)

    def _chain(self, text: str, end: int) -> int:
        while True:
            if self._new_name_at(text, end) or self.designations.starting_at(text, end):
                return end  # (甲医院国家医学中心: the designation the hospital holds is no body under it)
            nxt = self._organ_at(text, end)
            if nxt and nxt - end >= 2:
                if text[end:nxt] in _ROLE_TAKERS and self._role_follows(text, nxt):
                    return end  # 市科协党组书记: the role of 市科协
                if text[end:nxt] in PEER_ORGANS and text[end - 2:end] in PEER_ORGANS:
                    return end  # 自治区人大政协: two bodies of one level, the second's level elided; none under the other
                end = nxt
                continue
            m = _NUMBERED_BODY.match(text, end)
            if m and m.group(0).endswith(("委员会", "常委会", "理事会")):
                end = m.end()
                continue
            body = self._chained_body(text, m.end() if m else end)
            if body:
                end = body
                continue
            return end

    def _chained_body(self, text: str, i: int) -> int:
        """End of a body named by a modifier and an organ of two or more characters right at ``i``
        (社会工委 after 市委, 乡村振兴工作委员会 after 市科协第九届常委会); 0 if none."""
        for k in range(i + 1, min(len(text), i + _MAX_CHAINED_MODIFIER + 1)):
            c = text[k - 1]
            if c in NAME_STOP or not is_cjk(c) or self.boundaries.ending_at(text, k, i) or (k - 1) in self.barred \
                    or (k - 1 == i and self._new_name_at(text, i)):
                return 0
            end = self._organ_at(text, k)
            if end and (end - k >= 2 or text[k] in "委部"):
                if end < len(text) and text[end] in "门分长级属员":
                    continue
                if self._not_organ(text, k, end):
                    return 0  # 北京证券交易所上市公司: the listed companies, a kind, no body under the exchange
                if any(w in text[i:k] for w in _GENERIC) or text[i:k] in _LEVELISH:
                    return 0
                if text[k:end] in _ROLE_TAKERS and self._role_follows(text, end):
                    return 0
                if self.roles.ending_at(text, end, i):  # 九届常委: a post, not a body
                    return 0
                return end
        return 0


# A body's branch in a place: the body, the place, a short modifier and a head (国家技术转移郑州中心,
# 中国农科院江苏创新基地, 怀柔国家实验室内蒙古基地, 北京大学深圳研究生院).
_BRANCH_HEAD = re.compile(r"[\u4e00-\u9fff]{0,10}?(?:分中心|分院|分所|分馆|分校|研究生院|研究院|研究所|学院|中心|基地|平台|[化物生医农工]所)")
# a national body's branch for a region of the country (国家技术转移中部中心, 国家药械审评检查西南分中心): 国家, its
# subject and a macro-region or a direction of the country before 中心 or 分中心
_NATIONAL_REGION_BRANCH = re.compile(r"国家(?!级)[\u4e00-\u9fff]{2,12}?(?:东部|中部|西部|南方|北方|东北|西南|西北|华中|华东|华南|华北)"
                                     r"分?中心")
# a subject's two fields joined inside a branch's name (东莞材料科学与技术研究所): no stop there
_BRANCH_JOINERS = frozenset("与和")
# a national body named by its subject before the place: 国家 + two to eight characters (国家超算深圳中心)
_NATIONAL_BODY = re.compile(r"(?:[\u4e00-\u9fff]{2})?国家(?!级)[\u4e00-\u9fff]{2,8}$")


# A department of a national body, right after the body's name: 教育部社科司, 中宣部文艺局, 外交部礼宾司
_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:司|局|厅|研究室|办公室)")


def departments(text: str, found: list[Candidate], token_ends: set[int], barred: set[int],
                word_tags) -> list[Candidate]:
    """Departments of a body known by name, one ORG with it (教育部社科司, 广电总局电影局): a short
    subject and a department's head right after the body, ending a word; no 等, no generic subject
    (有关司局), no verb after the body, and a head that is no part of a common word (党中央统揽全局: 局 of 全局)."""
    out = []
    for c in found:
        if c.label != "ORG" or c.source != "gazetteer":
            continue
        m = _DEPARTMENT.match(text, c.end)
        if m is None or m.end() not in token_ends or any(ch in NAME_STOP for ch in m.group()) \
                or m.group().startswith(_GENERIC) or c.end not in token_ends or c.end in barred \
                or text[m.end() - 2:m.end()] in word_tags:
            continue
        out.append(Candidate(c.start, m.end(), "ORG", "org"))
    return out


# A unit of a university, institute or hospital known by its short name, right after it: 哈工大先研院,
# 兰大二院, 中国地科院物化探所, 北大深圳医院 (the short name alone would cut the unit's name)
_ACADEMIC_UNIT = re.compile(r"[一二三四五六七八九]院|附属[\u4e00-\u9fff]{0,4}医院"
                            r"|[\u4e00-\u9fff]{1,4}?(?:研究院|研究所|研院|学院|医院|中心|所)")


def academic_units(text: str, found: list[Candidate], token_ends: set[int], bodies: frozenset[str],
                   designations: WordSet | None = None) -> list[Candidate]:
    """A unit right after a university, institute or hospital known by name (``bodies``: the names of
    ``academic_bodies.tsv``), one ORG with it: the unit ends a word and holds no stop. A national designation
    there (``designations``: 甲医院国家医学中心) is what the body holds, no unit of it."""
    out = []
    for c in found:
        if c.label != "ORG" or c.source != "gazetteer" or text[c.start:c.end] not in bodies \
                or (designations is not None and designations.starting_at(text, c.end)):
            continue
        m = _ACADEMIC_UNIT.match(text, c.end)
        if m is None or m.end() not in token_ends or any(ch in NAME_STOP for ch in m.group()):
            continue
        out.append(Candidate(c.start, m.end(), "ORG", "org"))
    return out


# a campus of a hospital, a university, an institute or a national medical centre, named by its place after the body
# (甲医院乙院区, 甲大学乙校区, 甲医院国家医学中心乙院区, 甲附院乙院区)
_CAMPUS = re.compile(r"([\u4e00-\u9fff]{2,3}?)(院区|校区|分院|分校|医院)")
_CAMPUS_OWNERS = ("院", "大学", "中心", "所")
# tags of the dictionary that make the words before 院区 or 校区 a kind of campus, no name (新院区, 主校区, 多院区)
_CAMPUS_KIND_TAGS = frozenset(("a", "ad", "an", "b", "d", "m", "v", "vn", "f"))
# tags of function words: one inside the words before 院区 or 分院 says the sentence goes on (科学院或者省分院)
_FUNCTION_TAGS = frozenset(("c", "p", "u", "d", "r"))


def campuses(text: str, found: list[Candidate], token_ends: set[int], word_tags) -> list[Candidate]:
    """A campus or a branch of a hospital or a university found as an organization, named after it, is one ORG
    with it (甲医院乙院区, 甲大学乙校区, 甲医院乙分院; 甲医院乙医院 where 乙 is a place found: the hospital's branch
    there): the campus's name, two or three characters, is no word of kind (新, 东, 多) and the campus ends a word."""
    out = []
    places = {(c.start, c.end) for c in found if c.label == "PLACE"}
    for c in found:
        if c.label != "ORG" or not text.endswith(_CAMPUS_OWNERS, c.start, c.end):
            continue
        m = _CAMPUS.match(text, c.end)
        if m is None or m.end() not in token_ends or any(ch in NAME_STOP for ch in m.group()) \
                or word_tags.get(m.group(1), "ns") in _CAMPUS_KIND_TAGS or m.group(1)[0] in "新老多主分各" \
                or (m.group(2) == "医院" and (c.end, m.end(1)) not in places) \
                or any(word_tags.get(m.group(1)[k:k + 2]) in _FUNCTION_TAGS for k in range(len(m.group(1)) - 1)):
            continue
        out.append(Candidate(c.start, m.end(), "ORG", "org"))
    return out


def branches(text: str, found: list[Candidate], token_ends: set[int], barred: set[int],
             aliases: frozenset[str], companies: frozenset[str] = frozenset()) -> list[Candidate]:
    """Branches of a body in a place, one ORG from the body to the head: a known organization or
    国家 + subject, then a place, at most four characters, and a head of a branch (中心, 基地, 分院 …); and a
    national body's branch for a region of the country (国家技术转移中部中心).
    ``barred``: where verbs and function words start; ``aliases``: two-character place names, which
    may open a national body's name (怀柔国家实验室); ``companies``: the names of companies, whose bases
    in a place are plants, no bodies (海信长沙综合生产基地: the company and the place)."""
    bodies: dict[int, int] = {}
    for c in found:  # the longest body ending there (中国原子能院, not 原子能院 within it)
        if c.label == "ORG":
            bodies[c.end] = min(c.start, bodies.get(c.end, c.start))
    out = []
    for p in found:
        if p.label != "PLACE" or p.source != "gazetteer":
            continue
        start = bodies.get(p.start)
        if start is None:
            m = _NATIONAL_BODY.search(text, max(0, p.start - 12), p.start)
            if m is None or any(ch in NAME_STOP for ch in m.group()):
                continue
            start = m.start() + m.group().index("国家")
            if m.start() < start and (m.start() in token_ends or m.start() == 0) and start in token_ends \
                    and (text[m.start():start] in aliases or m.start() not in barred):
                start = m.start()  # 怀柔国家实验室, 金砖国家…中心: a place or a noun before 国家 is in the name
        head = _BRANCH_HEAD.match(text, p.end)
        if head is None or head.end() not in token_ends or any(ch in NAME_STOP and ch not in _BRANCH_JOINERS
                                                                for ch in head.group()):
            continue
        if len(head.group()) > 6 and any(i in barred for i in range(head.start(), head.end() - 2)):
            continue  # a verb inside a long modifier: the sentence goes on, no branch's name
        if head.group().endswith("基地") and text[start:p.start] in companies:
            continue  # a company's base in a place is a plant (its research centre there is a body of it)
        out.append(Candidate(start, head.end(), "ORG", "org"))
    for m in _NATIONAL_REGION_BRANCH.finditer(text):
        if (m.start() == 0 or m.start() in token_ends) and m.end() in token_ends and m.start() + 2 not in barred:
            # (国家支持…: a verb right after 国家 makes it the clause's subject, no body's name)
            out.append(Candidate(m.start(), m.end(), "ORG", "org"))
    return out


# tags of the words after a company's line of business that say the name has ended: the clause goes on with a
# verb or an adverb (京东消费金融稳健运营, 中粮油脂年产…), or punctuation
_AFTER_LINE_TAGS = frozenset(("v", "vd", "vn", "ad", "d", "p", "w"))
# lines of business that modify the verb of a product after them as often (铁建重工智能掘进装备): no subsidiary
_PRODUCT_MODIFIERS = frozenset(("智能",))


def company_lines(text: str, found: list[Candidate], token_ends: set[int], w: Words,
                  companies: frozenset[str], kinds: WordSet) -> list[Candidate]:
    """A company known by name or short form and a line of business right after it (company_kinds.tsv), ending a
    word, before a verb, an adverb or punctuation: its subsidiary in that line, one ORG (中粮油脂年产…,
    京东消费金融稳健运营). Before a noun the line is what the company makes (中车新能源电驱系统, 华为智能生活馆) and
    nothing is added; nor before 、 (甲新能源、乙…: a list of what is made)."""
    out = []
    after_line: set[int] | None = None  # where such words start, found only for a text with a company's line
    for c in found:
        if c.label != "ORG" or text[c.start:c.end] not in companies:
            continue
        kind = kinds.starting_at(text, c.end)
        if not kind or kind in _PRODUCT_MODIFIERS:
            continue
        end = c.end + len(kind)
        if after_line is None:
            after_line = w.starts_of(_AFTER_LINE_TAGS)
        if end in token_ends and (end >= len(text) or end in after_line) and text[end:end + 1] != "、":
            out.append(Candidate(c.start, end, "ORG", "org"))
    return out


@Language.factory("kg_organizations", assigns=["doc._.kg_candidates"], requires=["doc._.kg_norm"])
def make_organizations(nlp: Language, name: str):
    """Recognize ORG candidates composed of place or level + modifier + organ."""
    composer = OrgComposer()
    word_tags = getattr(nlp.tokenizer, "word_tags", None) or {}
    composer.word_tags = word_tags
    # two-character names and short names of divisions, counties' included (怀柔, 崂山)
    aliases = frozenset(n for n in divisions().by_name if len(n) == 2)
    academic = frozenset(r["name"] for r in load_table("academic_bodies.tsv"))
    companies = frozenset(company_names())
    kinds = WordSet(column("company_kinds.tsv", "kind"))
    # companies by name and central enterprises by their bare short forms (中粮, 华能), joined once
    companies_and_shorts = companies | frozenset(column("enterprise_shorts.tsv", "name"))

    def component(doc: Doc) -> Doc:
        w = words(doc)
        text = doc._.kg_norm.text
        token_ends = composer.role_splits(text, w.starts, w.ends, w.end_set)
        barred = w.starts_of(_BARRED_TAGS)
        after = w.starts_after(_PHRASE_OPENING_TAGS)
        candidates.add(doc, composer(text, token_ends, barred, after))
        candidates.add(doc, branches(text, doc._.kg_candidates or [], token_ends, barred, aliases, companies))
        candidates.add(doc, departments(text, doc._.kg_candidates or [], token_ends, barred, word_tags))
        candidates.add(doc, academic_units(text, doc._.kg_candidates or [], token_ends, academic,
                                               composer.designations))
        candidates.add(doc, campuses(text, doc._.kg_candidates or [], token_ends, word_tags))
        candidates.add(doc, company_lines(text, doc._.kg_candidates or [], token_ends, w, companies_and_shorts, kinds))
        return doc

    return component
