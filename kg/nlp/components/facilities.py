"""PLACE names of facilities, infrastructure and zones, composed as [place] + modifiers + head.

The annotation guidelines make a named railway, airport, reservoir, irrigation area, scenic
area, heritage site or official zone one PLACE for the whole name (临河至哈密铁路,
昆明长水国际机场, 河套灌区, 中国（上海）自由贸易试验区). The head words are in
``place_heads.tsv``; the name runs left from the head, over modifiers, a bracketed place
（内蒙古）, a dash or 至 between two places, until punctuation, a boundary word or a verb.

- Heads with ``needs_place = 1`` make a name only when the modifier holds a place (a division,
  a named feature of ``features.tsv`` or a region): 包头稀土高新技术产业开发区, not 零碳园区.
  The name then starts at its first place: 推进呼和浩特都市圈 -> 呼和浩特都市圈.
- Heads with ``needs_place = 0`` take a proper name that is not a division (盛乐国际机场,
  小浪底水利枢纽): any modifier of two or more characters that the dictionary does not know
  as a common word (小型水库 and 智慧口岸 stay categories).
- A numbered road is a name: 331国道, G6高速.
"""

from __future__ import annotations

import math
import re

from spacy.language import Language
from spacy.tokens import Doc

from .. import candidates
from ..words import words
from ..candidates import Candidate
from ..text import Lexicon, Spans, WordSet, is_cjk, word_boundary
from ...data import column, feature_kinds, load_table
from ...places import divisions
from .gazetteer import BRACKETED_PART, country_forms, feature_entries, place_entries
from .names import COUNT_AFTER, COUNT_BEFORE

_MAX_MODIFIER = 16
_STOP = set("，。、；：！？“”《》\n \t")
_INNER = set("（）()—-－·至")
# characters that end a list or join two names: a word of LAC's ending in one is no name to read through
_LIST_ENDS = set("等及和与或")
# LAC tags a name's modifier never holds: verbs, adverbs, prepositions, conjunctions, pronouns.
_VERBAL_TAGS = {"v", "vd", "d", "ad", "p", "c", "u", "r", "xc", "m", "q"}
# LAC's entity tags: a word under one keeps no verb's tag, so verbs of applying inside are looked for by their text
_ENTITY_TAGS = ("ORG", "LOC", "PER")
# verbs of applying for or founding a zone (支持甲申建保税物流中心): they end the name of the zone before them
_APPLYING = re.compile("申建|申办|申报|申请|创建|争创|筹建|创设")
# a national title inside a phrase (国家…示范区, 全国…先行区, 中国特色…先行示范区)
_NATIONWIDE = re.compile("国家|全国|中国")
# jieba dictionary tags of common words: such a modifier alone is a kind, not a name.
_COMMON = ("a", "ad", "an", "d", "v", "vn", "n", "m", "b", "l", "i", "z", "f")
_COMMON_END = ("n", "vn", "a", "an", "v")
_ROUTE_FROM = re.compile(r"[\u4e00-\u9fff]{2,5}至$")
_FEATURE_TYPE = re.compile(r"(?:草原|大峡谷|峡谷|湿地|湖|湾)")
# kinds whose names may be built from abbreviations of places rather than a place's name
_PROPER_KINDS = {"railway", "road"}
# kinds of area rather than facility: a zone may hold another's head in its name (甲新区乙高新区), so no apposition
_AREA_KINDS = {"zone", "estate", "region", "listed", "cluster"}
# a superlative in a modifier describes a facility (亚洲最大货运机场), it names none
_SUPERLATIVE = re.compile("最[大长高深早新]|唯一")
# the end of a modifier that makes a zone a kind: a scope (省域, 市域) or a reform by its short form (金改, 农改)
_SCOPE_OR_REFORM = re.compile("[域改]$")
# words after a park's name that make it a plan or a project, not a place that exists
_PLANNED_AFTER = re.compile("(?:等|加快|加速|启动|开工)?(?:建设|项目|规划|一期|二期|三期)")
# works done on a line, written after its name in a list of lines (甲乙扩容、丙丁等高速公路), and a phase of the works
# (甲三期、乙一期等核电项目: the plant is the place, as the line is of 7号线一期)
_LINE_WORKS = re.compile(r"(?:改扩建|扩容|扩能|扩建|[（(]扩建[）)]|[（(]改扩建[）)]|[一二三四五六七八九十]期)$")
# verbs of planning and building that govern a list of parks to be (建设福州、厦门、泉州…产业园)
_PLANNING = re.compile("建设|打造|培育|布局|谋划|规划|新建|创建|筹建|争创")
# 等 and modifiers before a head word closing a list of names (…、策克、满都拉等重点口岸)
_LIST_BEFORE_HEAD = re.compile(r"(?:等(?:\d+|[一二三四五六七八九十两]+)?|(?:\d+|[一二三四五六七八九十两]+)(?=[条座个处家]))"
                               r"(?:条|座|个|处|家)?(?:重点|主要|沿边|边境|陆路|[345]A级|国家级|国家|省级)?")
# last characters of the names of sites, ruins and features (湾, 城 of an ancient city, 山, 寺 …)
_SITE_ENDS = frozenset("湾城山岭峡谷岛寺湖河洲关堡台庄洞窟塔")
# last characters of the sites that reservoirs and irrigation districts are named after (亭子口, 罐子坝, 讨赖峡)
_WATER_SITE_ENDS = _SITE_ENDS | frozenset("口坝滩沟溪塘坪寨")
_LEVEL_PAIRS = ("盟市", "旗县", "市县", "县区", "县市", "乡镇", "省市", "市区", "城乡", "全省", "全区", "全市", "各地")
_DIRECTIONS = set("东南西北中内外上下前后")
# log-probability of a word the dictionary counts once in 200,000 words: a common word
_COMMON_VERB = math.log(5e-6)
# a count of major ones (三大, 十大, 两大): the facilities counted, no name
_COUNTED_MAJOR = re.compile("[一二三四五六七八九十两百千]+大")
# a level word doubled (市市, 县县, 村村): every place of that level, as in 县县通高速 (a goal, no name)
_EVERY_LEVEL = re.compile(r"([省市县区乡镇村组户])\1(?=通|$)")
# characters that open cities' names but are mostly common words' (大连 but 大型, 新乡 but 新建): no abbreviation
# of a place in a pair; 临 of 临港, 临空 is "beside" the port or the airport (沿边临港产业园区: a kind of park)
_PAIR_COMMON = _DIRECTIONS | set("大小新老长高开平和合安吉白金黄红绿临")
# (not a phase of works, 7号线一期北段: the line is the place, gold; nor 阶段 of 第一阶段, a stage of a plan); the
# second or third line of a pipeline or railway comes before its section (甲气东输三线乙段), and a section may run
# between two stops (甲高铁乙至丙段)
_SECTION_AFTER = re.compile(r"(?![一二三四五六七八九十]期)(?:[二三四]线)?(?:[东南西北中]|[^\W\d_至]{2,4}?|[^\W\d_至]{2,5}至[^\W\d_至]{2,5})"
                            r"(?<![阶手片])段(?![\u4e00-\u9fff]{0,1}(?:落|时间|时期|性))")
# the ring line of an area: 环线, 西环, 东环线 (after 都市圈 and the other heads of regions)
_RING = re.compile(r"(?:[东南西北]环线?|环线)(?![\u4e00-\u9fff]{0,1}(?:经济|城市|地区))")
_PART_RUN = re.compile(r"[\u4e00-\u9fffA-Z\d至—]{2,12}")
# a water transfer named by its source and the river or region it feeds: 引江济淮, 引汉济渭 (+ 工程)
_WATER_TRANSFER = re.compile(r"引[\u4e00-\u9fff]济[\u4e00-\u9fff](?:工程)?")
# the national transfer works of water and gas, by their names (南水北调, 西气东输) and lines (南水北调中线, 西气东输三线):
# places like the works of 引江济淮 (the annotators of four dev files: five of five; 西电东送, a programme of
# power lines, is a PROGRAM of national_programs.tsv); the Three Gorges works by their name, 三峡工程 (the 2005
# report's annotator; 6 over the 80 reports), with the gas line's pipe (西气东输管道)
_NATIONAL_TRANSFER = re.compile(r"(?:南水北调|西气东输)(?:[东中西]线|[一二三四]线)?(?:工程|管道)?|(?:长江)?三峡工程")
# a power line named by its source and where it feeds, as a works: 宁电入湘工程, 陕电入皖特高压工程
_POWER_TRANSFER = re.compile(r"[\u4e00-\u9fff]电入[\u4e00-\u9fff](?:特高压)?(?:直流|交流)?(?:输电)?工程")
# a power line from a named source to a named place, as a works: 甲基地送电乙工程, 甲到乙特高压直流工程 (the source
# and the destination must be places found; the dev annotators of two files mark these as places, 3 of 3)
_SOURCE_TO_PLACE_POWER = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:送电([\u4e00-\u9fff]{2,4}?)(?:特高压)?"
                                    r"|(?:到|至)([\u4e00-\u9fff]{2,4}?)特高压)(?:直流|交流)?(?:输电)?工程")
# a power line between two provinces named by their shorts, as a works: 湘粤背靠背联网工程, 闽赣电力联网工程,
# 陕皖直流输电工程 (the pair is filled in from province_shorts.tsv)
_PAIR_POWER_WORKS = (r"[{shorts}]{{2}}(?:(?![等和与及])[\u4e00-\u9fff]){{0,6}}?(?:联网|直流|输电|特高压)"
                     r"(?:(?![等和与及])[\u4e00-\u9fff]){{0,4}}?工程")
# the same lines without 工程: a province's power fed to another (疆电入湘, “吉电入京”) and a direct-current line
# between two provinces (藏粤直流); the dev annotators mark these as places, 3 of 3 (外电入鲁, power from outside,
# is no line: the source must be a province; 疆, Xinjiang's short in 疆电, is not among the shorts of places)
_BARE_POWER_LINE = r"[{shorts}疆]电入[{shorts}]|[{shorts}]{{2}}直流(?!电)"
# a crossing or road between two places named by their abbreviations (深中通道, 甘川新通道); 通道 after any
# other modifier is mostly a kind (外送通道, 出省通道: tried as a head and left out)
_PAIR_CORRIDOR = re.compile(r"([\u4e00-\u9fff]{2})新?通道")
# a port of two characters' name before its phase (甲乙港二期: the phase is the works', no part of the port's name)
_PORT_PHASE = re.compile("([\u4e00-\u9fff]{2})港(?=[一二三四五六]期)")
# a passage named by a place, a facility or the abbreviations of its ends, with at most what it carries and an
# ordinal or a direction between (三峡水运新通道, 松辽电力外送通道, 河西走廊北通道, 京沪二通道, 黄茅海通道); what
# it carries alone names a kind (新能源外送通道, 出省通道, 海陆大通道)
_PASSAGE = re.compile("(?:内河航运大|航运大|水运新|水运大|电力外送|二|北|南|新)?通道")
# a part of a free trade zone, named by its city (自贸试验区…大连片区, 临港新片区), once the zone is named
_ZONE_PART = re.compile("新?片区")
# China and a partner joined by a dash before a zone's name (中国—东盟自由贸易区)
_CHINA_AND = re.compile("中国[—－-]$")
_FREE_TRADE_ZONE = re.compile("自贸试验区|自由贸易试验区|自贸区|自由贸易港|自贸港")
_REGION_KINDS = {"region", "domestic_region", "world_region", "continent", "border_port"}
_METRO_LINE = re.compile(r"(?:轨道交通|地铁|城轨|轨道)[一二三四五六七八九十\d]+号线")
# a line by its number alone (not right after 地铁, 轨道交通, 城轨, 轨道), and the words that say a metro is meant
_BARE_LINE = re.compile(r"(?<![一二三四五六七八九十\d通铁轨道])[一二三四五六七八九十\d]+号线")
# kinds of feature whose sections are named by the place they run through (黄河甘肃段; the Grand Canal,
# 大运河, is listed as a heritage site, and so are 长城 and 长征: their sections are named the same way)
_RIVER_KINDS = ("river", "canal", "heritage")
# kinds of named facility (named_facilities.tsv) that have sections named after the places they run through (power:
# the pipelines and power lines, 川气东送二线湖北段)
_LINE_KINDS = ("railway", "road", "power")
# works named after a river's section, in the same clause (…段河道防洪治理等工程)
_WORKS_AHEAD = re.compile(r"[^，。；、\n]{0,12}?工程")
_METRO_WORD = re.compile("地铁|轨道交通|城轨|轨交")
_DESIGNATION_LEVEL = re.compile(r"(?:国家级?|省级|自治区级|市级)$")
# a route written as its two ends alone, in a clause about roads or railways (新开工甲至乙等2个项目)
_ROUTE_CLAUSE = re.compile("公路|高速|铁路|高铁|城际|国道|省道|通车|航道")
# level words, which open no proper name of a facility (县新通高速公路 of 甲、乙2县新通高速公路)
_LEVEL_OPENERS = frozenset("省市县区乡镇村")
# the last item of a list of mines or fields, with the head (…、丙丁煤矿)
_MINES_LISTED = re.compile("(?<=、)((?:(?![等和及])[\u4e00-\u9fff]){2,4}?)(煤矿|矿井)(?![\u4e00-\u9fff]{0,2}[等、])")
# an item of a list of routes written as its two ends (甲至乙 of 甲至乙、丙至丁等高速公路)
_ROUTE_ITEM = re.compile(r"[\u4e00-\u9fff]{2,6}?至[\u4e00-\u9fff]{2,6}?(?=[、等，。；和及]|$)")
# a modifier of the shore alone (滨海, 滨江, maybe after a direction): "by the sea, by the river", though 滨海 and
# 滨江 are divisions' short names too
_SHORE_MODIFIER = re.compile("(?:[东南西北]部)?(?:滨江|滨海|滨湖|滨河)")
# a grade right before a facility's head: the class of a road or a waterway (四级公路, 三级航道)
_GRADE = re.compile("[一二三四五六七八九十0-9]级$")
# the words that end a street's name (甲乙路, 丙丁大道, 戊己街)
_STREET_END = re.compile("(?:大道|大街|路|街)$")
# a line's name by its two ends (丙至丁 of 甲乙、丙至丁高铁)
_ROUTE_NAME = re.compile(r"[\u4e00-\u9fff]{2,6}至[\u4e00-\u9fff]{2,6}")
# …but not a flight, a freight train or a section of a line: those name the two places (a freight railway is a line:
# 货运铁路网)
_NOT_ROUTE_CLAUSE = re.compile("航线|航班|班列|客运|货运(?!铁路)|直航")
# a national (G) or provincial (S) road by its number alone, three or four digits (G331, G9812; G20 is no road)
_ROAD_NUMBER = re.compile(r"(?<![\dA-Za-z])[GS]\d{3,4}线?(?![\dA-Za-z])")
_NUMBERED_ROAD = re.compile(r"(?<![\dA-Za-z])(?:[GSX]?\d{1,4})(?:国道|省道|高速公路|高速)")


class _KnownWords:
    """Membership in the segmenter's dictionary or in kg's own place names."""

    def __init__(self, *lexicons):
        self.lexicons = lexicons

    def __contains__(self, word: str) -> bool:
        return any(word in lexicon for lexicon in self.lexicons)


class FacilityFinder:
    def __init__(self, word_tags: dict[str, str] | None = None):
        rows = load_table("place_heads.tsv")
        self.heads = {r["head"]: r for r in rows if r["kind"] not in ("part", "listed")}
        # nouns of local places that only say what a list's items are (甲、乙等特色宜居片区); no 的 between
        # (甲、乙等地的煤矿区: the items are regions with mines, each place its own mention)
        self.listed_kinds = re.compile(r"等(?:\d+|[一二三四五六七八九十两]+)?[条座个处家片]?(?:(?!的)[\u4e00-\u9fff]){0,6}?(?:"
                                       + "|".join(r["head"] for r in rows if r["kind"] == "listed") + ")")
        self.head_lexicon = Lexicon({h: h for h in self.heads})
        # parts of a named facility (its branch line, its second channel): only right after its name
        self.part_lexicon = Lexicon({r["head"]: r["head"] for r in rows if r["kind"] == "part"})
        shorts = "".join(sorted(country_forms()))
        # 中蒙, 中老: the two countries of a cross-border zone or port, written before its place
        self.bilateral = re.compile(f"中[{re.escape(shorts)}]{{1,2}}$") if shorts else None
        self.heads_longest_first = sorted(self.heads, key=len, reverse=True)
        self.head_words = WordSet(self.heads)
        province_shorts = "".join(r["short"] for r in load_table("province_shorts.tsv"))
        self.pair_power_works = re.compile(_PAIR_POWER_WORKS.format(shorts=re.escape(province_shorts)))
        # the characters a crossing's ends are abbreviated to: provinces' shorts, cities' first characters and shorts
        self.corridor_chars = {r["short"] for r in load_table("province_shorts.tsv")} \
            | {r["short"] for r in load_table("city_shorts.tsv")} \
            | {r["name"][0] for r in load_table("places.tsv") if r["level"] == "prefecture"}
        self.bare_power_line = re.compile(_BARE_POWER_LINE.format(shorts=re.escape(province_shorts)))
        # every alias counts here (哈密, 临河): the head is the evidence that a place is named
        entries = {k: v for k, v in place_entries().items() if len(k) >= 2}
        entries.update(feature_entries())
        for row in load_table("places.tsv"):  # county short names too (红山文化遗址)
            for alias in filter(None, row["aliases"].split("|")):
                if len(alias) >= 2:
                    entries.setdefault(alias, ("PLACE", row["code"]))
        self.places = Lexicon(entries)
        # counties whose names are common verbs of the dictionary (合作, 新建, 通道, 振兴: one word in 200,000 or
        # more often): right before a head they are the verb (甲乙合作示范区, 新建铁路), no county; a rarer verb
        # (垦利, 分宜) and a prefecture's name (包头, 开封) still count
        levels_by_name: dict[str, set[str]] = {}
        for row in load_table("places.tsv"):
            for n in (row["name"], *filter(None, row["aliases"].split("|"))):
                levels_by_name.setdefault(n, set()).add(row["level"])
        frequency = getattr(word_tags, "log_probability", lambda _w: None)
        self.verb_counties = frozenset(n for n, levels in levels_by_name.items()
                                       if levels == {"county"} and n[-1] not in "县市区旗"
                                       and (word_tags or {}).get(n) in ("v", "vn")
                                       and (frequency(n) or -math.inf) >= _COMMON_VERB)
        self.feature_kinds = feature_kinds()
        # multi-province regions (京津冀, 东北): no passage is named by one (东北海陆大通道 is a programme)
        self.regions = {r["name"] for r in load_table("regions.tsv") if r["kind"] == "region"}
        self.zone_purposes = frozenset(column("zone_purpose_words.tsv", "word"))
        self.zone_purpose_words = tuple(sorted(self.zone_purposes))
        # the first characters of divisions' names and the provinces' shorts: what a line's ends are
        # abbreviated to (京沪, 雄商)
        self.abbreviation_chars = {r["short"] for r in load_table("province_shorts.tsv")} | {
            name[0] for row in load_table("places.tsv") if row["level"] in ("prefecture", "county")
            for name in [row["name"], *filter(None, row["aliases"].split("|"))] if name}
        self.category_modifiers = column("category_modifiers.tsv", "word")
        self.boundaries = WordSet(column("boundaries.tsv", "word"))
        self.word_tags = word_tags or {}
        # words the segmenter knows: its dictionary and the names kg adds to it (甘其毛都: 其 is no boundary)
        self.known = _KnownWords(self.word_tags, self.places.entries)

    def _river_sections(self, text: str) -> list[Candidate]:
        """A river's section by the place it runs through: 黄河甘肃段, 石羊河武威段, 大运河（天津段）. The
        section is one place (annotators, the guidelines' 滨洲铁路（齐海满段）)."""
        found, seen = [], set()
        # only the few characters before each 段: the whole text through the place lexicon again costs a pass
        for k in (m.start() for m in re.finditer("段", text)):
            w = max(0, k - 16)
            for ws, we, _v in self.places.finditer(text[w:k]):
                if w + ws not in seen:
                    seen.add(w + ws)
                    section = self._section(text, w + ws, w + we)
                    if section is not None:
                        found.append(section)
        return found

    def _basins(self, text: str) -> list[Candidate]:
        """A river and 流域 right after it are one place, the river's basin (辽河流域, 汉江流域: annotators mark the
        whole, seven of seven; 黄河流域 is a region of its own). Looked for only before each 流域."""
        found = []
        for k in (m.start() for m in re.finditer("流域", text)):
            w = max(0, k - 8)
            rivers = [w + ws for ws, we, _v in self.places.finditer(text[w:k])
                      if w + we == k and self.feature_kinds.get(text[w + ws:k]) == "river"]
            if rivers:
                found.append(Candidate(min(rivers), k + 2, "PLACE", "facility"))
        return found

    def _section(self, text: str, s: int, e: int) -> Candidate | None:
        """The section of the river or canal named at [s, e), if a place and 段 follow it."""
        if self.feature_kinds.get(text[s:e]) not in _RIVER_KINDS:
            return None
        bracket = text[e:e + 1] in "（("
        p = e + 1 if bracket else e
        hit = next((pe for ps, pe, v in self.places.finditer(text[p:p + 8]) if ps == 0 and v[0] == "PLACE"), None)
        if hit is None or text[p + hit:p + hit + 1] != "段":
            return None
        end = p + hit + 1
        if bracket:
            if text[end:end + 1] not in "）)":
                return None
            end += 1
        if _WORKS_AHEAD.match(text, end):
            return None  # 黄河内蒙古段河道治理工程: works on a river give the river and the place (gold)
        return Candidate(s, end, "PLACE", "facility")

    def __call__(self, text: str, token_ends: set[int] | None = None,
                 verbal: dict[int, int] | None = None, named: dict[int, int] | None = None,
                 runs: dict[int, int] | None = None) -> list[Candidate]:
        """Facility and zone names of ``text``: ``token_ends`` where words end (a head must end one),
        ``verbal`` start -> end of verbs and function words (a name does not run left past one),
        ``named`` start -> end of the words LAC reads as places: such a word is a place's name for a
        head that needs one (芜宣机场, 梅山灌区), and its last character no boundary (佳同铁路: 同)."""
        verbal = Spans(verbal or {})
        named = named or {}
        # (not one that ends in 等 or a conjunction: 多伦湖等, a list's end the segmenter joined to a name)
        known = _KnownWords(self.word_tags, self.places.entries,
                            {text[a:b] for a, b in named.items() if text[b - 1] not in _LIST_ENDS}) if named else self.known
        longest: dict[int, tuple[int, str]] = {}
        for hs, he, head in self.head_lexicon.find_all(text):
            if he not in longest or hs < longest[he][0]:
                longest[he] = (hs, head)
        found = []
        for he, (hs, head) in sorted(longest.items()):
            if token_ends is not None and he not in token_ends:
                continue
            row = self.heads[head]
            if len(head) == 1 and any(text[he - n:he] in self.places.entries for n in (2, 3, 4) if he - n >= 0):
                continue  # 香港: a one-character head that ends a place's own name heads nothing (深圳—香港)
            start = self._left_edge(text, hs, verbal, token_ends, known)
            if row["kind"] in ("zone", "estate"):
                start = self._zone_over_verbs(text, start, hs, verbal, token_ends, known, named)
            if row["kind"] in _PROPER_KINDS:
                # abbreviations of a line's ends are tagged anyhow (宜常 as a verb): a short proper
                # modifier right before the head stands without the tagger's word classes
                bare = self._left_edge(text, hs, Spans({}), token_ends, known)
                for n in (4, 3, 2):  # the longest word-aligned proper tail of the run, up to four characters
                    b = hs - n
                    if b >= bare and (token_ends is None or b in token_ends or b == 0) \
                            and self._proper(text[b:hs]) and not self._holds_verb(text[b:hs]):
                        start = min(start, b)
                        break
            inner = text.rfind(head[-2:], start, hs) if len(head) >= 2 and row["kind"] not in _AREA_KINDS else -1
            if inner >= 0 and (token_ends is None or inner + 2 in token_ends):
                start = inner + 2  # 亚洲最大货运机场花湖国际机场: a facility of its kind, then its name (apposition)
            if start >= hs or _SUPERLATIVE.search(text, start, hs):
                continue  # (亚洲最大货运机场: a description by a superlative, no name; the places in it stay)
            if _GRADE.search(text, start, hs):
                continue  # 四级公路, 一级航道: a class of road or waterway by its grade, no name
            if COUNT_BEFORE.search(text, max(0, start - 6), start + 1) or text.endswith("一批", 0, start):
                continue  # 抓好6条续建高铁, 建成一批跨江大桥: facilities of a kind counted (the edge stops at the
                # number), no name
            places = [(s, e) for s, e, _v in self.places.finditer(text[start:hs])
                      if not (start + e == hs and text[start + s:hs] in self.verb_counties)]
            lac_place = next((n for n in (2, 3) if hs - n >= start and named.get(hs - n) == hs), 0)
            if not places and lac_place and self._proper(text[hs - lac_place:hs]) \
                    and not (row["kind"] in _PROPER_KINDS and self._abbreviation(text[start:hs])) \
                    and not _SCOPE_OR_REFORM.search(text, hs - lac_place, hs) \
                    and text[hs - lac_place:hs] not in self.heads:
                # LAC's place of two or three characters right before the head (哈大齐自创区; not the tail of a
                # line's abbreviated ends: 聊邯长铁路, where LAC reads 邯长 as a place; not a scope or a reform,
                # 省域示范区, 金改试验区, nor a facility of another kind, 陆港空港: LAC's coinages, kinds of zone)
                places = [(hs - lac_place - start, hs - start)]
            if not places and row["needs_place"] == "1" and self._paired_places(text[start:hs]):
                # two places by their abbreviations open the name (湘琼…共建产业园, 深汕特别合作区, 闽宁产业园)
                places = [(0, 2)]
            run = (runs or {}).get(hs)
            if not places and row["kind"] == "region" and run is not None and run >= start and text[run - 1:run] != "”":
                # a group of cities by their first characters, unquoted, before its region word (兰白定临城市群):
                # the region is the place (a quoted group, “宜荆荆恩”城市群, is the group alone: dev annotators)
                places = [(run - start, hs - start)]
            if not places and row["kind"] == "zone" and text.endswith("国家", 0, hs) and runs and hs - 2 in runs \
                    and runs[hs - 2] >= start and text[runs[hs - 2] - 1:runs[hs - 2]] != "”":
                places = [(runs[hs - 2] - start, hs - 2 - start)]  # 甲乙丙国家自主创新示范区: the zone of a group of cities
            if head == "新城" and places and not any(start <= s < hs for s in named):
                continue  # 平原新城: a county's name that LAC reads as a common word here (平原, a plain) names a
                # kind of new town; the cities and counties that name one are LAC's places (武汉新城, 龙川新城)
            if places and row["needs_place"] == "0" and places[0][0] > 0 and self._proper(text[start:hs]):
                places = []  # 涔天河水库: a proper name that holds a place's name is still one name
            if places and token_ends is not None and start + places[0][0] not in token_ends \
                    and start + places[0][0] != start and self._proper(text[start:hs]):
                places = []  # 萨拉乌苏遗址: the place found starts inside a word; the whole modifier is the name
            if places:
                first = start + places[0][0]
                # a route between two places: 临河至哈密铁路 (the first may be a short name)
                route = _ROUTE_FROM.search(text, start, first)
                start = route.start() if route else first
                pair = self.bilateral.search(text, max(0, start - 3), start) if self.bilateral else None
                if pair and (token_ends is None or pair.start() == 0 or pair.start() in token_ends):
                    start = pair.start()  # 中蒙二连浩特—扎门乌德经济合作区
                elif _CHINA_AND.search(text, max(0, start - 3), start):
                    start -= 3  # 中国—东盟自由贸易区: China and a partner joined by a dash name the zone
            elif (row["needs_place"] == "1" and row["kind"] not in _PROPER_KINDS) or not (
                    self._proper(text[start:hs]) or (row["kind"] == "water" and self._water_site(text[start:hs]))):
                continue  # a railway or road may be named by abbreviations of its ends (包银高铁, 集通铁路)
            if row["kind"] == "region" and _SHORE_MODIFIER.fullmatch(text, start, hs):
                continue  # 滨海旅游带, 南部滨海旅游带: a belt by the sea, no county 滨海 nor district 滨江 named (a park by
                # the river keeps its name: 滨河森林公园)
            kind_word = next((w for w in self.category_modifiers if text.endswith(w, start, hs)), None)
            if kind_word and any(fe == hs - len(kind_word) - start
                                 for _fs, fe, _h in self.head_lexicon.finditer(text[start:hs - len(kind_word)])):
                continue  # 芜湖港智慧口岸: a kind of facility (智慧口岸) at a named one, which alone is a place
            if kind_word == "重点" and any(fs == 0 and fe == hs - len(kind_word) - start
                                 for fs, fe, _v in self.places.finditer(text[start:hs - len(kind_word)])):
                continue  # 甲省重点遗址: a place's key sites, no one site (the place is its own mention; a level,
                # 国家级, or 智慧 of a facility named before it, 甲关智慧口岸, keeps the whole)
            if row["kind"] == "estate" and text.startswith("区", he):
                continue  # 沿边临港产业园区: 园区, the parks of a kind, goes on past the head (工业园区 is a head of its own)
            if row["kind"] == "estate" and not self._established(text, start, he):
                continue  # 建设包头氢能装备制造产业园: a park still to be built gives its place only (guidelines)
            if COUNT_AFTER.match(text, he):
                continue  # 新建通航机场5个, 建成水库12座: a kind of facility, counted
            section = BRACKETED_PART.match(text, he)  # 滨洲铁路（齐海满段）: the section named is part of it
            end = section.end() if section else he
            name = text[start:end]
            if name.count("（") != name.count("）") or name.count("(") != name.count(")"):
                continue
            if _EVERY_LEVEL.search(text, start, hs):
                continue  # 和县县通高速: every county linked (和 a conjunction), no road of 和县
            if hs - start >= 4 and self.word_tags.get(text[start:start + 2]) == "v" \
                    and (text[start:start + 2] not in self.places.entries or text[start:start + 2] in self.verb_counties
                         or self.word_tags.get(text[start + 2:start + 4]) == "v"):
                continue  # 新建改造农村公路: a verb opens the phrase (新建 names a district too, but a county whose
                # name is a common verb is the verb here: 新建电动自行车充电站), no name (解放路: a street named by one)
            found.append(Candidate(start, end, "PLACE", "facility"))
        for m in _METRO_LINE.finditer(text):
            start = self._left_edge(text, m.start(), verbal, token_ends)
            if any(True for _ in self.places.finditer(text[start:m.start()])):
                yield_start = start + next(iter(self.places.finditer(text[start:m.start()])))[0]
                found.append(Candidate(yield_start, m.end(), "PLACE", "facility"))  # 兰州轨道交通二号线
            else:  # a city's own report names its lines without the city (建成地铁8号线)
                found.append(Candidate(m.start(), m.end(), "PLACE", "facility"))
        found.extend(self._river_sections(text))
        found.extend(self._basins(text))
        for m in _BARE_LINE.finditer(text):
            # a line by its number alone (加快推进7号线一期、11号线延伸线) where the metro is spoken of nearby
            # (not the number of a line named with its metro: the lookbehind keeps 地铁8号线 to _METRO_LINE)
            if _METRO_WORD.search(text, max(0, m.start() - 60), min(len(text), m.end() + 40)):
                found.append(Candidate(m.start(), m.end(), "PLACE", "facility"))
        for m in _POWER_TRANSFER.finditer(text):
            found.append(Candidate(m.start(), m.end(), "PLACE", "facility"))
        found.extend(self._power_to_place(text))
        for m in self.pair_power_works.finditer(text):
            if token_ends is None or m.start() == 0 or m.start() in token_ends:
                found.append(Candidate(m.start(), m.end(), "PLACE", "facility"))
        for m in self.bare_power_line.finditer(text):
            if not re.match(r"[\u4e00-\u9fff]", text[m.end():m.end() + 1]) or text[m.end()] in "等和与及":
                found.append(Candidate(m.start(), m.end(), "PLACE", "facility"))
        for m in _PAIR_CORRIDOR.finditer(text):
            pair = m.group(1)
            # each a province's short or a city's first character (not 海洋通道, 陆海新通道), and no 大通道, the
            # great corridor of a place (进出川大通道)
            if all(c in self.corridor_chars for c in pair) and pair[1] != "大" \
                    and self._abbreviation(pair) and self._item_start(text, m.start(), verbal):
                found.append(Candidate(m.start(), m.end(), "PLACE", "facility"))
        for m in _NATIONAL_TRANSFER.finditer(text):
            found.append(Candidate(m.start(), m.end(), "PLACE", "facility"))
        for m in _WATER_TRANSFER.finditer(text):
            if m.start() == 0 or text[m.start() - 1:m.start() + 1] not in self.word_tags:  # 吸引, 牵引
                found.append(Candidate(m.start(), m.end(), "PLACE", "facility"))
        for m in _NUMBERED_ROAD.finditer(text):
            found.append(Candidate(m.start(), m.end(), "PLACE", "facility"))
        for m in _ROAD_NUMBER.finditer(text):  # G331通车, 开工G334…: a national or provincial road by its number
            found.append(Candidate(m.start(), m.end(), "PLACE", "facility"))
        place_hits = list(self.places.finditer(text))  # (start, end, (label, key)) of every named place, once
        found.extend(self._compounds(text, token_ends, place_hits))
        found.extend(self._zone_parts(text))
        # named lines of the gazetteer (named_facilities.tsv) take their sections too (沿江高铁宜涪段)
        lines = [Candidate(s, e, "PLACE", "facility") for s, e, v in place_hits
                 if self.feature_kinds.get(v[1]) in _LINE_KINDS]
        found.extend(self._sections(text, found + lines))
        found.extend(self._rings(text, found, token_ends))
        found.extend(self._parts(text, found, token_ends, verbal))
        found.extend(self._routes(text, token_ends, verbal))
        found.extend(self._listed(text, found, token_ends, verbal, named))
        found.extend(self._elided_known(text, found))
        found.extend(self._elided(text, found, token_ends, verbal))
        found.extend(self._passages(text, found, place_hits, token_ends))
        found.extend(self._stations(text, place_hits, token_ends))
        for m in _PORT_PHASE.finditer(text):
            # a port under construction by its phases, named by a proper name the gazetteer lacks (甲乙港二期)
            if (token_ends is None or m.start() == 0 or m.start() in token_ends) and self._proper(m.group(1)) \
                    and not self._holds_verb(m.group(1)):
                found.append(Candidate(m.start(), m.end(), "PLACE", "facility"))
        return found

    @staticmethod
    def _stations(text: str, place_hits: list, token_ends: set[int] | None) -> list[Candidate]:
        """Railway stations named by their city and the short name of one of its districts (广州白云站, 北京朝阳站,
        like 合肥西站 by a direction): the district of that city, right before 站, which ends a word."""
        div = divisions()
        out = []
        for s, e, v in place_hits:
            city = div.by_code.get(v[1]) if isinstance(v[1], str) else None
            if city is None or city.level not in ("prefecture", "province") or text[e + 2:e + 3] != "站" \
                    or (token_ends is not None and e + 3 not in token_ends):
                continue
            short = text[e:e + 2]
            if any(city in div.chain(c)[1:] for suffix in "区县市" for c in div.by_name.get(short + suffix, ())):
                out.append(Candidate(s, e + 3, "PLACE", "facility"))
        return out

    def _passages(self, text: str, found: list[Candidate], place_hits: list, token_ends: set[int] | None) -> list[Candidate]:
        """Passages named by what opens them (see ``_PASSAGE``): a place of the gazetteer that is no macro-region,
        a facility found, or two to four abbreviations of places (汉湘桂内河航运大通道). The name ends a word."""
        places: dict[int, list[int]] = {}
        for s, e, v in place_hits:
            # (not a region, nor a place whose name is a common word: 港口 of 港口通道 is the port)
            if self.feature_kinds.get(v[1]) != "domestic_region" and v[1] not in self.regions \
                    and self.word_tags.get(text[s:e], "ns") not in _COMMON:
                places.setdefault(e, []).append(s)
        facilities: dict[int, list[int]] = {}
        for c in found:
            facilities.setdefault(c.end, []).append(c.start)
        out = []
        for m in re.finditer("通道", text):
            if token_ends is not None and m.end() not in token_ends:
                continue
            for b in range(max(0, m.start() - 5), m.start() + 1):
                if not _PASSAGE.fullmatch(text, b, m.end()):
                    continue
                starts = [a for a in places.get(b, ()) if a == 0 or token_ends is None or a in token_ends]
                carried = text[b:m.start()]
                if carried and carried not in ("新", "北", "南"):
                    # a line's second passage (秦沈高铁二通道; not 满都拉口岸通道, the port's own), and a line by
                    # its ends' abbreviations (京沪二通道, 汉湘桂内河航运大通道; the bare ones are _PAIR_CORRIDOR's,
                    # 陆海新通道 is the programme's, 大 and a conjunction are no place's: 海陆大通道, 和甘川)
                    starts += [a for a in facilities.get(b, ()) if a == 0 or token_ends is None or a in token_ends]
                    starts += [a for a in range(max(0, b - 4), b - 1) if self._abbreviation(text[a:b])
                               and "大" not in text[a:b] and text[a] not in "和与及同"
                               and (a == 0 or not is_cjk(text[a - 1]) or token_ends is None or a in token_ends)]
                if starts and not COUNT_BEFORE.search(text, max(0, min(starts) - 6), min(starts) + 1):
                    out.append(Candidate(min(starts), m.end(), "PLACE", "facility"))
                    break
        return out

    def _routes(self, text: str, token_ends: set[int] | None, verbal: Spans) -> list[Candidate]:
        """A road or railway written as its ends without a head, in a clause about roads or railways:
        新开工甲至乙等2个项目, 建成甲至乙、丙至丁等高速公路 (one place, as the gov gold's 临河至哈密铁路 is; the
        dev annotators mark the whole, six of six), and a line through several stops, 甲至乙至丙 (four of four;
        a stop may carry a bracketed one, 甲（乙）至丙). One end at least must be a known place; a section
        (…至…段) and a flight's or a train's route (…至…航线) stay two places."""
        found = []
        done = 0
        for m in re.finditer("至", text):
            k = m.start()
            if k < done:
                continue  # a stop of a route found from an earlier 至
            first = k
            if text[k - 1:k] == "）":  # 滨州（东营）至…: the first stop carries a bracketed one
                opening = text.rfind("（", max(0, k - 6), k)
                first = opening if opening > 0 else k
            start = self._left_edge(text, first, verbal, token_ends)
            if not 2 <= first - start <= 5 or text[start - 1:start] in ("从", "由", "自") \
                    or not self._item_start(text, start, verbal):
                continue  # (G679线甲至乙: a numbered road's line before it, no route's end)
            stops, end = [], k + 1
            while True:
                e = end
                while e < len(text) and e - end <= 6 and is_cjk(text[e]) and text[e] not in _STOP \
                        and text[e] not in _LIST_ENDS and text[e] != "至":
                    e += 1
                stops.append(text[end:e])
                if text[e:e + 1] == "至" and 2 <= e - end <= 6:
                    end = e + 1
                    continue
                end = e
                break
            if not all(2 <= len(b) <= 6 for b in stops) or (token_ends is not None and end not in token_ends) \
                    or text[end:end + 1] not in ("、", "等", "，", "。", "；", "和", "及"):
                continue
            a, b = text[start:first], stops[0]
            if any("段" in x for x in stops) or (len(stops) == 1 and any(True for _ in self.head_lexicon.finditer(b))
                                                 and b not in self.places.entries) \
                    or not any(ps == 0 for part in (a, *stops) for ps, _pe, _v in self.places.finditer(part)):
                continue
            clause_start = max(text.rfind(c, 0, start) for c in "。；\n") + 1
            clause_end = min((x for x in (text.find(c, end) for c in "。；\n") if x >= 0), default=len(text))
            clause = text[clause_start:clause_end]
            if _ROUTE_CLAUSE.search(clause) and not _NOT_ROUTE_CLAUSE.search(clause):
                found.append(Candidate(start, end, "PLACE", "facility"))
                done = end
        return found + self._route_siblings(text, found, verbal)

    def _route_siblings(self, text: str, routes: list[Candidate], verbal: Spans) -> list[Candidate]:
        """The other items of a list of routes (建成甲至乙、丙丁至戊、己至庚等高速公路) written as two ends alone are
        routes too, though neither end is a place kg knows (villages, stations, temples) or the segmenter runs an
        end into 至: the list says what they are. The first item may follow the clause's verbs."""
        out, seen = [], {(c.start, c.end) for c in routes}
        for c in routes:
            k = c.end
            while text[k:k + 1] == "、" and (m := _ROUTE_ITEM.match(text, k + 1)) is not None:
                out.append(Candidate(m.start(), m.end(), "PLACE", "facility"))
                k = m.end()
            k = c.start
            while text[k - 1:k] == "、":
                prev = _item_opening(text, k - 1)
                # the item's start: right after the previous item, or after the clause's verbs
                starts = [prev] if text[prev - 1:prev] == "、" else \
                    [ve for _vs, ve in verbal.starting_in(prev, k - 1) if ve < k - 1] + [prev]
                m = next((m for i in sorted(starts, reverse=True) if (m := _ROUTE_ITEM.fullmatch(text, i, k - 1))), None)
                if m is None:
                    break
                out.append(Candidate(m.start(), m.end(), "PLACE", "facility"))
                k = m.start()
        # (not a section, 甲至乙段, nor an item opening with a verb: 改扩建甲至乙)
        return [c for c in out if (c.start, c.end) not in seen and text[c.end - 1] != "段"
                and not any(ve <= text.index("至", c.start) - 2 for _vs, ve in verbal.starting_in(c.start, c.start + 1))]

    def _elided(self, text: str, found: list[Candidate], token_ends: set[int] | None,
                verbal: Spans) -> list[Candidate]:
        """Lines listed before one written with its head share that head: in 建成甲乙、丙丁高铁 and
        推动甲乙、丙至丁、戊己铁路, 甲乙 is a railway too. An item is a route (丙至丁, found before) or two
        to four characters each the first of a division's name or a province's short (abbreviations of the
        line's ends), and the last line must be named so as well, or by its two ends (甲乙、丙至丁高铁)."""
        out = []
        found_at = {c.end: c.start for c in found}  # lines and routes found before, by where they end
        for c in found:
            if text[c.start - 1:c.start] not in ("、", "和", "及"):
                continue
            head = next((h for h in self.heads_longest_first
                         if text.endswith(h, c.start, c.end) and self.heads[h]["kind"] in _PROPER_KINDS), None)
            if head is None or not (self._abbreviation(text[c.start:c.end - len(head)])
                                    or _ROUTE_NAME.fullmatch(text, c.start, c.end - len(head))):
                continue  # (the last line may be a route by its ends: 甲乙、丙至丁高铁)
            end = c.start - 1
            while True:
                if end in found_at and found_at[end] < end:
                    start = found_at[end]  # a route or line found as such (丙至丁): it is a place already
                else:
                    # the whole item, or its tail after the clause's verb (建成雄商: 雄商); no head in it
                    start = next((end - n for n in (4, 3, 2) if end - n >= 0
                                  and self._item_start(text, end - n, verbal)
                                  and self._abbreviation(text[end - n:end])
                                  and not any(True for _ in self.head_lexicon.finditer(text[end - n:end]))), None)
                    if start is None:
                        break
                    out.append(Candidate(start, end, "PLACE", "facility"))
                if text[start - 1:start] not in ("、", "和", "及"):
                    break
                end = start - 1
        return out

    @staticmethod
    def _item_start(text: str, i: int, verbal: Spans) -> bool:
        """``i`` opens an item of a list: after punctuation, a conjunction or a verb of the clause."""
        return i == 0 or text[i - 1] in _STOP or text[i - 1] in _LIST_ENDS \
            or any(ve == i for _vs, ve in verbal.covering(i - 1, i))

    def _abbreviation(self, modifier: str) -> bool:
        """Two to four Hanzi, each the first of a division's name or a province's short, and no common
        word (京沪, 雄商, 聊邯长: the ends of a line by their abbreviations)."""
        return 2 <= len(modifier) <= 4 and all(c in self.abbreviation_chars for c in modifier) \
            and self._proper(modifier)

    def _paired_places(self, modifier: str) -> bool:
        """The modifier opens with two abbreviations of places (provinces' shorts, cities' first characters or
        shorts), different, no word of the dictionary but an abbreviation or a place (苏皖, tagged j), and no
        direction or common adjective among them (深汕, 湘琼, 闽宁; not 南北, 新老, 大中)."""
        pair = modifier[:2]
        return len(pair) == 2 and pair[0] != pair[1] and all(c in self.corridor_chars for c in pair) \
            and not any(c in _PAIR_COMMON for c in pair) and self.word_tags.get(pair, "j") in ("j", "ns") \
            and (len(modifier) == 2 or modifier[1:3] not in self.word_tags)

    def _zone_parts(self, text: str) -> list[Candidate]:
        """The parts of a free trade zone are named by their city and 片区 (自贸试验区…推动大连片区整合提升):
        one place, when the sentence names the zone before them. Elsewhere 片区 is a planning area
        (城市更新重点片区, 乡村振兴片区) and names nothing."""
        found = []
        for m in _ZONE_PART.finditer(text):
            sentence_start = max(text.rfind(c, 0, m.start()) for c in "。；！？\n") + 1
            if not _FREE_TRADE_ZONE.search(text, sentence_start, m.start()):
                continue
            window = max(sentence_start, m.start() - 8)
            ends_here = [s for s, e, _v in self.places.finditer(text[window:m.start()]) if window + e == m.start()]
            if ends_here:
                found.append(Candidate(window + min(ends_here), m.end(), "PLACE", "facility"))
        return found

    @staticmethod
    def _established(text: str, start: int, end: int) -> bool:
        """An industrial or science park that exists: no 建设 or 项目 follows its name, and no verb of planning or
        building governs it in its clause (…。庆阳东数西算产业园入选…, 推动甲工业园区创建…, 做大做强甲科技园). After
        such a verb (建设, 打造, 布局, 创建: _PLANNING) it is a plan, and the guidelines give only the place inside it."""
        if _PLANNED_AFTER.match(text, end) or "级" in text[start:end]:
            return False  # 省级人工智能产业园: a level names a kind of park
        if start == 0 or text[start - 1] in "，。；：\n":
            return True
        clause = max(text.rfind(p, 0, start) for p in "，。；：\n")
        return not _PLANNING.search(text, clause + 1, start)

    def _zone_over_verbs(self, text: str, start: int, hs: int, verbal: Spans, token_ends: set[int] | None,
                         known: _KnownWords, named: dict[int, int] | None = None) -> int:
        """Where a zone's name begins when the verbs of what the zone is for cut it short (山西转型综改示范区,
        甲重点开发开放试验区, 甲共同富裕试验区): at the first place before ``start`` in the run
        after which every verb or function word up to the head is a word of a zone's purpose
        (zone_purpose_words.tsv). Other verbs make the zone a kind the place is or becomes (甲入选…先行区,
        乙获批建设…集聚区, 丙吸收外商投资开发…), a count makes it one of several (首个), and a national title
        after the place is a designation the place holds (甲国家科技成果转移转化示范区, 甲中国特色社会主义先行示范区:
        the dev annotators give the place alone, as for 甲大学国家医学中心); ``start`` then."""
        bare = self._left_edge(text, hs, Spans({}), token_ends, known)
        # places of the lexicon, and the words LAC reads as places (苏皖 of 苏皖合作示范区, two provinces' shorts)
        spots = sorted({(s + bare, e + bare) for s, e, _v in self.places.finditer(text[bare:start])}
                       | {(s, e) for s, e in (named or {}).items() if bare <= s and e <= start and self._proper(text[s:e])}
                       # two places by their abbreviations opening the run, a field of their own before the purpose
                       # (湘琼先进制造业共建产业园; 深赣共建产业园, the pair right before it, is two partners: the annotators)
                       | ({(bare, bare + 2)} if bare + 2 <= start and self._paired_places(text[bare:start])
                          and not text.startswith(self.zone_purpose_words, bare + 2) else set()))
        for s, e in spots:
            if (token_ends is None or s == bare or s in token_ends) and not _NATIONWIDE.search(text, s, hs) \
                    and all(text[vs:ve] in self.zone_purposes for vs, ve in verbal.starting_in(e, hs)):
                return s
        return start

    def _parts(self, text: str, found: list[Candidate], token_ends: set[int] | None,
               verbal: Spans) -> list[Candidate]:
        """A named part of a facility written after its name is one place with it: 甲高铁乙至丙支线,
        甲口岸货运第二通道, 甲机场T3航站楼 (the part heads are the rows of kind ``part``)."""
        out = []
        for c in found:
            run = _PART_RUN.match(text, c.end)
            if run is None:
                continue
            for ps, pe, _part in self.part_lexicon.find_all(text[c.end:run.end()]):
                ps, pe = ps + c.end, pe + c.end
                if ps == c.end:
                    break  # 临沂机场航站楼: a part without a name of its own is the facility's, no named part
                if (token_ends is not None and pe not in token_ends) \
                        or any(text[vs] not in _INNER for vs, _ve in verbal.starting_in(c.end, ps)):
                    continue
                out.append(Candidate(c.start, pe, "PLACE", "facility"))
                break
        return out

    def _rings(self, text: str, found: list[Candidate], token_ends: set[int] | None) -> list[Candidate]:
        """The ring line of a metropolitan area or city cluster named after it is a place with it (甲都市圈环线,
        乙都市圈西环): a road or railway that circles the area."""
        out = []
        for c in found:
            m = _RING.match(text, c.end)
            if m is None or (token_ends is not None and m.end() not in token_ends):
                continue
            head = self.head_words.ending_at(text, c.end, c.start)
            if head and self.heads[head]["kind"] == "region":
                out.append(Candidate(c.start, m.end(), "PLACE", "facility"))
        return out

    def _sections(self, text: str, found: list[Candidate]) -> list[Candidate]:
        """A named section of a line is one place with it: 西成铁路甘肃段, 银兰高铁中兰段, 甲城际南段. A river's section
        is not: the river and the place are two mentions (gold: 黄河 and 内蒙古 in 黄河内蒙古段)."""
        out = []
        ends = {c.end: c.start for c in found if not text.endswith("工程", c.start, c.end)}  # a works has no sections
        for end, start in ends.items():
            m = _SECTION_AFTER.match(text, end)
            if m:
                out.append(Candidate(start, m.end(), "PLACE", "facility"))
        return out

    def _listed(self, text: str, found: list[Candidate], token_ends: set[int] | None,
                verbal: Spans, named: dict[int, int] | None = None) -> list[Candidate]:
        """Items of a list ending in 等 + a facility head are facilities' names too (甲、乙、丙等重点口岸,
        甲、乙等7条高速公路: a count may come between; 甲、乙、丙3家5A级景区: a count alone closes it too), and
        so are the items of a list of two or more before 等 and a noun of local places (甲、乙等特色宜居片区:
        the heads of kind ``listed``). A common word inside such a list is one item of it, skipped."""
        out = []
        ends = []
        # lists of sites before a head of heritage sites or parks (甲湾、乙城等国家考古遗址公园): a site's name
        # may open with a common word (大地湾, 锁阳城) where it ends in a feature's or a site's character
        sites = set()
        for m in _LIST_BEFORE_HEAD.finditer(text):
            head = self.head_words.starting_at(text, m.end())  # the longest head there
            if head:
                ends.append((m.start(), m.group()))
                if self.heads[head]["kind"] in ("heritage", "park"):
                    sites.add(m.start())
        # (a list before a noun of local places names places only with two items or more: 甲、乙等…片区)
        # (or one item, where it is a street by its name: 甲乙路等道路80条)
        ends += [(m.start(), "等") for m in self.listed_kinds.finditer(text) if text.rfind("、", 0, m.start()) > max(
            text.rfind(c, 0, m.start()) for c in "，。；：\n") or _STREET_END.search(text, max(0, m.start() - 2), m.start())]
        # a list of mines or fields whose last item carries the head, no 等 (甲、乙、丙丁煤矿): that item is one
        # place with the head, and the items before it name mines too
        for m in _MINES_LISTED.finditer(text):
            if self._proper(m.group(1)) and (token_ends is None or m.start(1) in token_ends):
                out.append(Candidate(m.start(1), m.end(), "PLACE", "facility"))
                ends.append((m.start() - 1, "、"))
        for m_start, group in ends:
            end = self._before_works(text, m_start)
            # a last item after 及 that is another kind of line (甲乙、丙丁及戊连接线等6个高铁项目): the list of lines by
            # their ends' abbreviations is the one before 及
            k = text.rfind("及", max(0, end - 10), end)
            item = text.rfind("、", max(0, k - 5), k) if k > 0 and "、" not in text[k:end] else -1
            if item >= 0 and self._abbreviation(text[item + 1:k]):
                end = k
            while True:
                start = end
                while start > 0 and end - start < 6 and is_cjk(text[start - 1]) and text[start - 1] not in _STOP:
                    start -= 1
                # a window opening inside a verb of the clause starts after it (更新改造|甲乙路: 新改造甲乙路 is none)
                start = max([start] + [ve for vs, ve in verbal.covering(start, start + 1) if vs < start < ve < end])
                while start in verbal.spans and verbal.spans[start] < end:  # 在二连浩特: the preposition stays out
                    start = verbal.spans[start]
                k = text.rfind("和", start, end)
                if k > start + 1 and self._abbreviation(text[k + 1:end]):
                    start = k + 1  # 甲乙和丙丁: two lines, the conjunction between them
                name = text[start:end]
                # a street by its name may start after the clause's verbs, inside the six characters (更新改造甲乙路)
                street = None if self._proper(name) else self._street_start(text, start, end, token_ends)
                if street is not None and street > start and (token_ends is None or street in token_ends):
                    start, name = street, text[street:end]
                if len(name) < 2 or (token_ends is not None and start not in token_ends and start > 0):
                    break
                if not group.startswith("等") and end == m_start and text[start - 1:start] != "、":
                    break  # 新设7个自贸试验区: without 等 a count closes a list only (甲、乙3家…景区)
                if self._proper(name) or (m_start in sites and self._site(name)) or _covered(named or {}, start, end):
                    # (an item LAC reads as places end to end is one though it opens with a word: 安家庄, 公婆泉)
                    out.append(Candidate(start, end, "PLACE", "facility"))
                elif street == start:
                    out.append(Candidate(start, end, "PLACE", "facility"))  # (机场大道, though 机场 is a common word)
                elif text[start - 1:start] != "、" or not group.startswith("等"):
                    break  # a common word opening the list is the clause's (建设…); inside a list it is one item
                if start == 0 or not (text[start - 1] == "、" or (text[start - 1] == "和" and self._abbreviation(name))):
                    break  # (甲乙和丙丁等高速公路: 和 joins two lines by their ends' abbreviations)
                end = self._before_works(text, start - 1)
        return out

    def _elided_known(self, text: str, found: list[Candidate]) -> list[Candidate]:
        """The items of a list whose last item carries the head (甲、乙、丙国家文化公园) name facilities too where an
        item and that head make a facility kg knows by name (长征国家文化公园): the head is written once. A common
        word (长征) is an item only so."""
        out = []
        for c in found:
            if c.label != "PLACE" or text[c.start - 1:c.start] != "、":
                continue
            head = max((h for _hs, _he, h in self.head_lexicon.finditer(text[c.start:c.end])), key=len, default=None)
            k = c.start
            while head and text[k - 1:k] == "、":
                prev = _item_opening(text, k - 1)
                item = next((text[i:k - 1] for i in range(max(prev, k - 7), k - 2)
                             if text[i:k - 1] + head in self.places.entries), None)
                if item is None:
                    break
                out.append(Candidate(k - 1 - len(item), k - 1, "PLACE", "facility"))
                k = k - 1 - len(item)
        return out

    def _power_to_place(self, text: str) -> list[Candidate]:
        """A power line named by its source and the place it feeds (内蒙古某沙漠基地送电江西工程, 陇东到山东特高压直流工程):
        the destination is a place's name whole, and the name opens with a place or a feature."""
        found = []
        for m in _SOURCE_TO_PLACE_POWER.finditer(text):
            dest = m.group(2) or m.group(3)
            if dest not in self.places.entries:
                continue
            first = next(iter(self.places.finditer(m.group(1))), None)
            if first is None:
                continue
            found.append(Candidate(m.start(1) + first[0], m.end(), "PLACE", "facility"))
        return found

    @staticmethod
    def _before_works(text: str, end: int) -> int:
        """Where an item of a list of lines ends before the works done on it (甲乙扩容、丙丁等高速公路,
        甲乙（扩建）: the widening is no part of the line's name)."""
        m = _LINE_WORKS.search(text, max(0, end - 6), end)
        return m.start() if m else end

    def _street(self, name: str) -> bool:
        """A street by its name, in a list of places: a proper part of two characters or more and 路, 街, 大街 or
        大道 (甲乙路, 机场大道: an item of 甲乙路、丙丁大道等道路 though 机场 is a common word), no word of the
        dictionary and no common word ending it (道路, 公路, 思路, 出路 are words; 大道 and 大街 end names)."""
        m = _STREET_END.search(name)
        if m is None or m.start() < 2 or not 3 <= len(name) <= 7 or not all(is_cjk(c) for c in name) \
                or name in self.word_tags:
            return False
        return m.group() in ("大道", "大街") or not self._common(name[-2:])

    def _street_start(self, text: str, start: int, end: int, token_ends: set[int] | None) -> int | None:
        """Where a street's name (:meth:`_street`) ending at ``end`` starts, at ``start`` or after the clause's
        verbs opening [start, end) (改造甲乙大道: LAC tags 改造 a verbal noun there); None if there is none."""
        for k in range(start, end - 2):
            if (token_ends is None or k in token_ends or k == start) and self._street(text[k:end]) \
                    and not (self.word_tags.get(text[k:k + 2], "") in ("v", "vn") and self._street(text[k + 2:end])):
                return k  # (a verb opening the rest is the clause's when a street follows it: 改造[解放大道])
        return None

    def _site(self, name: str, ends: frozenset[str] = _SITE_ENDS, common_tail: bool = False) -> bool:
        """A site's name of three or four characters ending in a feature's or a site's character (大地湾, 锁阳城,
        凤凰山), neither a word of the dictionary nor common words end to end; its last two characters may be a
        common word only where ``common_tail`` (亭子口: 子口)."""
        return 3 <= len(name) <= 4 and all(is_cjk(c) for c in name) and name[-1] in ends \
            and name not in self.word_tags and (common_tail or not self._common(name[-2:])) \
            and not (len(name) == 4 and self._common(name[:2]) and self._common(name[2:]))

    def _water_site(self, modifier: str) -> bool:
        """A reservoir's or an irrigation district's name after the site it is at, a site's name (口, 坝, 峡 …:
        亭子口灌区, 罐子坝灌区, 大石峡水利枢纽), though it opens with a common word (亭子, 罐子), which alone would make
        the modifier no proper name; no category word in it."""
        return self._site(modifier, _WATER_SITE_ENDS, common_tail=True) \
            and not any(w in modifier for w in self.category_modifiers)

    def _compounds(self, text: str, token_ends: set[int] | None, hits: list) -> list[Candidate]:
        """A place and a named feature written together are one place (a city and its grassland,
        a gorge and its river): 呼和浩特 + 敕勒川草原, 老牛湾 + 黄河大峡谷. ``hits``: the named places of the text."""
        div = divisions()
        found = []
        k = 0
        while k < len(hits):
            j = k
            while j + 1 < len(hits) and hits[j + 1][0] == hits[j][1]:
                j += 1
            # the run ends at its last feature (岳阳 + 城陵矶港 before 江海联运: 江海 is a district's name, no part)
            while j > k and not _FEATURE_TYPE.match(text, hits[j][1]) \
                    and self.feature_kinds.get(hits[j][2][1], "region") in _REGION_KINDS:
                j -= 1
            m = _FEATURE_TYPE.match(text, hits[j][1])
            # the last is a feature of the land (a grassland, a river), not a region: 湘南湘西 are two;
            # rivers or lakes end to end are a list, not one place (淮河海河辽河, 太湖巢湖滇池)
            kinds = {self.feature_kinds.get(text[a:b]) for a, b, _v in hits[k:j + 1]}
            listed = len(kinds) == 1 and kinds <= {"river", "lake"}
            # two divisions of one level side by side are a list (甲县乙县丙水: the river of both counties), and a
            # division's name the dictionary reads as a verb opens none (新建 + 甲省 + 乙水库)
            levels = [div.by_code[v[1]].level if isinstance(v[1], str) and v[1] in div.by_code else None
                      for _a, _b, v in hits[k:j + 1]]
            siblings = any(a is not None and a == b for a, b in zip(levels, levels[1:]))
            first = k
            while first < j and self.word_tags.get(text[hits[first][0]:hits[first][1]]) in ("v", "vn", "vd"):
                first += 1
            if j > first and not listed and not siblings \
                    and (m or self.feature_kinds.get(hits[j][2][1], "region") not in _REGION_KINDS):
                end = m.end() if m else hits[j][1]
                if token_ends is None or end in token_ends or (m and True):
                    found.append(Candidate(hits[first][0], end, "PLACE", "facility"))
            k = j + 1
        return found

    def _holds_verb(self, modifier: str) -> bool:
        """A two-character verb of the dictionary inside the modifier (新开工: 开工)."""
        return any(self.word_tags.get(modifier[i:i + 2]) == "v" for i in range(len(modifier) - 1))

    def _proper(self, modifier: str) -> bool:
        """A modifier that can be a proper name: two to six Hanzi, neither it nor its first two characters
        a common word of the dictionary (城际铁路, 小型水库 are kinds)."""
        core = modifier.strip("（）()")
        # the level of a designation between the name and its head: 大汶口国家考古遗址公园
        level = _DESIGNATION_LEVEL.search(core)
        if level and level.start() >= 2:
            core = core[:level.start()]
        if len(core) >= 4 and core.endswith(("大型", "中型")) and not self._common(core[:-2]):
            core = core[:-2]  # 甲乙大型灌区: the size after a proper name is said of the one named
        if not 2 <= len(core) <= 6 or not all(is_cjk(c) for c in core) or all(c in _DIRECTIONS for c in core) \
                or core.startswith(_LEVEL_PAIRS) or _EVERY_LEVEL.match(core) or _COUNTED_MAJOR.match(core):
            return False  # 盟市互通高速: levels of places, no name; 市市通高铁, 村村通公路: every place of a level;
            # 三大高速公路: the three major ones, counted
        if self._common(core) or self._common(core[:2]) or any(w in core for w in self.category_modifiers):
            return False  # (智慧口岸, 零碳园区: kinds of facility and zone)
        if core.endswith("等"):
            return False  # 甲乙丙、丁戊三等高铁: 等 closes the list (三等 a word of the segmenter), no name ends in it
        if core[0] in _LEVEL_OPENERS:
            return False  # 甲、乙2县新通高速公路: a level word opens no proper name (the counted counties' roads)
        if any(True for _ in self.head_lexicon.finditer(core)):
            return True  # 中川机场环线铁路: a line named by another facility
        if len(core) > 2 and self.word_tags.get(core[:2], "") in ("ns", "nz") and core[:2] not in self.places.entries:
            return False  # 城市间高铁, 普通国省道: the dictionary's 城市 and 普通 are no names of places
        # a modifier ending in a common noun or adjective names a kind of road (双车道公路); with one character
        # before that word, the character must be a place's abbreviation to name anything (指干线铁路: 指 "that is")
        return not ((len(core) >= 4 or (len(core) == 3 and core[0] not in self.abbreviation_chars))
                    and self.word_tags.get(core[-2:], "") in _COMMON_END)

    def _common(self, word: str) -> bool:
        """A word of the dictionary that is no proper name: common tags and times (现代)."""
        tag = self.word_tags.get(word, "")
        return tag in _COMMON or tag == "t"

    def _left_edge(self, text: str, head_start: int, verbal: Spans, token_ends: set[int] | None,
                   known: _KnownWords | None = None) -> int:
        i = head_start
        limit = max(0, head_start - _MAX_MODIFIER)
        while i > limit:
            c = text[i - 1]
            if c in _STOP or not (is_cjk(c) or c in _INNER or "A" <= c <= "Z"):
                break  # (an acronym between the place and the head is the name's: 甲LNG码头)
            if word_boundary(self.boundaries, text, i, token_ends, known or self.known):
                break  # a boundary word that ends a word (和 of 呼和浩特 is none)
            i -= 1
        # a verb or function word inside the run ends the name before it (至 of 甲至乙 is none)
        for vs, ve in verbal.starting_in(i, head_start):
            # 至雄安 read as a verb is the route's 至; 加格达奇 read as a verb is still a place
            if text[vs] not in _INNER and text[vs:ve] not in self.places.entries \
                    and not (ve == head_start and ve - vs >= 3 and text[ve - 1] in _WATER_SITE_ENDS
                             and text[vs:ve] not in self.word_tags):
                # (甲赖峡水库: a site's name the dictionary lacks, ending in a site's character, that LAC reads as
                # a verb, is still the reservoir's name)
                i = max(i, ve)
        while i < head_start and (text[i] in _INNER or "A" <= text[i] <= "Z"):
            i += 1  # (no name opens with an acronym: LNG码头 alone is a kind)
        return i


def _item_opening(text: str, end: int) -> int:
    """Where the item of a list that ends at ``end`` (a 、 or the list's head there) opens: after the 、 or the
    clause's punctuation before it."""
    return max(text.rfind(ch, 0, end) for ch in "、，。；：\n") + 1


def _covered(named: dict[int, int], start: int, end: int) -> bool:
    """[start, end) is words LAC reads as places, end to end (安家/LOC 庄/LOC)."""
    i = start
    while i < end and i in named:
        i = named[i]
    return i == end


@Language.factory("kg_facilities", assigns=["doc._.kg_candidates"], requires=["doc._.kg_norm", "token.tag"])
def make_facilities(nlp: Language, name: str):
    """Recognize PLACE candidates of facilities, infrastructure and zones."""
    finder = FacilityFinder(getattr(nlp.tokenizer, "word_tags", None))

    def component(doc: Doc) -> Doc:
        w = words(doc)
        token_ends = w.end_set
        verbal = w.spans(_VERBAL_TAGS)
        text = doc._.kg_norm.text
        # a verb of applying for or founding a zone ends a name even where LAC took it into an entity
        # (荆州申建保税物流中心 read whole as ORG: the zone is to be applied for, the place is 荆州)
        for s, e in w.spans(_ENTITY_TAGS).items():
            if _APPLYING.fullmatch(text, s, e):
                verbal[s] = e
        named = w.spans(("LOC",))
        # the gazetteer's groups of cities by their first characters (兰白定临), by their end
        runs = {c.end: c.start for c in doc._.kg_candidates or []
                if c.label == "PLACE" and c.source == "gazetteer" and dict(c.attrs).get("run")}
        candidates.add(doc, finder(text, token_ends, verbal, named, runs))
        return doc

    return component
