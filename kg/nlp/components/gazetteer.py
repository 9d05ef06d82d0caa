"""Gazetteer matching: places, regions, organizations and named programs from packaged data.

Two-character names (河南, 包头, 和县), and places that are not divisions (rivers, regions),
are matched only where jieba also makes them a word, so that they do not fire inside longer
words (地中海 in 地中海贫血).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from .. import candidates
from ..words import Words, words
from ..candidates import Candidate
from ..text import LEADING_VERB_TAGS, LIST_CLOSE, Lexicon, WordSet, is_cjk, list_items
from ...data import column, country_names, feature_rows, load_table, organization_rows
from ...places import divisions

# jieba tags a county's short name may carry (the dictionary's tags of rare names are unreliable:
# 玛曲 nr, 迭部 n, 大冶 j: the dictionary's abbreviations of a county's full name), but not a verb,
# adjective or adverb (新建 of 新建区 is "newly built")
_PLACE_TAGS = ("ns", "nr", "nrt", "nz", "n", "j", "")
# what may close or open an item of a list of places (汶川、玉树、舟曲等灾区)
_LIST_ITEM_END = ("、", "等", "和", "及", "与", "，", "。")
_LIST_ITEM_START = "、，。：；在和与及"
# One-character country forms count only inside compounds of two or more (中俄, 俄蒙).
_SHORT_MIN_RUN = 2


# the level characters that close a division's name (泰山区, 宁乡市)
_LEVEL_CHARS = frozenset("省市县区旗盟州")


def place_entries(word_tags: dict[str, str] | None = None, abroad: bool = True) -> dict[str, tuple[str, str]]:
    """Surface name -> (label, key) for divisions, their aliases, named regions, countries and cities abroad.

    Short aliases that the jieba dictionary knows as another kind of word (大同 d,
    安康 nr) are left out, given ``word_tags``; full names always count. ``abroad=False`` leaves out the
    cities abroad (their names sit inside transliterated personal names: 罗兹 of 费罗兹).
    """
    word_tags = word_tags or {}
    entries: dict[str, tuple[str, str]] = {}
    for row in load_table("places.tsv"):
        # a two-character division name that is also a common noun (城区, 郊区, 矿区) is no mention
        # on its own: 中心城区 names no district
        if len(row["name"]) <= 2 and word_tags.get(row["name"], "ns") in ("n", "vn", "an", "s", "f"):
            continue
        entries.setdefault(row["name"], ("PLACE", row["code"]))
    for row in load_table("places.tsv"):
        for alias in filter(None, row["aliases"].split("|")):
            if len(alias) < 2 or (row["level"] == "county" and len(alias) < 3):
                continue  # county short names (泾川) only inside the report's own province: see Gazetteer
            if len(alias) == 2 and word_tags.get(alias, "ns") not in ("ns", "nz"):
                continue
            entries.setdefault(alias, ("PLACE", row["code"]))
    for row in load_table("places.tsv"):
        # an autonomous prefecture by its short name and 州 (湘西州, 甘南州, 延边州)
        if row["name"].endswith("自治州"):
            for alias in filter(None, row["aliases"].split("|")):
                entries.setdefault(alias + "州", ("PLACE", row["code"]))
    for row in load_table("regions.tsv"):
        entries.setdefault(row["name"], ("PLACE", row["name"]))
    for name, key in country_names().items():
        entries.setdefault(name, ("PLACE", key))
    # cities abroad (巴黎, 奥斯陆): the hosts of games, sister cities
    for row in load_table("world_cities.tsv") if abroad else ():
        entries.setdefault(row["name"], ("PLACE", row["name"]))
    for name, value in feature_entries().items():
        entries.setdefault(name, value)
    return entries


def feature_entries() -> dict[str, tuple[str, str]]:
    """Named places that are not divisions (``features.tsv``: rivers, mountains, world regions …;
    ``named_facilities.tsv``: airports, scenic areas, named lines, ports, zones …; ``sites.tsv`` and
    ``waters.tsv``: reserves, scenic and heritage sites, rivers and reservoirs), two characters or more;
    keyed by their name."""
    return {r["name"]: ("PLACE", r["name"]) for r in feature_rows() if len(r["name"]) >= 2}


def name_entries() -> dict[str, tuple[str, str]]:
    entries: dict[str, tuple[str, str]] = {}
    for row in organization_rows():
        if row["bare"] == "1":  # 科协, 党校 alone are categories or references back
            entries[row["name"]] = ("ORG", row["canonical"] or row["name"])
    for row in load_table("names.tsv"):
        entries[row["name"]] = (row["label"], row["name"])
    return entries


# words after a run of cities' first characters that say the run groups cities (汉襄宜协同, 济青烟3个…,
# 汉襄宜“金三角”, 安池铜跨江…; not 沈大经济走廊, a corridor named whole), or joins them by a corridor,
# a belt, a shared market or a transport chain (甲乙产业走廊, 甲乙丙铁水联运, 甲乙丙要素市场, 甲乙产业带), or
# a cluster of an industry across them (甲乙丙丁生物制造集群, 甲乙丙国家级新能源产业带), or a national zone they share
# (甲乙丙国家自主创新示范区)
_GROUPING_WORDS = r"城市群|都市圈|一体化|一体发展|协同|同城化|联动|经济圈|经济带|跨江|“|\d+个|产业走廊|产业带|铁水联运|要素市场"
# a list of the bodies that lead or share a task (（牵头单位：甲、乙、丙）): each is a body, however short its name
_LEAD_BODIES = re.compile(r"(?:牵头|责任|配合|参与)单位\s*[:：][^。；\n（）()]*$")
_FIXED_GROUPING = re.compile(f"(?:{_GROUPING_WORDS})")
_GROUPING = f"(?:{_GROUPING_WORDS}|(?:国家级|省级)?[\u4e00-\u9fff]{{2,6}}?(?:集群|产业带)|国家[\u4e00-\u9fff]{{2,6}}?示范区)"
# China's macro-regions, names only where the context says so: before 地区, or before another region and
# 地区 (中部地区 -> 中部, 中部和东部地区 -> 中部, 东部), and in a ranking among provinces (居中部前列,
# 居中西部第1, 中部领先; not a quoted slogan's “西部领先”); elsewhere 中部 is as often "the middle part"
_MACRO = "(?:中西部|东中部|中部|西部|东部|北方|南方)"
MACRO_REGION = re.compile(f"{_MACRO}(?=地区|[和、及与]{_MACRO}地区)|(?<=居){_MACRO}(?=前列|第|首位)"
                          f"|(?<![“\"]){_MACRO}(?=领先)")
# 中部 standing as a word of its own, after no place or level (支撑中部, 居中部化工园区第1位, 国家中部先进算力
# 集群, 中部粮食主产区): in reports it is the six central provinces. After a place it is that place's middle
# (甘肃中部, 我省中部), and before a word of terrain or a river works it names a province's own part
# (中部干旱带, 中部山区, 中部引黄, 中部城市群); 东部 and 西部 stay out: they open programs (西部大开发, 西部计划, 东部…协作)
# Only a report of the nation or of one of the six central provinces (山西, 安徽, 江西, 河南, 湖北, 湖南: the
# State Council's 中部地区) speaks so; in another province's report 中部 is its own middle (中部盟市, 中部市县)
CENTRAL_PROVINCES = frozenset(("140000", "340000", "360000", "410000", "420000", "430000"))
CENTRAL = re.compile("(?<![东西南北省市区县州盟旗])中部(?!地区|干旱带|山区|地带|引黄|片区|城区|城市群)")
# a province's part by its direction (江西南部), not before the cluster of its cities (山西中部城市群)
_DIRECTION_PART = re.compile("(?:东南|西南|东北|西北|[东西南北中])部(?!城市群|地区)")
# the mainland, 内地, where Hong Kong or Macao is named beside it (内地与香港、澳门, 同内地交流合作 after 港澳 in
# the sentence: the annotators of the 2013 and 2018 reports); against 沿海 it is "the interior", and 大湾区内地九市
# are the bay area's mainland cities
MAINLAND = re.compile("内地")
_HONG_KONG_MACAO = re.compile("香港|澳门|港澳")
# a named part or type in brackets after a facility's or a park's name is part of it: 滨洲铁路（齐海满段）,
# 长征国家文化公园（江西段）, 武夷山国家公园（江西片区）, 滁州保税物流中心（B型）
BRACKETED_PART = re.compile(r"（(?:[\u4e00-\u9fff]{1,8}(?:段|片区)|[A-Z]型)）")
# the form of a state written after a country's short name: 波兰人民共和国, 俄罗斯联邦, 大不列颠及北爱尔兰联合王国
STATE_FORM = re.compile("(?:(?:社会主义|人民|民主主义|民主|联邦|伊斯兰|阿拉伯|联合)*共和国|(?:联合)?王国|合众国|大公国|公国|联邦)")
# what a newspaper does or has as a body (its reporters, its office, its departments): 人民日报记者, 光明日报社
_PRESS_AGENT = re.compile("记者|社|编辑|评论员|报道|发表|刊登|创刊|讯|文艺部|理论部|总编")
# words for the residents of a division (市民, 县民, 区民): the division's last character opens them
_RESIDENTS = ("市民", "县民", "区民", "省民")
# one-character organ words that end a body's name and open common words (部门, 局面, 委员, 院校)
_ORGAN_CHARS = frozenset("部局委厅署办院会")
# LAC tags of a word that is used as a verb or modifier here, not as a name
_READ_AS_VERB = {"v", "vd", "vn", "a", "ad", "d"}


def residents_at(text: str, i: int, word_tags) -> bool:
    """text[i - 1:i + 1] is a word for a division's people (市民 of 武汉市民, 海口市民去…) and 民 opens no word
    with what follows (民政 of 市民政局, 民族 of 自治区民族…: bodies)."""
    return text[i - 1:i + 1] in _RESIDENTS and text[i:i + 2] not in word_tags
# characters after a city abroad that make it part of a longer name (纽约州, a state; 巴黎市: the city written whole)
_CITY_GOES_ON = frozenset("州省县区市")
# province shorts that are also common characters (新, 云, 青 …): a run needs one other short
_COMMON_SHORTS = set("新云贵青宁吉黑秦甘京津川晋")  # 晋 of 晋升, 新晋 (newly made)
_DESIGNATIONS = ("先行区", "示范区", "先导区", "试验区", "示范省", "示范市")
# a designation right after a name, with its scope (美丽中国[省域]先行区): the name names the
# designation, which is not annotated (guidelines), not a program of its own
DESIGNATION_AFTER = re.compile("(?:省域|市域|县域)?(?:先行示范区|" + "|".join(_DESIGNATIONS) + ")")
# one-character words of place before a province's short name (在湘, 驻甘, 入川, 来琼, 赴藏, 援疆)
# verbs and prepositions of place before a one-character short form (在湘, 驻甘, 对华, 访美, 援疆)
PLACE_VERBS = "在驻入来赴援离回留对访抵"
# prepositions the segmenter may join to a place's name after them (对岳阳 as one word)
_JOINED_PREPOSITIONS = frozenset("对在向从到赴至与")
# prepositions the segmenter joins to the first character of a run of cities (以深 of 以深中一体化为突破口)
_RUN_PREPOSITIONS = _JOINED_PREPOSITIONS | {"以"}
# one-character forms of continents that join countries' forms in a run (欧美, 中非)
CONTINENT_SHORTS = "欧非"
# what follows a pairing of a province with a partner: a word of exchange, or the next pair of a list
_EXCHANGE = "、|等|合作|交流|经贸|贸易|产业|科技|人文|文化|对口|友好"
# what follows two countries' forms that says they are the two parties (中俄文旅交流, 中俄跨境, 中美关系, 中英联合声明,
# 中印边界) or what they build together (中荷设施农业产业园)
_BILATERAL_AFTER = re.compile("文旅|交流|合作|跨境|国际合作|经贸|贸易|友好|边境|边界|人文|双边|关系|两国|双方|友谊|会谈|公报"
                              "|建交|邦交|联合声明|睦邻|战略协作|互利|设施农业|产业园|共建")
# what follows two places' short names that says the two are partners (深哈对口合作, 湘赣产业合作园, 京鲁科创合作平台,
# 深赣共建产业园): the pairing is no word of its own, whatever the dictionary calls it
_PARTNERS_AFTER = re.compile("对口合作|共建|产业合作|科创合作|科技合作|合作示范区|毗邻")


def country_forms() -> set[str]:
    """The one-character forms of countries (中, 美, 俄 …: ``regions.tsv``)."""
    return {r["short"] for r in load_table("regions.tsv") if r["short"]}


def is_country_run(name: str, countries: set[str]) -> bool:
    """``name`` is countries' (and continents') one-character forms only, one of them a country's, and two of
    them different (中美, 欧美日韩; not 亚欧, two continents: one region; not 美美 of 美美与共, a saying)."""
    return len(set(name)) >= 2 and all(c in countries or c in CONTINENT_SHORTS for c in name) \
        and any(c in countries for c in name)


class Gazetteer:
    def __init__(self, word_tags: dict[str, str] | None = None):
        entries = place_entries(word_tags)
        entries.update(name_entries())
        self.word_tags = word_tags or {}
        self.lexicon = Lexicon(entries)
        self.shorts = country_forms()
        self.members = WordSet(column("people_nouns.tsv", "noun"))
        # the mass organizations by their bare names (妇联, 工商联, 共青团): every level has one, so alone the name is
        # the kind (but 团省委, 团市委 name their level)
        self.bare_mass = frozenset(r["name"] for r in load_table("gov_bodies.tsv") if r["kind"] == "mass" and r["bare"] == "1"
                                   and (r["scope"] == "provincial" or r["name"] == "共青团") and not r["name"].startswith("团"))
        # what a name runs on into: a country's form of state (波兰人民共和国), a park's part (…公园（江西段）)
        self.suffixes = {name: STATE_FORM for name in country_names().values()}
        self.suffixes.update((r["name"], STATE_FORM) for r in load_table("regions.tsv") if r["kind"] == "country")
        self.suffixes.update((r["name"], BRACKETED_PART) for r in load_table("features.tsv") if r["kind"] == "park")
        # with a country's form, 欧 and 非 stand for Europe and Africa (欧美日韩, 对非美出口)
        forms = re.escape("".join(sorted(self.shorts)) + CONTINENT_SHORTS)
        self.short_run = re.compile(f"[{forms}](?:、?[{forms}])*")
        # two-character short names of counties, by province: they count in a report of that province only
        self.div = divisions()
        # countries by name and alias, to their name; cities abroad, to their country's name
        self.country_of_name = {**{r["name"]: r["name"] for r in load_table("regions.tsv") if r["kind"] == "country"},
                                **country_names()}
        self.city_country = {r["name"]: self.country_of_name.get(r["country"], r["country"])
                             for r in load_table("world_cities.tsv")}
        self.longest_city = max(map(len, self.city_country), default=0)
        county_shorts: dict[str, dict[str, str]] = {}
        for row in load_table("places.tsv"):
            if row["level"] != "county":
                continue
            province = self.div.province(row["code"])
            for alias in filter(None, row["aliases"].split("|")):
                if len(alias) == 2 and province is not None and alias not in entries:
                    county_shorts.setdefault(province.code, {})[alias] = row["code"]
        self.county_shorts = {code: Lexicon(names) for code, names in county_shorts.items()}
        # the same, in any report, where the name is unique among counties: an item of a list of places
        everywhere: dict[str, list[str]] = {}
        for names in county_shorts.values():
            for alias, code in names.items():
                everywhere.setdefault(alias, []).append(code)
        self.listed_county_shorts = Lexicon({a: codes[0] for a, codes in everywhere.items() if len(codes) == 1})
        self.campaign_words = WordSet(column("campaign_words.tsv", "word"))
        # the provinces' literary names (龙江, 荆楚, 陇原, 三晋: named regions of one province each), which campaign
        # words open too (平安龙江)
        self.literary_provinces = frozenset(column("province_literary_names.tsv", "name"))
        # the first characters of each province's prefecture-level cities (兰 for 兰州, 白 for 白银):
        # runs of them name groups of cities (兰白, 郑焦, 金丽温, 宜荆荆恩)
        self.city_initials: dict[str, Counter] = {}
        # the table's 省直辖行政区划 is a heading, no city; the county-level cities and areas under it are the
        # province's own (神 for 神农架: 襄十随神, 仙 for 仙桃)
        under_province = {d.code: d.parent for d in self.div.by_code.values()
                          if d.level == "prefecture" and d.name.startswith("省直辖")}
        for d in self.div.by_code.values():
            if d.level == "prefecture" and d.parent and d.code not in under_province:
                self.city_initials.setdefault(d.parent, Counter())[d.name[0]] += 1
            elif d.parent in under_province:
                self.city_initials.setdefault(under_province[d.parent], Counter())[d.name[0]] += 1
        for row in load_table("city_shorts.tsv"):  # 汉 for 武汉 (汉襄宜)
            for code in self.div.by_name.get(row["city"], []):
                parent = self.div.by_code[code].parent
                if parent:
                    self.city_initials.setdefault(parent, Counter())[row["short"]] += 1
        # zone and designation heads: 美丽中国先行区 names a designation, not the campaign
        self.place_heads = tuple(r["head"] for r in load_table("place_heads.tsv")) + _DESIGNATIONS
        self.province_shorts: dict[str, str] = {}
        for row in load_table("province_shorts.tsv"):
            self.province_shorts[row["code"]] = self.province_shorts.get(row["code"], "") + row["short"]
        self.short_province = {c: code for code, shorts in self.province_shorts.items() for c in shorts}
        # a province's short name and a partner abroad or across the straits (湘欧, 皖港澳), by province
        partners = re.escape("".join(sorted(self.shorts)) + CONTINENT_SHORTS + "台")
        self.partner_pairs = {code: re.compile(f"([{shorts}])(港澳台|港澳|[{partners}])(?={_EXCHANGE})")
                              for code, shorts in self.province_shorts.items()}
        chars = re.escape("".join(self.short_province))
        self.province_run = re.compile(f"(?<![{chars}])[{chars}]{{2,4}}(?![{chars}])")
        # shorts read after a verb of place in any report: the provinces' (新 left out: 在新时代; 疆 instead: 援疆) and
        # China's own (华) and those of Hong Kong, Macao and Taiwan
        # and the cities' conventional shorts (驻穗总领馆, 在汉成立)
        self.city_short = {r["short"]: r["city"] for r in load_table("city_shorts.tsv")
                           if r["short"] not in self.short_province}
        # two places by their shorts, the provinces' and the cities' (深 for 深圳, 哈 for 哈尔滨), before a word
        # of partnership (深哈对口合作, 深赣共建产业园)
        self.named_regions = {r["name"] for r in load_table("regions.tsv")}
        self.pair_shorts = {**self.short_province, **self.city_short}
        pair_chars = re.escape("".join(self.pair_shorts))
        self.partner_run = re.compile(f"(?<![{pair_chars}])[{pair_chars}]{{2}}(?={_PARTNERS_AFTER.pattern})")
        after = "".join(sorted(set(self.short_province) - {"新"})) + "疆华港澳台" + "".join(sorted(self.city_short))
        self.short_after_verb = re.compile(f"(?<=[{PLACE_VERBS}])[{re.escape(after)}]")
        # a country's or a continent's one-character form after 对 before a word of trade (对非贸易, 对欧投资,
        # 对非供应链): the partner traded with (对非法, 对非遗 stay none: the dictionary joins them)
        traded = re.escape("".join(sorted(c for c in self.shorts if len(c) == 1)) + CONTINENT_SHORTS)
        self.trade_partner = re.compile(f"(?<=对)[{traded}](?=贸易|经贸|出口|进口|投资|供应链|直接投资|合作)")

        # companies whose short names are common words (海光, 麒麟, 大众): read only before a product of theirs or
        # as an item of a list beside another company
        self.word_companies = Lexicon({r["name"]: tuple(p for p in r["products"].split("|") if p)
                                       for r in load_table("word_companies.tsv")})

    def __call__(self, doc: Doc) -> list[Candidate]:
        text = doc._.kg_norm.text
        w = words(doc)
        starts, ends = w.start_set, w.end_set
        found = []
        for s, e, (label, key) in self.lexicon.find_all(text):
            suffix = self.suffixes.get(key)
            if suffix is not None:  # 波兰人民共和国, 长征国家文化公园（江西段）: one place
                m = suffix.match(text, e)
                e = m.end() if m else e
            # short names, and names that are not divisions (地中海 of 地中海贫血), must be words; a
            # body's short name may open a word of its members (武警官兵, one word to the segmenter)
            if (e - s <= 2 or (label == "PLACE" and not key.isdigit())) and not (s in starts and e in ends) \
                    and not (label in ("ORG", "PLACE") and s in starts and self.members.starting_at(text, e)
                             and e + len(self.members.starting_at(text, e)) in ends) \
                    and not (label == "PLACE" and key.isdigit() and self._after_joined_preposition(text, s, e, starts, ends)):
                continue
            if label == "PROGRAM" and DESIGNATION_AFTER.match(text, e):
                continue
            if label == "ORG" and text[s:e] in self.bare_mass and not _LEAD_BODIES.search(text, max(0, s - 60), s):
                continue  # 支持工会、共青团、妇联等群团组织: the mass organizations of every level, as a kind (the dev
                # annotators of 25 reports mark none of them in prose); bodies listed as leads of a task are each one
            if s > 0 and text[s - 1:s + 1] in self.word_tags and (
                    (s not in starts and e - s > 2 and text[s + 1:e] in self.word_tags)
                    or (label == "ORG" and (s not in starts or e not in ends) and text[e - 1:e + 1] in self.word_tags)):
                continue  # 顺应城市: the first character closes a word before it (顺应) and the rest is one, no
                # 应城市; 集中能建成: a body's name whose ends both belong to words around it (集中, 建成), no 中能建
            if label == "ORG" and text[s - 1:s] == "大" and not is_cjk(text[s - 2:s - 1] or "，") \
                    and e - s <= 4 and text[e - 1] in "院所":
                continue  # “大农科院”改革: a reform that merges bodies into a big one, no body (大 opens a coinage)
            if label == "ORG" and e - s == 2 and text[s - 1:s + 1] in self.word_tags and text[e - 1:e + 1] in self.word_tags:
                continue  # 湖湘大地: a body's two-character short form whose ends both close and open words around
                # it (湖湘, 大地), no 湘大 (the segmenter, which has the short form, cut the words for it)
            if label == "PLACE" and key.isdigit() and e not in ends and text[e - 1] in _LEVEL_CHARS \
                    and text[e - 1:e + 1] in self.word_tags:
                continue  # 环泰山区域: the division's level character opens a word with the next (区域), no 泰山区
            if label == "PLACE" and residents_at(text, e, self.word_tags):
                continue  # 武汉市民: the people of 武汉, whose 市 is theirs (市民); the short name stays
            if label == "ORG" and text[e - 1] == "报" and text[s - 1:s] == "《" and text[e:e + 1] == "》":
                label = "WORK"  # 《人民日报》: a paper in title marks is the work read (the kexie gold's 《内蒙古科技报》)
            if label == "WORK" and text[e - 1] == "报" and text[s - 1:s] != "《" and _PRESS_AGENT.match(text, e):
                label = "ORG"  # 人民日报记者, 光明日报社: the paper as the body that reports, not the work read
            if label == "ORG" and e not in ends and text[e - 1] in _ORGAN_CHARS and text[e - 1:e + 1] in self.word_tags:
                continue  # 科技部门: the body's last character opens a word with the next (部门), no 科技部
            if label == "ORG" and text[e:e + 1] == "人" \
                    and any(text[j:e + 1] in self.word_tags for j in range(max(s + 1, e - 3), e - 1)):
                continue  # 中国共产党人: the members (共产党人), no party
            found.append(Candidate(s, e, label, "gazetteer", (("key", key),)))
        found.extend(self._greater(text, found, starts))
        found.extend(self._province_parts(text, found))
        found.extend(self._country_compounds(text, w))
        province = self.div.text_province(text)
        shorts = self.county_shorts.get(province or "")
        if shorts is not None:
            tag_at = dict(zip(w.starts, w.tags))
            for s, e, code in shorts.finditer(text):
                listed = text[s - 1:s] == "、" or text[e:e + 1] == "、"
                if tag_at.get(s) in _READ_AS_VERB and (text[e - 1:e + 1] in self.word_tags or not listed):
                    continue  # 惠民生, 新建改建农村公路: a verb here, not the county 惠民 or 新建 (a list of places keeps it)
                if s in starts and e in ends and self.word_tags.get(text[s:e], "ns") in _PLACE_TAGS:
                    found.append(Candidate(s, e, "PLACE", "gazetteer", (("key", code),)))
        if province in self.province_shorts:
            found.extend(self._own_province_short(text, province, starts, ends))
            found.extend(self._own_province_partners(text, province, starts))
        if province in self.city_initials:
            found.extend(self._city_runs(text, self.city_initials[province], doc._.kg_candidates or [], starts))
        found.extend(self._shorts_after_place_verbs(text))
        found.extend(Candidate(m.start(), m.end(), "PLACE", "gazetteer", (("key", m.group()),))
                     for m in MACRO_REGION.finditer(text) if m.start() in starts)
        if province is None or province in CENTRAL_PROVINCES:
            place_ends = {c.end for c in found if c.label == "PLACE"}
            found.extend(Candidate(m.start(), m.end(), "PLACE", "gazetteer", (("key", "中部"),))
                         for m in CENTRAL.finditer(text)
                         if m.start() in starts and m.end() in ends and m.start() not in place_ends)
        found.extend(Candidate(m.start(), m.end(), "PLACE", "gazetteer", (("key", "内地"),))
                     for m in MAINLAND.finditer(text) if self._beside_hong_kong(text, m.start(), m.end()))
        found.extend(self._province_runs(text, starts, ends, dict(zip(w.starts, w.tags))))
        found.extend(self._partner_runs(text, starts))
        found.extend(self._word_companies(text, found, starts, {s: (e, t) for s, e, t in zip(w.starts, w.ends, w.tags)}))
        found.extend(self._campaigns(text, found, starts))
        found.extend(self._nested_shorts(text, [*found, *(doc._.kg_candidates or [])], ends))
        found.extend(self._listed_shorts(text, [*found, *(doc._.kg_candidates or [])], starts, ends))
        found.extend(self._cities_after_country(text, [*found, *(doc._.kg_candidates or [])]))
        return found

    def _cities_after_country(self, text: str, found: list[Candidate]) -> list[Candidate]:
        """A city abroad written right after its own country is one place with it, as a township is with its county
        (挪威奥斯陆, 孟加拉国达卡: the guidelines' one span for a chain of places)."""
        out = []
        for c in found:
            country = self.country_of_name.get(text[c.start:c.end]) if c.label == "PLACE" else None
            if country is None:
                continue
            city = next((text[c.end:c.end + n] for n in range(self.longest_city, 1, -1)
                         if self.city_country.get(text[c.end:c.end + n]) == country), None)
            after = c.end + len(city) if city is not None else 0
            if city is not None and text[after:after + 1] not in _CITY_GOES_ON \
                    and text[c.end:after + 1] not in self.word_tags and text[c.end:after + 2] not in self.word_tags:
                out.append(Candidate(c.start, c.end + len(city), "PLACE", "gazetteer"))
        return out

    def _word_companies(self, text: str, found: list[Candidate], starts: set[int],
                        at: dict[int, tuple[int, str]]) -> list[Candidate]:
        """Companies by short names that are common words (word_companies.tsv): one that opens a word and runs
        straight into a product of its own (海光DCU芯片, 大众变速器, 麒麟操作系统), and one opening an item of a list
        closed by 等 where another item is opened by such a company or by a company of the other lexicons
        (依托甲、乙、丙等; 甲芯片、乙算力芯片等): no 海光 of the sea's light. ``at``: start -> (end, LAC tag) of the
        words."""
        found_here = [(s, e, products) for s, e, products in self.word_companies.find_all(text) if s == 0 or s in starts]
        if not found_here:
            return []
        hits = {s: e for s, e, _products in found_here}
        taken = {s for s, e, products in found_here if products and text.startswith(products, e)}
        companies = {c.start for c in found if c.label == "ORG" and c.source == "gazetteer"}
        verb_ends = {e for e, tag in at.values() if tag in LEADING_VERB_TAGS}
        for m in LIST_CLOSE.finditer(text):
            items = list_items(text, m.start(), at, LEADING_VERB_TAGS)
            # an item's opener; the first item's may follow its clause's subject and verb (甲产业依托乙、丙等)
            openers = [p for p, _q in items] + [s for s in hits if items[0][0] < s < items[0][1] and s in verb_ends]
            if any(p in taken or p in companies for p in openers):
                taken.update(p for p in openers if p in hits)
        return [Candidate(s, hits[s], "ORG", "gazetteer", (("key", text[s:hits[s]]),)) for s in sorted(taken)]

    def _listed_shorts(self, text: str, places: list[Candidate], starts, ends) -> list[Candidate]:
        """A county's short name as an item of a list beside a place counts in any report (汶川、玉树、舟曲等
        灾区): the list says what its items are."""
        ends_at = {c.end for c in places if c.label == "PLACE"}
        starts_at = {c.start for c in places if c.label == "PLACE"}
        taken = {(c.start, c.end) for c in places if c.label == "PLACE"}
        out = []
        for s, e, code in self.listed_county_shorts.finditer(text):
            if (s, e) in taken or s not in starts or e not in ends \
                    or self.word_tags.get(text[s:e], "ns") not in _PLACE_TAGS + ("t",):  # (当阳, a time word too)
                continue
            before = text[s - 1:s] == "、" and s - 1 in ends_at
            after = text[e:e + 1] == "、" and e + 1 in starts_at
            if (before and text[e:e + 1] in _LIST_ITEM_END) or (after and (s == 0 or text[s - 1] in _LIST_ITEM_START)):
                out.append(Candidate(s, e, "PLACE", "gazetteer", (("key", code),)))
        return out

    def _nested_shorts(self, text: str, places: list[Candidate], word_ends: set[int]) -> list[Candidate]:
        """A division's short name right after the short name of a division that contains it is one place,
        the lower one named with its parent (长沙宁乡, 青海玉树; 临沂费县, a county that goes by its official name
        of two characters); written in full, the two stay two places (呼和浩特市和林格尔县: the kexie gold's reading)."""
        at = {}
        lower_only: dict[int, set[int]] = {}  # counties whose official name is their shortest (费县): lower names only
        for c in places:
            if c.label == "PLACE" and self._short_of_division(text[c.start:c.end]):
                at.setdefault(c.start, set()).add(c.end)
            elif c.label == "PLACE" and self._one_character_county(text[c.start:c.end]):
                lower_only.setdefault(c.start, set()).add(c.end)
        for s in list(at):
            for m in list(at[s]):
                provinces = [c for c in self.div.by_name[text[s:m]] if self.div.by_code[c].level == "province"]
                if any(text[m:m + 2] in self.county_shorts[c].entries for c in provinces if c in self.county_shorts) \
                        and m + 2 in word_ends:
                    # 甘肃舟曲: a county's short name counts after its own province in any report
                    at.setdefault(m, set()).add(m + 2)
        out = []
        for s, ends in at.items():
            for m in ends:
                for e in at.get(m, set()) | lower_only.get(m, set()):
                    upper, lower = text[s:m], text[m:e]
                    if self.word_tags.get(lower, "") not in _PLACE_TAGS:
                        continue  # 辽宁振兴: the lower name is a word of the language here (振兴, 合作), no county
                    parents = {self.div.by_code[u] for u in self.div.by_name[upper]}
                    code = next((c for c in self.div.by_name[lower] if parents.intersection(self.div.chain(c)[1:])), None)
                    if code is not None:
                        out.append(Candidate(s, e, "PLACE", "gazetteer", (("key", code),)))
        return out

    @staticmethod
    def _beside_hong_kong(text: str, start: int, end: int) -> bool:
        """Hong Kong or Macao named in the same sentence, within 20 characters of 内地 (not 大湾区内地九市)."""
        if text[end:end + 1] in ("九", "城") or text[start - 3:start] == "大湾区":
            return False
        left = max(text.rfind(c, 0, start) for c in "。；！？\n") + 1
        right = min([i for i in (text.find(c, end) for c in "。；！？\n") if i >= 0] or [len(text)])
        return bool(_HONG_KONG_MACAO.search(text, max(left, start - 20), min(right, end + 20)))

    def _one_character_county(self, name: str) -> bool:
        """``name`` is the official name of a county of one character and its level word (费县, 沛县, 滑县): no shorter
        form goes by it, so after its city's short name it is written so (临沂费县, as 长沙宁乡)."""
        return len(name) == 2 and any(self.div.by_code[c].name == name and self.div.by_code[c].level == "county"
                                      for c in self.div.by_name.get(name, []))

    def _short_of_division(self, name: str) -> bool:
        """``name`` names a division by a short form only, never by its official name (宁乡, not 宁乡市)."""
        codes = self.div.by_name.get(name, [])
        return bool(codes) and all(self.div.by_code[c].name != name for c in codes)

    def _campaigns(self, text: str, places: list[Candidate], starts) -> list[Candidate]:
        """A campaign word right before a province, a city or the country: 平安中国, 法治湖南, 健康深圳."""
        out = []
        for c in places:
            key = dict(c.attrs).get("key", "")
            division = self.div.by_code.get(key)
            if c.label != "PLACE" or not (key == "中国" or key in self.literary_provinces
                                          or (division and division.level in ("province", "prefecture"))):
                continue  # (a province by its literary name too: 平安龙江, 书香荆楚)
            word = self.campaign_words.ending_at(text, c.start, max(0, c.start - 3))
            if word is None and division and division.level == "province" and c.end - c.start >= 2 \
                    and text[c.start - 1:c.start] == "新" and text[c.start - 2:c.start - 1] != "中":
                # a province's vision of itself: 新福建, 现代化新重庆, 美丽新宁夏 (the annotators of five
                # provincial reports: a campaign; 新中国 is the country, 中新天津 a partnership, and a province's
                # one-character short is none: 新晋 is "newly made")
                word = "新"
                before = self.campaign_words.ending_at(text, c.start - 1, max(0, c.start - 4))
                if before is not None and (c.start - 1 - len(before) in starts or c.start - 1 - len(before) == 0):
                    word = before + word  # (幸福美好新甘肃: 美好 inside the word 幸福美好 opens nothing; 新甘肃 then)
            if word is None or (c.start - len(word) not in starts and c.start - len(word) > 0):
                continue
            if any(text.startswith(h, c.end) for h in self.place_heads):
                continue  # 美丽中国先行区: a designation, not the campaign
            out.append(Candidate(c.start - len(word), c.end, "PROGRAM", "gazetteer"))
        return out

    def _city_runs(self, text: str, initials: Counter, found: list[Candidate], starts: set[int]) -> list[Candidate]:
        """Groups of the report's cities written by their first characters (兰白一体化, 沈大经济走廊,
        郑焦、郑新等产业带, 宜荆荆恩城市群), which LAC reads as a person's name: one place each,
        wherever the run recurs. Each character must stand for a different city of the province."""
        def city_run(run: str) -> bool:
            # (the dictionary has some runs as people's names, 宁镇扬 and 苏锡常 tagged nr: no word of its own)
            return self.word_tags.get(run, "nr") == "nr" and all(n <= initials[ch] for ch, n in Counter(run).items())

        runs = set()
        for c in found:
            if c.label == "PERSON" and c.source == "lac" and 2 <= c.end - c.start <= 4 and city_run(text[c.start:c.end]):
                runs.add(text[c.start:c.end])
        # a run in quote marks (“襄十随神”城市群, “武鄂黄黄咸”光电子信息), or before a word of grouping
        # (汉襄宜协同, 济青烟3个…, 合芜马铁水联运): LAC need not read it as a name
        chars = "".join(initials)
        for m in re.finditer(f"(?:(?<=“)[{chars}]{{2,6}}(?=”)|(?<![{chars}])[{chars}]{{2,5}}(?={_GROUPING}))", text):
            if city_run(m.group()) and (m.start() == 0 or not is_cjk(text[m.start() - 1]) or m.start() in starts
                                        or (m.start() - 1 in starts and text[m.start() - 1] in _RUN_PREPOSITIONS)) \
                    and (m.end() in starts or _FIXED_GROUPING.match(text, m.end()) is not None):
                # (the segmenter may join a preposition to the run's first character: 以深 of 以深中一体化; before a
                # cluster the run ends a word: 宝汉 of 宝汉天工业母机集群 is no run, 天 going on with a city of another
                # province)
                runs.add(m.group())
        # pairs of a hub city with others written one after another before a word of grouping (合淮合六合滁同城化:
        # 合肥 with 淮南, with 六安, with 滁州): each pair is a run
        pairs = []
        for m in re.finditer(f"(?<![{chars}])([{chars}])[{chars}](?:\\1[{chars}]){{1,3}}(?={_GROUPING})", text):
            if m.start() == 0 or not is_cjk(text[m.start() - 1]) or m.start() in starts:
                found_pairs = [text[i:i + 2] for i in range(m.start(), m.end(), 2)]
                if all(city_run(p) for p in found_pairs):
                    pairs.extend((i, i + 2) for i in range(m.start(), m.end(), 2))
        # a pair found so is a run wherever it recurs in the report (合淮合六合滁同城化, then 合淮、合六、合滁合作园区)
        runs.update(text[i:j] for i, j in pairs)
        # the other items of a list that holds such a run are runs too (合六、合淮、合滁一体化; 郑洛、郑许协同)
        item = re.compile(f"(?<![{chars}])[{chars}]{{2,5}}(?![{chars}])")
        grown = True
        while runs and grown:
            grown = False
            for m in item.finditer(text):
                run = m.group()
                if run in runs or not city_run(run):
                    continue
                before, after = text[max(0, m.start() - 6):m.start()], text[m.end():m.end() + 6]
                if any((before.endswith(r + "、") or after.startswith("、" + r)) for r in runs):
                    runs.add(run)
                    grown = True
        out = []
        for run in runs:
            for m in re.finditer(re.escape(run), text):
                s, e = m.span()
                if (s and text[s - 1] in initials and text[s - 2:s] not in self.word_tags) \
                        or (e < len(text) and text[e] in initials and text[e:e + 2] not in self.word_tags):
                    continue  # part of a longer run (宜荆荆恩 holds 荆恩); not a word after it (合滁合作园区: 合作)
                out.append(Candidate(s, e, "PLACE", "gazetteer", (("key", run), ("run", "1"))))
        out.extend(Candidate(s, e, "PLACE", "gazetteer", (("key", text[s:e]), ("run", "1"))) for s, e in pairs)
        return out

    def _province_parts(self, text: str, found: list[Candidate]) -> list[Candidate]:
        """A province and a part of it by its direction, one region (江西南部, 内蒙古东部: the dev annotators mark
        the whole 3 of 4); before 城市群 the facility's rule names the cluster (山西中部城市群)."""
        out = []
        for c in found:
            key = dict(c.attrs).get("key", "")
            d = self.div.by_code.get(key) if c.label == "PLACE" and key.isdigit() else None
            if d is None or d.level != "province":
                continue
            m = _DIRECTION_PART.match(text, c.end)
            if m:
                out.append(Candidate(c.start, m.end(), "PLACE", "gazetteer", (("key", key),)))
        return out

    def _greater(self, text: str, found: list[Candidate], starts: set[int]) -> list[Candidate]:
        """A city with 大 before it is the greater city, one place (现代化大武汉, 大三亚, 大香格里拉): 大 opens a
        word of the segmenter (not the 大 of 放大, 做大), the city is a prefecture, a province or a city of county
        level, and 大 with the name is no division of its own (大连, 大同: the lexicon's longest match has them)."""
        out = []
        for c in found:
            key = dict(c.attrs).get("key", "")
            d = self.div.by_code.get(key) if c.label == "PLACE" and key.isdigit() else None
            if d is None or text[c.start - 1:c.start] != "大" or c.start - 1 not in starts \
                    or not (d.level in ("province", "prefecture") or d.name.endswith("市")) \
                    or text[c.start - 1:c.end] in self.div.by_name or text[c.start - 1:c.end] in self.word_tags \
                    or self.word_tags.get(text[c.start:c.end], "ns") not in _PLACE_TAGS:
                continue
            out.append(Candidate(c.start - 1, c.end, "PLACE", "gazetteer", (("key", key),)))
        return out

    def _after_joined_preposition(self, text: str, s: int, e: int, starts, ends) -> bool:
        """A division's name that the segmenter joined to the preposition before it into one word of no
        dictionary (对岳阳, 向榆林): the preposition opens the word, the name ends it."""
        return s - 1 in starts and e in ends and text[s - 1] in _JOINED_PREPOSITIONS \
            and text[s - 1:e] not in self.word_tags and text[s - 1:s + 1] not in self.word_tags

    def _shorts_after_place_verbs(self, text: str) -> list[Candidate]:
        """A province's or a region's one-character short form right after a verb or preposition of
        place (对华出口, 驻港部队, 在京召开, 抵港, 来华访问), where it starts no word of the dictionary
        with the next character (对美好, 在日常, 对港口, 在京津冀 are none). The segmenter joins
        such pairs into one word (对华, 驻港), so word boundaries cannot tell; the dictionary can."""
        out = []
        for m in [*self.short_after_verb.finditer(text), *self.trade_partner.finditer(text)]:
            i = m.start()
            if text[i:i + 2] in self.word_tags or text[i:i + 3] in self.word_tags \
                    or self.word_tags.get(text[i - 1:i + 3]) == "i":
                continue  # (来龙去脉: the verb and the short open an idiom; 在京举行, 驻华大使 are words too, of place)
            key = self.short_province.get(text[i]) or self.city_short.get(text[i], text[i])
            out.append(Candidate(i, i + 1, "PLACE", "gazetteer", (("key", key),)))
        return out

    def _own_province_short(self, text: str, province: str, starts, ends) -> list[Candidate]:
        """The report's province by its one-character short name after a word of place: 在湘, 驻甘, 入川."""
        pattern = re.compile(f"(?<=[{PLACE_VERBS}])[{self.province_shorts[province]}]")
        return [Candidate(m.start(), m.end(), "PLACE", "gazetteer", (("key", province),))
                for m in pattern.finditer(text)
                if m.start() - 1 in starts and m.start() in ends and m.start() in starts and m.end() in ends
                and not (m.group() in _COMMON_SHORTS and text.startswith("的", m.end()))]
        # (站在新的起点上: a short that is a common character before 的 is the adjective, no province)

    def _own_province_partners(self, text: str, province: str, starts) -> list[Candidate]:
        """The report's province by its short name paired with a partner abroad or across the straits, before a
        word of exchange or another pair (湘欧、湘非等经贸合作, 深化皖港澳合作, 皖台交流): two places."""
        found = []
        for m in self.partner_pairs[province].finditer(text):
            if m.start() not in starts or m.group() in self.word_tags:
                continue
            found.append(Candidate(m.start(1), m.end(1), "PLACE", "gazetteer", (("key", province),)))
            found.append(Candidate(m.start(2), m.end(2), "PLACE", "gazetteer", (("key", m.group(2)),)))
        return found

    def _province_runs(self, text: str, starts, ends, tag_at: dict[int, str]) -> list[Candidate]:
        """Provinces by their short names written together (鲁豫毗邻地区, 湘粤联网): each is a place; three
        together (苏浙皖) are one.
        The run is two to four shorts of different provinces, between word edges, no word of the
        dictionary (云贵 of 云贵高原 is a feature's), and holds one short that is no common character."""
        found = []
        for m in self.province_run.finditer(text):
            s, e = m.span()
            run = m.group()
            codes = [self.short_province[c] for c in run]
            if len(set(codes)) < len(codes) or s not in starts or e not in ends or self.word_tags.get(run, "nr") != "nr" \
                    or not any(c not in _COMMON_SHORTS for c in run) or text.startswith("协作", e) \
                    or any(tag_at.get(s + k) in _READ_AS_VERB for k in range(len(run))):
                continue  # 京蒙协作, 闽宁协作: the pairing of east and west is a program's name; 新晋 (newly
                # made)院士: the tagger reads a character as an adverb or a verb, no province
            if len(run) == 3:
                # three provinces together name a region as one unit, as 京津冀 and 港澳台 do in the
                # guidelines (沪苏浙, 苏浙皖: four dev annotations of six)
                found.append(Candidate(s, e, "PLACE", "gazetteer"))
                continue
            found.extend(Candidate(s + k, s + k + 1, "PLACE", "gazetteer", (("key", code),))
                         for k, code in enumerate(codes))
        return found

    def _partner_runs(self, text: str, starts) -> list[Candidate]:
        """Two places by their short names, a province's or a city's, before a word of partnership (深哈对口合作,
        深赣共建产业园, 湘赣产业合作园, 京鲁科创合作平台): each is a place. Where ``_province_runs`` cannot tell
        them: the segmenter joins the pair with what follows (京鲁科创), or its dictionary has the pair as an
        abbreviation (湘赣, j), or one is a city's, or both are common characters (京晋). Named regions (京津, 川渝)
        stay one. Where both rules read a pair, they read the same two places."""
        found = []
        for m in self.partner_run.finditer(text):
            s, e = m.span()
            run = m.group()
            places = [self.pair_shorts[c] for c in run]
            if s not in starts or places[0] == places[1] or run in self.named_regions \
                    or self.word_tags.get(run, "j") not in ("j", "nr"):
                continue
            found.extend(Candidate(s + k, s + k + 1, "PLACE", "gazetteer", (("key", place),))
                         for k, place in enumerate(places))
        return found

    def _inside_common_word(self, text: str, w: Words, i: int) -> bool:
        """Offset ``i`` falls inside a word (not at its start) that the dictionary and LAC both take for no name: an
        adverb, an adjective, a verb, a function word (越来越 of 越来越美好; not a word the segmenter made up, 连中 of
        连中苏边界, nor one LAC reads otherwise, 日中 of 二十三日中朝两国)."""
        k = bisect_right(w.starts, i) - 1
        return k >= 0 and w.starts[k] < i < w.ends[k] \
            and self.word_tags.get(text[w.starts[k]:w.ends[k]], "n")[0] in "adcpurmq" and w.tags[k][:1] in tuple("adcpurmq")

    def _country_compounds(self, text: str, w: Words | None = None) -> list[Candidate]:
        """中俄, 中俄蒙, 中、美: one-character country forms in a run of two or more; ``w``: the Doc's words."""
        found = []
        n = len(text)
        for m in self.short_run.finditer(text):  # maximal runs, 、 allowed between two forms
            i, j = m.span()
            members = [k for k in range(i, j) if text[k] != "、"]
            if not is_country_run("".join(text[k] for k in members), self.shorts) \
                    or self.word_tags.get(text[i:j], "ns")[0] in "abdv":
                continue  # 欧非: continents alone make no run of countries; 非法 is a word
            if w is not None and self._inside_common_word(text, w, i):
                continue  # 生活越来越美好: the run opens inside an adverb (越来越), no 越南 and 美国
            # a run of three or more is a run wherever it stands (稳住欧美日韩等市场); two need an edge
            if len(members) >= _SHORT_MIN_RUN and j < n and is_cjk(text[j]) and (
                i == 0 or not is_cjk(text[i - 1]) or text[i - 1] in "与和及、的位名" + PLACE_VERBS
                or len(members) > _SHORT_MIN_RUN or text[j] == "等"  # 稳住日韩等传统市场: a list's items
                or _BILATERAL_AFTER.match(text, j) is not None  # 打造中俄文旅交流…, 推动中俄跨境索道
            ) and text[i:i + 2] not in self.div.by_name:  # 英德: a city, not England and Germany
                found.extend(Candidate(k, k + 1, "PLACE", "region") for k in members)
        return found


@Language.factory("kg_gazetteer", assigns=["doc._.kg_candidates"], requires=["doc._.kg_norm"])
def make_gazetteer(nlp: Language, name: str):
    """Recognize places, organizations and named programs listed in the packaged gazetteers."""
    gazetteer = Gazetteer(getattr(nlp.tokenizer, "word_tags", None))

    def component(doc: Doc) -> Doc:
        candidates.add(doc, gazetteer(doc))
        return doc

    return component
