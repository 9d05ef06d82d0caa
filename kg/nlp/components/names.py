"""PROGRAM, EVENT and WORK names: in quotes “”, in title marks 《》, or ending in a head word.

- 《…》 is a WORK, unless an event head follows at once (《礼赞共和国》科技成就展).
- “…” is a name when a cue says so: a head word inside it, or a word after it that
  names what it is (“科技兴蒙”行动, “科普中国”品牌, “科创中国”试点). Quoted
  slogans open with a numeral (“两个确立”, “四服务”) or list phrases (“亲”和“紧”) and are left out;
  so are honours (…奖, …称号, 先进集体).
- Otherwise a name ends in a head word (计划, 工程, 论坛, 大赛, 方案 …, see
  ``name_heads.tsv``) and runs left until a boundary word or punctuation.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc

from .. import candidates
from ..words import words
from ..candidates import Candidate
from ..text import CategoryWords, Lexicon, Spans, WordSet, is_cjk, word_boundary
from .gazetteer import CONTINENT_SHORTS, DESIGNATION_AFTER, PLACE_VERBS, country_forms, place_entries
from ...data import column, company_names, figure_nouns, load_table, organ_words
from ...places import divisions

_MAX_NAME = 30
_LOCATIVES = set("上后前中")
_NUMBERING = re.compile(r"^[一二三四五六七八九十\d]+$")
# verbs of publishing before quoted titles: 推送“…”, 播出“…”, 开设专题“…”
_PUBLISHED = re.compile(r"(?:推送|发布|转发|播出|播放|刊发|刊登|推出|发表|开设专题|制作了?|出版)$")
_DEICTIC_INSIDE = ("我省", "我市", "我区", "我县", "我国", "本省", "本市")
# a document's status in brackets after its title, part of the title: 规划纲要（草案）, …指引（试行）
_DOC_STATUS = re.compile(r"（(?:草案|试行|修订|修订稿|征求意见稿|送审稿|暂行)）")
_TITLE_LINES = 15
# a byline says who delivers the report (甲省省长乙作政府工作报告): 作 before the report's words, no title
_DELIVERED = re.compile("(?<!工)作(?:政府)?(?:工作)?报告$")
_REPORT_WORDS = ("工作报告", "政府工作报告")
# 等 or a short parenthesis between a quoted name and its cue: “甲”（朝阳科协）公众号, “乙”等公众号
# what a program's coinage does not hold: punctuation, numbers, counts (科普双升级 and 强三性 are slogans)
_NOT_COINAGE = re.compile(r"[，。；：！？,;:!?、\d一二三四五六七八九十两双]")
_LIST_CLOSE = re.compile(r"(?:等|[双两三四五六七八九十]个?)(?:类|项|大)?")
# a count right before a name, ending at its measure word: things of a kind counted, no one named (建成20个…工程,
# 20多个全国会议, 新设2个…学院, 抓好6条…高铁); shared by the recognizers of programs, bodies and facilities
COUNT_BEFORE = re.compile(r"(?:\d+|[一二两三四五六七八九十百千几]+)(?:多|余)?[个项次场家所条座处]$")
# nouns of principles and ways of working: a cue word right before one is its modifier (工作理念, 工作思路)
_PRINCIPLE_AFTER = re.compile(r"理念|思路|方针|原则|总基调|基调|要求|方法|导向")
_BEFORE_CUE = re.compile(r"(?:（[^（）\n]{1,10}）)?等?")
# A quoted name, then a word or two of kind, then a brand, activity or platform word (“甲乙”文旅品牌,
# “丙丁”等促消费活动, “戊己”智慧监管平台): the quoted part is the program. Over the gold and dev files
# 29 of 40 such quoted parts are annotated PROGRAM and 2 EVENT; numbered ones (“七大要素”…平台)
# are left out before this is asked, and so are lists and sums inside one pair of marks (“学法规、守戒律”,
# “甲+乙+丙”: ways of working).
_JOINED_INSIDE = re.compile(r"[、，+＋](?!$)")  # a list or a sum inside one pair of marks
_MODIFIED_CUE = re.compile(r"等?(?:(?![的和与及])[\u4e00-\u9fff]){1,4}?(?:品牌|活动|平台)")
_GENERIC_ENDS = ("系统", "组织", "部门", "单位", "机构", "官方", "平台", "媒体", "门户", "新闻", "各自", "自身", "本单位")
_LIST_ITEM_BEFORE = re.compile(r"(?:（[^（）\n]{1,10}）)?、$")
# jieba tags of common words: such a word alone before 公众号 is no account's name (微信, 官方)
_COMMON_WORD = ("a", "ad", "an", "d", "v", "vn", "n", "m", "r", "f", "b", "l", "p", "c", "u", "q")
# LAC tags of the words a program's or event's name never starts with: verbs of the sentence,
# adverbs, prepositions, conjunctions (增加…计划, 深入实施…工程)
_LEADING_TAGS = {"v", "vd", "d", "ad", "p", "c"}
# a list of brands closing (…等省级区域公用品牌, …等特优品牌), and what ends the clause before its first item
_BRAND_LIST_END = re.compile(r"等(?:[^，。；：、“”\s的等]{0,10}?)品牌")
_BRAND_CLAUSE_MARKS = "，。；：！？\n"
# a numeral and 大 right before a program's head: a numbered set (三大工程, 十大行动)
_NUMBERED_SET = re.compile(r"(?<![“”])[一二三四五六七八九十百]+大$")
# …and one opening the name, its kind after (十大绿色转型工程, 10大…行动): a set counted, no program's name
_NUMBERED_SET_LEAD = re.compile(r"^(?:[一二两三四五六七八九十百]+|\d+)大(?!运河|湾区|数据|学|会|赛|桥|道)")
# …八项行动, “甲”九项行动: a count of actions is a numbered set too
_NUMBERED_ITEMS = re.compile(r"[一二三四五六七八九十百]+项$")
_NUMBERED_SET_START = re.compile("[一二三四五六七八九十百]+大")
# characters after 法 that make it the start of another word (法律, 法规, 法治, 法制 …), not a law's name's end
# (but 宪法规定: the law stipulates)
_LAW_GOES_ON = frozenset("律规治制人院定官案学")
# a count right after a name, closing its clause: the name is a kind of thing counted (重点技改项目1213个;
# not 第十六届…学术年会21个主、分会场: the count is of what follows)
COUNT_AFTER = re.compile(r"(?:\d+|[一二三四五六七八九十两]+)(?:个|项|处|座|条|批|家)(?![\u4e00-\u9fff])")
# LAC tags of prepositions and adverbs: an event's name does not run left past a preposition, nor
# past an adverb that ends in one (谨向); other adverbs may sit inside a name (对口支援…工作会议)
_EVENT_BARRIER_TAGS = {"p", "d", "ad"}
# LAC's common nouns, nouns of place and of direction: the fields a program's name may list (景区、度假区…行动)
_NOUN_TAGS = {"n", "nz", "nw", "s", "f"}
_PREPOSITION_CHARS = set("向自经在从为于给把被由")
_JOINING = {"与", "和", "同", "及", "暨", "以及"}
# the end of a list of events: 等, a few words of kind and 活动 or 赛事 (…等文化惠民活动, …等系列赛事)
_EVENTS_LIST_END = re.compile(r"等(?:[^，。；：、“”\s]{0,6}?)(?:活动|赛事|盛会)")
# meetings named by their kind: a list of events says nothing more of them
_MEETINGS = ("报告会", "座谈会", "宣讲会", "研讨会", "交流会", "会议")
# characters that coordinate or link words: a strategy's name holds none (自治区政府与…战略)
_JOINING_CHARS = frozenset("与和同及暨、的")
_ORDINAL_BEFORE = re.compile(r"(?:第[一二三四五六七八九十百\d]+[届次轮批]|首届)$")
# a count of editions in Arabic digits with no 第 (举办2届…博览会): the editions held, not which one
_EDITIONS_COUNTED = re.compile(r"\d+届")
# modal verbs: one inside an event's modifier, alone or opening a verb of three characters or more (要带头),
# makes a clause (…部门要带头精简会议); 应用, 要求 are two-character words of their own
_MODALS = frozenset(("要", "将", "应", "须", "应当", "必须", "需要"))
# A count inside the modifier: things counted, not a name (5000个, 24个, 700万千瓦, 资金1327亿元).
# levels alone before a body's head: the designation, not a body (全国重点实验室)
# a scope before a program's words of kind (国家重大工程, 全国示范工程)
_SCOPE_PREFIX = re.compile("^(?:全国|国家级?|省级?|市级?|县级?|中央)")
# heads of ceremonies, named after whom they honour
_HONOURING_HEADS = ("大典", "祭典")
# heads of corridors and belts (name_heads.tsv), and the scope words that alone name none
_CORRIDOR_HEADS = ("走廊", "创新带")
# the country or the nation opening a name whose fields are joined by 和 (中国甲和乙博览会)
_NATIONAL_OPENERS = ("中国", "全国", "国家")
# the province's or the city's own document: 省 or 市 opening a title (市国土空间总体规划, 省…保护条例), not a
# level of a kind (省级…, 市场…, 市民…, 省市县三级…), a leader (省领导) nor a committee (省委 is a qualifier of its own)
_OWN_LEVEL = re.compile(r"(?:省|市|自治区)(?![委级场民内外区县属直市领政长])")
# the scope and the field before a five-year plan's quoted period (国家, 全省经济社会发展 “十五五”规划): no words of its title
_PERIOD_SCOPE = re.compile(r"(?:国家|全国|全省|全市|全区|全县|本省|本市|本县|省|市|区|县)?(?:国民经济和社会发展|经济社会发展|经济和社会发展|社会发展)?")
# a quoted coinage opening a program's name (“甲乙”行动): the coinage
_COINED_NAME = re.compile(r"“([^“”]{2,12})”")
# a plan period in quote marks (“十一五”, “八五”) that a plan's name opens with
_PLAN_PERIOD = re.compile(r"“(?:十[一二三四五六七八九]?|[一二三四五六七八九])五”")
# verbs of carrying a document out, which govern its title and do not open it
_CARRYING_OUT = frozenset(("落实", "贯彻", "执行", "实施", "制定", "出台", "印发"))
# an event's modifier made of scope, weight and field words only: the kind of event (重大国际比赛; the annotators of
# the 1998 and 2003 reports); 重要国际会议 after 等 is a list's kind (see _headed)
_EVENT_KIND = re.compile("(?:世界|国际|全球|重大|重要|大型|体育)+")
# a round or a decade before a plan's or a program's name, no part of it
_NEW_ROUND = ("新一轮", "新十年", "新10年")
# a day or month written before a meeting's name (去年9月26日, 12月): the date of the meeting, no part of its name
_MONTH_DATE_LEAD = re.compile(r"(?:去年|今年|前年)?(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:召开的|举行的)?")
# a year of an edition right after a verb (上海赢得2010年世界博览会)
_YEAR_AHEAD = re.compile(r"(?:19|20)\d{2}年")
# the year of a recurring event named by its scope (2025年中国网络文明大会, 2026全球工业互联网大会: dev annotators
# and the gov gold's 2026年全国生态日 give a DATE and the event); a body's own meeting of the year keeps it
# (the kexie gold's 2021年全区学会工作…推进会, 2021中荷…研讨会)
_EDITION_YEAR = re.compile(r"(?:19|20)\d{2}年?(?=中国|全国|全球|世界|国际|亚洲|亚太|上海合作组织|金砖国家|二十国集团)")
# a disaster or an accident named by its month and day in quote marks (“7·20”特大暴雨, “8·22”重大垮塌事故)
_DATED_DISASTER = re.compile(r"“\d{1,2}·\d{1,2}”[\u4e00-\u9fff]{0,10}?(?:洪水|洪涝|暴雨|地震|火灾|事故|灾害|台风|泥石流|山洪)(?:事故)?")
# a disaster named by its place and how severe it was (甲江百年一遇特大洪水, 甲县群发性山洪地质灾害), or a breach or
# collapse at a named site (甲垸一线堤防决口, 甲高速乙路段塌方灾害): the head ends a phrase
_DISASTER_HEAD = re.compile("(?:洪水|洪涝|暴雨|山洪|泥石流|地质灾害|滑坡|决口|溃坝|溃堤|塌方灾害|垮塌事故|火灾)"
                            "(?=[、，。；：,;）)]|等|灾后|抢险|救灾)")
_SEVERITY = re.compile(r"百年一遇|千年一遇|特大|特别重大|区域性|流域性|群发性|极端|\d+(?:\.\d)?级")
# a word of severity a verb's tag may be on (重大, 特大): between the place and the head it keeps the name whole
_SEVERE_WORD = re.compile(rf"重大|{_SEVERITY.pattern}")
# games held once in a city, named by their host (甲市奥运会)
_HOSTED_GAMES = frozenset(("奥运会", "冬奥会", "残奥会", "冬残奥会", "青奥会", "亚运会", "亚冬会", "大运会", "世博会", "世园会"))
_NEXT_QUOTED = re.compile("“([\u4e00-\u9fff]{2,4})”")
_NUMERALS = frozenset("一二三四五六七八九十两")
_SITE_DISASTERS = ("决口", "溃坝", "溃堤", "塌方灾害", "垮塌事故")
# a typhoon by its name in quote marks (超强台风“甲乙”, “甲乙”等10个台风)
_TYPHOON = re.compile(r"(?<=台风“)[\u4e00-\u9fff]{2,4}(?=”)|(?<=“)[\u4e00-\u9fff]{2,4}(?=”(?:等(?:\d+|[一二三四五六七八九十]+)个)?(?:超强|强)?台风)")
# a session's number alone (or with the meeting held together with it: 六次全会暨…会议), and a body's term and
# sessions right before 、 (十二届七次、八次全会; 七次、八次、九次全会)
_ELIDED_SESSION = re.compile(r"[一二三四五六七八九十]+次(?:$|全会暨)")
_SESSION_BEFORE = re.compile(r"届(?:[一二三四五六七八九十]+次[、和及])+$")
# heads of named actions and works, the longest name an introducing verb opens (实施…行动), and the
# characters a name so opened never holds: conjunctions, particles, quote and title marks
_ACTION_HEADS = ("行动", "工程", "计划", "攻坚战", "专项整治")
_MAX_ACTION_NAME = 18
_NOT_IN_ACTION = set("的等和与及并了着过“”《》、")
# words of scope that open a new phrase after a quoted name (“甲”全区科技馆联合行动: the quoted one is the
# name, the rest says who joins it); other words there continue it (“甲”产能建设工程 is one name)
_SCOPE_OPENERS = ("全区", "全省", "全市", "全国", "全县", "全盟", "全旗", "全域", "各")
# what follows a place's industry (甲石化 of 甲石化产业基地): the industry's site, so no company ends before it
_INDUSTRY_SITE = ("产业", "园区", "基地", "产业园", "工业园", "集聚区")
# the reach of a goal before what a place is to become (具有全球影响力的…中心)
_GOAL_REACH = ("影响力的", "竞争力的", "引领力的", "辐射力的")
# a body's base or branch, after the place it is in (甲实验室乙基地, 甲中心乙分中心)
_BRANCH_IN_PLACE = re.compile("基地|分中心|分院")
# a national or provincial level opening a body's name before fields joined by 和 (国家甲和乙制造业中试平台)
_LEVEL_BEFORE_FIELDS = re.compile(r"(?:国家|全国|省)[\u4e00-\u9fff]{2,6}$")
# a whole scope (全市, 全省) before a body's head that needs a qualifier: every such body there, a kind
# a quoted coinage inside a modifier (甲机场“盖被子”工程): set apart before looking for a facility or a river in it
_QUOTED_PART = re.compile("“[^“”]*”")
_WHOLE_SCOPE = re.compile(r"全[省市区县州盟旗]")
_SCOPES = {"市域", "县域", "省域", "区域", "全域", "城市", "国际", "陆上", "海上"}
LEVELS_ONLY = {"全国", "国家", "国家级", "省", "省级", "市", "市级", "自治区", "区级", "县级", "中央"}
# dictionary tags of common words: a modifier with one of them names no brand
_COMMON_MODIFIER = {"a", "ad", "an", "d", "v", "vn", "n", "m", "b", "l", "i", "z", "f", "t", "s"}
_COUNTED = re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿)?(?:个|项|家|座|所|条|名|人|批|千瓦|公里|吨|亩|元|立方米|平方米)|首[个座条家台批套]")
# A kind of body counted right after it, alone or closing a list of kinds (国家技术创新中心、制造业
# 创新中心达到8家; 重点实验室新增12个): the names are categories, not bodies.
COUNTED_AFTER = re.compile(r"(?:[、和及][\u4e00-\u9fff]{2,16}?)*(?:总数|数量)?(?:分别)?(?:达到|达|增至|增加到|新增|累计|共|各)"
                            r"[0-9一二三四五六七八九十百千两]+[家个所]")
# LAC tags of verbs, adverbs and function words: an organization's name does not run left past them.
_VERBAL_TAGS = {"v", "vd", "d", "ad", "p", "c", "u", "r", "xc"}
# a program coined from numbers (“双百工程”, “五千工程”, “万人计划”: annotators mark them), not a numbered set of
# programs (“十大工程”, “六小工程”, “八大行动”, “十项行动”) or an award (“五个一工程”奖)
_NUMBER_COINED = re.compile(r"^(?![一二两三四五六七八九十百\d]+[大小项个条类])(?:[一二两三四五六七八九十双百千万亿]{2}|[百千万][人村企户家团])"
                            r"(?:工程|计划)$")  # (not 三峡工程: a place after a numeral)
# Quoted slogans built on a number: “两个确立”, “四服务”, “三支队伍”, “五个重大政治责任”;
# a long quoted name may still open with one (“百名专家走进…”).
_NUMERAL_START = re.compile(r"^[一二两三四五六七八九十双百千万](?:个|.{0,3}$)|^[\d—\-]+$")
# verbs that only run an action and never open its name (打造, 优化, 服务 may do both)
_ONLY_RUN = ("实施", "开展", "推进", "启动", "组织", "落实", "执行", "深化", "推动")
_HONOUR_END = ("奖", "称号", "集体", "个人", "先进", "荣誉", "标兵", "模范", "单位", "示范县", "示范市")
# A place or a level word, then 行 ending the phrase.
_TOUR_LEVELS = ("旗县", "盟市", "市县", "县区", "基层", "乡村", "边疆")
_NOT_TOUR = set("动为业政使列程走驶长情李")
_STOP_CHARS = set("，。、；：！？（）()【】[]\n \t")
# verbs of holding a meeting: right before a 大会 named by its field, they make it one conference (举办…学术大会)
_HOLDING = frozenset(("举办", "办好", "召开", "承办", "筹办", "举行"))
_QUALIFIER = re.compile(r"\d(?:\.\d)?级|（扩大）|第?[一二三四五六七八九十百\d]+[届次期]|首届|\d{4}|^全国|^中央|^国务院|^(?:省|市|县|区|州|盟|旗|自治区党)委(?![员常])|^全区|^全省|^全市|^全盟|^全旗|国际|两岸|“|《|中国|世界|亚洲")



def _strip_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` without the characters of ``spans``."""
    keep = [True] * len(text)
    for s, e in spans:
        keep[s:e] = [False] * (e - s)
    return "".join(c for c, k in zip(text, keep) if k)


def _needs_quote_short(name: str) -> bool:
    """A name of two characters counts in quote marks only (两新 of 两新组织), but a law's is its own name
    (宪法, 刑法: 依照宪法和法律)."""
    return len(name) < 3 and not name.endswith("法")


# a quoted region coined by its shape (甲三角, 乙内湾) or a count of its lakes and rivers (一湖四水, 四水): a place, no
# program (the dev annotators of three reports mark all nine they met); “金三角”, the golden triangle, is a figure of
# speech for any three cities that work together (甲乙丙“金三角”: the cities are the places, as dev annotators read it)
_REGION_COINAGE = re.compile(r"(?!金三角)[\u4e00-\u9fff]{1,4}(?:三角|湾)|(?:[一二两三四五六七八九十][湖水])+")
# jieba's tags of common words: a modifier that is one is no proper name (智慧景区)
_COMMON_TAGS = frozenset(("a", "ad", "an", "b", "d", "v", "vn", "n", "l", "i", "z"))


class NameFinder:
    def __init__(self, word_tags: dict[str, str] | None = None):
        self.heads = {r["head"]: r for r in load_table("name_heads.tsv")}
        self.head_lexicon = Lexicon({h: h for h in self.heads})
        # China and a country or continent by their forms open a bilateral name (中非…论坛, 中美…对话)
        forms = "".join(sorted(country_forms() - {"中"})) + CONTINENT_SHORTS
        self.bilateral = re.compile(f"中[{re.escape(forms)}]+")
        # a run of provinces by their one-character forms qualifies a name like a place (晋冀鲁豫…走廊)
        shorts = "".join(sorted(set(column("province_shorts.tsv", "short"))))
        # with the forms of Hong Kong, Macao and Taiwan (鲁台经贸合作洽谈会, 湘港…交流会)
        self.province_run = re.compile(f"^[{re.escape(shorts + '港澳台')}]{{2,}}")
        self.province_chars = frozenset(shorts)
        kinds = sorted(column("program_categories.tsv", "word"), key=len, reverse=True)
        self.program_categories = re.compile("(?:" + "|".join(map(re.escape, kinds)) + ")+")
        # heads that close a name of their own before 和 (甲工程和乙工程: two names, not one coordination)
        self.closing_heads = WordSet([h for h, r in self.heads.items() if r["label"] in ("PROGRAM", "EVENT")])
        self.title_heads = WordSet([h for h, r in self.heads.items() if r["label"] == "WORK"])
        # every head of a name and every organ word (甲中心和乙实验室: the first closes a name of its own)
        self.any_heads = WordSet([*self.heads, *organ_words()])
        self.boundaries = WordSet(column("boundaries.tsv", "word"))
        self.places = Lexicon({k: v for k, v in place_entries().items() if len(k) >= 2})
        self.head_sorted = sorted(self.heads, key=len, reverse=True)
        # words after a closing quote that say what the quoted text names (“科技兴蒙”行动)
        self.verb_tags = word_tags or {}
        self.generic_channels = {"微信", "微博", "官方", "新媒体", "自媒体", "政务", "移动", "手机", "门户"}
        # verbs that introduce a named action as their object: 实施[…行动], 开展[…行动]
        self.action_verbs = WordSet(("实施", "开展", "启动", "深入实施", "组织实施", "启动实施", "组织开展"))
        # verbs that introduce a whole coordinated name (实施甲和乙工程)
        self.introducers = WordSet(("实施", "推进", "开展", "启动", "推动", "落实", "深化", "深入实施", "组织实施"))
        # heads of facilities and works (not regions: 沈阳都市圈一体化发展工程 is a program for the region)
        self.facility_heads = Lexicon({r["head"]: r["head"] for r in load_table("place_heads.tsv") if r["kind"] != "region"})
        self.facility_head_words = WordSet(self.facility_heads.entries)
        self.site_heads = WordSet([r["head"] for r in load_table("place_heads.tsv") if r["kind"] in ("heritage", "scenic", "park")])
        # companies by name (companies.tsv, enterprises.tsv): works named after one are its project, no program
        self.companies = Lexicon({n: n for n in company_names() if len(n) >= 3})
        self.feature_kinds = {r["name"]: r["kind"] for r in load_table("features.tsv")}
        # what a quoted coinage may be built on: provinces and cities (by code) and the named regions of China
        # (齐鲁, 三湘, 陇原); a province's one-character name after a verb of place or before a word of trade
        div = divisions()
        self.coinage_places = {d.code: True for d in div.by_code.values() if d.level in ("province", "prefecture")}
        self.coinage_places.update((r["name"], True) for r in load_table("features.tsv")
                                   if r["kind"] == "domestic_region")
        shorts = re.escape("".join(sorted(set(column("province_shorts.tsv", "short")))))
        self.short_in_coinage = re.compile(f"[{PLACE_VERBS}兴出][{shorts}]|[{shorts}](?:字号|商|品)")
        self.coinage_ends = tuple(column("place_coinage_ends.tsv", "word"))
        self.figure_nouns = figure_nouns()
        self.category_modifiers = CategoryWords.packaged()
        self.cues = {r["word"]: r for r in load_table("program_cues.tsv")}
        # programs, brands and observances known by their own names (科技兴蒙): quoted before 行动, the
        # quoted part alone is the name
        self.own_names = frozenset(column("names.tsv", "name"))
        self.cue_sorted = sorted(self.cues, key=len, reverse=True)
        self.list_categories = {r["word"]: r["label"] for r in load_table("list_categories.tsv")}
        # verbs of running a program (relation_triggers.tsv): their quoted object is a program
        # (verbs that take a program; 加强 only with 建设 after its object: the trigger's `then` word)
        running = [r for r in load_table("relation_triggers.tsv") if r["relation"] == "implements" and r["object"] == "PROGRAM"]
        self.running_verbs = WordSet(r["word"] for r in running)
        self.running_then = {r["word"]: r["then"] for r in running if r.get("then")}
        issuing = [r["word"] for r in load_table("relation_triggers.tsv") if r["relation"] == "issues" and r["object"] == "WORK"]
        self.issuing_verbs = WordSet(issuing)
        # verbs that introduce a title as a whole: issuing it, or carrying it out
        self.title_introducers = WordSet([*issuing, "实施", "落实", "贯彻", "贯彻落实", "执行"])
        self.list_words = sorted(self.list_categories, key=len, reverse=True)
        # nationwide programs, events and laws, matched with quote marks inside ignored (“三北”工程)
        # (label, short names need quote marks): platforms are names wherever they are words
        # organ words: a body inside a strategy's name says the words are a clause (…科协签署全面战略)
        self.organs = WordSet(w for w in organ_words() if len(w) >= 2)  # (not 部 of 中部)
        # nouns a strategy word modifies (战略协同, 战略矿产): after one, 战略 ends no name
        self.strategy_modified = WordSet(column("strategy_modified.tsv", "word"))
        self.known = Lexicon({**{r["name"]: ("PROGRAM", False) for r in load_table("platforms.tsv")},
                              **{r["name"]: (r["label"], (r["label"] == "PROGRAM" or _needs_quote_short(r["name"]))
                                             and r["bare"] != "1")
                                 for r in load_table("national_programs.tsv")}})
        self.channels = Lexicon({w: w for w, r in self.cues.items() if r["platform"] == "1"})
        self.patterns = [(r["label"], re.compile(r["pattern"])) for r in load_table("name_patterns.tsv")]
        # Names of ideologies, slogans and honours: never a mention, and nothing inside them is.
        blocked = [*column("not_names.tsv", "phrase"), *column("slogans.tsv", "phrase")]
        self.blocked = frozenset(blocked)
        self.patterns.append(("BLOCK", re.compile("|".join(map(re.escape, sorted(blocked, key=len, reverse=True))))))

    def __call__(self, text: str, token_ends: set[int] | None = None, verbal: dict[int, int] | None = None,
                 token_starts: set[int] | None = None, persons: set[int] | None = None,
                 leading: dict[int, int] | None = None, barriers: dict[int, int] | None = None,
                 prepositions: set[int] | None = None, located: set[int] | None = None,
                 bodies: set[tuple[int, int]] | None = None, nouns: dict[int, int] | None = None) -> list[Candidate]:
        """Candidates of ``text``; ``token_ends``: where words end (a head must end one); ``verbal``:
        start -> end of verbs, adverbs and function words (an organization's name never runs left past one);
        ``located``: where the words LAC reads as places start (they qualify an event's name); ``bodies``: (start, end)
        of the organizations found so far (one opens the name of its meeting); ``nouns``: start -> end of the words
        LAC reads as common nouns (the fields a program's name lists)."""
        found = list(self._patterns(text))
        found.extend(self._titled(text))
        found.extend(self._title_line(text))
        found.extend(self._quoted(text))
        found.extend(self._known(text, token_starts))
        found.extend(self._with_ordinal(text, found))
        found.extend(self._hosted_games(text, found, located or set(), token_starts))
        found.extend(self._channel_names(text, token_starts, leading or {}))
        found.extend(self._elsewhere(text, found, token_starts))
        found.extend(self._headed(text, token_ends, verbal or {}, token_starts, persons or set(), leading, barriers,
                                  prepositions or set(), located or set(), bodies or set(), nouns or {}))
        found.extend(self._coinages_elsewhere(text, found, token_starts))
        found.extend(self._tours(text, token_ends))
        found.extend(self._dated_disasters(text))
        found.extend(self._named_disasters(text, verbal or {}, located or set()))
        found.extend(self._regional_brands(text, token_starts, token_ends, leading or {}, located or set()))
        return found

    def _regional_brands(self, text: str, token_starts: set[int] | None, token_ends: set[int] | None,
                         leading: dict[int, int], located: set[int]) -> list[Candidate]:
        """The items of a list of brands (…等区域公用品牌, …等特优品牌) that are a place's product, each a brand by
        itself (甲县榨菜、乙市脐橙等品牌: PROGRAM, the guidelines' brands; the dev annotators mark every such item
        whole, the place inside). Kept where every unquoted item is no word of the dictionary, of three to eight
        characters, and one at least opens with a place (of kg's lexicon, or a word LAC reads as one): a place that
        opens the list alone scopes common words (甲省牛羊肉、奶酪等区域品牌: the place only); lists of sectors
        (家电、食品等产业品牌) give nothing, and so does a list with a named event or body in it (甲国际车展、乙博览会等
        品牌展会: the events' own heads decide)."""
        found: list[Candidate] = []
        for m in _BRAND_LIST_END.finditer(text):
            k = m.start()
            if token_starts is not None and (k not in token_starts or k + 1 not in token_starts):
                continue  # 等 inside a word (平等)
            if any(i in leading for i in range(k + 1, m.end() - 2)):
                continue  # 推动甲陶瓷、乙铁锅等做强品牌: a verb after 等, the items are no list of brands
            clause = max(text.rfind(c, 0, k) for c in _BRAND_CLAUSE_MARKS) + 1
            items, p = [], clause
            for q in [i for i in range(clause, k) if text[i] == "、"] + [k]:
                items.append([p, q])
                p = q + 1
            while items[0][0] in leading and leading[items[0][0]] < items[0][1]:
                items[0][0] = leading[items[0][0]]  # the clause's own verbs before the first item (做优, 打造)
            plain = [(p, q) for p, q in items if not (text[p:p + 1] == "“" and text[q - 1:q] == "”")]
            if len(plain) < 2 or not all(self._product_item(text[p:q]) for p, q in plain) \
                    or any(self._label_by_head(text[p:q]) for p, q in plain) \
                    or (token_ends is not None and not all((token_starts is None or p in token_starts) and q in token_ends
                                                           for p, q in plain)):
                continue
            if any(p in located or next((ps == 0 and pe <= q - p - 2 for ps, pe, _v in self.places.finditer(text[p:q])),
                                        False) for p, q in plain):
                found.extend(Candidate(p, q, "PROGRAM", "head") for p, q in plain)
        return found

    def _product_item(self, item: str) -> bool:
        """An item that can be a brand of a place's product: three to eight Hanzi, no word of the dictionary,
        no conjunction."""
        return 3 <= len(item) <= 8 and all(is_cjk(c) for c in item) and item not in self.verb_tags \
            and not any(c in item for c in "和与及的")

    def as_facility(self, text: str, cand: Candidate, facility_ends: set[int]) -> Candidate:
        """A program named by 工程 that ends in the head of a facility (水资源配置工程, 引水工程, 联网工程) where the
        facility finder found a place ending there too is that facility, whole: a PLACE from the program's start
        (甲乙水资源配置工程, where the finder began at 乙, the place it knows); ``cand`` itself otherwise."""
        if cand.label == "PROGRAM" and cand.end in facility_ends \
                and len(self.facility_head_words.ending_at(text, cand.end, cand.start + 2) or "") > len("工程"):
            return Candidate(cand.start, cand.end, "PLACE", "facility")
        return cand

    def _dated_disasters(self, text: str):
        """A disaster or accident named by its date in quote marks, with the place before it: 海河“23·7”流域性
        特大洪水, 甲市“1·24”特别重大火灾事故 (guidelines: named disasters and accidents are events)."""
        for m in _DATED_DISASTER.finditer(text):
            window = max(0, m.start() - 8)
            start = min([window + ps for ps, pe, _v in self.places.finditer(text[window:m.start()])
                         if window + pe == m.start()], default=m.start())
            yield Candidate(start, m.end(), "EVENT", "head")

    def _named_disasters(self, text: str, verbal: dict[int, int], located: set[int]):
        """Disasters named by their place (guidelines: named disasters are events, nothing inside them annotated):
        a place, then how severe it was (甲江百年一遇特大洪水, 乙市群发性山洪地质灾害) or the site of a breach or
        collapse (丙垸一线堤防决口), then the disaster's head, with no verb between (甲地突发洪水 names no disaster:
        the place only); and typhoons by their quoted names (超强台风“甲乙”)."""
        verbal_spans, located_at = Spans(verbal), sorted(located)
        for m in _DISASTER_HEAD.finditer(text):
            clause = max(text.rfind(c, max(0, m.start() - 16), m.start()) for c in "，。；：、\n") + 1
            window = max(clause, m.start() - 16)
            opens = [window + ps for ps, _pe, _v in self.places.finditer(text[window:m.start()])] \
                + located_at[bisect_left(located_at, window):bisect_left(located_at, m.start() - 1)]
            if not opens:
                continue
            start = min(opens)
            if any(not _SEVERE_WORD.fullmatch(text[vs:ve]) for vs, ve in verbal_spans.starting_in(start + 1, m.start())):
                continue  # 甲地突发洪水, 乙县遭受暴雨: a verb between, the place alone is the mention
            if m.group() in _SITE_DISASTERS or _SEVERITY.search(text, start, m.start()):
                yield Candidate(start, m.end(), "EVENT", "head")
        for m in _TYPHOON.finditer(text):
            spans, k = [(m.start(), m.end())], m.end() + 1
            while (nxt := _NEXT_QUOTED.match(text, k)) is not None:  # 台风“甲乙”“丙丁”: the names listed after it
                spans.append(nxt.span(1))
                k = nxt.end()
            for s, e in spans:
                if not any(c in _NUMERALS for c in text[s:e]):  # (台风“三连击”: three typhoons in a row, no name)
                    yield Candidate(s, e, "EVENT", "head")

    def _label_by_head(self, name: str) -> str | None:
        for h in self.head_sorted:
            if name.endswith(h):
                # (a head that needs a place, 战略, labels no quoted name by itself: “支点建设七大战略”; nor
                # one that needs a brand, after a common word: “智慧农场”)
                if self.heads[h]["qualified"] == "proper" and self._common_modifier(name[:-len(h)]):
                    return None
                # (a head of no name, label NONE, names nothing quoted either: “甲国际道路运输集结中心”)
                label = self.heads[h]["label"]
                return label if self.heads[h]["qualified"] != "place" and label != "NONE" else None
        return None

    def _common_modifier(self, modifier: str) -> bool:
        """The modifier, or its first two characters, is a common word of the dictionary: no brand (绿色石化,
        智慧农场), so a head that needs one (qualified = proper) names nothing."""
        return self.verb_tags.get(modifier, "") in _COMMON_MODIFIER \
            or self.verb_tags.get(modifier[:2], "") in _COMMON_MODIFIER

    def _patterns(self, text: str):
        for label, pattern in self.patterns:
            named = "name" in pattern.groupindex
            for m in pattern.finditer(text):
                s, e = m.span("name") if named else m.span()
                if label != "BLOCK":  # 按照省委…全会: a preposition before the organ is no part of the name
                    for _ in range(2):
                        b = self.boundaries.starting_at(text, s, e - 2)
                        s += len(b) if b else 0
                if label == "EVENT":  # (省委的…全会: the prefix of a party committee ran back over an earlier meeting)
                    s = self._after_closed_name(text, s, e - 1)
                yield Candidate(s, e, label, "gazetteer" if label == "BLOCK" else "head")

    def _title_line(self, text: str):
        """The report's own title line is a WORK (guidelines): a short line among the first ones that
        ends in 报告 and holds no sentence (2026年内蒙古自治区政府工作报告)."""
        pos = 0
        for n, line in enumerate(text.split("\n")):
            if n >= _TITLE_LINES:
                break
            stripped = line.strip().strip("#* ")
            if 6 <= len(stripped) <= 40 and stripped.endswith(_REPORT_WORDS) and not stripped.startswith(("在", "关于")) \
                    and not re.search(r"[，。；：！？]", stripped) and not _DELIVERED.search(stripped):
                start = pos + line.index(stripped)
                yield Candidate(start, start + len(stripped), "WORK", "title")
                break
            pos += len(line) + 1

    def _titled(self, text: str):
        # spaces padding the title inside its marks stay out of the span (《 中华人民共和国公司法 》), and so do
        # line breaks a web page puts there (《\n…\n》)
        for m in re.finditer(r"《[ \u3000\n]*([^《》\n]{1,60}?)[ \u3000\n]*》", text):
            yield Candidate(m.start(1), m.end(1), "WORK", "title")

    def _cue_after(self, text: str, i: int) -> dict | None:
        # “A”（朝阳科协）、… or “A”等公众号: a short parenthesis or 等 may come between
        m = _BEFORE_CUE.match(text, i)
        j = m.end() if m else i
        cue = next((self.cues[w] for w in self.cue_sorted if text.startswith(w, j)), None)
        if cue is not None and j > i and cue["platform"] != "1":
            return None
        if cue is not None and _PRINCIPLE_AFTER.match(text, j + len(cue["word"])):
            return None  # “甲、乙、丙”工作思路: the word modifies a principle's noun, it names nothing
        return cue

    def _coined_with_cue(self, text: str, name: str, cue: dict) -> bool:
        """Whether a quoted coinage and the program word after it are one name (“数商兴农”行动,
        “学生饮用奶”计划): so in government reports, where such a coinage names nothing without its
        word. A program known by its own name (names.tsv, national programs: “科技兴蒙”行动) or built
        on one is the quoted part alone. Where the text also uses the coinage without its word, that is the
        same program (_coinages_elsewhere); the dev annotators join the word at the cue (“投资龙江”行动)."""
        if cue["label"] != "PROGRAM" or name in self.own_names or name in self.known.entries \
                or self._known_prefix(name):
            return False  # (互联网+科技工作者 builds on a national program: a program by itself)
        return not _PLAN_PERIOD.fullmatch(f"“{name}”")  # (a plan's period: “七五”计划 is a plan's title)

    def _run_by_verb(self, text: str, quote: int, name: str, after: int) -> bool:
        """A short quoted coinage right after a verb of running a program (实施, 推进, 打造, 推广, 上线 …),
        with at most a few characters of modifier between (实施制造业“智改数转”); ``after``: where the text
        goes on after the closing quote (a verb with a `then` word needs it there: 加强“甲”建设)."""
        if not 2 <= len(name) <= 10 or _NOT_COINAGE.search(name) or self._place_figure(name):
            return False  # (建设“甲省粮仓”: a place and a noun of praise, a figure, no program)
        if self.verb_tags.get(name) in ("v", "vd", "d", "ad", "a", "c", "p"):
            return False  # 落实“并重”“并举”要求: a common verb or adverb quoted is no coinage
        if self.verb_tags.get(name) in ("n", "i", "s", "vn"):
            return False  # 打好政策“组合拳”, 打造新时代“鱼米之乡”: a common noun or an idiom quoted is a figure of speech
        if any(c in name for c in "+×＋") and not self._known_prefix(name):
            return False  # 推动“冰雪+”融合发展, 推广“中试+投资+孵化”: a way of joining sectors, no program
            # by the verb alone (a cue after it still names one: “农业保险+”改革; 人工智能+消费 opens
            # with a national program)
        for gap in range(0, 5):  # a modifier of up to four characters: 实施制造业“…”
            end = quote - gap
            if end < 2 or (gap and not all("\u4e00" <= c <= "\u9fff" for c in text[end:quote])):
                break
            verb = self.running_verbs.ending_at(text, end, max(0, end - 4))
            if verb:
                then = self.running_then.get(verb)
                return then is None or text.startswith(then, after)
        return False

    def _acts(self, text: str, quote: int, name: str, after: int) -> bool:
        """A short quoted name that opens its clause and is followed by a verb: the subject of the
        clause is a program, platform or service acting (“甲通”兑现政策资金, “乙执法”推动…)."""
        if not 2 <= len(name) <= 8 or not all(is_cjk(c) for c in name) or _NOT_COINAGE.search(name):
            return False
        if quote > 0 and text[quote - 1] not in "。，；：\n":
            return False
        for n in (4, 3, 2):
            if self.verb_tags.get(text[after:after + n]) == "v":
                return True
        return False

    def _place_figure(self, name: str) -> bool:
        """A quoted phrase that is a place's name and a noun of praise or result after it, nothing else (“甘肃速度”,
        “齐鲁粮仓”, “龙江粮”): a figure of speech, no program; the place in it is a mention (the dev annotators, 8 of 9)."""
        return any(ps == 0 and name[pe:] in self.figure_nouns for ps, pe, _v in self.places.finditer(name))

    def _place_coinage(self, name: str) -> bool:
        """A short quoted coinage on a province's or a city's name (“好运山东”, “技兴三湘”), or on a province's
        one-character name after a verb of place or before a word of trade (“险资入赣”, “湘商回归”, “桂字号”):
        the province's own program or brand. One that ends in a noun of praise is a figure (“甘肃速度”), and a
        power line between two provinces (“吉电入京”) is a facility."""
        if not 3 <= len(name) <= 8 or _NUMERAL_START.match(name) or re.search(r"[，。；：！？,;:!?、\d—]", name) \
                or name.endswith(self.coinage_ends) or "电入" in name or name in self.known.entries \
                or self.verb_tags.get(name) is not None:
            return False
        every = list(self.places.finditer(name))
        if any((self.coinage_places.get(v[1]) or name[ps:pe] in self.coinage_places)
               and not (ps and name[ps - 1:pe] in self.verb_tags)
               and not (pe < len(name) and name[ps:pe + 1] in self.verb_tags) for ps, pe, v in every):
            # (not 海口 of “空中出海口”, a word of the dictionary around the place's name); places joined by plus
            # signs only are a pair of places (“澳门+横琴”); a dash makes a route or a group of places
            # (“西宁—成都—曼谷”, “深圳—香港—广州”创新集群), never a coinage
            return bool(re.sub(r"[+＋·]", "", _strip_spans(name, [(ps, pe) for ps, pe, _v in every])))
        return self.short_in_coinage.search(name) is not None

    def _quoted_facility(self, name: str) -> bool:
        """A quoted name, Hanzi only, that ends in the head of a heritage site, a scenic area or a park (古城, 遗址,
        景区, 公园) after a modifier of two characters or more that is no common word: “甲乙古城” is a place
        (“智慧景区”, “口袋体育公园” are kinds: a common word opens them)."""
        head = self.site_heads.ending_at(name, len(name))
        modifier = name[: len(name) - len(head)] if head else ""
        return len(modifier) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in name) \
            and self.verb_tags.get(modifier, "") not in _COMMON_TAGS and self.verb_tags.get(modifier[:2], "") not in _COMMON_TAGS

    def _list_category(self, text: str, i: int) -> str | None:
        """The label given by a word closing a list of quoted names (“甲”、“乙”等活动; “丙”、“丁”双试点)."""
        m = _LIST_CLOSE.match(text, i)
        if not m:
            return None
        j = m.end()
        word = next((w for w in self.list_words if text.startswith(w, j)), None)
        return self.list_categories[word] if word else None

    def _quoted(self, text: str):
        quotes = list(re.finditer(r"“([^“”\n]{1,40})”", text))
        labels: list[str | None] = [None] * len(quotes)
        whole: list[int] = [0] * len(quotes)  # end of a name that runs on past the closing mark
        listed: list[str | None] = [None] * len(quotes)  # the label a word closing the list gives
        # right to left, so that a quote joined to the next one (“A”“B”创建, “A”和“B”活动)
        # takes the label the next one's cue gives
        for k in range(len(quotes) - 1, -1, -1):
            m = quotes[k]
            name = m.group(1)
            if name.endswith(_HONOUR_END) or len(name) < 1 or name in self.blocked:
                continue  # a slogan keeps no cue: “四个全面”战略布局 (slogans.tsv)
            cue = self._cue_after(text, m.end())
            # a short or numbered quoted part, or one ending in an operator, is no name on its own:
            # the name is the quoted part and the head together (“三北”工程, “人工智能+”行动)
            if cue and cue["span"] == "in" and (len(name) <= 2 or _NUMERAL_START.match(name) or name[-1] in "+×"
                                                 or self._coined_with_cue(text, name, cue)):
                labels[k], whole[k] = cue["label"], m.end() + len(cue["word"])
                continue
            if _REGION_COINAGE.fullmatch(name):
                labels[k] = "PLACE"  # “锰三角”, “黄金内湾”, “一湖四水”: a region coined by its shape or its waters
                continue
            if (_NUMERAL_START.match(name) and not _NUMBER_COINED.match(name)) or len(name) < 2:
                continue
            if cue is not None and cue["word"] == "模式" and not self._known_prefix(name):
                labels[k] = "BLOCK"  # “管委会+公司”模式: a way of working, no name in it (but “互联网+学术”)
                continue
            label = self._label_by_head(name) if name not in self.heads else None  # “马拉松”: a head alone names nothing
            if label is None and name.endswith("项目") and len(name) > 2 and "、" not in name \
                    and not _NUMBERED_SET_START.match(name):  # “十大产业项目”: a numbered set
                label = "PROGRAM"  # “徐特立项目”: a quoted project is named (an unquoted X项目 is a kind of project)
            if label is None and cue is not None and cue["label"] == "PROGRAM":
                label = "PROGRAM"
            if label is None:
                label = listed[k] = self._list_category(text, m.end())
            if label is None and _MODIFIED_CUE.match(text, m.end()) and not _JOINED_INSIDE.search(name):
                label = "PROGRAM"  # “甲乙”文旅品牌, “丙丁”等促消费活动: a kind word between name and cue
            if label is None and self._quoted_facility(name):
                label = "PLACE"  # “甲州古城”: a site by its proper name and a site's head (but “甲古镇”等旅游品牌: brands)
            if label is None and self._run_by_verb(text, m.start(), name, m.end()):
                label = "PROGRAM"  # 大力实施制造业“智改数转”: a coinage a verb of running takes is a program
            if label is None and self._acts(text, m.start(), name, m.end()):
                label = "PROGRAM"  # 。“甲通”兑现资金…: a quoted service that is the subject of its clause
            if label is None and self._place_coinage(name):
                label = "PROGRAM"  # “湘商回归”, “龙江好物”: a coinage on the name of a province or city is its program
            if label is None and k + 1 < len(quotes) and quotes[k + 1].start() - m.end() <= 1 \
                    and text[m.end() : quotes[k + 1].start()] in ("", "和", "、", "与", "及"):
                # a list takes the label its last name has from a cue or from the word closing it
                label = labels[k + 1] if labels[k + 1] == "PROGRAM" or listed[k + 1] else None
                listed[k] = listed[k + 1]
            labels[k] = label
        # the quoted titles a verb of publishing takes (推送“如何有效佩戴口罩”、“停止恐慌”等): works,
        # left to right along the list
        k = 0
        while k < len(quotes):
            m = quotes[k]
            if labels[k] is None and not whole[k] and _PUBLISHED.search(text, max(0, m.start() - 6), m.start()):
                j = k
                while j < len(quotes):
                    if labels[j] is None and not whole[j] and not quotes[j].group(1).endswith(_HONOUR_END):
                        labels[j] = "WORK"
                    if j + 1 < len(quotes) and text[quotes[j].end():quotes[j + 1].start()] in ("", "、", "和", "及", "与"):
                        j += 1
                        continue
                    break
                k = j + 1
                continue
            k += 1
        for m, label, end in zip(quotes, labels, whole):
            name = m.group(1)
            if name.endswith(_HONOUR_END):
                yield Candidate(m.start(1), m.end(1), "BLOCK", "quoted")
            elif end:
                if text[m.end():end] == "计划" and _PLAN_PERIOD.fullmatch(m.group()):
                    label = "WORK"  # “九五”计划: the five-year plans before 2006 are documents, as “十一五”规划 is
                yield Candidate(m.start(), end, label, "quoted")
            elif label:
                yield Candidate(m.start(1), m.end(1), label, "quoted")

    def _channel_names(self, text: str, token_starts: set[int] | None, leading: dict[int, int]):
        """Accounts and apps named before an online channel without quote marks (科学加客户端,
        蝌蚪五线谱网站), and every item of a list that ends in 等 + channel (甲、乙、丙等公众号)."""
        for cs, _ce, _w in self.channels.finditer(text):
            end = cs - 1 if cs and text[cs - 1] == "等" else cs
            listed = end < cs
            while True:
                start = self._channel_start(text, end, token_starts, leading)
                if start is None:
                    break
                yield Candidate(start, end, "PROGRAM", "head")
                # the item before, across 、 or a short parenthesis (金葵花行动（朝阳科协）、…)
                m = _LIST_ITEM_BEFORE.search(text, max(0, start - 12), start) if listed else None
                if not m:
                    break
                end = m.start()

    def _channel_start(self, text: str, end: int, token_starts: set[int] | None, leading: dict[int, int]) -> int | None:
        i = end
        while i > max(0, end - 10) and (is_cjk(text[i - 1]) or text[i - 1].isalnum()) and text[i - 1] not in _STOP_CHARS:
            if word_boundary(self.boundaries, text, i, token_starts, self.verb_tags):
                break
            i -= 1
        if token_starts is not None:
            i = next((k for k in range(i, end) if k in token_starts), end)
        while i in leading and leading[i] < end:
            i = leading[i]
        name = text[i:end]
        if len(name) < 2 or self.verb_tags.get(name, "") in _COMMON_WORD or name in self.generic_channels \
                or name.endswith(_GENERIC_ENDS):
            return None  # 微信公众号, 科协系统网站: a kind of channel, not the name of one
        return i

    def _elsewhere(self, text: str, found: list[Candidate], token_starts: set[int] | None):
        """One sense per report: a program named once by quote marks or a channel is the same
        program wherever its name recurs (平谷科普 quoted once, bare in a list elsewhere)."""
        # (not a quoted part of a listed name: “走出去”战略 names the strategy, not a program 走出去)
        known = [(c.start, c.end) for c in found if c.source == "gazetteer" and c.label == "PROGRAM"]
        names = {text[c.start:c.end] for c in found if c.label == "PROGRAM" and c.source in ("quoted", "head")
                 and c.end - c.start >= 3 and not any(ch in text[c.start:c.end] for ch in "“”《》")
                 and not any(a <= c.start and c.end <= b and b - a > c.end - c.start for a, b in known)}
        if not names:
            return
        for s, e, name in Lexicon({n: n for n in names}).finditer(text):
            if (text[s - 1:s] == "、" or text[e:e + 1] == "、") and self.verb_tags.get(name[:2]) in ("v", "vn") \
                    and name[2:] in self.places.entries:
                continue  # 看好甲省、投资甲省: a verb and its place in a list of such, not the brand “投资甲省” quoted elsewhere
            if token_starts is None or s in token_starts:
                yield Candidate(s, e, "PROGRAM", "head")

    def _coinages_elsewhere(self, text: str, found: list[Candidate], token_starts: set[int] | None):
        """A quoted coinage named with its program word once (“甲乙”行动) is that program where the text quotes
        the coinage alone (…“甲乙”“丙丁”等举措); inside the whole name the longer span wins. Not a coinage that
        opens with a numeral (“一河三山”: a slogan, guidelines)."""
        names = set()
        for c in found:
            m = _COINED_NAME.match(text, c.start, c.end) if c.label == "PROGRAM" and c.source == "head" else None
            if m and m.end() - m.start() < c.end - c.start and len(m.group(1)) >= 3 \
                    and not (m.group(1)[0] in _NUMERALS or m.group(1)[0].isdigit()):
                names.add(m.group(1))
        if not names:
            return  # (most reports: no automaton to build)
        for s, e, _name in Lexicon({n: n for n in names}).finditer(text):
            if text[s - 1:s] == "“" and text[e:e + 1] == "”":
                yield Candidate(s, e, "PROGRAM", "quoted")

    def _with_ordinal(self, text: str, found: list[Candidate]):
        """An ordinal right before an event joins it: 第七届 + 残特奥会, 第三轮 + 中央…督察 (a year stays a DATE)."""
        for c in found:
            if c.label != "EVENT":
                continue
            m = _ORDINAL_BEFORE.search(text, max(0, c.start - 8), c.start)
            if m:
                start = m.start()
                if m.group().endswith("届"):  # the host before the edition: 哈尔滨第九届亚冬会 (like 北京冬奥会)
                    window = max(0, start - 8)
                    start = min([window + ps for ps, pe, _v in self.places.finditer(text[window:start])
                                 if window + pe == start], default=start)
                yield Candidate(start, c.end, "EVENT", c.source, c.attrs)

    def _hosted_games(self, text: str, found: list[Candidate], located: set[int], token_starts: set[int] | None):
        """Games held once in a city, after the city that hosts them (甲市奥运会, 乙市冬奥会): one event, as the
        known 北京冬奥会 and 杭州亚运会 are; the host may be a city abroad that LAC reads as a place."""
        for c in found:
            if c.label != "EVENT" or text[c.start:c.end] not in _HOSTED_GAMES:
                continue
            window = max(0, c.start - 6)
            hosts = [window + ps for ps, pe, _v in self.places.finditer(text[window:c.start]) if window + pe == c.start] \
                + [k for k in range(c.start - 4, c.start - 1) if k in located and all(is_cjk(ch) for ch in text[k:c.start])
                   and (token_starts is None or (k in token_starts and c.start in token_starts))]
            if hosts:
                yield Candidate(min(hosts), c.end, "EVENT", c.source, c.attrs)

    def _known(self, text: str, token_starts: set[int] | None):
        """Names of ``national_programs.tsv``, found with quote marks inside them ignored."""
        keep = [i for i, c in enumerate(text) if c not in "“”"]
        bare = "".join(text[i] for i in keep)
        for s, e, (label, needs_quote) in self.known.finditer(bare):
            start, end = keep[s], keep[e - 1] + 1
            if "”" in text[start:end] and start and text[start - 1] == "“":
                start -= 1  # “三北”工程: the name runs on past the closing mark and keeps both marks
            if text.count("“", start, end) > text.count("”", start, end) and text[end:end + 1] == "”":
                start = text.rfind("“", start, end) + 1  # 长江“十年禁渔”: the quoted part is the name
            quoted = start and text[start - 1] == "“" and end < len(text) and text[end] == "”"
            if needs_quote and e - s <= 3 and not quoted and "”" not in text[start:end]:
                continue  # 两新 of 两新组织: a short name counts in quote marks only
            if token_starts is not None and start not in token_starts and text[start] != "“":
                continue
            if label == "PROGRAM" and DESIGNATION_AFTER.match(text, end):
                continue  # 美丽中国先行区: a designation named after the program, not the program
            if label == "WORK" and text[end - 1] == "法" and text[end:end + 1] in _LAW_GOES_ON \
                    and not text.startswith("规定", end):
                continue  # 民营经济促进法规政策: the law's name is the start of another word (法规)
            if label == "PROGRAM" and COUNT_AFTER.match(text, end):
                continue  # 建设便民生活圈232个: the kind the program builds, counted
            if label == "PROGRAM" and needs_quote and e - s <= 3 and text.startswith("目标", end + (1 if quoted else 0)):
                continue  # “双碳”目标: a short name before 目标 names the goal, not the drive
            if label == "WORK" and _DOC_STATUS.match(text, end):
                end = _DOC_STATUS.match(text, end).end()  # 全国统一大市场建设指引（试行）: the status is the title's
            yield Candidate(start, end, label, "gazetteer")

    def _coordinated(self, text: str, start: int, token_starts: set[int] | None, introducers: WordSet | None = None) -> int:
        """Start of ``甲和乙`` when the name at ``start`` follows 和 and a verb that introduces the
        whole name comes right before 甲 (实施国家…普及攻坚和质量提升工程; a title: 出台[甲和乙改革方案])."""
        introducers = introducers or self.introducers
        if start < 2 or text[start - 1] not in "和与":
            return start
        if introducers is self.title_introducers and self.title_heads.ending_at(text, start - 1):
            return start  # 甲总体方案和乙纲要: the first title has its own head, so two titles
        if self.closing_heads.ending_at(text, start - 1) or text.endswith("战略", 0, start - 1):
            return start  # 甲再造工程和乙攻关工程, 甲提升战略和乙行动: the first has its own head, so two names
        j = start - 1
        while j > max(0, start - 16) and is_cjk(text[j - 1]) and text[j - 1] not in _STOP_CHARS:
            hit = introducers.ending_at(text, j)
            if hit and (token_starts is None or j - len(hit) in token_starts):
                if text[j:start - 1] in self.known.entries:
                    return start  # 实施退耕还林和天然林保护工程: the first is a program known by its own name
                return j
            if self.boundaries.ending_at(text, j):
                return start
            j -= 1
        return start

    def _national_coordination(self, text: str, start: int, token_starts: set[int] | None) -> int:
        """Start of a national body's or event's name whose fields are joined by 和 or 与 inside it, when the
        name opens with 中国, 全国 or 国家 right after a verb, a preposition, 首届 or a mark (办好[中国国际影视动漫版权
        保护和贸易博览会], 成立[中国空天信息和卫星互联网创新联盟]): the country opens the name, it is no place of its own."""
        if text[start - 1:start] not in ("和", "与") or self.any_heads.ending_at(text, start - 1):
            return start  # (甲中心和乙实验室, 甲大会和乙会议: the first has a head of its own, two names)
        j = start - 1
        while j > max(0, start - 24) and is_cjk(text[j - 1]) and text[j - 1] not in _STOP_CHARS \
                and text[j - 1] != "的":
            j -= 1
            if text.startswith(_NATIONAL_OPENERS, j) and (token_starts is None or j in token_starts) \
                    and j + 2 < start - 1 and (j == 0 or text[j - 1] in _STOP_CHARS or text.endswith("首届", 0, j)
                                               or self.verb_tags.get(text[j - 2:j]) in ("v", "p")
                                               or text[j - 1] in "向在"):
                return j
        return start

    def _listed_fields(self, text: str, start: int, head_start: int, token_starts: set[int] | None,
                       verbal: dict[int, int], located: set[int], noun_ends: set[int]) -> int:
        """Start of a program whose fields are listed before it with 、 when a verb that introduces the whole
        name comes right before the first (开展[景区、度假区质量提升行动], 实施[重点领域、重点行业、…就业支持
        计划]: nouns of the fields the one program covers). Not when an item opens or ends with a verb (实施
        甲供给提升、乙增产增效、丙振兴行动: three programs, the first two elided, guidelines) or ends with no
        common noun (景区强基焕新、民宿…行动; 孟中印缅、中巴经济走廊: names of their own), is a place
        (甲河谷地、乙盆地大气污染…行动: the places are mentions of their own), has a head of its own (实施甲工程、
        乙行动), holds a mark or runs long (a list of the sentence's own), nor when the head is inside a word
        (房屋建筑、土木工程: a field of trade)."""
        if text[start - 1:start] != "、" or (token_starts is not None and head_start not in token_starts):
            return start
        items = []
        k = start - 1  # the 、 closing the item being read
        j = k
        while j > max(0, start - 40):
            c = text[j - 1]
            if c == "、":
                if j == k or self.closing_heads.ending_at(text, k) or self.title_heads.ending_at(text, k):
                    return start
                items.append((j, k))
                k = j - 1
                j = k
                continue
            if not is_cjk(c) or c in _STOP_CHARS or c in _NOT_IN_ACTION or k - j >= 8:
                return start
            hit = self.introducers.ending_at(text, j)
            if hit and j < k and (token_starts is None or j in token_starts) \
                    and (token_starts is None or j - len(hit) in token_starts):
                if self.closing_heads.ending_at(text, k) or self.title_heads.ending_at(text, k):
                    return start
                items.append((j, k))
                if any(a in verbal or b not in noun_ends or a in located or text[a:b] in self.places.entries
                       for a, b in items):
                    return start
                return j
            j -= 1
        return start

    def _after_closed_name(self, text: str, start: int, head_start: int) -> int:
        """Start of the last of two names joined inside a span: a program's or an event's head closing a
        name before 和, 与, 及 or 、 ends that name (党的二十届四中全会和[省委十二届十一次全会]: two meetings)."""
        for k in range(head_start - 1, start, -1):
            if text[k] in "和与及、" and self.closing_heads.ending_at(text, k):
                return k + 1
        return start

    def _headed(self, text: str, token_ends: set[int] | None, verbal: dict[int, int],
                token_starts: set[int] | None = None, persons: set[int] = frozenset(),
                leading: dict[int, int] | None = None, barriers: dict[int, int] | None = None,
                prepositions: set[int] = frozenset(), located: set[int] = frozenset(),
                bodies: set[tuple[int, int]] = frozenset(), nouns: dict[int, int] | None = None):
        leading = leading or {}
        noun_ends = set((nouns or {}).values())
        barrier_spans = Spans(barriers or {})
        verbal_spans = Spans(verbal)
        named: list[Candidate] = []
        unqualified: list[Candidate] = []
        longest: dict[int, tuple[int, str]] = {}
        for hs, he, head in self.head_lexicon.find_all(text):
            if he not in longest or hs < longest[he][0]:
                longest[he] = (hs, head)
        for he, (hs, head) in sorted(longest.items()):
            row = self.heads[head]
            if row["label"] == "NONE":
                continue  # the longest head says the phrase is no name (科技创新中心: a goal)
            if token_ends is not None and he not in token_ends and not (
                    row["label"] == "EVENT" and text[he:he + 1] in _LOCATIVES):
                continue  # the head is the start of a longer word (工程 in 工程院); 工作会上 is fine
            if row["label"] == "PROGRAM" and ((hs in leading and leading[hs] >= he)
                                              or any(vs < hs < ve for vs, ve in verbal_spans.covering(hs, hs + 1))):
                continue  # 开行动车: 行动 read as a verb (or inside one) heads no program; a verb
                # opening a longer head is part of a noun (科创走廊, 科创 tagged v)
            if head.endswith("规划") and text.startswith(("建设", "布局"), he):
                continue  # 加快甲铁路规划建设: planning and building, a verb pair, no plan's title
            if head == "行动" and "上" in (text[he:he + 1], text[hs - 1:hs]):
                continue  # 思想上政治上行动上: action itself, in a list of respects, no program
            if row["label"] == "PROGRAM" and hs and text[hs - 1] == "”":
                q = text.rfind("“", max(0, hs - 42), hs - 1)
                cue = self._cue_after(text, hs)
                if q < 0 or cue is None or not self._coined_with_cue(text, text[q + 1:hs - 1], cue):
                    continue  # “科技兴蒙”行动: the quoted part alone is the name
                # a coinage and its word are one name, with the words of their own before it
                # (量子信息“千家场景”行动, annotators): the name runs left from the head as any other
            start = self._left_edge(text, hs, token_starts, stop_at_quote=row["label"] == "PROGRAM",
                                    acronyms=row["label"] in ("EVENT", "PROGRAM"),
                                    verb_before_head=row["label"] == "PROGRAM")
            if start is None and row["label"] == "PROGRAM" and head.endswith(_ACTION_HEADS):
                # verbs inside an action's name stopped the edge (未来产业培育壮大工程, 创意设计赋能行动): a verb that
                # introduces actions a few words before still opens it (深入实施[…])
                introduced = self._introduced(text, hs, hs, token_starts)
                start = introduced if introduced < hs else None
            edge = hs if start is None else start
            if row["label"] == "WORK" and text[edge - 1:edge] == "的":
                # the left edge stops at 的; an issued title runs on across it (出台[促进…发展的若干措施])
                start = self._title_across_de(text, edge)
                if start == hs:
                    continue
            if start is None:
                continue
            if row["label"] == "ORG":  # 建强…重点实验室, 发挥好工作委员会: the verb is not in the name
                start = max([start, *(ve for _vs, ve in verbal_spans.starting_in(start, hs))])
                start = self._national_coordination(text, start, token_starts)
            elif row["label"] == "WORK":  # a title coordinating its subjects, issued or carried out: 出台[甲和乙行动方案]
                start = self._coordinated(text, start, token_starts, self.title_introducers)
            else:  # (a document's title may open with a verb: 加快发展…实施方案)
                # a coordination inside a name introduced by a verb: 实施[甲和乙工程]
                start = self._coordinated(text, start, token_starts)
                start = self._after_closed_name(text, start, hs)
                if row["label"] == "EVENT":
                    start = self._national_coordination(text, start, token_starts)
                if row["label"] == "PROGRAM":
                    start = self._listed_fields(text, start, hs, token_starts, verbal, located, noun_ends)
                # a name starts at a word, and not with a verb of the sentence (增加…计划, 建好…项目)
                if token_starts is not None:
                    start = next((i for i in range(start, hs) if i in token_starts), hs)
                while start in leading and leading[start] < hs and not self._around_place(text, start):
                    start = leading[start]
                if row["label"] == "PROGRAM" and head.endswith(("行动", "年")):
                    start = self._verb_led(text, start)
                if row["label"] == "PROGRAM" and head.endswith(_ACTION_HEADS):
                    start = self._introduced(text, start, hs, token_starts)
                quote = text.find("“", start, hs) if row["label"] == "PROGRAM" else -1
                if quote > start and self.verb_tags.get(text[start:quote]) == "v":
                    start = quote  # 深化拓展[“甲”行动]: a verb alone before the quoted coinage is the sentence's
                # a preposition or an adverb ends an event's name before it (…委员会谨向[大会],
                # 民建自[第六次全国代表大会], 《纲要》经[大会]); coordination stays (甲与乙对话大会)
                if row["label"] == "EVENT":
                    for bs, be in list(barrier_spans.starting_in(start, hs)):
                        word = text[bs:be]
                        if be <= hs and word not in _JOINING \
                                and (bs in prepositions or word[-1] in _PREPOSITION_CHARS):
                            start = be
                    # a verb before the year of an edition is the sentence's (上海赢得[2010年世界博览会]举办权)
                    for vs, ve in list(verbal_spans.starting_in(start, hs)):
                        if ve < hs and _YEAR_AHEAD.match(text, ve) and self.verb_tags.get(text[vs:ve]) == "v":
                            start = ve
                # 主持会议, 出席会议: a verb and its object, no name
                if row["label"] == "EVENT" and any(
                        (ve == hs and vs >= start and self.verb_tags.get(text[vs:ve]) == "v") or vs < hs < ve
                        or (vs >= start and (text[vs:ve] in _MODALS or (text[vs] in _MODALS and ve - vs >= 3)))
                        for vs, ve in verbal_spans.covering(start, he)):
                    continue  # (…部门要带头精简会议: a verb opening with a modal makes a clause, no name)
                if any(start <= p < hs for p in persons) and not head.endswith(_HONOURING_HEADS):
                    continue  # …董事长徐明波主持会议: a person inside is no part of a name (but a ceremony
                    # is named after whom it honours: 公祭伏羲大典, 祭孔大典)
            if row["label"] == "EVENT":
                dated = _MONTH_DATE_LEAD.match(text, start, hs)
                if dated and dated.end() < hs:
                    start = dated.end()  # 9月26日[中央政治局会议]: the day a meeting was held is a date of its own
            if row["label"] == "PROGRAM" and head.endswith(_CORRIDOR_HEADS):
                # a corridor is named by the places it joins: a verb before them is the sentence's
                # (东北三省一区共建[沈大哈长产业科技创新带]), and a scope alone names none (市域科创走廊)
                start = max([start, *(ve for _vs, ve in verbal_spans.starting_in(start, hs) if ve <= hs)])
                if text[start:hs] in _SCOPES:
                    continue
            if row["label"] == "ORG" and text[start:start + 1] in self.province_chars \
                    and text.startswith(("全国", "国家", "省级"), start + 1):
                start += 1  # 在晋[全国重点实验室]: the province before a level is where they are, no name's part
            modifier = text[start:hs]
            first = modifier.find("首届")
            if first >= 0 and row["label"] == "EVENT":
                # the first edition opens the name (首届…运动会); what comes before is its organizer's
                start, modifier = start + first, modifier[first:]
                if len(modifier) - 2 < int(row["min"]):
                    continue  # 首届大会: an edition of no named event
            count = _EDITIONS_COUNTED.match(modifier)
            if count and row["label"] == "EVENT" and text[start - 1:start] != "第":
                # 连续举办8届[全国…活动周]: a count of editions held (no 第) is no ordinal of the name
                start, modifier = start + count.end(), modifier[count.end():]
                if len(modifier) < int(row["min"]):
                    continue
            elided = _ELIDED_SESSION.match(modifier)
            if row["label"] == "EVENT" and elided and _SESSION_BEFORE.search(text, max(0, start - 30), start):
                if elided.end() == len(modifier):
                    continue  # 省委十二届七次、八次全会: the second session of a coordination, its body and term elided
                # 十二届五次、六次全会暨[省委经济工作会议]: the meeting held with the elided session is named in full
                start, modifier = start + elided.end(), modifier[elided.end():]
            if row["label"] == "EVENT" and modifier.endswith("历次"):
                continue  # 省委十三届历次全会: the sessions taken together, no one meeting (name_patterns.tsv)
            if _COUNTED.search(modifier) or (row["label"] in ("PROGRAM", "EVENT")
                                              and COUNT_BEFORE.search(text, max(0, start - 6), start)):
                continue  # 增加5000个…计划, 建成20个…工程, 国内首个…工程, 20多个全国会议: things counted, not a name
            if any(w in modifier for w in _DEICTIC_INSIDE):
                continue  # …项目刷新我省单体工业项目: a clause, not a name
            if row["label"] in ("PROGRAM", "EVENT") and start and text[start - 1] == "等" and text[start] != "“" \
                    and (token_starts is None or start - 1 in token_starts):
                continue  # …非正式会议等[重要国际会议], 汽车、光伏等[产业提质升级行动]: the kind that closes a list
            # a river in a quoted name is no works on it (“一泓清水入黄河”…工程); a facility before a quoted coinage
            # is (甲机场“盖被子”工程: the works on the airport give only the airport)
            bare = _QUOTED_PART.sub("、", modifier)
            if row["label"] == "PROGRAM" and head.endswith("工程") and (any(
                    fs >= 2 for fs, _fe, _h in self.facility_heads.finditer(bare))
                    or any(self.feature_kinds.get(v[1]) in ("river", "lake") for _fs, _fe, v in self.places.finditer(bare))):
                continue  # 集通铁路动车改造工程, 淮河干流…行洪区工程: works on a facility or a river give only it
            if row["label"] == "PROGRAM" and self._category(modifier):
                continue  # 重大水利工程, 国家重大工程: a kind of works, no name
            if row["label"] == "PROGRAM" and head.endswith("工程") and any(True for _ in self.companies.finditer(modifier)):
                continue  # 肇庆宁德时代二阶段工程: a company's project, the company and the place its mentions
            if row["label"] == "EVENT" and _EVENT_KIND.fullmatch(modifier):
                continue  # 重大国际比赛, 世界重大体育比赛: a scope and a weight name a kind of event
            if row["label"] == "PROGRAM" and (_NUMBERED_SET.search(modifier) or _NUMBERED_ITEMS.search(modifier)
                                              or _NUMBERED_SET_LEAD.match(modifier)):
                continue  # 城乡安居三大工程, 十大行动: a numbered set of programs is a slogan (guidelines)
            if row["label"] in ("PROGRAM", "EVENT") and COUNT_AFTER.match(text, he):
                continue  # 实施亿元以上重点技改项目1213个, 湿地保护修复工程12处: kinds, counted
            if len(modifier.strip("“”《》")) < int(row["min"]):
                continue
            if row["label"] == "ORG" and head.endswith("基金") and "级" in modifier:
                continue  # 市级并购母基金, 省级政府投资引导基金: a fund at a level is a kind of fund
            if row["label"] == "ORG" and text[start - 1:start] in ("和", "与"):
                level = _LEVEL_BEFORE_FIELDS.search(text, max(0, start - 10), start - 1)
                first = text[level.start():start - 1] if level else ""
                if level and (token_starts is None or level.start() in token_starts) \
                        and not any(True for _ in verbal_spans.starting_in(level.end(), start - 1)) \
                        and not modifier.startswith(("国家", "全国", "省")) \
                        and not any(e == len(first) for _s, e, _h in self.head_lexicon.find_all(first)) \
                        and not self.organs.ending_at(first, len(first)):
                    start = level.start()  # 国家甲和乙制造业中试平台: fields joined inside a national body's name
                    modifier = text[start:hs]
                elif head.endswith(("基金", "中试平台", "中试基地")):
                    continue  # 国企改革和[产业投资母基金]: the second half of a name coordinated inside, no name of its own
            if row["label"] == "ORG" and modifier in LEVELS_ONLY:
                continue  # 全国重点实验室, 省技术创新中心: the kind of body at a level, no one body
            if row["label"] == "ORG" and text.endswith(_GOAL_REACH, 0, start):
                continue  # 打造具有国际影响力的甲产业创新中心: what a city means to become, no body
            if row["label"] == "ORG" and row["qualified"] == "1" and _WHOLE_SCOPE.match(modifier):
                continue  # 全市社区卫生服务中心: every such centre of a city, a kind (the scope qualifies events only)
            if row["label"] == "ORG" and self.category_modifiers.opens(modifier):
                continue  # 多层次实验室, 高水平实验室: a kind of body (category_modifiers.tsv)
            if row["label"] == "ORG" and text.startswith("体系", he):
                continue  # “甲”实验室体系, 国家实验室体系: a system of such bodies, no one body
            if row["label"] == "ORG" and (COUNTED_AFTER.match(text, he) or COUNT_AFTER.match(text, he)):
                continue  # 国家技术创新中心、新兴产业创新中心达到8家: kinds of body, counted
            name = text[start:he]
            if row["qualified"] == "proper":  # 德邦证券: a brand, never a common word (绿色石化, 炼油石化, “智慧农场”)
                if self._common_modifier(modifier.strip("“”")):
                    continue
                if text.startswith(_INDUSTRY_SITE, he):
                    continue  # 甲现代石化产业基地, 乙石化园区: a place's industry and its site, no company
            if name.count("“") != name.count("”") or name.count("《") != name.count("》"):
                continue
            end = he
            if row["label"] == "ORG":  # 材料实验室辽宁基地: a body's base or branch in a place is one body with it
                place = next((pe for ps, pe, _v in self.places.finditer(text[he:he + 5]) if ps == 0), None)
                branch = _BRANCH_IN_PLACE.match(text, he + place) if place else None
                if branch and (token_ends is None or branch.end() in token_ends):
                    end = branch.end()
            if row["label"] == "WORK":
                status = _DOC_STATUS.match(text, he)
                end = status.end() if status else he
            if row["label"] in ("WORK", "PROGRAM") and text.startswith(_NEW_ROUND, start) and he - start > 7:
                # 新一轮[南沙总体发展规划], 新一轮[农业转移人口市民化行动], 新十年[农村扶贫开发纲要]: the round or the
                # decade is no part of the name (the annotators of the 2012 and 2013 reports)
                start += len(next(r for r in _NEW_ROUND if text.startswith(r, start)))
            elif row["label"] == "PROGRAM" and text.startswith("新时代", start) and he - start > 7:
                start += 3  # 新时代[兴边富民行动]: the era is no part of a program's name (gold; a plan's title keeps it)
            if row["label"] == "WORK" and start and text[start - 1] == "、" and not self._item_titled(text, start - 1):
                continue  # 中国妇女、[儿童发展纲要]: the last of titles whose head is written once (guidelines: ellipsis)
            quote = text.find("“", start, he) if row["label"] == "WORK" else -1
            if quote > start and _PLAN_PERIOD.match(text, quote) \
                    and (any(True for _vs, _ve in verbal_spans.starting_in(start, quote))
                         or _PERIOD_SCOPE.fullmatch(text, start, quote)):
                start = quote  # 实现[“十一五”规划]目标: a verb before the plan's period opens no title; nor do the
                # scope and the field the plan is known by (全省经济社会发展[“十五五”规划], 国家[“十五五”规划])
            verb = self.issuing_verbs.starting_at(text, start, hs) if row["label"] == "WORK" else None
            if verb is None and row["label"] == "WORK" and self.verb_tags.get(text[start:start + 2]) in ("d", "ad", "c", "v") \
                    and self.issuing_verbs.starting_at(text, start + 2, hs):
                # 适时修订, 及时制定, 抓紧修订: an adverb or a verb of pace before the verb of issuing
                verb = text[start:start + 2] + self.issuing_verbs.starting_at(text, start + 2, hs)
            if verb and hs - start - len(verb) >= int(row["min"]):
                start += len(verb)  # 推动修订[甲条例]: the verb of issuing a document is no word of its title
            issued = self._issued(text, start, verbal_spans) if row["label"] == "WORK" else None
            if issued is None and row["label"] == "WORK" and head.startswith("条") and head.endswith(("措施", "举措")) \
                    and start >= 2 \
                    and self.verb_tags.get(text[start - 2:start]) in ("v", "vn") and text[start - 2:start] not in _CARRYING_OUT:
                issued = start - 2  # 实施[优化营商环境21条升级举措]: a counted set of measures is titled by its own verb
            if issued is not None:
                start = issued  # 出台[支持…发展20条措施]: the title opens with its own verb
            year = _EDITION_YEAR.match(text, start, end) if row["label"] == "EVENT" else None
            if year:
                start = year.end()  # 2025年[中国网络文明大会]: the edition's year of a branded event is a date
                named.append(Candidate(year.start(), year.end(), "DATE", "head"))  # (2026 without 年 too)
            if row["qualified"] == "place":
                if self._place_led(text, name, hs - start, end):
                    named.append(Candidate(start, end, row["label"], "head"))
                continue
            if text[hs:end] == "会晤" and text[start - 1:start] in ("同", "与", "跟", "和"):
                continue  # 愿意同甲国领导人会晤: to meet them, a verb, no summit named
            qualified = row["qualified"] in ("0", "proper") or _QUALIFIER.search(name) \
                or (row["label"] == "WORK" and _OWN_LEVEL.match(name) is not None) \
                or any(True for _ in self.places.finditer(name)) or issued is not None or self.bilateral.match(name) \
                or self._province_run(name)
            if not qualified and text[hs:end] == "大会" and hs - start >= 4 and text[start - 2:start] in _HOLDING \
                    and "代表" not in name:
                qualified = True  # 举办甲学学术大会, 办好旅游发展大会: a conference held, named by its field
            if not qualified and row["label"] == "EVENT" and bodies and text[start - 1:start] not in _NUMERALS \
                    and "代表" not in name and not text.startswith(("机制", "制度"), end) \
                    and any((start, e) in bodies and e not in verbal for e in range(start + 2, hs)):
                # [上合组织妇女论坛]: a body kg knows opens the name of its meeting, words of the meeting's own between
                # (not 人大常委会提请本次会议: a verb after the body; nor 二十国集团 cut after 二; a congress of
                # deputies is a body, 同级人民代表大会; 甲与乙联席会议机制 is a standing arrangement, no meeting)
                qualified = True
            if not qualified and row["label"] == "EVENT":
                at = next((p for p in range(start, hs) if p in located), None)
                if at is not None:  # 人们记得[汶川特大地震]: a place LAC reads opens an event's name
                    start, qualified = at, True
            if row["label"] == "WORK" and _WHOLE_SCOPE.match(text, start) and hs - start > 4:
                start += 2  # 编制全省[开发区发展规划]: the whole province qualifies the plan as its own, but says where it
                # runs, no part of its title (the dev annotators, 3 of 3)
            (named if qualified else unqualified).append(Candidate(start, end, row["label"], "head"))
        # a list of names of one kind: an item without a qualifier of its own counts when it sits
        # next to a qualified one (跨国公司领导人青岛峰会、儒商大会、…发展大会等)
        for c in list(unqualified):
            if c.label == "EVENT" and _EVENTS_LIST_END.match(text, c.end) \
                    and not text.endswith(_MEETINGS, c.start, c.end):
                named.append(c)  # 办好甲文化节、乙文化节等文化惠民活动: the list's word says its items are events
                unqualified.remove(c)  # (a meeting of a kind stays one: …专题报告会等活动, the kexie gold)
        ends = {(c.end, c.label) for c in named}
        starts = {(c.start, c.label) for c in named}
        grown = True
        while grown and unqualified:
            grown = False
            for c in list(unqualified):
                if c.start >= 1 and text[c.start - 1] in "与和及暨同":
                    continue  # 中非创新合作与[发展论坛]: half of a coordination inside a name, no item
                if (c.start >= 1 and text[c.start - 1] == "、" and (c.start - 1, c.label) in ends) \
                        or (text[c.end:c.end + 1] == "、" and (c.end + 1, c.label) in starts):
                    named.append(c)
                    unqualified.remove(c)
                    ends.add((c.end, c.label))
                    starts.add((c.start, c.label))
                    grown = True
        return named

    def _item_titled(self, text: str, end: int) -> bool:
        """The list item ending at ``end`` (before 、) is a title of its own: it ends with a head of a work or a
        closing title mark (甲条例、乙办法), not with a bare subject whose head comes later (妇女、儿童发展纲要)."""
        item = text[max(0, end - 30):end]
        if item.endswith(("》", "”", "）", "法", "清单", "目录")):
            return True  # (兵役法、惩治反革命条例; 负面清单、…税率方案: laws and lists are titles of their own)
        return any(item.endswith(h) for h in self.head_sorted if self.heads[h]["label"] == "WORK")

    def _place_led(self, text: str, name: str, modifier_length: int, end: int) -> bool:
        """A name whose head needs a place (战略) is one when a place, a run of provinces' forms (晋鲁…走廊) or a
        nationwide program opens it, no
        coordination, quote or body is in it and the head modifies no noun after it (长株潭一体化提升战略,
        中部地区崛起战略; not 甲市政府与乙科协签署全面战略, 青岛“强龙头”战略, 沿黄城市战略协同)."""
        return not self.strategy_modified.starting_at(text, end) and modifier_length <= 10 \
            and (any(ps == 0 for ps, _pe, _v in self.places.finditer(name)) or self._known_prefix(name)
                 or self._province_run(name)) \
            and not any(c in _JOINING_CHARS or c == "“" for c in name) \
            and not any(self.organs.ending_at(name, k) for k in range(2, modifier_length + 1))

    def _known_prefix(self, name: str) -> bool:
        """Whether a nationwide program's name opens ``name`` (互联网+ of 互联网+学术)."""
        return any(s == 0 and self.known.entries[name[s:e]][0] == "PROGRAM" for s, e, _v in self.known.finditer(name))

    def _around_place(self, text: str, i: int) -> bool:
        """环 before a place opens a name that goes round it (环鄱阳湖国际自行车赛, 环太湖…): no verb here."""
        return text[i:i + 1] == "环" and any(s == 1 for s, _e, _v in self.places.finditer(text[i:i + 8]))

    def _title_across_de(self, text: str, start: int) -> int:
        """Where a document's title starts when 的 comes right before ``start``: at the word after a verb
        of issuing a few words back (出台[促进民间投资发展的若干措施]), the 的 and all between in the title;
        ``start`` itself when no such verb comes before the clause's punctuation."""
        for p in range(start - 2, max(0, start - 20), -1):
            if text[p - 1] in _STOP_CHARS:
                break
            if self.issuing_verbs.ending_at(text, p, max(0, p - 4)):
                # a title's own words before 的, six characters or more (一体推进的实施方案 is a kind of plan)
                return p if start - 1 - p >= 6 else start
        return start

    def _issued(self, text: str, start: int, verbal: Spans | None = None) -> int | None:
        """Where a document's name starts when a verb of issuing it comes right before: 出台[…规划],
        出台实施[乡村全面振兴规划] (实施 may follow the verb), or before a verb that opens the
        title itself, 出台[支持…20条措施] (the name then starts at that verb); 新一轮 may come between,
        no part of the title (出台新一轮[…规划]). None when not issued."""
        end = start - 3 if text.startswith("新一轮", start - 3) else start  # 出台新一轮[…规划]: a round, no title word
        end = end - 2 if text.startswith("实施", end - 2) else end
        if self.issuing_verbs.ending_at(text, end, max(0, end - 4)):
            return start
        # the title's own verb, by the dictionary or by LAC (深化, tagged j in the dictionary)
        # (not a verb of carrying a document out: 制定落实[…实施方案] implements it, its title opens after)
        own_verb = start >= 2 and text[start - 2:start] not in _CARRYING_OUT \
            and (self.verb_tags.get(text[start - 2:start]) == "v"
                 or (verbal is not None and (start - 2, start) in verbal.starting_in(start - 2, start - 1)))
        if own_verb and self.issuing_verbs.ending_at(text, start - 2, max(0, start - 6)):
            return start - 2
        return None

    def _introduced(self, text: str, start: int, hs: int, token_starts: set[int] | None) -> int:
        """Where an action's name starts when a verb that introduces actions (实施, 开展, 启动) comes a
        few words before ``start``: the words between are the name's own, its verbs and adverbs
        included (实施[脱贫人口持续增收行动], 开展[优质企业对标提升行动]). Not across a conjunction, a
        particle, a count or another head (开展了…, 实施一批…, 实施甲工程和乙工程)."""
        for p in range(start, max(0, hs - _MAX_ACTION_NAME) - 1, -1):
            if p < start and (text[p] in _STOP_CHARS or text[p] in _NOT_IN_ACTION or not is_cjk(text[p])):
                return start
            verb = self.action_verbs.ending_at(text, p)
            if verb and (token_starts is None or p in token_starts):
                between = text[p:hs]
                if hs - p < 4 or any(h in between for h in _ACTION_HEADS) or _COUNTED.search(between) \
                        or between.startswith(("一批", "一系列", "好")):
                    return start
                # the era or round of an action is no part of its name (新时代[兴边富民行动])
                return p + 3 if text.startswith(("新一轮", "新时代"), p) and hs - p - 3 >= 4 else p
        return start

    def _verb_led(self, text: str, start: int) -> int:
        """Where an action's name starts when it opens with its own verbs: right after the verb that
        runs it (实施[打造…高地行动], 深化[护航优化…行动]). Up to two two-character verbs before
        ``start`` join the name when a verb of running a program comes right before them; otherwise
        they are the sentence's verbs and ``start`` stays."""
        p = start
        for _ in range(2):
            word = text[p - 2:p]
            running = self.running_verbs.ending_at(text, p, max(0, p - 4))
            if p < 2 or self.verb_tags.get(word) not in ("v", "vn") or (running and len(running) > 2) or word in _ONLY_RUN:
                break  # 启动实施…行动, 制定实施…行动: 实施 runs the action, it is no part of its name
            p -= 2
            if self.running_verbs.ending_at(text, p, max(0, p - 4)):
                return p
        return start

    def _tours(self, text: str, token_ends: set[int] | None):
        """Campaigns named as a tour of a place: 院士专家河南行, 科技助力乡村振兴旗县行."""
        ends = [e for _s, e, _v in self.places.finditer(text)]
        ends += [m.end() for m in re.finditer("|".join(_TOUR_LEVELS), text)]
        for e in sorted(set(ends)):
            if text[e : e + 1] != "行" or text[e + 1 : e + 2] in _NOT_TOUR:
                continue
            start = self._left_edge(text, e)
            # the name needs words before the place: 院士专家内蒙古行, not a bare 河南行
            if start is not None and e + 1 - start >= 6:
                yield Candidate(start, e + 1, "PROGRAM", "head")

    def _category(self, modifier: str) -> bool:
        """A modifier made only of a scope and words of kind (program_categories.tsv): 国家重大, 重大水利."""
        rest = _SCOPE_PREFIX.sub("", modifier.strip("“”"))
        return bool(rest) and self.program_categories.fullmatch(rest) is not None

    def _province_run(self, name: str) -> bool:
        """晋冀鲁豫, 湘琼: two or more provinces by their forms, no character twice, open the name."""
        run = self.province_run.match(name)
        return run is not None and len(set(run.group())) == len(run.group())

    def _left_edge(self, text: str, head_start: int, token_starts: set[int] | None = None,
                   stop_at_quote: bool = False, verb_before_head: bool = False, acronyms: bool = False) -> int | None:
        """Leftmost start of a name ending at head_start: stop at punctuation or a boundary word
        (one that ends a word: 各 of 各族 is none). A program's name does not take in a quoted
        name of four characters or more when a word of scope follows it (“红色百年路·科普万里行”全区…行动:
        the quoted one is the name); otherwise it does (“千亿斤粮食”产能建设工程)."""
        i = head_start
        limit = max(0, head_start - _MAX_NAME)
        paired = False
        while i > limit:
            c = text[i - 1]
            if c in "）)":  # a bracketed part inside a name: 内蒙古—深圳（前海）产业合作大会, 中心组（扩大）会议
                j = text.rfind("（" if c == "）" else "(", limit, i - 1)
                inner = text[j + 1:i - 1] if j >= 0 else ""
                if j < 0 or len(inner) > 8 or not inner or _NUMBERING.match(inner) or any(ch in _STOP_CHARS for ch in inner):
                    break  # （一） numbers a section; a long or punctuated aside is no part of a name
                i = j
                continue
            if c in _STOP_CHARS:
                break
            if c == "”":  # take the whole quoted part
                j = text.rfind("“", limit, i - 1)
                if j < 0 or (stop_at_quote and i - 1 - (j + 1) >= 4 and text.startswith(_SCOPE_OPENERS, i)):
                    break
                i = j  # (words before the quoted part stay in: 开发区“寻标对标、创新提升”行动, annotators)
                continue
            if c == "》":
                j = text.rfind("《", limit, i - 1)
                if j < 0:
                    break
                i = j
                continue
            if c in "“《":
                break
            hit = word_boundary(self.boundaries, text, i, token_starts, self.verb_tags)
            # …体系优化工程: the program's own verb; …企业对标提升行动: its own pair of verbs
            pair = head_start - i == 2 and self.verb_tags.get(text[i:head_start]) == "v"
            if hit and (not (i == head_start or pair) or not verb_before_head or len(hit) < 2
                        or self.verb_tags.get(hit) not in ("v", "vn")):
                break
            paired = paired or (hit is not None and pair)
            # an acronym may open an event's name (RCEP地方政府…论坛, APEC会议)
            if not (is_cjk(c) or c.isdigit() or c in "·+—-" or (acronyms and "A" <= c <= "Z")
                    or (c == "." and text[i - 2:i - 1].isdigit() and text[i:i + 1].isdigit())):
                break
            if c == "—" and text[i - 2:i - 1] == "—":
                break  # ……工程——甲工程: a double dash sets a name in apposition, it joins no two names
            i -= 1
        if paired and not self.running_verbs.ending_at(text, i, max(0, i - 4)):
            return None  # a pair of verbs before the head opens a program's name only after a verb running it
        return i if i < head_start else None


@Language.factory("kg_names", assigns=["doc._.kg_candidates"], requires=["doc._.kg_norm"])
def make_names(nlp: Language, name: str):
    """Recognize PROGRAM, EVENT and WORK candidates."""
    finder = NameFinder(getattr(nlp.tokenizer, "word_tags", None))

    def component(doc: Doc) -> Doc:
        w = words(doc)
        token_ends = w.end_set
        verbal = w.spans(_VERBAL_TAGS)
        starts = w.start_set
        persons = w.starts_of(("PER",))
        leading = w.spans(_LEADING_TAGS)
        barriers = w.spans(_EVENT_BARRIER_TAGS)
        text = doc._.kg_norm.text
        # the bodies found so far (gazetteer, organizations): one opens the name of its meeting
        bodies = {(c.start, c.end) for c in doc._.kg_candidates or [] if c.label == "ORG"}
        found = finder(text, token_ends, verbal, starts, persons, leading, barriers,
                       w.starts_of(("p",)), w.starts_of(("LOC",)), bodies, w.spans(_NOUN_TAGS))
        facility_ends = {c.end for c in doc._.kg_candidates or [] if c.label == "PLACE" and c.source == "facility"}
        candidates.add(doc, [finder.as_facility(text, c, facility_ends) for c in found])
        return doc

    return component
