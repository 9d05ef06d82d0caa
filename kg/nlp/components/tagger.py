"""The LAC tagger as a spaCy component: part-of-speech tags, and PER/LOC/ORG candidates.

LAC's spans are not trusted as they come: on this genre it glues verbs and
conjunctions to names (通辽市科协征集, 联合人社厅, 锡林郭勒盟将科技馆) and calls
categories organizations (科协, 区直). Each span is trimmed and checked by rules
before it becomes a candidate, with the lowest priority of all sources; its
part-of-speech tags go on the tokens (``token.tag_`` = LAC tag, ``token.pos_`` = UD).
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from bisect import bisect_right

import numpy
from spacy.attrs import POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc

from .. import candidates
from ..candidates import Candidate
from ..lac import LacTagger
from ..text import LEADING_VERB_TAGS, LIST_CLOSE, CategoryWords, Lexicon, WordSet, is_cjk, list_items
from ...data import column, company_names, country_names, division_names, load_table, organ_words, organization_rows
from .gazetteer import PLACE_VERBS, country_forms, is_country_run, place_entries
from .names import COUNTED_AFTER
from .organizations import PEER_ORGANS, REGION_LEVELS, SUBORDINATE, national_object_at
from .persons import TITLES_BEFORE
from ...places import divisions

_COORD = re.compile(r"[和与及、并]")
_CHUNK = re.compile(r"[^。！？!?\n]+[。！？!?]*")
_PLACE_SUFFIX = ("省", "市", "县", "区", "旗", "盟", "州", "国")
_LOCALITY_SUFFIX = ("镇", "乡", "村")
# dictionary tags of a common stem: nouns, place words (城中), adjectives and verbs
_KIND_STEM_TAGS = ("n", "s", "a", "v", "vn")
# areas named by what they hold, not by a place: with no place in its modifier such a name is a kind (零碳园区)
_KIND_AREAS = ("园区", "片区", "街区", "校区", "厂区", "矿区", "城区", "功能区", "集聚区", "湾区")  # 湾区: a bay area, any; 大湾区 is named
# heads of parks and zones that LAC reads with a name of their own before them (甲乙中央公园, 甲乙港区, 甲乙合作区,
# 甲乙新城)
_NAMED_AREA_HEADS = ("公园", "港区", "合作区", "航空港", "新城")
_VERBAL = ("v", "vd", "vn", "a", "ad", "d")
_DIRECTION_START = re.compile(r"^[东南西北中][部方]")
# jieba dictionary tags of common words: a span LAC calls a name but the dictionary knows as one
# of these (严明 a, 陈规陋习 i, 利益集团 n) is a word, not a name.
_NAME_TAGS = ("ns", "nr", "nrt", "nrfg")
_WORD_TAGS = ("a", "ad", "an", "d", "i", "j", "l", "n", "v", "vn", "vd", "z", "c", "p", "u", "r", "m")
_LEVEL_ONLY = re.compile(r"^(?:[盟市旗县区乡镇村苏木嘎查街道社区州地]|各级|全国|全区|全省)+$")
_GENERIC_ORG_START = ("企业", "高校", "各级", "各类", "区直", "省直", "市直", "全国", "基层", "有关", "相关", "该", "本")
# what ends an item of a list right after it (甲、乙等): the item is the whole short form, not the start of a longer name
_ITEM_ENDS = frozenset("、等和及与")
# words that open the name of a national body (中央银行, 国家统计局, 全国总工会)
_NATIONAL_OPENERS = ("中央", "国家", "全国", "中国")
# two bodies a level has side by side written together (人大政协, 党委政府): one never sits under the other
_PEER_PAIR = re.compile("(?:{0})(?={0})".format("|".join(PEER_ORGANS)))
# words of wellbeing a blessing pairs with another (人民幸福安康, 富足安康): the other is no place
_WISHES = frozenset(("幸福", "富足", "富裕", "平安", "健康", "吉祥"))
# tags of the dictionary's names: a word with one of them in a firm's modifier is its own name (招商, 民生 are not)
_PROPER_TAGS = frozenset(("nr", "nrt", "nrfg", "ns", "nt", "nz", "j"))
# the organs of firms, before which words of ownership or charter make a kind of firm (firm_kinds.tsv)
_FIRM_ORGANS = frozenset(("银行", "公司", "集团", "企业"))
# Organs that name an organization on their own, without a place before them (伊利集团, 华为技术有限公司).
_STANDALONE = ("大学", "学院", "学校", "集团", "公司", "医院", "研究院", "研究所", "科学院", "工程院", "银行",
               "出版社", "报社", "电视台", "博物馆", "纪念馆", "科技馆", "基金会", "协会", "学会", "研究会", "联合会", "展览馆")


class LacRepair:
    """Trim and check LAC's PER, LOC and ORG spans."""

    def __init__(self, word_tags: dict[str, str] | None = None):
        self.word_tags = word_tags if word_tags is not None else {}
        self.surnames = set(column("surnames.tsv", "surname"))
        self.common_surnames = set(column("surnames.tsv", "surname", where=("common", "1")))
        self.translit = set("".join(column("transliteration_chars.tsv", "chars")))
        self.foreign_chars = self.translit | set("".join(column("western_name_chars.tsv", "chars")))
        self.organs = WordSet(organ_words())
        # words that end in an organ but are none (全局, 布局, 招商会): no body's name ends with one
        self.not_organs = tuple(column("not_organs.tsv", "word"))
        self.company_kinds = WordSet(column("company_kinds.tsv", "kind"))
        self.designations = WordSet(column("designation_kinds.tsv", "kind"))
        # provinces by name and short name (辽宁省, 辽宁)
        self.province_names = frozenset(n for r in load_table("places.tsv") if r["level"] == "province"
                                        for n in (r["name"], *r["aliases"].split("|")) if n)
        # central enterprises by bare short forms, read so only where they open a project of a list
        self.enterprise_shorts = WordSet(column("enterprise_shorts.tsv", "name"))
        # the head words of organs (中心, 大学, 研究院), two characters or more, no names of bodies (民革)
        self.head_organs = WordSet([w for w in column("organs.tsv", "organ") if len(w) >= 2])
        # posts written after an organization: its name ends before them (市科协九届常委 -> 市科协)
        # every division name and alias, county short names too (两当, 泾川): LAC reading one as a place is
        # the evidence the gazetteer alone lacks
        self.division_names = division_names()
        # two-character county short names: left to the gazetteer, which knows the report's province
        self.county_shorts = {a for r in load_table("places.tsv") if r["level"] == "county"
                              for a in r["aliases"].split("|") if len(a) == 2}
        # the division table: a county right after its own city is the place of a project too (长沙宁乡)
        self.divisions = divisions()
        self.place_heads = tuple(r["head"] for r in load_table("place_heads.tsv"))
        self.long_place_heads = Lexicon({h: h for h in self.place_heads if len(h) >= 2})
        # heads of programs of two characters or more (经济走廊, 专项行动): a name right before one is its modifier
        self.program_heads = tuple(r["head"] for r in load_table("name_heads.tsv")
                                   if r["label"] == "PROGRAM" and len(r["head"]) >= 2)
        # first characters of the names of provinces and prefecture-level cities (兰 of 兰州, 张 of 张掖)
        self.city_initials = {r["name"][0] for r in load_table("places.tsv") if r["level"] in ("province", "prefecture")}
        self.title_words = set(column("person_titles.tsv", "title"))
        # titles and posts written after a name or before it (persons.py reads the same lists)
        self.person_titles = WordSet([*self.title_words, *TITLES_BEFORE])
        self.category_modifiers = CategoryWords.packaged()
        self.generic_bodies = set(column("generic_bodies.tsv", "word"))
        self.firm_kinds = tuple(column("firm_kinds.tsv", "word"))
        self.province_short_chars = set(column("province_shorts.tsv", "short"))
        self.country_shorts = country_forms()
        self.countries = tuple(n for n in country_names() if len(n) >= 2)
        # organizations known by name (比亚迪, 中石化): the gazetteer finds them; a longer span around one is LAC's
        self.known_orgs = Lexicon({r["name"]: r["name"] for r in organization_rows() if len(r["name"]) >= 2})
        self.known_companies = frozenset(company_names())
        self.short_chars = self.province_short_chars | self.country_shorts
        self.not_org_heads = tuple(r["head"] for r in load_table("name_heads.tsv") if r["label"] == "NONE")
        self.roles = WordSet([*column("person_titles.tsv", "title"), *_ROLE_WORDS])
        self.boundaries = WordSet(column("boundaries.tsv", "word"))
        self.places = Lexicon({k: v for k, v in place_entries().items() if len(k) >= 2})
        self.prefixes = Lexicon({**{k: v for k, v in place_entries().items() if len(k) >= 2},
                                 **{w: ("LEVEL", w) for w in REGION_LEVELS}})

    def is_word(self, name: str) -> bool:
        """The dictionary knows ``name`` as a common word (not a name)."""
        return self.word_tags.get(name, "") in _WORD_TAGS

    def person(self, text: str, s: int, e: int) -> Candidate | None:
        name = text[s:e]
        tag = self.word_tags.get(name)
        if self.is_word(name) or (tag in ("nt", "ns") and not (
                name not in self.division_names and name not in self.places.entries and self._person_context(text, s, e))):
            return None  # a common word, or a word the dictionary knows as an organization or a place (but a
            # title before a name the dictionary mistakes for a place says a person: 俄罗斯总统普京)
        if not 2 <= len(name) <= 8 or not all("\u4e00" <= c <= "\u9fff" or c == "·" for c in name):
            return None
        if name[-1] in _NOT_NAME_END:
            return None  # 林长制, 武张段: a system, a section of a line
        if len(name) == 3 and text[s - 1:s] in ("对", "向", "为") and self.word_tags.get(name[1:]) in ("a", "ad", "v", "vd"):
            return None  # 对党忠诚: a preposition's object (党) and a quality or act of it, no person surnamed 党
        if name[0] == "段" and any(text[max(0, s - n):s] in self.places.entries for n in (2, 3, 4)):
            return None  # 黄河山东段安澜: a place's section (段), then a word, no person surnamed 段
        if text.startswith(self.place_heads, e):
            return None  # 徐大堡核电, 卢沟桥…: a facility's head after it makes the name a place's
        if text.startswith(self.program_heads, e):
            return None  # 沈大经济走廊: cities' initials before a program's head, no person
        if len(set(name)) == len(name) and all(c in self.province_short_chars for c in name):
            return None  # 苏浙皖: provinces by their short names, not a person
        if name[1:] in self.title_words or name[2:] in self.title_words:
            return None  # 马书记: a surname with a title is no name (guidelines)
        if len(name) == 2 and name[1] in _HONORIFICS or name[1:2] in _HONORIFICS and not name[:2] in self.surnames:
            return None  # 任老, 马书记: a surname with an honorific is no name (guidelines)
        if name.endswith("·") or (s and text[s - 1] == "“" and text[e:e + 1] == "”"):
            return None  # “马超”: a quoted word alone is a name of a thing, not of a person
        # LAC's reading is kept where a surname, the dictionary (nr) or the look of a transliteration
        # supports it (郎平, 普京: LAC and the dictionary); a name with none of them (湖湘, 兰张) is none
        if len(name) == 2 and name[0] in _PREPOSITION_SURNAMES and not self._person_context(text, s, e):
            return None  # 向海发展、向海图强: 向 "towards" before a noun, no surname here without a title
        if name in self.division_names and not self._person_context(text, s, e):
            return None  # 林芝, 柳林: a division's name, no person without a title or speech beside it
        if self._among_things(text, s, e) and not self._person_context(text, s, e):
            return None  # 蔬菜、中药材、林竹等: an item of a list whose other items are common words is no person
        if s and text[s - 1] not in "“" and is_cjk(text[s - 1]) and self._in_short_quote(text, s, e) \
                and not self._person_context(text, s, e):
            return None  # “宜荆荆恩”: a quoted coinage LAC cut in the middle, no person
        if any(text[max(0, s - n):s] in self.division_names for n in (2, 3, 4)) and self._noun_follows(text, e) \
                and not self._person_context(text, s, e):
            return None  # 甲市乙丙基板玻璃: a name between its city and a product is a company's brand, no person
        if len(name) == 2 and self.word_tags.get(name[1]) == "n" and self._noun_follows(text, e) \
                and not self._person_context(text, s, e):
            return None  # 集体林权制度, 林草覆盖率: a character and a noun before a noun compound, no person
        has_surname = name[:1] in self.common_surnames or name[:2] in self.common_surnames
        # a rarer surname only with a three-character name (鲍晓芹): two or four characters with one
        # are as often abbreviations of places (兰张, 金白兰武 for railways and regions)
        rare_surname = len(name) == 3 and (name[:1] in self.surnames or name[:2] in self.surnames)
        if (has_surname and len(name) <= 4) or rare_surname or (tag or "").startswith("nr") or "·" in name \
                or (len(name) >= 2 and all(c in self.translit for c in name)) \
                or (len(name) >= 4 and all(c in self.foreign_chars for c in name)):
            return Candidate(s, e, "PERSON", "lac")
        # otherwise LAC is kept where the context says a person: a title or post right before the
        # name (墨西哥总统塞迪略, 本报记者艾笑) or right after it (塞迪略总统, 小平同志), or a verb of
        # speech (卡林顿在唁电中说: 说 within the clause). In reports, LAC's names without a surname are
        # mostly coinages (康养, 奋楫, 正风肃纪) or places by their initials (兰张, 郑开)
        if len(name) <= 6 and not all(c in self.city_initials for c in name) and self._person_context(text, s, e):
            return Candidate(s, e, "PERSON", "lac")
        return None

    def _noun_follows(self, text: str, e: int) -> bool:
        """A noun of the dictionary (two to three characters, tagged n) starts right after ``e``."""
        return any(self.word_tags.get(text[e:e + n]) == "n" for n in (3, 2))

    def _among_things(self, text: str, s: int, e: int, loose: bool = False) -> bool:
        """[s, e) is an item of a list (、) one of whose other items is a common word of the dictionary;
        ``loose``: the first item may carry the clause's verb and the last a word closing the list."""
        if text[s - 1:s] != "、" and text[e:e + 1] != "、":
            return False
        clause_start = max(text.rfind(c, 0, s) for c in "，。；：！？\n") + 1
        m = _CLAUSE_END.search(text, e)
        clause = text[clause_start:m.start() if m else len(text)]
        items = [x for x in re.split(r"[、和及与]|等.*$", clause) if x]
        for n, x in enumerate(items):
            if x == text[s:e]:
                continue
            # the first item may carry the clause's verb (做好民族), the last a word closing the list (档案工作)
            parts = [x] + ([x[-k:] for k in (2, 3, 4) if len(x) > k] if loose and n == 0 else []) \
                + ([x[:k] for k in (2, 3, 4) if len(x) > k] if loose and n == len(items) - 1 else [])
            if any(self.word_tags.get(p) in ("n", "vn") for p in parts):
                return True
        return False

    @staticmethod
    def _in_short_quote(text: str, s: int, e: int) -> bool:
        """[s, e) sits inside a short quoted string with other characters (“宜荆荆恩”)."""
        q = text.rfind("“", max(0, s - 6), s)
        return q >= 0 and "”" not in text[q:s] and "”" in text[e:e + 6] and "，" not in text[q:e + 6]

    def _person_context(self, text: str, s: int, e: int) -> bool:
        if self.person_titles.ending_at(text, s, max(0, s - 5)) or self.person_titles.starting_at(text, e):
            return True
        clause = _CLAUSE_END.search(text, e)
        return bool(_SAYS.match(text, e, clause.start() if clause else len(text)))

    def short_place(self, text: str, s: int) -> Candidate | None:
        """LAC's one-character place: a province's or a country's short form where a word of place or a
        list sets it off (在京, 访美, 对台, 援藏援疆, 俄与北约, 京、沪两地); inside words the segmenter
        joins them to (访美, 在京), so the word boundaries cannot tell."""
        c = text[s]
        if c not in self.short_chars:
            return None
        before, after = text[s - 1:s], text[s + 1:s + 2]
        if before in PLACE_VERBS or before == "、" or after in "、与和" or after in self.short_chars:
            return Candidate(s, s + 1, "PLACE", "lac")
        return None

    def place(self, text: str, s: int, e: int) -> Candidate | None:
        name = text[s:e]
        if is_country_run(name, self.country_shorts) and name not in self.division_names:
            return None  # 欧美, 中美: countries by their forms, each a place (the gazetteer's runs)
        if self._in_saying(text, s, e):
            return None  # 长治久安, 宗教中国化, 幸福安康: a place's name inside a saying or a word, no place
        if e - s == 2 and text[s - 1:s] == "入" and text[s] in _WATER_SHORTS and text[e - 1] == "口":
            return None  # 支流入黄口, 入江口, 入海口: where a river enters the Yellow River, the Yangtze, the sea
        if name in self.division_names and (len(name) > 2 or name not in self.county_shorts):
            return Candidate(s, e, "PLACE", "lac")  # LAC and the gazetteer agree
        if name.startswith("环") and len(name) >= 3 and name[1:] in self.places.entries:
            return Candidate(s + 1, e, "PLACE", "lac")  # 环巢湖: around the lake, the lake is the place
        hits = list(self.places.finditer(name))
        if hits and hits[0][0] == 0 and hits[0][1] == len(name) - 1 and self.word_tags.get(name) == "ns":
            return Candidate(s, e, "PLACE", "lac")  # 北海道: the dictionary's place, not 北海 and a character
        if hits and hits[0][0] == 0 and hits[0][1] < len(name):  # 锡林郭勒盟将科技馆 -> 锡林郭勒盟
            if self._in_saying(text, s, s + hits[0][1]):
                return None  # LAC's one word is a saying that opens with a place's name (长治久安)
            return Candidate(s, s + hits[0][1], "PLACE", "lac")
        if hits and hits[0][:2] == (0, len(name)) and (name in self.division_names or not self.is_word(name)):
            # LAC and the gazetteer agree: 包头, 通辽 (not the verb 包头), a region or feature (亚太 in 亚太经济,
            # which the segmenter joins into one word)
            return Candidate(s, e, "PLACE", "lac")
        head = next((h for h in _NAMED_AREA_HEADS if name.endswith(h)), None)
        if head and not hits and self._coined_modifier(name[:-len(head)]):
            return Candidate(s, e, "PLACE", "lac")  # 甲乙中央公园, 甲乙合作区: a park or zone named by a word of its own
        if name.endswith(self.place_heads + _KIND_AREAS) and not hits:
            return None  # 产业集聚区, 5A级景区, 零碳园区: a kind of zone, no place named
        if self.is_word(name) or _DIRECTION_START.match(name):
            return None
        if len(name) >= 3 and name.endswith(_LOCALITY_SUFFIX) and self.word_tags.get(name[:-1], "") in _KIND_STEM_TAGS:
            return None  # 中心镇, 城中村: a kind of town or village named by a common word (real ones: localities)
        if len(name) >= 3 and name.endswith(_PLACE_SUFFIX) and not _LEVEL_ONLY.match(name) \
                and name[0] not in _NOT_NAME_START:  # 浮山以下段行洪区: 段 closes what comes before
            if name.endswith("县") and name not in self.division_names and name[:-1] not in self.division_names:
                return None  # 普惠县, 海岛县: every county is in the division table (a former county, 松江县,
                #              by the name of the district it became); another X县 is a kind
            if self.is_word(name[:-1]) or (e < len(text) and text[e].isdigit()):
                return None  # 直管县, 普惠县26个: a kind of county named by a common word, or counted
            first_is_word = self.word_tags.get(name[0], "ns") not in _NAME_TAGS + ("ns", "nz")
            if (first_is_word and name[1:] in self.word_tags) \
                    or any(self.is_word(name[:k]) and name[k:] in self.word_tags for k in range(2, len(name) - 1)):
                return None  # 海绵城市: a kind of area built of common words, no division's name
            return Candidate(s, e, "PLACE", "lac")
        # otherwise LAC is trusted where the dictionary knows the word as a place too (荷兰, 欧洲)
        if name.startswith(_DEICTIC) or _LEVEL_ONLY.match(name) or not all(is_cjk(c) or c == "·" for c in name):
            return None
        # otherwise LAC is trusted where the dictionary knows the word as a name: a place (荷兰, 欧洲)
        # or a name of three or more characters it takes for a person's (波士顿, 吉隆坡, 徐家汇,
        # 嘉陵江; two-character ones are as often words: 惠民, 崇德). A word it lacks is left out: in
        # reports LAC reads coinages and abbreviations as places (零碳, 沙戈, 农批)
        tag = self.word_tags.get(name)
        if name in _SHORE_WORDS and _SHORE_AFTER.match(text, e):
            return None  # 滨江岸线, 滨海城市带, 热带滨海城市: "by the river, by the sea", no district 滨江 or county 滨海
        if (len(name) >= 2 and tag == "ns") or (len(name) >= 3 and tag in _NAME_TAGS):
            return Candidate(s, e, "PLACE", "lac")
        # a city by its first character and 市, a word the dictionary lacks (蒙市 for Montreal, 洛市)
        if len(name) == 2 and tag is None and name[1] == "市" and is_cjk(name[0]) and name[0] not in _NOT_CITY_INITIAL:
            return Candidate(s, e, "PLACE", "lac")
        # a name the dictionary lacks, ending in a word of geography, is a place when what it is built
        # from is no common word (高尔基大街, 圣劳伦斯河, 比佛利山; not 新农村, 坑洼路, 抵边村镇)
        if tag is None and len(name) >= 3 and name.endswith(_GEO_ENDS) and "之" not in name \
                and not self._common_parts(name) \
                and not (name[0] in self.province_short_chars and name[1] in self.province_short_chars
                         and name[:2] not in self.division_names):
            # (双奥之城: a title of honour; 甲乙非铁海联运: provinces' shorts open a route of transport, no place)
            return Candidate(s, e, "PLACE", "lac")
        return None

    def _coined_modifier(self, modifier: str) -> bool:
        """A modifier that is a name of its own: two Hanzi or more, opening with no word of the dictionary nor being
        one (口袋公园, 城市公园, 郊野公园 are kinds), with no category word in it."""
        return len(modifier) >= 2 and all(is_cjk(c) for c in modifier) and modifier not in self.word_tags \
            and modifier[:2] not in self.word_tags and self.category_modifiers.find(modifier) < 0

    def _in_saying(self, text: str, s: int, e: int) -> bool:
        """The name [s, e) LAC reads as a place belongs to a saying around it: an idiom of the dictionary that runs
        past it (长治久安), the suffix 化 of a process (宗教中国化, not 中国化工: 化工 is a word), or a wish for
        wellbeing where the name is a word of the dictionary no place (幸福安康: 安康 the city, 安康 peace)."""
        for a in range(max(0, s - 3), s + 1):
            for b in range(e, min(len(text), e + 3) + 1):
                tag = self.word_tags.get(text[a:b]) if b - a >= 4 and (a < s or b > e) else None
                # (a phrase tagged l holds a place where the rest of it is a word: 长江上游, 拉美国家)
                if tag == "i" or (tag == "l" and self.word_tags.get(text[a:s], "nr") in _PROPER_TAGS
                                  and self.word_tags.get(text[e:b], "nr") in _PROPER_TAGS):
                    return True
        if text.startswith("化", e) and text[e:e + 2] not in self.word_tags and text[s:e] not in self.division_names:
            return True  # (a division before 化 is the division: 茂名化橘红, the city's tangerine peel)
        return text[s - 2:s] in _WISHES and self.word_tags.get(text[s:e], "ns") != "ns"

    def _firm_kind(self, modifier: str) -> bool:
        """The words before a firm's organ say what kind of firm it is (国有独资商业, 民营, 金融控股): common words
        end to end, one of ownership, charter or size among them, and no place nor known body."""
        if not any(w in modifier for w in self.firm_kinds) or any(True for _ in self.places.finditer(modifier)) \
                or modifier in self.known_orgs.entries:
            return False
        # the modifier is words end to end, each a word of kind or a word of the dictionary that is no name
        ok = [True] + [False] * len(modifier)
        for j in range(1, len(modifier) + 1):
            ok[j] = any(ok[i] and (modifier[i:j] in self.firm_kinds or self.word_tags.get(modifier[i:j], "nz") not in _PROPER_TAGS)
                        for i in range(max(0, j - 6), j - 1))
        return ok[len(modifier)]

    def _common_parts(self, name: str) -> bool:
        """A common word of two characters or more opens ``name`` or ends it (坑洼路, 新农村)."""
        return any(self.is_word(name[:k]) for k in range(2, len(name))) \
            or any(self.is_word(name[k:]) for k in range(1, len(name) - 1))

    def organization(self, text: str, s: int, e: int, token_ends: set[int] | None = None) -> Candidate | None:
        if text[s:e] == "中共" and self.word_tags.get(text[e:e + 2]) == "v":
            return None  # 四年中共增加了, 比赛中共获得: 中 ends "in…", 共 is "in all" before a verb
        # leading verbs and conjunctions (联合人社厅 -> 人社厅)
        for _ in range(3):
            b = self.boundaries.starting_at(text, s, e - 2)
            if not b or any(text[s:s + n] in self.word_tags for n in range(len(b) + 1, min(e - s, 4) + 1)):
                break  # 同 of 同济大学 opens a longer word: no conjunction
            s += len(b)
        # a verb of the dictionary before a body known by name or a bare organ opens the object (拓展[中央银行]…)
        if e - s > 4 and self.word_tags.get(text[s:s + 2]) == "v" \
                and not any(text[s:s + n] in self.word_tags for n in (3, 4, 5)) \
                and (text[s + 2:e] in self.known_orgs.entries
                     or (text.startswith(_NATIONAL_OPENERS, s + 2) and self.organs.ending_at(text, e, s + 4))):
            s += 2  # (not 联合国, a longer word; not 通用机床研究院, whose 通用 is "general")
        # a verb before a national level word inside LAC's span opens the object's name (支持甲市建设[国家乙研究院])
        s = next((k for k in range(s + 2, e - 4) if national_object_at(text, k, self.word_tags)), s)
        if any(c in _OPERATORS for c in text[s:e]):
            return None  # “管委会+公司”: organs joined by a plus name a model of running a zone, no body
        peers = _PEER_PAIR.search(text, s, e)
        if peers:
            e = peers.start() + 2  # 自治区人大政协: two bodies of one level, the second's level elided (the first is the name)
        if text[s:e] in self.not_organs:
            return None  # 军事集团: a kind of grouping, no body
        if text.endswith("代表", s, e):
            return None  # 人大代表: a deputy, a person's role; the body inside a role is not annotated (guidelines)
        # a dateline's last character (新华社北京6月25日电…): the story's first name starts after it
        if text[s:s + 1] == "电" and text[s - 1:s] == "日" and e - s > 2:
            s += 1
        # a body's seat is no part of its name (中国华能总部 -> 中国华能: the company is the mention)
        seated = text.endswith(_SEAT, s, e) and e - s - len(_SEAT) >= 2
        if seated:
            e -= len(_SEAT)
        # a national designation after a body's name is what the body holds, no part of its name (建设甲大学国家
        # 医学中心 -> 甲大学: LAC reads the two as one organization; the designation alone is a kind)
        designation = self.designations.ending_at(text, e, s + 4)
        if designation and self.organs.ending_at(text, e - len(designation), s) in _STANDALONE:
            e -= len(designation)
        # a coordination ends the name (内蒙古科协和科技馆 -> 内蒙古科协), but for two fields joined inside one
        # body's name (甲市信息与智慧医学研究院): nothing before 与 or 和 closes a body or a place, and no place
        # opens what follows it
        m = _COORD.search(text, s + 2, e)
        if m and not (m.group() in "与和" and self.organs.ending_at(text, e, m.end() + 1)
                      and not self.organs.ending_at(text, m.start(), s)
                      and not any(ps == 0 for ps, _pe, _v in self.places.finditer(text[m.end():m.end() + 6]))
                      and not any(pe == m.start() - s for _ps, pe, _v in self.places.finditer(text[s:m.start()]))):
            e = m.start()
        # a verb or conjunction after an inner organ ends the name (自治区科协联合巴彦淖尔市科协)
        for k in range(s + 2, e):
            if self.organs.ending_at(text, k, s) and self.boundaries.starting_at(text, k):
                e = k
                break
        # an organ followed by a level word that opens another organ: two names (市委社会工委市民政局)
        for k in range(s + 2, e - 2):
            if text[k] in _LEVEL_OPENERS and self.organs.ending_at(text, k, s) and self.organs.ending_at(text, e, k + 1):
                e = k
                break
        # trailing words after the last organ (通辽市科协征集 -> 通辽市科协); the organ must end a word
        # and not be part of a post (常委, 委员)
        name = text[s:e]
        cut = 0
        for k in range(len(name), 1, -1):
            if token_ends is not None and s + k not in token_ends:
                continue
            if self.organs.ending_at(name, k) and not self.roles.ending_at(name, k) \
                    and not name.endswith(self.not_organs, 0, k):
                cut = k  # (自治区党委总揽全局: 全局 is "the whole", no bureau; the name ends at 党委)
                break
        if not cut:
            return self._organless(text, s, e, seated)
        e = s + cut
        # 党组 before a post is the post's (市科协党组书记 -> 市科协)
        for taker in _ROLE_TAKERS:
            if text.endswith(taker, s, e) and self.roles.starting_at(text, e) and e - len(taker) - s >= 2:
                e -= len(taker)
        if text.startswith("梦", e):
            return None  # 圆了学子大学梦: the dream of going to university, no university
        if e < len(text) and text[e].isdigit() or COUNTED_AFTER.match(text, e):
            return None  # 新建科技馆2座, …省工程研究中心各20家: kinds of thing being counted, not names
        name = text[s:e]
        if name.endswith(self.not_org_heads):
            return None  # 建设全国科技创新中心: a development goal, not a body
        organ = self.organs.ending_at(name, len(name))
        modifier = name[: -len(organ)]
        kind = self.category_modifiers.find(modifier)
        owner = modifier[:kind].removesuffix("国家") if kind > 0 else ""
        if kind >= 0 and not (len(owner) >= 3 and self.organs.ending_at(owner, len(owner))):
            return None  # 世界一流大学, 高水平医院: a kind of body (but 甲大学国家卓越工程师学院: a university's own)
        if any(w in modifier for w in SUBORDINATE):
            return None  # 教育部直属师范大学: the bodies under an owner, a kind (the gazetteer names the owner)
        if not modifier or name.startswith(_GENERIC_ORG_START) or _LEVEL_ONLY.match(modifier) \
                or "级" in _COURT_LEVEL.sub("", modifier) or self.is_word(name) or self.word_tags.get(modifier, "") in _VERBAL:
            return None  # 新建科技馆 is a new museum, not one named 新建
        if organ in self.generic_bodies and any(pe == len(modifier) for ps, pe, _v in self.prefixes.finditer(modifier) if ps == 0):
            return None  # 北京市学校: the schools of a place, not one school
        if organ in _FIRM_ORGANS and self._firm_kind(modifier):
            return None  # 国有独资商业银行, 民营银行: a kind of firm (firm_kinds.tsv)
        prefixed = any(ps == 0 for ps, _pe, _v in self.prefixes.finditer(name)) \
            or any(name[:n] in self.division_names for n in (2, 3, 4) if n < len(name) - 1)  # 海淀检察院
        # a body of a body known by name (中共代表团, 全国政协代表团), and a bilateral body by the countries'
        # forms (中日友协): the modifier says whose it is
        prefixed = prefixed or modifier in self.known_orgs.entries or is_country_run(modifier, self.country_shorts)
        if prefixed or (organ in _STANDALONE and len(modifier) >= 2) \
                or (self.word_tags.get(name) == "nt" and not name.startswith("人民")):
            # (the dictionary knows some bodies by name: 卫生部, 农业部, tagged nt; 人民政协, 人民法院 are
            # the kinds of institution, like bare 政协 and 人大 in the guidelines)
            return Candidate(s, e, "ORG", "lac")
        return None


    def project_companies(self, text: str, words: list[tuple[int, int, str]], starts: set[int],
                          ends: set[int]) -> list[Candidate]:
        """Companies that name the items of a list of projects (华锦阿美精细化工、亿纬锂能沈阳工厂等项目建成投产):
        such an item opens with the company building it. Kept where LAC reads the item's opening as an
        organization that has no organ word (which alone it would not keep), ending at a word's end.
        (A company after its city, 长沙惠科新型显示, was tried: one annotator keeps the city in the name,
        another gives the city alone; left out.)"""
        found: list[Candidate] = []
        at: dict[int, tuple[int, str]] = {}
        for m in _PROJECT_LIST_END.finditer(text):
            at = at or {s: (e, tag) for s, e, tag in words}  # built once, only for a text with such a list
            # (the clause's own verbs before the first item: 推动, 加快, 推进)
            items = list_items(text, m.start(), at, LEADING_VERB_TAGS)
            for n, (p, q) in enumerate(items):
                short = self._item_enterprise(text, p, q, starts)
                if short is not None:
                    found.append(short)  # (a known enterprise opens a project even as the only one: 实施甲煤烯烃等项目)
                    continue
                if len(items) < 2:
                    break  # one item before 等 is no list: LAC's organization or a brand needs the list
                if p not in at or at[p][1] != "ORG":
                    b = self._after_place(text, p, q)
                    if b > p and at.get(b) == (q, "ORG") and self._lac_brand(text[b:q]) \
                            and not _SITE_PROJECTS.search(m.group()):
                        # the item is its city and what LAC reads as an organization, nothing after (菏泽甲乙等项目):
                        # the company whose plant it is (not a site of the city's: LAC reads those as places)
                        found.append(Candidate(b, q, "ORG", "lac"))
                        continue
                    brand = self._item_brand(text, p, q, starts, ends)
                    if brand is not None and not self._opens_another(text, brand, items, n):
                        found.append(brand)
                    continue
                end = at[p][0]
                while end in at and at[end][1] == "ORG" and at[end][0] <= q:
                    end = at[end][0]
                kind = self.company_kinds.starting_at(text, end, q)
                if kind and end - p <= 3 and end + len(kind) in ends and end + len(kind) < q \
                        and not text.endswith(_FIRM_ENDS, p, end):
                    end += len(kind)  # its line of business, before what it builds (甲新能源钠离子电池)
                name = text[p:end]
                # a brand the dictionary lacks opens it (岚图, 亿纬), and nothing LAC took in with it
                # says facility, body or country (小洋山北作业区, 科德智能制造中心, 意大利世科姆)
                if end > q or end not in ends or not 2 <= len(name) <= 10 or not all(is_cjk(c) for c in name) \
                        or name in self.organs or self.is_word(name) or self._opens_with_word(name) \
                        or name.endswith(self.place_heads) or self.head_organs.ending_at(name, len(name)) \
                        or any(True for _ in self.places.finditer(name)) or any(w in name for w in _NOT_BRAND) \
                        or any(True for _ in self.known_orgs.finditer(name)):
                    continue
                found.append(Candidate(p, end, "ORG", "lac"))
        return found

    def _lac_brand(self, name: str) -> bool:
        """``name``, read by LAC as an organization, can be a company's brand: two to four Hanzi, no word of the
        dictionary, no place, organ, facility's head or known body in it."""
        return 2 <= len(name) <= 4 and all(is_cjk(c) for c in name) and name not in self.word_tags \
            and name not in self.organs and not self._opens_with_word(name) and not name.endswith(self.place_heads) \
            and not any(True for _ in self.places.finditer(name)) and not any(w in name for w in _NOT_BRAND) \
            and not any(True for _ in self.known_orgs.finditer(name))

    @staticmethod
    def _opens_another(text: str, brand: Candidate, items: list[tuple[int, int]], n: int) -> bool:
        """The brand found opening item ``n`` opens another item of the list too, with a different product
        after it (煤制烯烃、煤制甲醇: a process that makes them, no company building both)."""
        name = text[brand.start:brand.end]
        return any(k != n and text.startswith(name, p) and text[p:q] != text[brand.start:items[n][1]]
                   for k, (p, q) in enumerate(items))

    def _item_enterprise(self, text: str, p: int, q: int, starts: set[int]) -> Candidate | None:
        """A central enterprise by its bare short form (enterprise_shorts.tsv) opening the project [p, q) of a
        list, maybe after the project's place: 华电铁岭绿色氨醇, 株洲中车IGBT, 中煤烯烃. The form starts a
        word of the segmenter (not 中建 of 集中建设) and the item names no park or site (大唐不夜城)."""
        b, short = p, self.enterprise_shorts.starting_at(text, p, q)
        if not short:  # after the project's place (大唐 opens the item before the places' 大唐 of a township)
            b = self._after_place(text, p, q)
            short = self.enterprise_shorts.starting_at(text, b, q)
        if not short or b not in starts or (self._holds_place_head(text[b:q])
                                            and self._after_place(text, b + len(short), q) == b + len(short)):
            return None  # (大唐不夜城: a site's name; 大唐甲市电厂: the company, then its plant at a place)
        if (text[q - 1] in _ZONE_CHARS or text[q - 1] in _GEO_ENDS) \
                and not any(text[q - n:q] in self.division_names for n in (2, 3, 4) if q - n >= b + len(short)):
            return None  # 大唐不夜城: a site's name; 大唐郓城 ends in a county, the plant's place
        return Candidate(b, b + len(short), "ORG", "lac")

    def _after_place(self, text: str, p: int, q: int) -> int:
        """Where the item [p, q) goes on after the place that opens it (济南 of 济南天岳碳化硅扩产), or ``p``;
        after both where a city and its county open it (长沙宁乡 of 长沙宁乡甲乙科技锂电池)."""
        first = next(iter(self.places.finditer(text[p:q])), None)
        if first is None or first[0] != 0:
            return p
        b = p + first[1]
        city = first[2][1] if isinstance(first[2], tuple) else None
        county = next((n for n in (4, 3, 2) if b + n < q and any(
            self.divisions.by_code[c].level == "county" and self.divisions.by_code[c].parent == city
            for c in self.divisions.by_name.get(text[b:b + n], ()))), 0)
        return b + county

    def _holds_place_head(self, phrase: str) -> bool:
        """A head of a facility's or zone's name of two characters or more inside ``phrase`` (码头, 电站, 公园)."""
        return any(True for _ in self.long_place_heads.finditer(phrase))

    def _item_brand(self, text: str, p: int, q: int, starts: set[int], ends: set[int]) -> Candidate | None:
        """The company opening the project [p, q) of a list, maybe after its city, where LAC saw none: one
        word of the segmenter that its dictionary lacks (a brand: 天岳 of 济南天岳碳化硅扩产), with its line
        of business if one follows (楚能新能源), then a word of what is built. Not where a facility's or
        zone's head follows (万家寨引黄, 太旧高速, 洪屏抽水蓄能电站: a place's name) or where nothing does (a
        site after its city, 惠州中洞, in a list of power stations)."""
        b = self._after_place(text, p, q)
        if b not in starts:
            return None
        k = next((i for i in range(b + 2, min(q, b + 4) + 1) if i in ends), None)
        if k is None or k >= q or any(i in starts for i in range(b + 1, k)):
            return None  # the brand is one word of the segmenter, with more of the item after it
        brand = text[b:k]
        if brand[0] in _NOT_NAME_START:
            return None  # 等市
        if not all(is_cjk(c) for c in brand) or brand in self.word_tags or brand in self.organs \
                or brand[-1] in _GEO_ENDS or any(True for _ in self.places.finditer(brand)) \
                or any(True for _ in self.known_orgs.finditer(brand)) or brand.startswith(self.countries):
            return None
        kind = self.company_kinds.starting_at(text, k, q)
        end = k + len(kind) if kind and k + len(kind) in ends else k
        rest = next((i for i in range(end + 2, q + 1) if i in ends), None)
        tag = self.word_tags.get(text[end:rest]) if rest is not None else None
        if all(c in self.city_initials for c in brand) and tag not in _PRODUCT_TAGS:
            return None  # 兰张 (兰州 to 张掖): cities' initials name a line, unless a product follows (天岳碳化硅)
        if rest is None or tag is None and not kind or tag in _BRAND_GOES_ON \
                or text.startswith(self.place_heads, end) or text.startswith(_NOT_BRAND, end) \
                or text.startswith(self.program_heads, end) or self.head_organs.starting_at(text, end) \
                or self._holds_place_head(text[end:q]):
            # a word of what is built follows the company (碳化硅, 先进封装); not a verb (纳厂处理), a name
            # going on (华锦阿美), a program's head (探月工程) or a place's head in the item (佛渡集装箱码头)
            return None
        return Candidate(b, end, "ORG", "lac")

    def listed_companies(self, text: str, words: list[tuple[int, int, str]], starts: set[int],
                         ends: set[int]) -> list[Candidate]:
        """Companies named as the items of a list of enterprises (甲科技等5户企业, 乙数科、丙智能等一批新锐企业):
        the list's head says what its items are. An item is kept where it reads as a brand: no common word
        of the dictionary in it but a line of business at its end (…科技, …工业), no place, no organ, no
        facility; lists of sectors (工业、商业等企业) are words of the dictionary and give nothing."""
        found: list[Candidate] = []
        at: dict[int, tuple[int, str]] = {}
        for m in _ENTERPRISE_LIST_END.finditer(text):
            at = at or {s: (e, tag) for s, e, tag in words}
            if at.get(m.start()) != (m.start() + 1, "u"):
                continue  # 等 inside a word (平等, 同等): no list
            # (the clause's own verbs before the first item: 支持, 培育了, 集聚了)
            trimmed = list_items(text, m.start(), at, LEADING_VERB_TAGS | {"u"})
            if len(trimmed) < 2 and not m.group("count"):
                continue  # one item and no count (…等企业): as often a phrase as a name
            usable = [(p, q) for p, q in trimmed if p in starts and q in ends and 2 <= q - p <= 8
                      and all(is_cjk(c) for c in text[p:q]) and not any(w in text[p:q] for w in _KIND_OF_FIRM)]
            # (an abbreviation the dictionary knows, tagged j, is a firm's short name here: 交投, 中石化)
            brands = [(p, q) for p, q in usable if not self._not_brand(text[p:q])
                      or (self.word_tags.get(text[p:q]) == "j" and not any(True for _ in self.places.finditer(text[p:q])))]
            known = [(p, q) for p, q in usable if text[p:q] in self.known_orgs.entries]
            # central enterprises by their bare short forms (一重、哈电等企业): in a list of enterprises they are the
            # enterprises, though alone they are words (enterprise_shorts.tsv)
            shorts = [(p, q) for p, q in usable if text[p:q] in self.enterprise_shorts.words and (p, q) not in known
                      and text[q:q + 1] in _ITEM_ENDS]
            found.extend(Candidate(p, q, "ORG", "lac") for p, q in shorts)
            if shorts and len(shorts) + len(known) == len(trimmed):
                continue
            known += shorts
            # names that open with a word but are no word, nor words end to end (身边云, 桔子数科): a brand
            # too in a list of enterprises, though alone they would not count
            coined = [(p, q) for p, q in usable if (p, q) not in brands and (p, q) not in known
                      and not self.is_word(text[p:q]) and text[p:q] not in self.word_tags
                      and not any(c in text[p:q] for c in "和与及")
                      and self.word_tags.get(text[q - 2:q]) not in ("v", "vn")  # 研发制造, 总装测试: activities
                      and not self._built_of_words(text[p:q]) and not self._not_brand_but_for_words(text[p:q])]
            if coined and brands and len(trimmed) >= 3 and len(brands) + len(known) + len(coined) == len(trimmed):
                # every item a name (云账户、身边云、桔子数科等平台经济企业): all are the list's companies
                found.extend(Candidate(p, q, "ORG", "lac") for p, q in brands + coined)
                continue
            if len(trimmed) >= 3 and len(brands) + len(known) >= 2 and 3 * (len(brands) + len(known)) >= len(trimmed):
                # most items are companies (华为、联想、海尔、格力…等头部企业): the list says what
                # the others are, words of the dictionary too; places and organs still are not
                found.extend(Candidate(p, q, "ORG", "lac") for p, q in usable
                             if (p, q) not in known and not any(True for _ in self.places.finditer(text[p:q]))
                             and text[p:q] not in self.organs)
                continue
            if any(self.is_word(text[p:q]) and self.word_tags.get(text[p:q]) != "j" for p, q in trimmed):
                continue  # a common word among the items: a list of sectors (工业、商业、运输等企业)
            found.extend(Candidate(p, q, "ORG", "lac") for p, q in brands)
        return found

    def companies_beside_known(self, text: str, words: list[tuple[int, int, str]], starts: set[int],
                               ends: set[int]) -> list[Candidate]:
        """The items of a list closed by 等 where two or more are companies known by name and the others read
        as brands (甲科技、乙信息、丙生物等快速成长: what the known ones are, the others are too). An item is kept
        where it is no word, no phrase of words, and holds no place, organ or facility; a list with a common
        word among its items (工业、商业等) gives nothing."""
        found: list[Candidate] = []
        at: dict[int, tuple[int, str]] = {}
        for m in LIST_CLOSE.finditer(text):
            if _ENTERPRISE_LIST_END.match(text, m.start()) or _PROJECT_LIST_END.match(text, m.start()):
                continue  # lists of enterprises and of projects: their own rules
            at = at or {s: (e, tag) for s, e, tag in words}
            items = list_items(text, m.start(), at, LEADING_VERB_TAGS | {"u"})
            if len(items) < 3:
                continue
            known = [(p, q) for p, q in items if text[p:q] in self.known_companies]
            # a central enterprise by its bare short form beside known companies is the enterprise (空客、航天科技、
            # 中航工业等): one of the known ones, found here (alone it is a word)
            shorts = [(p, q) for p, q in items if text[p:q] in self.enterprise_shorts.words and (p, q) not in known
                      and text[q:q + 1] in _ITEM_ENDS]
            if known and shorts:
                found.extend(Candidate(p, q, "ORG", "lac") for p, q in shorts)
            known += shorts
            if len(known) < 2:
                continue
            others = [(p, q) for p, q in items if (p, q) not in known]
            if not all(p in starts and q in ends and 2 <= q - p <= 6 and all(is_cjk(c) for c in text[p:q])
                       and not self.is_word(text[p:q]) and not self._not_brand_but_for_words(text[p:q])
                       for p, q in others):
                continue  # a common word, a place or an organ among the items: no list of companies alone
            brands = [(p, q) for p, q in others if not self._not_brand(text[p:q])]
            if 3 * (len(known) + len(brands)) < 2 * len(items):
                continue  # most items must read as companies; then the list says what the rest are (火眼位置)
            found.extend(Candidate(p, q, "ORG", "lac") for p, q in others)
        return found

    def _not_brand(self, name: str) -> bool:
        """``name`` is a word, or is built of words, or holds a place, an organ, a facility or a known
        body: no company's short name of its own."""
        kind = self.company_kinds.ending_at(name, len(name)) or ""
        stem = name[: len(name) - len(kind)] if len(name) - len(kind) >= 2 else name
        return self.is_word(name) or self.is_word(stem) or self._opens_with_word(name) \
            or self._built_of_words(stem) or self._not_brand_but_for_words(name)

    def _not_brand_but_for_words(self, name: str) -> bool:
        """What says ``name`` is no company's name other than the words it is made of: a place, an organ, a
        facility's head or a known body inside it."""
        return name in self.organs or name.endswith(self.place_heads) \
            or self.head_organs.ending_at(name, len(name)) is not None \
            or any(True for _ in self.places.finditer(name)) or any(w in name for w in _NOT_BRAND) \
            or any(True for _ in self.known_orgs.finditer(name))

    def _built_of_words(self, name: str) -> bool:
        """``name`` is common words of two characters or more end to end (卫星数据应用, 城市更新): a phrase."""
        ok = [True] + [False] * len(name)
        for j in range(2, len(name) + 1):
            ok[j] = any(ok[i] and self.is_word(name[i:j]) for i in range(0, j - 1))
        return ok[len(name)]

    def _opens_with_word(self, name: str) -> bool:
        """``name`` opens with a word of the dictionary other than a name (新能源汽车, 小洋山北作业区 opens
        with a place), or with a country (意大利世科姆): no brand of its own opens it."""
        for n in range(min(5, len(name)), 1, -1):
            tag = self.word_tags.get(name[:n])
            if tag is not None:
                return tag not in ("nz", "nt", "j")
        return any(name.startswith(c) for c in self.countries)

    def company(self, text: str, s: int, e: int, starts: set[int], ends: set[int]) -> Candidate | None:
        """A company's short name opening LAC's organization [s, e): a brand (two to four characters the
        dictionary lacks or tags nz, no place), maybe after a place, then a line of business
        (company_kinds.tsv) ending a word: 奇瑞汽车 (of 奇瑞汽车登陆港交所), 华天电子, 浏阳蓝思科技. The brand
        is one word of the segmenter."""
        b = s
        hits = list(self.places.finditer(text[s:e]))
        if hits and hits[0][0] == 0:
            b = s + hits[0][1]  # the brand after the place
        for k in range(b + 2, min(e, b + 4) + 1):
            kind = self.company_kinds.starting_at(text, k)
            if not kind or k + len(kind) > e or k + len(kind) not in ends:
                continue
            brand, end = text[b:k], k + len(kind)
            if any(i in starts for i in range(b + 1, k)) or b not in starts:
                continue  # the brand is one word (奇瑞, 信维), not a phrase (东盟人工智能)
            if self.word_tags.get(brand, "nz") != "nz" or any(True for _ in self.places.finditer(brand)) \
                    or not all(is_cjk(c) for c in brand) or text[end:end + 1] in _ZONE_CHARS:
                return None  # 前沿科技, 东盟人工智能: a word of the dictionary; 三航科技城: a zone
            return Candidate(s, end, "ORG", "lac")
        return None

    def _organless(self, text: str, s: int, e: int, seated: bool = False) -> Candidate | None:
        """A name LAC reads as an organization with no organ word in it, kept where the dictionary
        agrees it is a name (北大, 清华, 新华社, 解放军: tags nt, nz, j), where it opens with a place
        and goes on with a noun (天津电信), or where LAC read it with the body's seat (``seated``: 甲乙总部) and it
        reads as a brand (no word of the dictionary, not built of words, no place); a common word, a category or
        a fragment is none."""
        name = text[s:e]
        if not 2 <= len(name) <= 20 or not all(is_cjk(c) or c == "·" for c in name):
            return None
        if text[e:e + 1] in _OPERATORS or text[s - 1:s] in _OPERATORS:
            return None  # “中试+投资+孵化”: a term of a coinage joining sectors, no body
        if text[s - 1:s] == "“" and text[e:e + 1] == "”":
            return None  # “川渝通办”: a quoted coinage with no organ word is a service or a brand, no body
        if name.endswith(("族", "教")) or name.startswith(("国际",)) or name in _NATION_WORDS:
            return None  # 苗族, 藏传佛教: a people, a religion; 国际航空枢纽: a scope and a sector, no body;
            # 中华 of 中华文明探源: the nation, no body
        if seated and 2 <= len(name) <= 6 and not self._not_brand(name) and not any(True for _ in self.places.finditer(name)):
            return Candidate(s, e, "ORG", "lac")  # 中汽新能总部: a firm that has a seat, by a name no word of the dictionary
        if self._among_things(text, s, e, loose=True):
            return None  # 民族、宗教、广电: a sector among common words, no body
        if any(ks == 0 and ke < len(name) for ks, ke, _v in self.known_orgs.finditer(name)):
            return None  # 中国工农红军长征: a known body and a word after it; the gazetteer has the body
        if name.startswith(_GENERIC_ORG_START) or _LEVEL_ONLY.match(name) or name in self.organs:
            return None
        if e < len(text) and text[e] not in _JOINERS and not any(ps == 0 for ps, _pe, _v in self.places.finditer(text[e:e + 6])):
            for k in range(e + 1, min(len(text), e + 6) + 1):
                if not is_cjk(text[k - 1]) or text[k - 1] in _JOINERS:
                    break
                if k - e >= 2 and self.head_organs.ending_at(text, k, e):
                    return None  # 大湾区国际科技[创新中心]: LAC cut a longer phrase before its head
        tag = self.word_tags.get(name, "")
        if _INSTITUTE_SHORT.match(name) and not tag and name[-2:] not in self.word_tags:
            return Candidate(s, e, "ORG", "lac")  # 北化院, 石科院, 工生所: an institute by its short name
        if tag in ("nt", "nz", "j") or (len(name) >= 3 and name.endswith(_FORCES)):
            return Candidate(s, e, "ORG", "lac")  # 北大, 新华社; 八路军, 志愿军
        hits = list(self.places.finditer(name))
        if hits and hits[0][0] == 0 and len(name) - hits[0][1] >= 2 and hits[0][1] < len(name):
            rest = name[hits[0][1]:]
            if text.startswith(_SECTOR_AFTER, e) or text.startswith(self.place_heads, e) or text.startswith("枢纽", e):
                return None  # 安徽文旅品牌, 哈尔滨国际航空枢纽: a place's sector and its brand or hub, no organization
            if len(rest) == 3 and self.word_tags.get(rest[:2], "") in ("v", "vn") and rest not in self.word_tags \
                    and text[e:e + 1] in _AFTER_VERB and rest not in self.organs \
                    and not self.head_organs.ending_at(rest, len(rest)):
                return None  # 甲省发展站在了: a verb and one character after the place (发展 + 站) before a
                # verb's particle, no word and no body's name (辽宁实验室: 实验室 is a word; 中国教育台频道)
            if rest in _SCOPE_WORDS:
                return None  # 青岛国际[通信业务出入口局]: a place and a scope open a longer name LAC cut
            if self.word_tags.get(rest, "n") in ("n", "nz", "nt", "j") and not any(True for _ in self.places.finditer(rest)):
                return Candidate(s, e, "ORG", "lac")
        return None


# one-character names of the waters a river enters (入黄口, 入江口, 入淮口, 入海口, 入湖口)
_WATER_SHORTS = frozenset("黄江淮海湖河")
# words of the shore that are also divisions' short names (滨江区 of Hangzhou, 滨海县, 滨海新区), and the nouns after
# which they say "by the river, by the sea" (滨江岸线, 滨海城市, 滨海旅游带, 滨湖湿地)
_SHORE_WORDS = frozenset(("滨江", "滨海", "滨湖", "滨河"))
_SHORE_AFTER = re.compile("岸线|城市|旅游|地区|区域|地带|湿地|公园|景观|步道|绿道|生态|风光|度假|休闲|邮轮|空间|沿线|[一带]")
# names of the Chinese nation and land, which LAC reads as an organization before 文明, 优秀… (中华)
_NATION_WORDS = frozenset(("中华", "华夏", "神州"))
# words of scope: after a place they open a longer name, they end none (青岛国际…局)
_SCOPE_WORDS = frozenset(("国际", "国内", "全球", "海外", "区域", "本地", "全域"))
# words that make an item of a list of enterprises a kind of firm (瞪羚企业, 上市公司, 链主)
_KIND_OF_FIRM = ("企业", "公司", "链主", "央企", "国企", "民企", "外企")
# words that end a firm's whole name: no line of business goes on after one (甲集团新能源: the group's products)
_FIRM_ENDS = _KIND_OF_FIRM + ("集团",)
# the end of a list of enterprises: 等, maybe a count, a few words of kind and 企业 (…等5户企业,
# …等一批行业领军企业, …等平台经济企业); not …的企业 (等困难行业的企业: a list of sectors)
_ENTERPRISE_LIST_END = re.compile(r"等(?P<count>(?:[\d.]+|[一二三四五六七八九十两]+)[家户个]|一批)?[^，。；：、“”\s的]{0,6}?(?:企业|公司|央企|外企|民企|国企)")
# the end of a list of projects: 等 with a count, a few words and 项目 (…等1.1万个重大产业项目, …等“十大产业项目”), or 等 and the
# project's progress (甲宇航电源、乙芯动力等投产增效; 等深化布局, 等落地)
_PROJECT_LIST_END = re.compile(r"等(?:[\d.]+万?|[一二三四五六七八九十百千两]+)?[个批项]?“?(?:(?!领域|行业)[^，。；：、“”\s]){0,8}?项目"
                               r"|等(?:一批)?(?:投产|建成投产|开工|落地|投运|竣工|签约|开业|深化布局|扩大产能|增资扩产)")
# the level of a court is part of its name (海口市中级人民法院, 省高级人民法院), no "level" of a kind
_COURT_LEVEL = re.compile("[中高]级(?:人民)?$")
# the projects of a list named by a kind of power plant: its items are sites (甲洋东等海上风电项目), no companies
_SITE_PROJECTS = re.compile("风电|光伏|核电|水电|电站|储能|抽蓄")
# words that make LAC's organization in a list of projects more than a company (…总部, …南院)
_NOT_BRAND = ("总部", "院", "基地", "中心", "工厂", "产线")
# tags of the dictionary's words that say a project's item is no company and its product (处理: a verb)
# or that the company's name goes on (阿美 of 华锦阿美, ns)
_BRAND_GOES_ON = frozenset({"v", "vd", "nr", "ns", "nrt", "nt", "p", "c", "u"})
# tags of the dictionary's words of a product (碳化硅, 激光): after cities' initials they say the initials are a brand
_PRODUCT_TAGS = frozenset({"n", "nz"})
# one-character heads of zones and parks (科技城, 科技园): a line of business before one names no company
_ZONE_CHARS = frozenset("城园区港谷")
# surnames that are also prepositions (向, 于, 从 …): a two-character name opening with one needs a title
# or a verb of speech around it
_PREPOSITION_SURNAMES = frozenset("向于从对和与同把将被")
# an institute by its short name: a few characters of its owner and field, then the field's character and 院
# or 所 (北化院 = 北京化工研究院, 工研院 = 工业技术研究院, 工生所 = 工业生物技术研究所); not 大…院 (大农科院, a reform)
_INSTITUTE_SHORT = re.compile(r"^(?![大小新老])[\u4e00-\u9fff]{1,4}[研科化生工技物医农][院所]$")
# characters that follow a verb (站在, 站了): after one, the last character of LAC's name is the verb's
_AFTER_VERB = frozenset("在了着过向于到给")
# words after a place and a noun that make the pair a sector of the place, no company (安徽文旅品牌,
# 哈尔滨航空集群, …电气配套产业)
_SECTOR_AFTER = ("品牌", "产业", "形象", "事业", "经济", "集群", "配套")
_OPERATORS = frozenset("+×＋")
# characters that join two phrases rather than continue one (中国共产党和人民政府, 联合国把…集团)
_JOINERS = frozenset("和与及同并或暨的、等把是在将被对为向从于以")


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """Sentence-sized pieces of text with their offsets: LAC is trained on sentences."""
    for m in _CHUNK.finditer(text):
        if m.group().strip():
            yield m.start(), m.group()


_HONORIFICS = set("老总工")
# function characters that follow a person's name and that the segmenter's HMM may join to its last
# character (马恩汉为, 王立民家, 塔勒比说), and one-character adverbs and 时 after a subject (某某常说, 某某曾任,
# 会见某某时), and 作 of a speaker who delivers a report (省长某某作政府工作报告)
_AFTER_NAME = frozenset("为家说在和与是也都对向给被将把从同及等时常曾又还就却已便亦作")
_SEAT = "总部"
_LAB = "实验室"
# first characters of 市 words that name no city: deictic and level words, counts (我市, 全市, 各市, 县市, 两市)
_NOT_CITY_INITIAL = set("我全本各该此每县省区两三四五六七八九十上下前后同外当")
# characters that close a phrase or join two: a place's name does not start with one
_NOT_NAME_START = set("段的之和与及等以")
# last characters of names of places and features (街, 河, 湾, 山, 岛, 城, 港 …)
_GEO_ENDS = tuple("街路道河江湖湾海山峰岛城堡港宫寺园庄峡谷岭关洲")
# verbs of speech after a name in its clause: 卡林顿在唁电中说, 樊禹表示
_SAYS = re.compile(r"[^，。；！？\n]{0,12}?(?:说|表示|指出|强调|认为|介绍|回忆|告诉)")
_CLAUSE_END = re.compile(r"[，。；！？\n]")
# armed forces and teams LAC names: 八路军, 新四军, 国家队
_FORCES = ("军", "部队", "队")
# last characters of a system, a line's section or a zone, never of a person's name
_NOT_NAME_END = set("制段线港区")
_DEICTIC = ("我", "全", "本", "各", "该", "此", "当地", "外地", "异地")
_ROLE_WORDS = ("常委", "委员", "成员", "党组成员", "党组书记", "常务副主席", "驻会副主席")
_ROLE_TAKERS = ("党组", "党组织")
_LEVEL_OPENERS = ("省", "市", "县", "区", "盟", "旗", "州")


_LAC_LABELS = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG", "TIME": "DATE"}


def lac_mentions(norm, doc_id: str, tagger: LacTagger | None = None) -> list[dict]:
    """LAC's entity spans as they come (whitespace trimmed), in the gold format: a baseline."""
    tagger = tagger or LacTagger()
    chunks = list(_chunks(norm.text))
    rows = []
    for (off, _chunk), words in zip(chunks, tagger.tag([c for _o, c in chunks])):
        pos = off
        for word, tag in words:
            s, e = pos, pos + len(word)
            pos = e
            label = _LAC_LABELS.get(tag)
            stripped = word.strip()
            if not label or not stripped:
                continue
            s += len(word) - len(word.lstrip())
            e = s + len(stripped)
            os_, oe = norm.to_original(s, e)
            rows.append({"doc": doc_id, "start": os_, "end": oe, "text": norm.original[os_:oe], "label": label})
    return rows


class TaggerComponent:
    """Runs LAC over every sentence-sized chunk of the Docs it is given, in batches."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.vocab = nlp.vocab
        self.tagger = LacTagger()
        self.repair = LacRepair(getattr(nlp.tokenizer, "word_tags", None))
        self.pos = {r["tag"]: r["pos"] for r in load_table("lac_pos.tsv")}

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._process(batch)
                batch = []
        if batch:
            yield from self._process(batch)

    def _process(self, docs: list[Doc]) -> list[Doc]:
        jobs = [(d, off, chunk) for d, doc in enumerate(docs) for off, chunk in _chunks(doc._.kg_norm.text)]
        tagged = self.tagger.tag_spans([chunk for _d, _off, chunk in jobs], [off for _d, off, _chunk in jobs])
        per_doc: list[list[tuple[int, int, str]]] = [[] for _ in docs]
        for (d, _off, _chunk), words in zip(jobs, tagged):
            per_doc[d].extend(words)
        for doc, words in zip(docs, per_doc):
            self._annotate(doc, words)
        return docs

    def _annotate(self, doc: Doc, words: list[tuple[int, int, str]]) -> None:
        text = doc._.kg_norm.text
        idx = doc.to_array("IDX").tolist()
        lengths = doc.to_array("LENGTH").tolist()
        starts = set(idx)
        ends = {i + n for i, n in zip(idx, lengths)}
        found = []
        repair = {"PER": self._person, "LOC": self._place, "ORG": self._organization}
        for s, e, tag in words:
            check = repair.get(tag)
            if check is None:
                continue
            ws, we = s, e
            while ws < we and text[ws].isspace():
                ws += 1
            while we > ws and text[we - 1].isspace():
                we -= 1
            if we <= ws:
                continue
            if tag == "PER" and ws in starts and we not in ends and text[we:we + 1] == "摄" \
                    and (we + 1 == len(text) or text[we + 1].isspace()) and self._unknown_word(text, ws, we + 1, idx, lengths):
                # 本报记者 霍艳恩摄: a photographer's credit at a line's end, which the segmenter's HMM joined
                # into one unknown word; the name is without 摄
                cand = check(text, ws, we, starts, ends | {we})
            elif tag == "PER" and ws in starts and we not in ends and self._name_in_unknown_word(text, we, idx, lengths):
                # 任命马恩汉为, 藏在王立民家, 教练塔勒比说: the segmenter's HMM joined the name's last character
                # and the next one into a word the dictionary lacks; LAC's boundary is the better one there
                cand = check(text, ws, we, starts, ends | {we})
            else:
                cand = check(text, ws, we, starts, ends)
            if cand is not None and cand.label == "ORG" and text[cand.end:cand.end + 1] == "人" \
                    and any(text[j:cand.end + 1] in self.repair.word_tags
                                                     for j in range(max(cand.start + 1, cand.end - 3), cand.end - 1)):
                cand = None  # 中国共产党人: the members (共产党人, one word of the dictionary), no party
            if cand is not None:
                found.append(cand)
            if tag == "ORG":
                firm = self.repair.company(text, ws, we, starts, ends) if ws in starts else None
                if firm is not None and (cand is None or firm.end <= cand.start or firm.end > cand.end):
                    found.append(firm)
        found.extend(self.repair.project_companies(text, words, starts, ends))
        found.extend(self.repair.listed_companies(text, words, starts, ends))
        found.extend(self.repair.companies_beside_known(text, words, starts, ends))
        # each token takes the tag of the LAC word its first character is in; set as arrays
        # (per-token setters are slow), TAG as string hashes and POS as UD ids, looked up once per tag
        names = sorted({t for _s, _e, t in words})
        codes = {t: (self._hash(t), self._pos_id(self.pos.get(t, "X")) if t else 0) for t in names}
        table = numpy.array([codes[t] for t in names] + [(self._hash(""), 0), (self._hash(""), self._pos_id("SPACE"))],
                            dtype="uint64").reshape(-1, 2)
        none, space = len(names), len(names) + 1
        index = {t: k for k, t in enumerate(names)}
        word_starts = numpy.array([s for s, _e, _t in words], dtype="int64")
        word_ends = numpy.array([e for _s, e, _t in words], dtype="int64")
        word_codes = numpy.array([index[t] for _s, _e, t in words], dtype="int64")
        at = numpy.asarray(idx, dtype="int64")
        w = numpy.searchsorted(word_starts, at, side="right") - 1
        inside = (w >= 0) & (word_ends[numpy.maximum(w, 0)] > at) if len(words) else numpy.zeros(len(at), dtype=bool)
        rows = numpy.where(inside, word_codes[numpy.maximum(w, 0)] if len(words) else none, none)
        blank = [n for n, (i, length) in enumerate(zip(idx, lengths)) if text[i : i + length].isspace()]
        rows[blank] = space
        tags = table[rows] if len(idx) else numpy.zeros((0, 2), dtype="uint64")
        doc.from_array([TAG, POS], tags)
        candidates.add(doc, found)

    def _name_in_unknown_word(self, text: str, i: int, idx: list[int], lengths: list[int]) -> bool:
        """Offset ``i`` falls inside a word the dictionary lacks (made by the segmenter's HMM) that runs on
        one character past it and holds at most three characters of the name."""
        k = bisect_right(idx, i) - 1
        if k < 0 or not idx[k] < i < idx[k] + lengths[k]:
            return False
        return idx[k] + lengths[k] == i + 1 and i - idx[k] <= 3 and text[idx[k]:i + 1] not in self.repair.word_tags \
            and text[i] in _AFTER_NAME

    def _unknown_word(self, text: str, s: int, e: int, idx: list[int], lengths: list[int]) -> bool:
        """True when [s, e) is one segmenter word that the dictionary does not have (made by its HMM)."""
        k = bisect_right(idx, s) - 1
        return k >= 0 and idx[k] == s and lengths[k] == e - s and text[s:e] not in self.repair.word_tags

    def _person(self, text: str, s: int, e: int, starts: set[int], ends: set[int]) -> Candidate | None:
        # a name inside a longer jieba word (雷厉 in 雷厉风行) is not a name
        return self.repair.person(text, s, e) if s in starts and e in ends else None

    def _place(self, text: str, s: int, e: int, starts: set[int], ends: set[int]) -> Candidate | None:
        if e - s == 1:
            return self.repair.short_place(text, s)
        # a place starting inside a jieba word (顺盟市 of 理顺盟市) is none
        return self.repair.place(text, s, e) if s in starts else None

    def _organization(self, text: str, s: int, e: int, starts: set[int], ends: set[int]) -> Candidate | None:
        cand = self.repair.organization(text, s, e, ends)
        if cand is not None and text.endswith(_LAB, cand.start, cand.end) \
                and text[cand.start:cand.end - len(_LAB)] in self.repair.province_names:
            # 辽宁实验室, 陕西实验室5家: a province's system of labs under one brand, no one body, and no mention of
            # the province either (three dev annotators of three leave it out); one lab is named by its own place
            # or field (之江实验室). BLOCK wins its text and is then dropped
            return Candidate(cand.start, cand.end, "BLOCK", "gazetteer")
        return cand

    def _hash(self, tag: str) -> int:
        return self.vocab.strings.add(tag)

    @staticmethod
    def _pos_id(pos: str) -> int:
        return IDS[pos]


@Language.factory("kg_tagger", assigns=["token.tag", "token.pos", "doc._.kg_candidates"], requires=["doc._.kg_norm"])
def make_tagger(nlp: Language, name: str):
    """LAC part-of-speech tags and repaired PER/LOC/ORG candidates."""
    return TaggerComponent(nlp, name)
