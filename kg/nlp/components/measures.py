"""What each quantity measures, whose it is, when, and whether it was done or planned.

For every QUANTITY entity this sets ``span._.measure``:

- ``measured``: the noun phrase it counts, after the unit (``157个项目`` -> 项目) or before
  the number (``科普专家2640人`` -> 科普专家; ``举办各类培训班42个班次`` -> 培训班); for a
  percentage, the clause before it (``作物增产17%`` -> 作物增产);
- ``purpose``: for money, what it pays for (``拨付资金2565万元支持157个项目`` -> 项目);
- ``subject``: the nearest organization or place before it in the sentence, else the
  report's own organization;
- ``period``: a year in the sentence (``截至2021年底``), else the year of the section it sits in;
- ``status``: ``planned`` under a planning heading or with a planning cue (将, 要, 力争 …),
  else ``reported``;
- ``related``: programs and events named in the same clause;
- ``aspect``: level, growth, change (percentage points), share or rank;
- ``region``: the division code the number is about (a place opening its clause, else the report's region).

Phrases are (start, end) character spans of the analysed text; the graph builder maps
them to entities or concepts.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...data import column
from ..statements import StatementContext
from .document import YEAR_DIGITS, year_value

# LAC tags of words that can make up a noun phrase
_NOUNISH = {"n", "nz", "vn", "an", "nw", "ORG", "LOC", "PER", "s", "j"}
_DICT_NOUNISH = {"n", "vn", "nz", "nt", "ns", "j"}
_CLAUSE_END = set("，,；;。！？!?：:\n")
_MAX_PHRASE_TOKENS = 4
_TIME_LEAD = ("年，", "年,", "来，", "中，")



# before a percentage, the words that make it a rate of change (增长5.5%, 增速, 下降3%, 涨幅2%)
# (a verb reaching a level is none: 比重…提高到1.49%, 所占的比重将下降为48.2%; a rate named is: 增速为5%)
_GROWTH = re.compile(r"(?:增速|增幅|涨幅|降幅|(?:增长|递增|递减|上涨|提高|提升|下降|降低|减少|回落|增加|扩大|缩小)(?![到至为]))[^\d，。；]{0,3}$")
# the region of a national body's report: the country (a place key, as the gazetteer gives 中国)
_COUNTRY = "中国"
# between a level and a rate of the same indicator: 5.2万亿元、增长5.4%; 67665亿元，比上年增长5.5%
# (…达到74772亿元，按可比价格计算，平均每年增长11%; …增加到121万亿元，五年年均增长5.2%; …比2002年增长65.5%)
# (…达到了二千零五十亿元，比一九五七年的一千二百四十一亿元增长百分之六十五: against the base year's level;
# …增长百分之十四点四，一九五四年又比一九五三年增长百分之九点四: the next year against the one before;
# …突破一万亿元，在1979到1983年平均每年递增7.9%: over a range of years;
# after the base year's level only a rate: 比一九八○年的七千一百五十九亿元增加一千五百五十一亿元 is an increment)
_SAME_INDICATOR_END = re.compile(rf"[、，,](?:在?{YEAR_DIGITS}年?(?:到|至){YEAR_DIGITS}年|{YEAR_DIGITS}年又?)?"
                                 rf"(?:比上年|比{YEAR_DIGITS}年(?:的[^、，,。；;]{{1,20}}?)?|同比|(?:[二三四五六七八九十]年)?(?:年均|平均每年|每年平均|年平均))?"
                                 r"(?:增长|递增|下降|增加|提高|降低|增速)(?:为|达|达到)?$")
# a rate over several years: an average (年均增长, 平均每年增长) or a growth against a base year (比2002年增长)
_AVERAGE = re.compile(r"(?:年均|平均每年|每年平均|年平均|平均)(?:实际)?(?:增长|增速|递增|下降)[^\d，。；]{0,3}$")
# the base year of a comparison: 比2002年, 从1997年的, 2005年与2000年相比, １９８６年同１９７８年相比
_BASE_YEAR = re.compile(rf"(?:比|从|由)({YEAR_DIGITS})年|(?:与|同|和)({YEAR_DIGITS})年(?:相比|比较)")
_ANY_YEAR = re.compile(rf"(?<![\d〇○零一二三四五六七八九])({YEAR_DIGITS})年")
# years from one to another (1979到1983年, 从一九七九年到一九八二年的四年间): a rate over them holds for them all
_YEAR_RANGE = re.compile(rf"(?<![\d〇○零一二三四五六七八九])({YEAR_DIGITS})年?(?:到|至|—|－|-)({YEAR_DIGITS})年")
# a number of years before an average: 五年年均增长5.2%, 十年…年均增长6.2%
_YEARS_COUNT = re.compile(r"(?<![\d一二三四五六七八九十〇零])(十[一二三四五六七八九]|[二三四五六七八九十]|\d{1,2})年(?:来|间|中)?[^，,。；;]{0,12}?(?:年均|平均每年|每年平均)")
_CN_COUNT = {c: i + 1 for i, c in enumerate("一二三四五六七八九十")}


def _years(word: str) -> int | None:
    """A number of years written in digits or in Chinese up to 19 (五, 十, 十二)."""
    if word.isdigit():
        return int(word)
    if len(word) == 2 and word[0] == "十":
        return 10 + _CN_COUNT.get(word[1], 0)
    return _CN_COUNT.get(word)
# a year between an indicator and its number: its date (国内生产总值2000年达89404亿元) or the base it is
# compared with (全国工农业生产总值比1954年增长了6.6%)
_GAP_YEAR = re.compile(rf"(?:比|较)?{YEAR_DIGITS}年(?:底|末)?")
_TO_LEVEL = ("增加到", "增加至", "增至", "上升到", "上升至", "提高至", "增长到", "增长至")
_SENTENCE_BREAK = re.compile(r"[。；;！？\n]")
# the most characters between an indicator's name and its number (年均增长, 稳定在, 力争达到)
_INDICATOR_GAP = 8
# the most characters after an indicator's name ending what is measured (居民消费价格 + 涨幅)
_HEAD_TAIL = 2
# a sentence opening on its topic, an indicator, before a colon or comma (在工业农业总产值方面：…;
# 工农业总产值的情况也是这样：…; 工农业总产值的增长速度，一九八一年计划为…，实际达到…): the indicator of
# the numbers of its clauses that name none; after 增长速度 (its rate of growth) they are growths
_TOPIC = re.compile(r"[　\s]*(?:在|关于)?(?P<phrase>[^，,；;：:。\d]{2,16}?)(?P<tail>方面|的情况也是这样|的情况|(?:的)?(?:增长速度|增长率|增速))?[，,：:]")
_TOPIC_GROWTH = ("增长速度", "增长率", "增速")
# a plan's figure for a year, set against the result (一九八一年计划为百分之三点七，实际达到百分之四点六;
# 一九五九年比一九五八年计划增长百分之四十): a target, whatever the year
_PLAN_FIGURE = re.compile(r"计划(?:为|增长|达到|递增|要求)[^\d，,。；;]{0,3}$")


class MeasureLinker:
    def __init__(self, word_tags: dict[str, str] | None = None):
        self.word_tags = word_tags or {}
        self.skip = set(column("measure_words.tsv", "word", where=("role", "skip")))
        self.skip |= set(column("qualifiers.tsv", "word", where=("position", "before")))
        self.skip_sorted = sorted(self.skip, key=len, reverse=True)
        self.purpose_verbs = set(column("measure_words.tsv", "word", where=("role", "purpose")))
        self.plan_cues = set(column("status_cues.tsv", "word", where=("scope", "sentence")))
        self.unit_kinds = dict(zip(column("units.tsv", "unit"), column("units.tsv", "kind")))
        # words that may join an indicator's name to its number: the skip words, the target cues and the
        # verbs reaching a level (国内生产总值增加到121万亿元)
        self.join_sorted = sorted(self.skip | set(_TO_LEVEL) | set(column("status_cues.tsv", "word", where=("scope", "target")))
                                  | set(column("status_cues.tsv", "word", where=("scope", "sentence"))), key=len, reverse=True)
        # words that make a planned number a target (增长5%左右, 力争达到…, 主要预期目标)
        self.target_cues = tuple(column("status_cues.tsv", "word", where=("scope", "target")))

    def __call__(self, doc: Doc) -> None:
        from ...indicators import match_label

        context = StatementContext(doc, self.plan_cues)
        ents = sorted(doc.ents, key=lambda e: e.start_char)
        starts = [e.start_char for e in ents]
        ent_at = {}  # token index -> entity
        for ent in ents:
            for i in range(ent.start, ent.end):
                ent_at[i] = ent
        clause = self._clause_ids(doc._.kg_norm.text)
        # the programs and events of each clause (what a number of the clause is related to), by clause id
        named: dict[int, list[tuple[int, int]]] = {}
        for e in ents:
            if e.label_ in ("PROGRAM", "EVENT"):
                named.setdefault(clause[e.start_char], []).append((e.start_char, e.end_char))
        previous = None  # the last quantity and its indicator: 地区生产总值5.2万亿元、增长5.4%
        for ent in ents:
            if ent.label_ != "QUANTITY":
                continue
            sent_start, _sent_end = context.sentence(ent.start_char)
            measured = self._measured(doc, ent, ent_at)
            when = context.when(ent.start_char)
            if when["status"] == "planned" and self._targets(doc._.kg_norm.text, ent, sent_start):
                when["status"] = "target"
            elif when["status"] == "reported" and self._aims(doc._.kg_norm.text, ent, sent_start, when, context.report_year):
                when["status"] = "target"
            # the entities of the sentence before the number (by bisection: never all of them)
            before = ents[bisect_left(starts, sent_start):bisect_left(starts, ent.start_char)]
            indicator = self._indicator(doc._.kg_norm.text, ent, measured, sent_start)
            text = doc._.kg_norm.text
            topic = self._topic(text, ent, sent_start)
            if when["status"] == "reported" and _PLAN_FIGURE.search(text, max(sent_start, ent.start_char - 12), ent.start_char):
                when["status"] = "target"
            if indicator is None and previous is not None and previous[0].end_char >= sent_start \
                    and (joined := _SAME_INDICATOR_END.search(text, previous[0].end_char, ent.start_char)) \
                    and not ("的" in joined.group() and (ent._.quantity or {}).get("unit") != "%") \
                    and not _SENTENCE_BREAK.search(text, previous[0].end_char, ent.start_char) \
                    and match_label(text[previous[0].end_char:ent.start_char]) is None:
                # a level and its growth written together share the indicator (地区生产总值5.53万亿元、
                # 稳居全国前十强、增长4.8%): no other indicator is named between them
                indicator = previous[1]
            if indicator is None and topic is not None:
                indicator = topic[0]
            if indicator is not None:
                previous = (ent, indicator)
            aspect = self._aspect(text, ent, sent_start)
            if topic is not None and topic[1] and indicator == topic[0] and (ent._.quantity or {}).get("unit") == "%":
                aspect = "growth"
            if aspect == "growth":
                self._span(text, ent, sent_start, when, context)
            ent._.measure = {
                "indicator": indicator,
                "aspect": aspect,
                "region": self._region(before, ent, sent_start, doc),
                "measured": measured,
                "purpose": self._purpose(doc, ent, ent_at) if (ent._.quantity or {}).get("kind") == "money" else None,
                "subject": self._subject(doc, before, ent, sent_start),
                **when,
                "related": list(named.get(clause[ent.start_char], ())),
            }

    def _indicator(self, text: str, ent, measured, sent_start: int) -> str | None:
        """The indicator concept (``kg.indicators``) the number is a value of: the one heading what it
        measures, else one whose name ends at most a few words before it in its clause
        (地区生产总值年均增长5.5%, 粮食产量稳定在…以上), if the number's kind fits the indicator's
        usual units (34个旗县 counts no 经济总量)."""
        from ...indicators import load_scheme, match_label

        hits = []
        if measured:
            phrase = text[measured[0]:measured[1]]
            hit = match_label(phrase)
            if hit and len(phrase) - hit[3] <= _HEAD_TAIL:
                hits.append(hit)
        clause_start = max([sent_start] + [text.rfind(c, sent_start, ent.start_char) + 1 for c in "，,；;：:。"])
        before = text[clause_start:ent.start_char]
        hit = match_label(before)
        # (a year in the gap counts as one word: 工农业生产总值比1954年增长了6.6%)
        if hit and len(_GAP_YEAR.sub("年", before[hit[3]:])) <= _INDICATOR_GAP and self._joins(before[hit[3]:]):
            hits.append(hit)
        kind = (ent._.quantity or {}).get("kind")
        for iri, *_rest in hits:
            units = load_scheme()["concepts"][iri]["units"]
            kinds = {self._unit_kind(u) for u in units} - {None}
            if kind == "rank" or not kinds or kind in kinds:
                return iri
        return None

    def _topic(self, text: str, ent, sent_start: int) -> tuple[str, bool] | None:
        """``(indicator, growth)`` of the topic the sentence opens on (在工业农业总产值方面：), when the
        number, a percentage, stands in a later clause and fits the indicator; ``growth`` after 增长速度."""
        from ...indicators import match_label

        if (ent._.quantity or {}).get("unit") != "%":
            return None  # rates only: an amount in a later clause (即增加了八百零九亿元) is no level of the topic
        m = _TOPIC.match(text, sent_start, ent.start_char)
        if m is None:
            return None
        hit = match_label(m.group("phrase"))
        # the label ends the phrase, after at most a scope word before it (我国, 全国)
        if hit is None or hit[3] != len(m.group("phrase")) or hit[2] > 2:
            return None
        if not self._fits(hit[0], ent):
            return None
        return hit[0], (m.group("tail") or "").endswith(_TOPIC_GROWTH)

    def _fits(self, iri: str, ent) -> bool:
        """Whether the number's kind fits the indicator's usual units (34个旗县 counts no 经济总量)."""
        from ...indicators import load_scheme

        kind = (ent._.quantity or {}).get("kind")
        kinds = {self._unit_kind(u) for u in load_scheme()["concepts"][iri]["units"]} - {None}
        return kind == "rank" or not kinds or kind in kinds

    @staticmethod
    def _span(text: str, ent, sent_start: int, when: dict, context) -> None:
        """A rate over several years holds for the years it spans, not the base year or the last:
        against a base year written before it (比2002年增长65.5% in a statement on 2007; 从1997年的7.4万亿元
        增加到2002年的10.2万亿元，…平均每年增长7.7%) the years after the base up to the statement's year;
        an average over a number of years (五年年均增长5.2%) or in a paragraph on five years (这五年，…
        国内生产总值年均增长9.3%; a review of 过去五年) that many years up to the statement's year; over a
        range of years (在1979到1983年平均每年递增7.9%; 从一九七九年到一九八二年的四年间…增长33.6%) those years."""
        if when["period"] is None or when["period_end"] is not None:
            return
        clause_start = max([sent_start] + [text.rfind(c, sent_start, ent.start_char) + 1 for c in "，,；;"])
        before = text[sent_start:ent.start_char]
        average = _AVERAGE.search(text[clause_start:ent.start_char][-10:]) is not None
        bases = [(m.start(1) if m.group(1) else m.start(2), year_value(m.group(1) or m.group(2)))
                 for m in _BASE_YEAR.finditer(before)]
        ranges = list(_YEAR_RANGE.finditer(text, sent_start, ent.start_char))
        first = last = None
        if ranges and bases and any(r.start(1) - sent_start == bases[-1][0] for r in ranges):
            bases = []  # 从一九七九年到一九八二年: a range, not a base year
        if bases:
            at, base = bases[-1]
            # the statement's year: the latest other year written before the number
            later = [year_value(m.group(1)) for m in _ANY_YEAR.finditer(before)
                     if m.start(1) != at and year_value(m.group(1)) > base]
            if later:
                first, last = base + 1, max(later)
        elif ranges and (average or ranges[-1].end() > clause_start or text[ranges[-1].start() - 1] == "从"):
            # over the years of a range in the number's clause, or of one the sentence opens on (从…到…)
            first, last = year_value(ranges[-1].group(1)), year_value(ranges[-1].group(2))
        elif average:
            count = _YEARS_COUNT.search(text[clause_start:ent.start_char])
            n = _years(count.group(1)) if count else None
            if n and n >= 2:
                first, last = when["period"] - n + 1, when["period"]
            elif count is None and context.five_years_before(ent.start_char):
                first, last = when["period"] - 4, when["period"]
        if first is not None:
            when.update(period=first, period_end=last if last > first else None, period_text=None)

    def _joins(self, gap: str) -> bool:
        """Whether only joining words stand between an indicator's name and its number (年均增长,
        稳定在, 力争达到): not another noun (对经济增长贡献率35%: the number is the contribution's)."""
        i = 0
        while i < len(gap):
            year = _GAP_YEAR.match(gap, i)  # 国内生产总值2000年达89404亿元
            word = year.group() if year else next((w for w in self.join_sorted if gap.startswith(w, i)), None)
            if word is None:
                return False
            i += len(word)
        return True

    def _unit_kind(self, unit: str) -> str | None:
        """The kind of number a unit of the indicator scheme gives (亿元 money, PERCENT percent, 万人 count)."""
        if unit.endswith("PERCENT"):
            return "percent"
        if unit.startswith("http"):
            return None
        base = unit.lstrip("万亿千百十")
        return self.unit_kinds.get(base) or self.unit_kinds.get(unit)

    @staticmethod
    def _aspect(text: str, ent, sent_start: int) -> str:
        """What side of an indicator the number gives: ``growth`` (增长5.5%), ``change`` in percentage
        points (提高1.2个百分点), ``share`` (占…比重35%), ``rank`` (居全国第3位) or the ``level``."""
        q = ent._.quantity or {}
        if q.get("kind") == "rank":
            return "rank"
        if q.get("unit") == "个百分点" or ent.text.endswith("百分点"):
            return "change"
        clause_start = max([sent_start] + [text.rfind(c, sent_start, ent.start_char) + 1 for c in "，,；;：:"])
        before = text[clause_start:ent.start_char]
        if q.get("unit") == "%":
            # a percentage is a rate of change after a verb of change, else a part of a whole or a
            # rate (占…比重35%, 城镇调查失业率5.5%, 森林覆盖率22%)
            return "growth" if _GROWTH.search(before[-8:]) else "share"
        return "level"

    @staticmethod
    def _region(ents: list, ent, sent_start: int, doc: Doc) -> str | None:
        """The division a number is about: a coded place opening its clause or sentence (包头市…增长8%),
        else the report's own region."""
        text = doc._.kg_norm.text
        for e in reversed(ents):
            if e.label_ != "PLACE" or not (sent_start <= e.start_char < ent.start_char):
                continue
            code = str(e._.key or "")
            prev = text[e.start_char - 1] if e.start_char else "\n"
            if code.isdigit() and (prev in _CLAUSE_END or e.start_char == sent_start):
                return code
        meta = doc._.kg_meta or {}
        if meta.get("region"):
            return str(meta["region"])
        return _COUNTRY if meta.get("national") else None

    def _targets(self, text: str, ent, sent_start: int) -> bool:
        """A planned number is a target when its clause states one: a cue before it in the clause
        (力争, 控制在, 预期目标是：…) or an approximation right after it (增长5%左右, 45万人以上);
        a planned number without one (新建科技小院5个) is a task's size."""
        clause_start = max([sent_start] + [text.rfind(c, sent_start, ent.start_char) + 1 for c in "，,；;"])
        before = text[clause_start:ent.start_char]
        paragraph = text[text.rfind("\n", 0, ent.start_char) + 1:ent.start_char]
        return any(c in before for c in self.target_cues) or "预期目标" in paragraph \
            or ent.text.endswith(self.target_cues) or text.startswith(("左右", "以上", "以内"), ent.end_char)

    def _aims(self, text: str, ent, sent_start: int, when: dict, report_year: int | None) -> bool:
        """A number for the report's own year or a later one, outside a plan part, is a target when
        its sentence aims it (今年计划国内生产总值增长百分之九; 今年的经济增长预期为7%左右): a
        target cue, or 计划 (plan) as the verb of the sentence before the number."""
        if not report_year or when["period"] is None or when["period_end"] is not None or when["period"] < report_year:
            return False
        return self._targets(text, ent, sent_start) or "计划" in text[sent_start:ent.start_char]

    # -- where the sentence and clause are -----------------------------------------------

    @staticmethod
    def _clause_ids(text: str) -> list[int]:
        """For each character, the number of the clause it is in (clauses end at ；。！？ and line breaks)."""
        ids, n = [], 0
        for c in text:
            ids.append(n)
            if c in "；;。！？!?\n":
                n += 1
        return ids

    # -- what is measured ------------------------------------------------------------------

    def _nounish(self, tok) -> bool:
        """A word of a noun phrase, by LAC's tag or, where LAC calls it a verb, the dictionary's (科普 vn)."""
        return tok.tag_ in _NOUNISH or (tok.tag_ == "v" and self.word_tags.get(tok.text, "") in _DICT_NOUNISH)

    def _phrase(self, doc: Doc, start: int, end: int, ent_at) -> tuple[int, int] | None:
        """Character span of tokens [start, end), widened to any entity they touch."""
        if start >= end:
            return None
        s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        for i in (start, end - 1):
            if i in ent_at and ent_at[i].label_ != "QUANTITY":
                s, e = min(s, ent_at[i].start_char), max(e, ent_at[i].end_char)
        return s, e

    def _noun_run_after(self, doc: Doc, i: int, ent_at) -> tuple[int, int] | None:
        j = i
        while j < len(doc) and j - i < _MAX_PHRASE_TOKENS and self._nounish(doc[j]) and not doc[j].is_space \
                and not (j in ent_at and ent_at[j].label_ == "QUANTITY"):
            j += 1
        return self._phrase(doc, i, j, ent_at)

    def _skip_back(self, doc: Doc, i: int) -> int:
        """Token index after stepping back over qualifiers and light verbs before token i (达, 不低于 …),
        matched on the text since jieba may split them (不/低于)."""
        text = doc._.kg_norm.text
        pos = doc[i].idx if i < len(doc) else len(text)
        moved = True
        while moved:
            moved = False
            for word in self.skip_sorted:
                if pos >= len(word) and text.endswith(word, 0, pos):
                    pos -= len(word)
                    moved = True
                    break
        k = i
        while k > 0 and doc[k - 1].idx + len(doc[k - 1]) > pos:
            k -= 1
        return k

    def _noun_run_before(self, doc: Doc, i: int, ent_at, any_pos: bool = False) -> tuple[int, int] | None:
        k = self._skip_back(doc, i)
        j = k
        while j > 0 and k - j < _MAX_PHRASE_TOKENS:
            tok = doc[j - 1]
            if tok.is_space or tok.text[-1:] in _CLAUSE_END or tok.text in "、“”《》（）()" or tok.text in self.skip:
                break
            if (j - 1) in ent_at and ent_at[j - 1].label_ == "QUANTITY":
                break
            if not any_pos and not self._nounish(tok):
                break
            j -= 1
        return self._phrase(doc, j, k, ent_at)

    def _measured(self, doc: Doc, ent: Span, ent_at) -> tuple[int, int] | None:
        q = ent._.quantity or {}
        if q.get("kind") == "percent":
            # a noun phrase first (地区生产总值 of 地区生产总值年均增长5%), any words only failing one
            return self._noun_run_before(doc, ent.start, ent_at) or self._noun_run_before(doc, ent.start, ent_at, any_pos=True)
        if q.get("kind") in ("count", "weight", "area", "other"):
            after = self._noun_run_after(doc, ent.end, ent_at)
            if after:
                return after
        # a count of events often follows the activity itself: 集中学习39次, 研讨交流11次
        return self._noun_run_before(doc, ent.start, ent_at) or self._noun_run_before(doc, ent.start, ent_at, any_pos=True)

    def _purpose(self, doc: Doc, ent: Span, ent_at) -> tuple[int, int] | None:
        i = ent.end
        if i + 1 < len(doc) and doc[i].text in "，," and doc[i + 1].text in self.purpose_verbs:
            i += 1  # 争取资金3305万元，资助…
        if i < len(doc) and doc[i].text in self.purpose_verbs:
            i += 1
            # skip a scope word and a count before the thing paid for: 资助全区63个科技馆
            limit = min(len(doc), i + 6)
            for j in range(i, limit):
                if j in ent_at and ent_at[j].label_ == "QUANTITY":
                    return self._noun_run_after(doc, ent_at[j].end, ent_at)
                if doc[j].text[-1:] in _CLAUSE_END:
                    break
            return self._noun_run_after(doc, i, ent_at)
        return None

    # -- whose, when, done or planned -----------------------------------------------------

    @staticmethod
    def _subject(doc: Doc, ents: list[Span], ent: Span, sent_start: int) -> tuple[int, int] | None:
        """The nearest organization that opens a clause before the quantity (包头市科协积极搭建…),
        or a place opening a clause or after 在 (在鄂尔多斯市…举办), in the same sentence."""
        text = doc._.kg_norm.text
        best = None
        for e in ents:
            if not (sent_start <= e.start_char < ent.start_char) or e.label_ not in ("ORG", "PLACE") or len(e.text) < 2:
                continue
            prev = text[e.start_char - 1] if e.start_char else "\n"
            opens = prev in _CLAUSE_END or e.start_char == sent_start or text[max(0, e.start_char - 3):e.start_char].endswith(_TIME_LEAD)
            if opens or (e.label_ == "PLACE" and prev == "在"):
                best = e
        return (best.start_char, best.end_char) if best else None


@Language.factory("kg_measures", assigns=["span._.measure"], requires=["doc.ents", "token.tag", "doc._.kg_meta"])
def make_measures(nlp: Language, name: str):
    """Link each quantity to what it measures, its subject, period and status."""
    linker = MeasureLinker(getattr(nlp.tokenizer, "word_tags", None))

    def component(doc: Doc) -> Doc:
        linker(doc)
        return doc

    return component
